/**
 * Aggregate functions as small accumulators (add one value, read the result). Results follow
 * Splunk where languages differ: values() is the sorted distinct list, min/max are numeric when
 * every value is numeric and lexicographic otherwise.
 */
import type { FieldValue, Scalar } from '../events/types.ts';
import type { AggregateFn } from '../ir/types.ts';
import { asNumber, compareScalars, elements } from './values.ts';

export interface Accumulator {
  add(value: FieldValue | undefined, ts: number): void;
  result(): FieldValue;
}

function sortedScalars(xs: Iterable<Scalar>): Scalar[] {
  return [...xs].sort((a, b) => {
    const sa = String(a); const sb = String(b);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  });
}

function extreme(sign: 1 | -1): () => Accumulator {
  return () => {
    const all: Scalar[] = [];
    return {
      add(v) { for (const x of elements(v)) if (x !== null) all.push(x); },
      result() {
        if (!all.length) return null;
        const numeric = all.every((x) => asNumber(x) !== undefined);
        let best = all[0];
        for (const x of all) {
          const c = numeric ? (asNumber(x) as number) - (asNumber(best) as number) : (compareScalars(String(x), String(best), false) ?? 0);
          if (c * sign > 0) best = x;
        }
        return numeric ? (asNumber(best) as number) : best;
      },
    };
  };
}

function numeric(reduce: (xs: number[]) => number | null): () => Accumulator {
  return () => {
    const xs: number[] = [];
    return {
      add(v) { for (const x of elements(v)) { const n = x === null ? undefined : asNumber(x); if (n !== undefined) xs.push(n); } },
      result() { return xs.length ? reduce(xs) : null; },
    };
  };
}

function timed(pick: 'latest' | 'earliest' | 'first' | 'last'): () => Accumulator {
  return () => {
    let best: { v: FieldValue; ts: number } | undefined;
    return {
      add(v, ts) {
        if (v === undefined || v === null) return;
        if (!best || pick === 'last' || (pick === 'latest' && ts >= best.ts) || (pick === 'earliest' && ts < best.ts)) best = { v, ts };
      },
      result() { return best ? best.v : null; },
    };
  };
}

export function accumulator(fn: AggregateFn, hasArg: boolean, param?: number): Accumulator {
  switch (fn) {
    case 'count': {
      let n = 0;
      return { add(v) { if (!hasArg || (v !== undefined && v !== null)) n++; }, result: () => n };
    }
    case 'values':
    case 'dc': {
      const seen = new Set<string>();
      const vals: Scalar[] = [];
      return {
        add(v) { for (const x of elements(v)) { if (x === null) continue; const k = String(x); if (!seen.has(k)) { seen.add(k); vals.push(x); } } },
        result: () => (fn === 'dc' ? vals.length : sortedScalars(vals)),
      };
    }
    case 'min': return extreme(-1)();
    case 'max': return extreme(1)();
    case 'sum': return numeric((xs) => xs.reduce((a, b) => a + b, 0))();
    case 'avg': return numeric((xs) => xs.reduce((a, b) => a + b, 0) / xs.length)();
    case 'percentile': {
      const p = param ?? 50;
      return numeric((xs) => {
        const s = [...xs].sort((a, b) => a - b);
        return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
      })();
    }
    case 'latest': case 'earliest': case 'first': case 'last': return timed(fn)();
  }
}
