/**
 * Sigma string values: `*` and `?` are wildcards, and a backslash escapes only `*`, `?` and `\`
 * (any other backslash is a literal backslash, so Windows paths need no doubling).
 * The result is an IR Glob (literal runs, star, one), which modifiers then transform.
 */
import type { Glob, GlobPart } from '../../ir/types.ts';

export type SigmaString = GlobPart[];

export function lit(text: string): SigmaString {
  return text === '' ? [] : [{ kind: 'lit', text }];
}

/** Parses a Sigma string value into literal runs and wildcards. */
export function parseSigmaString(raw: string): SigmaString {
  const out: SigmaString = [];
  let buf = '';
  const flush = (): void => { if (buf) { out.push({ kind: 'lit', text: buf }); buf = ''; } };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') {
      const n = raw[i + 1];
      if (n === '*' || n === '?' || n === '\\') { buf += n; i++; } else buf += c;
    } else if (c === '*') { flush(); out.push({ kind: 'star' }); }
    else if (c === '?') { flush(); out.push({ kind: 'one' }); }
    else buf += c;
  }
  flush();
  return out;
}

/** Joins adjacent literal parts (after concatenations). */
export function normalize(parts: readonly GlobPart[]): SigmaString {
  const out: SigmaString = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (p.kind === 'lit' && last?.kind === 'lit') out[out.length - 1] = { kind: 'lit', text: last.text + p.text };
    else if (p.kind === 'lit' && p.text === '') continue;
    else if (p.kind === 'star' && last?.kind === 'star') continue;
    else out.push(p);
  }
  return out;
}

export function hasWildcard(s: readonly GlobPart[]): boolean {
  return s.some((p) => p.kind !== 'lit');
}

/** The literal text of a wildcard-free string. */
export function plainText(s: readonly GlobPart[]): string {
  return s.map((p) => (p.kind === 'lit' ? p.text : '')).join('');
}

export function concat(...parts: (readonly GlobPart[])[]): SigmaString {
  return normalize(parts.flat());
}

export function asGlob(s: SigmaString): Glob {
  return normalize(s);
}

/** Scalars from YAML as Sigma strings (numbers and booleans match their text). */
export function scalarToSigmaString(v: string | number | boolean): SigmaString {
  return typeof v === 'string' ? parseSigmaString(v) : lit(String(v));
}
