/**
 * The main job's cost: `dac test` on the bundled repo (validation, unit and integration over every
 * dataset), run in-process three times; prints the median wall time per phase and events/s.
 */
import { join } from 'node:path';
import { repoInputs } from '../engine/harness/inputs.ts';
import { runHarness } from '../engine/harness/run.ts';

const REPO = join(import.meta.dirname, '..');

export async function benchHarness(log: (s: string) => void = console.log): Promise<void> {
  const runs: { total: number; phases: Record<string, number>; events: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const { report, timings } = await runHarness(repoInputs(REPO), { version: 'bench' });
    if (!report.totals.ok) log('harness  note: the bundled repo does not pass; figures still measured');
    runs.push({ total: performance.now() - t, phases: timings.phases, events: timings.events });
  }
  runs.sort((a, b) => a.total - b.total);
  const m = runs[1];
  const phases = Object.entries(m.phases).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ');
  log(`harness  dac test on the bundled repo: ${m.total.toFixed(0)} ms (median of 3; ${phases}); integration replay ${m.events.toLocaleString('en-US')} events at ${Math.round(m.events / ((m.phases.integration ?? 1) / 1000)).toLocaleString('en-US')} events/s`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchHarness();
