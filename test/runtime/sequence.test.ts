import { describe, expect, it } from 'vitest';
import { runQuery } from '../../engine/runtime/index.ts';
import type { SequenceQuery } from '../../engine/ir/types.ts';
import { events } from '../support/events.ts';
import { eq, f, step } from '../support/ir.ts';

const ids = (alerts: { events: readonly { fields: Record<string, unknown> }[] }[]) => alerts.map((a) => a.events.map((e) => e.fields.id));

// A user runs a, b, c; per user only the latest partial per step is kept (Elasticsearch's state machine).
const data = events([
  { id: 1, u: 'root', n: 'a' }, { id: 2, u: 'root', n: 'a' }, { id: 3, u: 'bob', n: 'b' },
  { id: 4, u: 'root', n: 'b' }, { id: 5, u: 'root', n: 'b' }, { id: 6, u: 'bob', n: 'a' },
  { id: 7, u: 'root', n: 'a' }, { id: 8, u: 'bob', n: 'b' }, { id: 9, u: 'root', n: 'c' },
  { id: 10, u: 'bob', n: 'c' }, { id: 11, u: 'root', n: 'c' },
]);
const abc = (extra: Partial<SequenceQuery> = {}): SequenceQuery => ({
  kind: 'sequence', ordered: true, by: [f('u')], steps: [step(eq('n', 'a')), step(eq('n', 'b')), step(eq('n', 'c'))], ...extra,
});

describe('ordered sequences', () => {
  it('keeps one partial per step and key, the most recent', () => {
    expect(ids(runQuery(abc(), data))).toEqual([[2, 4, 9], [6, 8, 10]]);
  });
  it('drops partials older than maxspan, measured from the first event', () => {
    expect(ids(runQuery(abc({ maxspanMs: 4000 }), data))).toEqual([[6, 8, 10]]);
  });
  it('until clears the key', () => {
    const q = abc({ until: step(eq('n', 'stop')) });
    const d = events([{ id: 1, u: 'x', n: 'a' }, { id: 2, u: 'x', n: 'b' }, { id: 3, u: 'x', n: 'stop' }, { id: 4, u: 'x', n: 'c' }]);
    expect(runQuery(q, d)).toHaveLength(0);
  });
  it('drops events whose join key is null unless the key is optional', () => {
    const d = events([{ id: 1, n: 'a' }, { id: 2, n: 'b' }, { id: 3, n: 'c' }]);
    expect(runQuery(abc(), d)).toHaveLength(0);
    expect(ids(runQuery(abc({ by: [f('u', true)] }), d))).toEqual([[1, 2, 3]]);
  });
  it('one event never advances two steps in one go, but may end one sequence and start the next', () => {
    const q: SequenceQuery = { kind: 'sequence', ordered: true, by: [], steps: [step(eq('n', 'a')), step(eq('n', 'a'))] };
    expect(ids(runQuery(q, events([{ id: 1, n: 'a' }])))).toEqual([]);
    expect(ids(runQuery(q, events([{ id: 1, n: 'a' }, { id: 2, n: 'a' }, { id: 3, n: 'a' }])))).toEqual([[1, 2], [2, 3]]);
  });
  it('runs=N repeats a step', () => {
    const q: SequenceQuery = { kind: 'sequence', ordered: true, by: [], steps: [step(eq('n', 'a'), { runs: 2 }), step(eq('n', 'b'))] };
    expect(ids(runQuery(q, events([{ id: 1, n: 'a' }, { id: 2, n: 'b' }, { id: 3, n: 'a' }, { id: 4, n: 'a' }, { id: 5, n: 'b' }])))).toEqual([[3, 4, 5]]);
  });
  it('a missing step between two steps voids the partial', () => {
    const q: SequenceQuery = { kind: 'sequence', ordered: true, by: [f('u')], maxspanMs: 60_000,
      steps: [step(eq('n', 'a')), step(eq('n', 'x'), { missing: true }), step(eq('n', 'b'))] };
    const d = events([{ id: 1, u: 'p', n: 'a' }, { id: 2, u: 'p', n: 'x' }, { id: 3, u: 'p', n: 'b' }, { id: 4, u: 'q', n: 'a' }, { id: 5, u: 'q', n: 'b' }]);
    expect(ids(runQuery(q, d))).toEqual([[4, 5]]);
  });
  it('a trailing missing step waits for maxspan before firing', () => {
    const q: SequenceQuery = { kind: 'sequence', ordered: true, by: [f('u')], maxspanMs: 5000,
      steps: [step(eq('n', 'a')), step(eq('n', 'b')), step(eq('n', 'x'), { missing: true })] };
    const d = events([
      { id: 1, u: 'p', n: 'a', ts: 0 }, { id: 2, u: 'p', n: 'b', ts: 1000 }, { id: 3, u: 'p', n: 'x', ts: 2000 },
      { id: 4, u: 'q', n: 'a', ts: 3000 }, { id: 5, u: 'q', n: 'b', ts: 4000 }, { id: 6, u: 'q', n: 'x', ts: 9000 },
    ]);
    expect(ids(runQuery(q, d))).toEqual([[4, 5]]);
  });
});

describe('unordered sequences and samples', () => {
  it('fires when every step is seen within maxspan in any order', () => {
    const q: SequenceQuery = { kind: 'sequence', ordered: false, by: [f('u')], maxspanMs: 10_000, steps: [step(eq('n', 'a')), step(eq('n', 'b'))] };
    const d = events([{ id: 1, u: 'p', n: 'b', ts: 0 }, { id: 2, u: 'p', n: 'a', ts: 5000 }, { id: 3, u: 'q', n: 'b', ts: 6000 }, { id: 4, u: 'q', n: 'a', ts: 17_000 }]);
    expect(ids(runQuery(q, d))).toEqual([[1, 2]]);
  });
  it('samples one set per key', () => {
    const d = events([{ id: 1, u: 'p', n: 'b' }, { id: 2, u: 'p', n: 'a' }, { id: 3, u: 'p', n: 'a' }, { id: 4, u: 'p', n: 'b' }]);
    const alerts = runQuery({ kind: 'sample', by: [f('u')], steps: [step(eq('n', 'a')), step(eq('n', 'b'))] }, d);
    expect(ids(alerts)).toEqual([[2, 1]]);
  });
});
