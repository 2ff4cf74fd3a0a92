/**
 * The harness's view of datasets: load each once per run (events in replay order, with its
 * read/used/rejected figures). Integration merges them with events/replay-order.ts mergeReplay.
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
