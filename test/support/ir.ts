/** Terse IR builders for tests. */
import type { Expr, Glob, NullLogic, Predicate, Scalar, SequenceStep, EventQuery } from '../../engine/ir/types.ts';

export const f = (name: string, optional = false): Expr => ({ kind: 'field', name, optional });
export const lit = (value: Scalar): Expr => ({ kind: 'literal', value });
export const eq = (field: string, value: Scalar, ci = false): Predicate => ({ kind: 'compare', op: '==', left: f(field), right: lit(value), caseInsensitive: ci });
export const cmp = (field: string, op: '==' | '!=' | '<' | '<=' | '>' | '>=', value: Scalar, ci = false): Predicate =>
  ({ kind: 'compare', op, left: f(field), right: lit(value), caseInsensitive: ci });
export const and = (...args: Predicate[]): Predicate => ({ kind: 'and', args });
export const or = (...args: Predicate[]): Predicate => ({ kind: 'or', args });
export const not = (arg: Predicate): Predicate => ({ kind: 'not', arg });
/** A glob from text where * and ? are wildcards (no escapes). */
export const glob = (text: string): Glob => {
  const parts: Glob[number][] = [];
  let lit = '';
  for (const c of text) {
    if (c === '*' || c === '?') { if (lit) parts.push({ kind: 'lit', text: lit }); lit = ''; parts.push({ kind: c === '*' ? 'star' : 'one' }); }
    else lit += c;
  }
  if (lit) parts.push({ kind: 'lit', text: lit });
  return parts;
};
export const like = (field: string, ci: boolean, ...patterns: string[]): Predicate => ({ kind: 'glob', left: f(field), patterns: patterns.map(glob), caseInsensitive: ci });
export const ev = (filter: Predicate, logic: NullLogic = 'kleene'): EventQuery => ({ kind: 'event', filter, logic });
export const step = (filter: Predicate, opts: Partial<SequenceStep> = {}): SequenceStep => ({ filter: ev(filter), by: [], runs: 1, missing: false, ...opts });
