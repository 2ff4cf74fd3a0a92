/**
 * The one replay order, and the one merge of datasets into it.
 *
 * Order: event time (the replay clock's), then dataset (the caller's rank; the harness ranks by
 * name), then within a dataset the record id (EVTX EventRecordID, else the record's number in its
 * file), the file's place in the manifest, and the record's position in the file. `seq` numbers
 * that order from 0. A dataset is sorted once when read (readers do not promise time order);
 * several datasets are then merged by a streaming k-way merge, never concatenated and re-sorted.
 */
import type { EcsEvent } from './types.ts';

/** Where a record sits in its dataset's input, for the tie-breaks after time. */
export interface InputPosition { readonly ts: number; readonly recordId: number; readonly file: number; readonly pos: number }

/** The order within one dataset. */
export function compareInDataset(a: InputPosition, b: InputPosition): number {
  return a.ts - b.ts || a.recordId - b.recordId || a.file - b.file || a.pos - b.pos;
}

interface Head { readonly ev: EcsEvent; readonly rank: number; readonly it: Iterator<EcsEvent> }

const before = (a: Head, b: Head): boolean => a.ev.ts < b.ev.ts || (a.ev.ts === b.ev.ts && (a.rank < b.rank || (a.rank === b.rank && a.ev.seq < b.ev.seq)));

/**
 * Merges datasets, each already in replay order, into one stream in replay order; `streams[i]`
 * has rank i. Yields fresh events numbered from 0 (the inputs are not changed, so a cached dataset
 * can be merged again). Memory: one head per dataset.
 */
export function* mergeReplay(streams: readonly Iterable<EcsEvent>[]): Generator<EcsEvent> {
  const heap: Head[] = [];
  const push = (h: Head): void => {
    let i = heap.push(h) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const pop = (): Head => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  };
  streams.forEach((s, rank) => {
    const it = s[Symbol.iterator]();
    const n = it.next();
    if (!n.done) push({ ev: n.value, rank, it });
  });
  let seq = 0;
  while (heap.length) {
    const h = pop();
    yield { fields: h.ev.fields, ts: h.ev.ts, provenance: h.ev.provenance, seq: seq++ };
    const n = h.it.next();
    if (!n.done) push({ ev: n.value, rank: h.rank, it: h.it });
  }
}
