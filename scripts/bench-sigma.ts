/**
 * Sigma benchmark: load + compile every SigmaHQ Windows rule (../shared/sigma/rules/windows), then
 * replay the bundled datasets with all compilable rules in one Engine, and report events/s. The
 * replay repeats the datasets (fresh seq/ts offsets) until at least MIN_EVENTS events were pushed,
 * so small datasets still give a stable rate. Run: npx tsx scripts/bench-sigma.ts
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EcsEvent } from '../engine/events/types.ts';
import { listDatasets } from '../engine/events/dataset.ts';
import { replay } from '../engine/events/replay.ts';
import { compileSigmaRule } from '../engine/lang/sigma/index.ts';
import { loadRuleSource } from '../engine/rule/load.ts';
import { Engine, type EngineRule } from '../engine/runtime/index.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(process.env.DAC_SHARED_DIR ?? resolve(REPO, '../shared'), 'sigma/rules/windows');
const MIN_EVENTS = 200_000;

export interface SigmaBench {
  readonly rules: number;
  readonly compiled: number;
  readonly loadMs: number;
  readonly compileMs: number;
  readonly events: number;
  readonly replayMs: number;
  readonly eventsPerSec: number;
  readonly alerts: number;
}

function listYaml(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) listYaml(p, out); else if (f.endsWith('.yml')) out.push(p);
  }
  return out;
}

export async function benchSigma(): Promise<SigmaBench | undefined> {
  if (!existsSync(CORPUS)) { process.stderr.write(`bench-sigma: ${CORPUS} is absent; skipped\n`); return undefined; }
  const files = listYaml(CORPUS);
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  let t = performance.now();
  const loaded = texts.map((text, i) => loadRuleSource(text, relative(CORPUS, files[i])).rules).flat();
  const loadMs = performance.now() - t;
  t = performance.now();
  const rules: EngineRule[] = [];
  for (const rule of loaded) {
    const r = compileSigmaRule(rule, {});
    if (r.query && !r.diagnostics.some((d) => d.severity === 'error')) rules.push({ id: rule.id || rule.file, query: r.query });
  }
  const compileMs = performance.now() - t;

  const { datasets } = listDatasets(REPO);
  const base = (await replay(datasets, { root: REPO })).events;
  if (!base.length) throw new Error('no events in the bundled datasets');
  const engine = new Engine(rules);
  let pushed = 0;
  let alerts = 0;
  const span = base[base.length - 1].ts - base[0].ts + 3_600_000;
  t = performance.now();
  for (let round = 0; pushed < MIN_EVENTS; round++) {
    for (const e of base) {
      const ev: EcsEvent = { ...e, ts: e.ts + round * span, seq: pushed };
      engine.push(ev);
      pushed++;
    }
  }
  alerts = engine.finish().length;
  const replayMs = performance.now() - t;
  return {
    rules: files.length, compiled: rules.length, loadMs, compileMs,
    events: pushed, replayMs, eventsPerSec: Math.round(pushed / (replayMs / 1000)), alerts,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await benchSigma();
  if (r) {
    console.log(`SigmaHQ Windows rules: ${r.compiled}/${r.rules} compiled (${((r.compiled / r.rules) * 100).toFixed(2)}%)`);
    console.log(`load (YAML → Rule): ${r.loadMs.toFixed(0)} ms; compile (Rule → IR): ${r.compileMs.toFixed(0)} ms`);
    console.log(`replay: ${r.events} events with ${r.compiled} rules in ${r.replayMs.toFixed(0)} ms = ${r.eventsPerSec} events/s; ${r.alerts} alerts`);
  }
}
