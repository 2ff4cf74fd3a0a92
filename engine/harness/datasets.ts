/**
 * The harness's view of datasets: load each once per run (events in the dataset's own replay
 * order, with its read/used/rejected figures), and merge all of them into one time-ordered stream.
 */
import type { EcsEvent } from '../events/types.ts';
import type { DatasetResult } from './types.ts';

export interface LoadedDataset {
  readonly name: string;
  readonly events: readonly EcsEvent[];
  readonly result: DatasetResult;
}

export interface DatasetSource {
  /** Every dataset name in the repo, sorted. */
  names(): readonly string[];
  load(name: string): Promise<LoadedDataset | undefined>;
}

/** Caches loads so each dataset is read once however many rules test on it. */
export function cached(source: DatasetSource): DatasetSource {
  const memo = new Map<string, Promise<LoadedDataset | undefined>>();
  return {
    names: () => source.names(),
    load(name) {
      let p = memo.get(name);
      if (!p) { p = source.load(name); memo.set(name, p); }
      return p;
    },
  };
}

/**
 * One replay of several datasets: ordered by time, then dataset name, then the dataset's own order;
 * events get fresh `seq` numbers in the merged order so the run is deterministic.
 */
export function mergeReplay(datasets: readonly LoadedDataset[]): EcsEvent[] {
  const all: { ev: EcsEvent; d: number }[] = [];
  const sorted = [...datasets].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  sorted.forEach((ds, d) => { for (const ev of ds.events) all.push({ ev, d }); });
  all.sort((x, y) => x.ev.ts - y.ev.ts || x.d - y.d || x.ev.seq - y.ev.seq);
  return all.map(({ ev }, seq) => ({ fields: ev.fields, ts: ev.ts, provenance: ev.provenance, seq }));
}
