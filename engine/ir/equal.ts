/**
 * Structural equality of IR values (queries, predicates, expressions, globs, sources): same shape
 * and same values, source positions (`span`) ignored, an absent key equal to one set to undefined.
 * Scalars compare by type and value, so "3" and 3 differ, and -0 equals 0 as the runtime sees it.
 */
import type { EventSource, Expr, Glob, IrQuery, Predicate, Scalar } from './types.ts';

type IrValue = IrQuery | Predicate | Expr | Glob | EventSource | Scalar | readonly Scalar[];

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as readonly unknown[];
    return a.length === bs.length && a.every((x, i) => same(x, bs[i]));
  }
  const ra = a as Readonly<Record<string, unknown>>;
  const rb = b as Readonly<Record<string, unknown>>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (k !== 'span' && !same(ra[k], rb[k])) return false;
  return true;
}

export function irEqual<T extends IrValue>(a: T, b: T): boolean {
  return same(a, b);
}

export const equalPredicate = (a: Predicate, b: Predicate): boolean => same(a, b);
export const equalExpr = (a: Expr, b: Expr): boolean => same(a, b);
export const equalQuery = (a: IrQuery, b: IrQuery): boolean => same(a, b);
