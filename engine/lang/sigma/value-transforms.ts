/**
 * Applies a chain's transformations to one value, giving its alternatives (any of which may
 * match): windash and expand multiply values, base64offset gives three, the encodings feed base64.
 */
import type { GlobPart } from '../../ir/types.ts';
import { base64, base64Offsets, utf16, type Encoded } from './encodings.ts';
import { hasWildcard, lit, normalize, plainText, type SigmaString } from './values.ts';

export type TransformResult = { readonly values: SigmaString[] } | { readonly error: string; readonly placeholder?: string };

/** The dash variants Windows command lines accept for a flag: - / en dash, em dash, horizontal bar. */
export const WINDASH_CHARS = ['-', '/', '\u2013', '\u2014', '\u2015'] as const;

const isWord = (c: string | undefined): boolean => c !== undefined && /\w/.test(c);

/** A `-` or `/` that starts a flag: not preceded by a word character, followed by one. */
function windash(s: SigmaString): SigmaString[] {
  const any = s.some((p) => p.kind === 'lit' && /(^|\W)[-/](?=\w)/.test(p.text));
  if (!any) return [s];
  return WINDASH_CHARS.map((dash) => s.map((p): GlobPart => {
    if (p.kind !== 'lit') return p;
    let out = '';
    for (let i = 0; i < p.text.length; i++) {
      const c = p.text[i];
      out += (c === '-' || c === '/') && !isWord(p.text[i - 1]) && isWord(p.text[i + 1]) ? dash : c;
    }
    return { kind: 'lit', text: out };
  }));
}

function expand(s: SigmaString, placeholders: ReadonlyMap<string, readonly string[]> | undefined): TransformResult {
  let results: SigmaString[] = [[]];
  for (const p of s) {
    if (p.kind !== 'lit') { results = results.map((r) => [...r, p]); continue; }
    const pieces = p.text.split(/(%[A-Za-z0-9_.-]+%)/);
    for (const piece of pieces) {
      const m = /^%([A-Za-z0-9_.-]+)%$/.exec(piece);
      if (!m) { if (piece) results = results.map((r) => [...r, { kind: 'lit', text: piece }]); continue; }
      const vals = placeholders?.get(m[1]);
      if (!vals) return { error: `no value configured for placeholder %${m[1]}%`, placeholder: m[1] };
      results = results.flatMap((r) => vals.map((v) => [...r, { kind: 'lit' as const, text: v }]));
    }
  }
  return { values: results.map(normalize) };
}

export function applyTransforms(value: SigmaString, transforms: readonly string[], placeholders?: ReadonlyMap<string, readonly string[]>): TransformResult {
  let values: SigmaString[] = [value];
  // Encoded bytes waiting for base64 (set by utf16*/wide).
  let pending: Encoded[] | undefined;
  for (const t of transforms) {
    switch (t) {
      case 'windash': values = values.flatMap(windash); break;
      case 'expand': {
        const next: SigmaString[] = [];
        for (const v of values) {
          const r = expand(v, placeholders);
          if ('error' in r) return r;
          next.push(...r.values);
        }
        values = next;
        break;
      }
      case 'utf16le': case 'wide': case 'utf16be': case 'utf16': {
        if (values.some(hasWildcard)) return { error: `'${t}' cannot encode a value with wildcards` };
        const order = t === 'utf16be' ? 'be' : 'le';
        pending = values.map((v) => utf16({ text: plainText(v), binary: false }, order, t === 'utf16'));
        break;
      }
      case 'base64': case 'base64offset': {
        if (!pending && values.some(hasWildcard)) return { error: `'${t}' cannot encode a value with wildcards` };
        const src = pending ?? values.map((v) => ({ text: plainText(v), binary: false }));
        values = src.flatMap((e) => (t === 'base64' ? [base64(e)] : base64Offsets(e))).map(lit);
        pending = undefined;
        break;
      }
      default: return { error: `unknown transformation '${t}'` };
    }
  }
  return { values };
}
