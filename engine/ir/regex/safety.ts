/**
 * The one regex backtracking analysis, for every language (issue 15 item 6): Sigma `|re`, EQL
 * `regex`, SPL `match()`/`regex`, and every regex predicate the runtime compiles.
 * `|re` patterns: PCRE spellings → JavaScript, then a backtracking check. A replay must never
 * hang on one rule, so patterns that can backtrack catastrophically are refused with the reason:
 * backreferences, nested unbounded quantifiers (`(a+)+`), alternations whose branches overlap
 * under a quantifier (`(a|ab)*`), and long chains of `.*` (polynomial). One common shape is
 * rewritten instead of refused: `.*X` followed by another `.*` or the end becomes `[^X\n]*X`,
 * which matches the same strings (the first X is as good as any) without backtracking.
 */
import { parseRegex, type RxNode } from './parse.ts';

export type RegexCheck =
  | { readonly ok: true; readonly source: string; readonly caseInsensitive: boolean; readonly multiline: boolean; readonly dotAll: boolean }
  | { readonly ok: false; readonly code: 'bad-regex' | 'unsafe-regex' | 'unsupported'; readonly message: string };

/** More unbounded wildcards than this in one sequence is polynomial backtracking worth refusing. */
const MAX_FREE_WILDCARDS = 3;

function translate(src: string, flags: { i: boolean; m: boolean; s: boolean }): string | { error: string } {
  let s = src;
  // Leading inline flags (PCRE `(?i)`) become RegExp flags; JS has no global inline form.
  const lead = /^\(\?([ims]+)\)/.exec(s);
  if (lead) {
    for (const f of lead[1]) flags[f as 'i' | 'm' | 's'] = true;
    s = s.slice(lead[0].length);
  }
  if (/\(\?[imsx-]+\)/.test(s)) return { error: 'inline flags in the middle of a pattern are not supported by JavaScript regexes' };
  if (/\(\?>/.test(s)) return { error: 'atomic groups (?>…) are not supported' };
  s = s.replace(/\(\?P</g, '(?<');
  s = s.replace(/(^|[^\\])((?:\\\\)*)\\A/g, '$1$2^').replace(/(^|[^\\])((?:\\\\)*)\\[Zz]/g, '$1$2$');
  return s;
}

function hasBackref(n: RxNode): boolean {
  switch (n.kind) {
    case 'atom': return !!n.backref;
    case 'seq': return n.items.some(hasBackref);
    case 'alt': return n.branches.some(hasBackref);
    case 'group': return hasBackref(n.body);
    case 'quant': return hasBackref(n.atom);
  }
}

/** Holds an unbounded repeat of `.` (which can swallow whatever follows it). */
function hasFreeDot(n: RxNode): boolean {
  switch (n.kind) {
    case 'atom': return false;
    case 'seq': return n.items.some(hasFreeDot);
    case 'alt': return n.branches.some(hasFreeDot);
    case 'group': return hasFreeDot(n.body);
    case 'quant': return (n.max === Infinity && n.atom.kind === 'atom' && n.atom.text === '.') || hasFreeDot(n.atom);
  }
}

function hasRepeat(n: RxNode): boolean {
  switch (n.kind) {
    case 'atom': return false;
    case 'seq': return n.items.some(hasRepeat);
    case 'alt': return n.branches.some(hasRepeat);
    case 'group': return hasRepeat(n.body);
    case 'quant': return n.max > 1 || hasRepeat(n.atom);
  }
}

type First = { chars: Set<string>; broad: string[]; nullable: boolean };

function first(n: RxNode, ci: boolean): First {
  switch (n.kind) {
    case 'atom':
      if (n.anchor) return { chars: new Set(), broad: [], nullable: true };
      if (n.char !== undefined) return { chars: new Set([ci ? n.char.toLowerCase() : n.char]), broad: [], nullable: false };
      return { chars: new Set(), broad: [n.text], nullable: false };
    case 'group': return first(n.body, ci);
    case 'quant': { const f = first(n.atom, ci); return n.min === 0 ? { ...f, nullable: true } : f; }
    case 'alt': {
      const out: First = { chars: new Set(), broad: [], nullable: false };
      for (const b of n.branches) { const f = first(b, ci); f.chars.forEach((c) => out.chars.add(c)); out.broad.push(...f.broad); out.nullable ||= f.nullable; }
      return out;
    }
    case 'seq': {
      const out: First = { chars: new Set(), broad: [], nullable: true };
      for (const it of n.items) {
        const f = first(it, ci);
        f.chars.forEach((c) => out.chars.add(c)); out.broad.push(...f.broad);
        if (!f.nullable) { out.nullable = false; break; }
      }
      return out;
    }
  }
}

function classMatches(cls: string, ch: string, ci: boolean): boolean {
  try { return new RegExp(`^${cls}$`, ci ? 'is' : 's').test(ch); } catch { return true; }
}

function overlaps(a: First, b: First, ci: boolean): boolean {
  if (a.nullable || b.nullable) return true;
  if (a.broad.length && b.broad.length) return true;
  for (const c of a.chars) if (b.chars.has(c)) return true;
  for (const cls of a.broad) for (const c of b.chars) if (classMatches(cls, c, ci)) return true;
  for (const cls of b.broad) for (const c of a.chars) if (classMatches(cls, c, ci)) return true;
  return false;
}

function findHazard(n: RxNode, ci: boolean): string | undefined {
  switch (n.kind) {
    case 'atom': return undefined;
    case 'seq': return n.items.map((x) => findHazard(x, ci)).find(Boolean);
    case 'alt': return n.branches.map((x) => findHazard(x, ci)).find(Boolean);
    case 'group': return findHazard(n.body, ci);
    case 'quant': {
      const inner = findHazard(n.atom, ci);
      if (inner) return inner;
      if (n.max <= 1) return undefined;
      if (hasRepeat(n.atom) && (n.max === Infinity || n.max > 16)) return `nested quantifier: a repeated group '…${n.src}' contains another repetition`;
      // (.*a){12}: a free `.*` inside even a small count backtracks polynomially (n^12).
      if (n.max > 2 && hasFreeDot(n.atom)) return `nested quantifier: '…${n.src}' repeats a group that has an unbounded repetition`;
      const body = n.atom.kind === 'group' ? n.atom.body : n.atom;
      if (body.kind === 'alt' && n.max > 1) {
        const fs = body.branches.map((b) => first(b, ci));
        for (let i = 0; i < fs.length; i++) for (let j = i + 1; j < fs.length; j++) {
          if (overlaps(fs[i], fs[j], ci)) return `alternatives that can match the same text under the quantifier '${n.src}'`;
        }
      }
      return undefined;
    }
  }
}

const isFreeDot = (n: RxNode | undefined): boolean => n?.kind === 'quant' && n.max === Infinity && n.atom.kind === 'atom' && n.atom.text === '.';

function escapeInClass(c: string): string {
  return c === '\n' ? '\\n' : /[\\\]^-]/.test(c) ? `\\${c}` : c;
}

/** `.*X` then `.*` or the end → `[^X\n]*X`. Edits the top-level sequence only. */
function rewriteDotStars(src: string, root: RxNode, ci: boolean): { source: string; free: number } {
  const items = root.kind === 'seq' ? root.items : [root];
  const edits: { start: number; end: number; text: string }[] = [];
  let free = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (!isFreeDot(it) || it.kind !== 'quant') continue;
    const nx = items[i + 1];
    const after = items[i + 2];
    if (nx?.kind === 'atom' && nx.char !== undefined && !nx.anchor && (after === undefined || isFreeDot(after))) {
      const c = nx.char;
      const variants = ci && c.toLowerCase() !== c.toUpperCase() ? [c.toLowerCase(), c.toUpperCase()] : [c];
      edits.push({ start: it.start, end: it.atomEnd, text: `[^${variants.map(escapeInClass).join('')}\\n]` });
    } else free++;
  }
  let out = src;
  for (const e of edits.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { source: out, free };
}

/**
 * Why a JavaScript regex source can backtrack badly, or undefined when it cannot: backreferences,
 * nested quantifiers, overlapping alternatives under a quantifier, more than
 * MAX_FREE_WILDCARDS free `.*` in a row (after the safe `.*X` rewrite is taken into account).
 */
export function regexHazard(source: string, caseInsensitive = false): string | undefined {
  let tree: RxNode;
  try { tree = parseRegex(source); } catch { return undefined; }
  if (hasBackref(tree)) return 'backreferences can backtrack exponentially';
  const hazard = findHazard(tree, caseInsensitive);
  if (hazard) return `${hazard} can backtrack exponentially`;
  const { free } = rewriteDotStars(source, tree, caseInsensitive);
  if (free > MAX_FREE_WILDCARDS) return `${free} unbounded '.*' wildcards in a row backtrack polynomially (more than ${MAX_FREE_WILDCARDS})`;
  return undefined;
}

/** A RegExp for `source`, or an Error saying why it is refused (invalid, or can backtrack). */
export function safeRegExp(source: string, flags = ''): RegExp | Error {
  let re: RegExp;
  try { re = new RegExp(source, flags); } catch (e) { return new Error(`invalid regular expression: ${e instanceof Error ? e.message : String(e)}`); }
  const hazard = regexHazard(source, flags.includes('i'));
  return hazard ? new Error(`regex /${source.length > 60 ? source.slice(0, 60) + '…' : source}/ refused: ${hazard}`) : re;
}

export function checkRegex(pattern: string, reFlags: ReadonlySet<string>): RegexCheck {
  const flags = { i: reFlags.has('i'), m: reFlags.has('m'), s: reFlags.has('s') };
  const t = translate(pattern, flags);
  if (typeof t !== 'string') return { ok: false, code: 'unsupported', message: t.error };
  try { new RegExp(t); } catch (e) {
    return { ok: false, code: 'bad-regex', message: `invalid regular expression: ${e instanceof Error ? e.message : String(e)}` };
  }
  const tree = parseRegex(t);
  if (hasBackref(tree)) return { ok: false, code: 'unsafe-regex', message: 'backreferences can backtrack exponentially' };
  const hazard = findHazard(tree, flags.i);
  if (hazard) return { ok: false, code: 'unsafe-regex', message: `${hazard} can backtrack exponentially` };
  const { source, free } = rewriteDotStars(t, tree, flags.i);
  if (free > MAX_FREE_WILDCARDS) return { ok: false, code: 'unsafe-regex', message: `${free} unbounded '.*' wildcards in a row backtrack polynomially (more than ${MAX_FREE_WILDCARDS})` };
  return { ok: true, source, caseInsensitive: flags.i, multiline: flags.m, dotAll: flags.s };
}
