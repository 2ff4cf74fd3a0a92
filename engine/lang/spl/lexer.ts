/**
 * SPL tokens. SPL words are loose (wildcard values, `C:\Windows\*`, `Processes.process_name` are single
 * words), so a word is any run of characters that is not whitespace or one of the few delimiters
 * below; the parser decides what a word means in its position (field, value, keyword, operator).
 * Offsets are into the macro-expanded text; the front-end maps them back (see macros.ts).
 */
import type { Span } from '../../diag/diagnostic.ts';

export type TokenKind = 'word' | 'string' | 'op' | 'lparen' | 'rparen' | 'comma' | 'pipe' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** For strings: the unescaped content. For ops: '=', '==', '!=', '<', '<=', '>', '>='. */
  readonly text: string;
  readonly span: Span;
}

export interface LexError { readonly code: 'unbalanced-quotes'; readonly message: string; readonly span: Span }

const DELIMS = new Set([' ', '\t', '\r', '\n', '|', '(', ')', ',', '"', '=', '!', '<', '>']);

export function lex(text: string): { tokens: Token[]; errors: LexError[] } {
  const tokens: Token[] = [];
  const errors: LexError[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') { i++; continue; }
    const start = i;
    if (c === '|') { tokens.push({ kind: 'pipe', text: c, span: { start, end: ++i } }); continue; }
    if (c === '(') { tokens.push({ kind: 'lparen', text: c, span: { start, end: ++i } }); continue; }
    if (c === ')') { tokens.push({ kind: 'rparen', text: c, span: { start, end: ++i } }); continue; }
    if (c === ',') { tokens.push({ kind: 'comma', text: c, span: { start, end: ++i } }); continue; }
    if (c === '"') {
      let out = '';
      i++;
      let closed = false;
      while (i < text.length) {
        const d = text[i]!;
        // SPL quoted strings escape only `"` and `\`; any other backslash is literal.
        if (d === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) { out += text[i + 1]; i += 2; continue; }
        if (d === '"') { closed = true; i++; break; }
        out += d;
        i++;
      }
      if (!closed) {
        errors.push({ code: 'unbalanced-quotes', message: 'unbalanced quotes: this string has no closing "', span: { start, end: start + 1 } });
      }
      tokens.push({ kind: 'string', text: out, span: { start, end: i } });
      continue;
    }
    if (c === '=' || c === '!' || c === '<' || c === '>') {
      const two = text.slice(i, i + 2);
      if (two === '==' || two === '!=' || two === '<=' || two === '>=') {
        tokens.push({ kind: 'op', text: two, span: { start, end: i + 2 } });
        i += 2;
        continue;
      }
      if (c === '!') {
        // A lone `!` is not SPL syntax outside of `!=`; keep it as a word so the parser names it.
        tokens.push({ kind: 'word', text: '!', span: { start, end: ++i } });
        continue;
      }
      tokens.push({ kind: 'op', text: c, span: { start, end: ++i } });
      continue;
    }
    while (i < text.length && !DELIMS.has(text[i]!)) i++;
    tokens.push({ kind: 'word', text: text.slice(start, i), span: { start, end: i } });
  }
  tokens.push({ kind: 'eof', text: '', span: { start: text.length, end: text.length } });
  return { tokens, errors };
}
