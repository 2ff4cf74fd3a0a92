/** Builds a hostile case's small fixture in a fresh temp folder and runs it. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostileCase, Observation } from '../../scripts/hostile/case.ts';

export async function observe(cases: readonly HostileCase[], id: string): Promise<Observation> {
  const c = cases.find((x) => x.id === id);
  if (!c) throw new Error(`no hostile case ${id}`);
  const dir = mkdtempSync(join(tmpdir(), `dac-hostile-${id}-`));
  await c.build(dir, 'small');
  return c.run(dir);
}
