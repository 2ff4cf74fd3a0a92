/** The runtime prefilter on SigmaHQ's Windows rules over every bundled dataset: identical alerts with and without it. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { listDatasets } from '../../engine/events/dataset.ts';
import { readDataset } from '../../engine/events/replay.ts';
import type { EcsEvent } from '../../engine/events/types.ts';
import { compileSigmaRule } from '../../engine/lang/sigma/index.ts';
import { loadRuleSource } from '../../engine/rule/load.ts';
import { Engine, type EngineRule } from '../../engine/runtime/index.ts';
import { describeShared, REPO_ROOT, sharedPath } from '../support/shared.ts';

describeShared('prefilter on the SigmaHQ corpus', ['sigma', 'rules', 'windows'], () => {
  it('gives exactly the alerts of a run without it', async () => {
    const root = sharedPath('sigma', 'rules', 'windows');
    const files: string[] = [];
    const walk = (d: string) => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else if (p.endsWith('.yml')) files.push(p); } };
    walk(root);
    const rules: EngineRule[] = [];
    for (const f of files) {
      for (const r of loadRuleSource(readFileSync(f, 'utf8'), relative(root, f)).rules) {
        const c = compileSigmaRule(r, {});
        if (c.query && !c.diagnostics.some((x) => x.severity === 'error')) rules.push({ id: `${r.file}#${r.docIndex}`, query: c.query });
      }
    }
    const all: EcsEvent[] = [];
    for (const ds of listDatasets(REPO_ROOT).datasets) {
      const evs = (await readDataset(ds, { root: REPO_ROOT })).events;
      all.push(...(ds.manifest.kind === 'benign' && evs.length > 5000 ? evs.slice(0, 5000) : evs));
    }
    // One replay order across datasets: fresh seq numbers (events are plain objects here).
    const replayed = all.map((e, i) => ({ ...e, seq: i }));
    const run = (prefilter: boolean) => {
      const e = new Engine(rules, undefined, { prefilter });
      for (const x of replayed) e.push(x);
      return e.finish().map((a) => `${a.ruleId} ${a.events.map((x) => x.seq).join(',')}`);
    };
    const on = run(true);
    expect(on.length).toBeGreaterThan(0);
    expect(on).toEqual(run(false));
  }, 120_000);
});
