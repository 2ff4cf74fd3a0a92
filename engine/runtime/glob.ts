/**
 * Compiles IR globs once into the cheapest test: equality, prefix, suffix, substring, or a
 * segment matcher (linear, no regex) for the general case. Matching is on whole strings; `*` spans newlines. Case-insensitive tests
 * expect the value already lower-cased (see compileGlobs), so a value is folded once per
 * predicate, not once per pattern.
 */
import type { Glob } from '../ir/types.ts';
import { lower } from './values.ts';
import { globTest } from '../ir/glob-match.ts';

export type StringTest = (s: string) => boolean;

/** A test over a value that has already been lower-cased when `ci`. */
function compileFolded(glob: Glob, ci: boolean): StringTest {
  const parts = glob.map((p) => (p.kind === 'lit' ? { ...p, text: ci ? p.text.toLowerCase() : p.text } : p));
  const lits = parts.filter((p) => p.kind === 'lit');
  const stars = parts.filter((p) => p.kind === 'star').length;
  const ones = parts.length - lits.length - stars;
  if (ones === 0 && lits.length <= 1) {
    const lit = lits.length ? (lits[0] as { text: string }).text : '';
    const first = parts[0]?.kind;
    const last = parts[parts.length - 1]?.kind;
    if (stars === 0) return (s) => s === lit;
    if (lits.length === 0) return () => true;
    if (first === 'star' && last === 'star') return (s) => s.includes(lit);
    if (first === 'star') return (s) => s.endsWith(lit);
    if (last === 'star') return (s) => s.startsWith(lit);
  }
  return globTest(parts);
}

/**
 * One test for a set of patterns: true when any matches. Exact patterns become one Set lookup;
 * the value is lower-cased once when `ci`.
 */
export function compileGlobs(globs: readonly Glob[], ci: boolean): StringTest {
  const exact = new Set<string>();
  const others: StringTest[] = [];
  for (const g of globs) {
    if (g.every((p) => p.kind === 'lit')) exact.add(g.map((p) => (p as { text: string }).text).join('')[ci ? 'toLowerCase' : 'toString']());
    else others.push(compileFolded(g, ci));
  }
  const n = others.length;
  const test = (v: string) => {
    if (exact.has(v)) return true;
    for (let i = 0; i < n; i++) if (others[i](v)) return true;
    return false;
  };
  return ci ? (s) => test(lower(s)) : test;
}

/** A single pattern (kept for callers that test one glob). */
export function compileGlob(glob: Glob, ci: boolean): StringTest {
  return compileGlobs([glob], ci);
}
