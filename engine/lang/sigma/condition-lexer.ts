/** Sigma condition text → tokens with offsets into the condition string. */
import { table } from '../../source/own.ts';
export type CondTokenKind = 'and' | 'or' | 'not' | 'lparen' | 'rparen' | 'one-of' | 'all-of' | 'them' | 'ident' | 'pipe' | 'number';

export interface CondToken { readonly kind: CondTokenKind; readonly text: string; readonly start: number; readonly end: number }

export type LexResult = { readonly tokens: CondToken[] } | { readonly error: string; readonly start: number; readonly end: number };

const WORDS: Record<string, CondTokenKind> = table({ and: 'and', or: 'or', not: 'not', them: 'them' });

export function lexCondition(text: string): LexResult {
  const tokens: CondToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(') { tokens.push({ kind: 'lparen', text: c, start: i, end: i + 1 }); i++; continue; }
    if (c === ')') { tokens.push({ kind: 'rparen', text: c, start: i, end: i + 1 }); i++; continue; }
    // Sigma 1 aggregation: the rest is not condition syntax; the parser reports it.
    if (c === '|') { tokens.push({ kind: 'pipe', text: c, start: i, end: i + 1 }); break; }
    const m = /^[A-Za-z0-9_*.\-]+/.exec(text.slice(i));
    if (!m) return { error: `unexpected character '${c}' in condition`, start: i, end: i + 1 };
    const word = m[0];
    const end = i + word.length;
    const lower = word.toLowerCase();
    // `1 of` / `all of` are single operators; look past the blanks for `of`.
    const of = /^\s+of\b/.exec(text.slice(end));
    if ((word === '1' || lower === 'all') && of) {
      tokens.push({ kind: word === '1' ? 'one-of' : 'all-of', text: text.slice(i, end + of[0].length), start: i, end: end + of[0].length });
      i = end + of[0].length;
      continue;
    }
    const kw = WORDS[lower];
    tokens.push({ kind: kw ?? (/^\d+$/.test(word) ? 'number' : 'ident'), text: word, start: i, end });
    i = end;
  }
  return { tokens };
}
