/**
 * Pattern translation for `:`/like (wildcards → IR Glob) and regex (Lucene syntax → JavaScript
 * RegExp source). The translation is canonical and invertible (print.ts turns the JS source back
 * into the same Lucene text), and rejects what dac cannot run safely:
 *  - Lucene-only operators (~ complement, & intersection, <n-m> intervals, @ any-string, # empty,
 *    "…" quoted strings) unless escaped;
 *  - a quantified group that itself contains a quantifier, e.g. (a+)* — it can backtrack
 *    exponentially in a backtracking engine, and Lucene's automaton would not.
 * Lucene `.` matches any character including newlines, so the IR sets dotAll. Matches are anchored.
 */
import type { Glob, GlobPart } from '../../ir/types.ts';
import type { Span } from '../../diag/diagnostic.ts';
import { EqlError } from './errors.ts';
import { regexHazard } from '../../ir/regex/safety.ts';

export function toGlob(pattern: string): Glob {
  const parts: GlobPart[] = [];
  let lit = '';
  for (const c of pattern) {
    if (c === '*' || c === '?') {
      if (lit) { parts.push({ kind: 'lit', text: lit }); lit = ''; }
      // consecutive stars are one star
      if (c === '*' && parts.length && parts[parts.length - 1].kind === 'star') continue;
      parts.push(c === '*' ? { kind: 'star' } : { kind: 'one' });
    } else lit += c;
  }
  if (lit) parts.push({ kind: 'lit', text: lit });
  return parts;
}

const JS_SPECIAL = new Set('\\^$.|?*+()[]{}/-'.split(''));
const LUCENE_RESERVED = new Set('~&<>@#"'.split(''));
const CLASS_ESC = new Set(['d', 'D', 's', 'S', 'w', 'W']);

/** Lucene regex → JS source. `span` locates errors (the string literal in the query). */
export function luceneToJs(src: string, span: Span): string {
  const fail = (msg: string, hint?: string): never => { throw new EqlError('bad-regex', span, msg, hint); };
  let out = '';
  // per open group: did its body contain a quantifier?
  const groups: boolean[] = [];
  let lastAtomGroupHadQuant = false;
  let lastWasAtom = false;
  let i = 0;
  const quantifierAt = (k: number) => src[k] === '*' || src[k] === '+' || src[k] === '?' || src[k] === '{';
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      const e = src[i + 1];
      if (e === undefined) fail('regex ends with a lone backslash', 'escape it as \\\\');
      out += CLASS_ESC.has(e) || JS_SPECIAL.has(e) ? `\\${e}` : e;
      i += 2; lastWasAtom = true; lastAtomGroupHadQuant = false; continue;
    }
    if (c === '[') {
      let j = i + 1;
      let cls = '[';
      if (src[j] === '^') { cls += '^'; j++; }
      if (src[j] === ']') fail('empty character class');
      while (j < src.length && src[j] !== ']') {
        if (src[j] === '\\') {
          const e = src[j + 1];
          if (e === undefined) fail('unterminated character class');
          cls += CLASS_ESC.has(e) || JS_SPECIAL.has(e) ? `\\${e}` : e; j += 2; continue;
        }
        cls += src[j] === '[' || src[j] === '/' ? `\\${src[j]}` : src[j];
        j++;
      }
      if (j >= src.length) fail('character class is not closed', 'close it with ]');
      out += `${cls}]`;
      i = j + 1; lastWasAtom = true; lastAtomGroupHadQuant = false; continue;
    }
    if (c === '(') { groups.push(false); out += '('; i++; lastWasAtom = false; continue; }
    if (c === ')') {
      if (!groups.length) fail('unbalanced )');
      lastAtomGroupHadQuant = groups.pop()!;
      if (lastAtomGroupHadQuant && groups.length) groups[groups.length - 1] = true;
      out += ')'; i++; lastWasAtom = true; continue;
    }
    if (quantifierAt(i)) {
      if (!lastWasAtom) fail(`quantifier ${c} has nothing to repeat`);
      let q = c;
      if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
        if (!m) fail('malformed {n,m} repetition');
        q = m![0];
      }
      if (lastAtomGroupHadQuant && (q === '*' || q === '+' || q.includes(','))) {
        fail('nested repetition such as (a+)* can backtrack catastrophically', 'rewrite without a repeated group that itself repeats');
      }
      if (groups.length) groups[groups.length - 1] = true;
      out += q; i += q.length; lastWasAtom = false;
      if (quantifierAt(i)) fail('a quantifier cannot follow another quantifier');
      continue;
    }
    if (c === '|') { out += '|'; i++; lastWasAtom = false; continue; }
    if (c === '.') { out += '.'; i++; lastWasAtom = true; lastAtomGroupHadQuant = false; continue; }
    if (LUCENE_RESERVED.has(c)) fail(`Lucene operator ${c} is not supported`, `escape it as \\${c} to match it literally`);
    out += JS_SPECIAL.has(c) ? `\\${c}` : c;
    i++; lastWasAtom = true; lastAtomGroupHadQuant = false;
  }
  if (groups.length) fail('unbalanced (', 'close the group with )');
  try { new RegExp(out, 's'); } catch (e) { fail(`invalid regex: ${(e as Error).message}`); }
  const hazard = regexHazard(out);
  if (hazard) fail(`regex refused: ${hazard}`, 'rewrite it so no two parts can match the same text (dac runs regexes in a backtracking engine)');
  return out;
}

/** JS source produced by luceneToJs → the Lucene text that produces it again. */
export function jsToLucene(js: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < js.length; i++) {
    const c = js[i];
    if (c === '\\') { out += c + (js[i + 1] ?? ''); i++; continue; }
    if (inClass) { if (c === ']') inClass = false; out += c; continue; }
    if (c === '[') { inClass = true; out += c; continue; }
    out += LUCENE_RESERVED.has(c) ? `\\${c}` : c;
  }
  return out;
}
