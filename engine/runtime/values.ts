/** Value helpers shared by the compiled closures: coercion, case folding, ordering. */
import type { FieldValue, Scalar } from '../events/types.ts';

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number a scalar stands for, if it is a number or a numeric string; else undefined. */
export function asNumber(v: Scalar): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && NUMERIC.test(v.trim())) return Number(v);
  return undefined;
}

/** Elements to test: a scalar alone, or each element of an array (ECS arrays: any element matches). */
export function elements(v: FieldValue | undefined): readonly Scalar[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? (v as readonly Scalar[]) : [v as Scalar];
}

export function isMissing(v: FieldValue | undefined): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0);
}

/**
 * Lower-cased strings, remembered for the current event only: with a thousand case-insensitive
 * rules on one event, each field value is folded once instead of once per rule. The engine clears
 * the memo before each event (clearFoldCache), which keeps it as small as one event.
 */
const folded = new Map<string, string>();

/** Bound for callers that evaluate without an engine (evalExpr, evalPredicate), which never clear. */
const FOLD_CACHE_MAX = 4096;

export function lower(s: string): string {
  let l = folded.get(s);
  if (l === undefined) {
    l = s.toLowerCase();
    if (folded.size >= FOLD_CACHE_MAX) folded.clear();
    folded.set(s, l);
  }
  return l;
}

export function clearFoldCache(): void {
  folded.clear();
}

export function fold(s: string, ci: boolean): string {
  return ci ? lower(s) : s;
}

/**
 * Orders two scalars: numbers (and numeric strings against numbers) numerically, strings by code
 * unit (lower-cased when ci), booleans as false < true. Returns undefined when incomparable.
 */
export function compareScalars(a: Scalar, b: Scalar, ci: boolean): number | undefined {
  if (a === null || b === null) return undefined;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = asNumber(a);
    const y = asNumber(b);
    if (x === undefined || y === undefined) return undefined;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    if (typeof a !== typeof b) return undefined;
    return a === b ? 0 : a ? 1 : -1;
  }
  const s = fold(a, ci);
  const t = fold(b, ci);
  return s < t ? -1 : s > t ? 1 : 0;
}

/** A stable text key for grouping/joining (type-tagged so 1 and "1" differ unless coerced first). */
export function keyOf(values: readonly FieldValue[]): string {
  return JSON.stringify(values);
}

/** Text form used where a language compares strings against non-strings (globs, regexes). */
export function asText(v: Scalar): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}
