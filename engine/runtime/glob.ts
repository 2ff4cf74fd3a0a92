/**
 * Compiles IR globs once into the cheapest test: equality, prefix, suffix, substring, or a
 * segment matcher (linear, no regex) for the general case. Matching is on whole strings; `*` spans newlines. Case-insensitive tests
 * expect the value already lower-cased (see compileGlobs), so a value is folded once per
 * predicate, not once per pattern.
 */
import type { Glob } from '../ir/types.ts';
import { lower } from './values.ts';

export type StringTest = (s: string) => boolean;

/**
 * A segment between stars: literal text where `?` positions (one code unit, any) are `null`.
 * Kept as a string plus a mask so the common all-literal segment is one indexOf.
 */
interface Segment { readonly text: string; readonly any: readonly boolean[] | undefined }

function segmentAt(s: string, seg: Segment, i: number): boolean {
  const { text, any } = seg;
  if (!any) return s.startsWith(text, i);
  if (i + text.length > s.length) return false;
  for (let k = 0; k < text.length; k++) if (!any[k] && s.charCodeAt(i + k) !== text.charCodeAt(k)) return false;
  return true;
}

function findSegment(s: string, seg: Segment, from: number): number {
  if (!seg.any) return s.indexOf(seg.text, from);
  for (let i = from; i + seg.text.length <= s.length; i++) if (segmentAt(s, seg, i)) return i;
  return -1;
}

/**
 * The general glob: no regex, no backtracking (issue 15 item 6: `*a*a*a*a*a*a*a*b` compiled to
 * `[\s\S]*` regexes took seconds per value). With the pattern cut at its stars into segments,
 * the first segment must start the value, the last must end it, and each middle one is matched
 * at its leftmost place after the previous: leftmost is always safe for `*`, so one pass
 * decides, in O(value × pattern) at worst.
 */
function compileSegments(parts: readonly ({ kind: 'lit'; text: string } | { kind: 'star' } | { kind: 'one' })[]): StringTest {
  const segs: Segment[] = [];
  let text = '';
  let any: boolean[] = [];
  let hasAny = false;
  const close = () => { segs.push({ text, any: hasAny ? any : undefined }); text = ''; any = []; hasAny = false; };
  for (const p of parts) {
    if (p.kind === 'star') { close(); continue; }
    if (p.kind === 'one') { text += '?'; any.push(true); hasAny = true; continue; }
    text += p.text;
    for (let k = 0; k < p.text.length; k++) any.push(false);
  }
  close();
  if (segs.length === 1) { const only = segs[0]!; return (s) => s.length === only.text.length && segmentAt(s, only, 0); }
  const head = segs[0]!;
  const tail = segs[segs.length - 1]!;
  const middle = segs.slice(1, -1);
  const minLen = segs.reduce((n, g) => n + g.text.length, 0);
  return (s) => {
    if (s.length < minLen || !segmentAt(s, head, 0)) return false;
    const end = s.length - tail.text.length;
    if (!segmentAt(s, tail, end)) return false;
    let at = head.text.length;
    for (const seg of middle) {
      const i = findSegment(s, seg, at);
      if (i < 0 || i + seg.text.length > end) return false;
      at = i + seg.text.length;
    }
    return true;
  };
}

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
  return compileSegments(parts);
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
