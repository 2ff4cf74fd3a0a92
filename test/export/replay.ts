/**
 * Round-trip support: load the repo once (rules compiled for export, datasets read once), and
 * compare the alerts of two queries over a dataset by count and by the provenance of each alert's
 * events. Expectations always come from running the original rule, never from fixed counts.
 */
import { resolve } from 'node:path';
import { repoDatasets } from '../../engine/harness/inputs.ts';
import type { EcsEvent } from '../../engine/events/types.ts';
import type { IrQuery } from '../../engine/ir/types.ts';
import { runQuery } from '../../engine/runtime/index.ts';
import { exportContext } from '../../engine/export/prepare.ts';
import type { ExportContext, ExportRule } from '../../engine/export/types.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

let ctx: ExportContext | undefined;
export function repoContext(): ExportContext {
  ctx ??= exportContext(ROOT);
  return ctx;
}

const datasets = repoDatasets(ROOT).source;
export async function events(name: string): Promise<readonly EcsEvent[]> {
  const d = await datasets.load(name);
  if (!d) throw new Error(`dataset ${name} not found`);
  return d.events;
}
export const datasetNames = (): readonly string[] => datasets.names();

/** Each alert as the provenance of its events, in alert order. */
export function alertKeys(q: IrQuery, evs: readonly EcsEvent[]): string[] {
  return runQuery(q, evs).map((a) => a.events.map((e) => `${e.provenance.dataset}:${e.provenance.file}:${e.provenance.line ?? ''}:${e.provenance.record ?? ''}`).join(' + '));
}

/** The datasets a rule's round trip replays: its own test datasets (attack and near misses). */
export function testDatasets(er: ExportRule): string[] {
  return er.rule.tests.kind === 'cases' ? [...new Set(er.rule.tests.cases.map((c) => c.dataset))] : [];
}
