/** The one replay order and the k-way merge: merging sorted datasets equals sorting their union by the full key. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareInDataset, mergeReplay } from '../../engine/events/replay-order.ts';
import type { EcsEvent } from '../../engine/events/types.ts';

const ev = (ts: number, seq: number, dataset: string): EcsEvent => ({ fields: { n: `${dataset}${seq}` }, ts, seq, provenance: { dataset, file: `${dataset}.xml` } });

describe('compareInDataset', () => {
  it('orders by time, then record id, then file, then position', () => {
    const rows = [
      { ts: 2, recordId: 1, file: 0, pos: 1 }, { ts: 1, recordId: 9, file: 1, pos: 1 },
      { ts: 1, recordId: 9, file: 0, pos: 2 }, { ts: 1, recordId: 3, file: 1, pos: 5 }, { ts: 1, recordId: 9, file: 0, pos: 1 },
    ];
    expect([...rows].sort(compareInDataset)).toEqual([rows[3], rows[4], rows[2], rows[1], rows[0]]);
  });
});

describe('mergeReplay', () => {
  it('breaks time ties by dataset rank, then the dataset\'s own order; numbers from 0; leaves inputs alone', () => {
    const a = [ev(1, 0, 'a'), ev(5, 1, 'a'), ev(5, 2, 'a')];
    const b = [ev(0, 0, 'b'), ev(5, 1, 'b'), ev(9, 2, 'b')];
    const out = [...mergeReplay([a, b])];
    expect(out.map((e) => e.fields.n)).toEqual(['b0', 'a0', 'a1', 'a2', 'b1', 'b2']);
    expect(out.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(a.map((e) => e.seq)).toEqual([0, 1, 2]);
    expect([...mergeReplay([])]).toEqual([]);
    expect([...mergeReplay([[], a])].map((e) => e.fields.n)).toEqual(['a0', 'a1', 'a2']);
  });

  it('equals a sort of the union by (time, rank, seq) for any sorted inputs', () => {
    const dataset = fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 30 }).map((ts) => [...ts].sort((x, y) => x - y));
    fc.assert(fc.property(fc.array(dataset, { maxLength: 6 }), (sets) => {
      const streams = sets.map((ts, d) => ts.map((t, i) => ev(t, i, `d${d}`)));
      const union = streams.flatMap((s, rank) => s.map((e) => ({ e, rank })));
      union.sort((x, y) => x.e.ts - y.e.ts || x.rank - y.rank || x.e.seq - y.e.seq);
      expect([...mergeReplay(streams)].map((e) => e.fields.n)).toEqual(union.map((u) => u.e.fields.n));
    }));
  });

  it('is lazy: it reads no further than it yields', () => {
    let pulled = 0;
    function* counting(): Generator<EcsEvent> { for (let i = 0; i < 1000; i++) { pulled++; yield ev(i, i, 'x'); } }
    const it = mergeReplay([counting()]);
    it.next(); it.next();
    expect(pulled).toBeLessThanOrEqual(3);
  });
});
