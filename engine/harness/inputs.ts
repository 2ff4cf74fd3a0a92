/** Builds the harness's inputs from a repo on disk: validated rules, macros, ATT&CK, datasets. */
import type { Diagnostic } from '../diag/diagnostic.ts';
import { attackCatalogue } from '../attack/catalogue.ts';
import { listDatasets } from '../events/dataset.ts';
import { readDataset } from '../events/replay.ts';
import type { DatasetStats } from '../events/stats.ts';
import { validateRepo } from '../validate/validate-repo.ts';
import { cached, type DatasetSource } from './datasets.ts';
import type { HarnessInputs } from './run.ts';
import type { DatasetResult } from './types.ts';

function datasetResult(s: DatasetStats, techniques: readonly string[]): DatasetResult {
  return {
    name: s.dataset,
    kind: s.kind,
    files: s.files.map((f) => f.file),
    events: { read: s.read, used: s.used, rejected: s.rejected },
    rejections: s.files.flatMap((f) => f.rejections).slice(0, 50),
    hosts: s.hosts,
    timeRange: { start: s.timeRange?.first ?? null, end: s.timeRange?.last ?? null },
    eventIds: s.byEventId,
    techniques: [...techniques],
    problems: [...s.mismatches, ...(s.skipped ? [`${s.skipped} stretch(es) of input skipped`] : [])],
  };
}

export function repoDatasets(root: string, dataRoots: readonly string[] = []): { source: DatasetSource; diagnostics: Diagnostic[]; sources: Map<string, string> } {
  const list = listDatasets(root, 'datasets', dataRoots);
  const byName = new Map(list.datasets.map((d) => [d.manifest.name, d]));
  const sources = new Map(list.loads.map((l) => [l.file, l.text]));
  const source: DatasetSource = {
    names: () => [...byName.keys()].sort(),
    async load(name) {
      const ds = byName.get(name);
      if (!ds) return undefined;
      const r = await readDataset(ds, { root, dataRoots });
      return { name, events: r.events, result: datasetResult(r.stats, ds.manifest.techniques) };
    },
  };
  return { source: cached(source), diagnostics: list.diagnostics, sources };
}

export function repoInputs(root: string, paths?: readonly string[], dataRoots: readonly string[] = []): HarnessInputs {
  const v = validateRepo(root, paths);
  const ds = repoDatasets(root, dataRoots);
  const attack = attackCatalogue();
  const sources = new Map([...v.sources, ...ds.sources]);
  return {
    rules: v.results.map((r) => ({ rule: r.rule, diagnostics: r.diagnostics, compiled: v.compiled.get(r.rule) })),
    repoDiagnostics: [...v.fileDiagnostics, ...ds.diagnostics],
    env: v.env,
    sources,
    attackVersion: attack.version,
    technique: (id) => {
      const t = attack.technique(id);
      return t ? { name: t.name, tactics: t.tactics } : undefined;
    },
    tacticId: (t) => (attack.tactic(t) ?? attack.tacticByShortname(t.toLowerCase().replace(/\s+/g, '-')))?.id,
    datasets: ds.source,
  };
}
