/** CAR pseudocode tokens: identifiers (dotted), numbers, "strings", operators, parens, `:`, `,`, `=`. */
import type { Span } from '../../diag/diagnostic.ts';

export type CarTokenKind = 'ident' | 'number' | 'string' | 'op' | 'lparen' | 'rparen' | 'colon' | 'comma' | 'assign' | 'eof';
export interface CarToken { readonly kind: CarTokenKind; readonly text: string; readonly span: Span }
export interface CarLexError { readonly code: 'unbalanced-quotes' | 'syntax'; readonly message: string; readonly span: Span }

export function lexCar(text: string): { tokens: CarToken[]; errors: CarLexError[] } {
  const tokens: CarToken[] = [];
  const errors: CarLexError[] = [];
  let i = 0;
  const push = (kind: CarTokenKind, t: string, start: number, end: number): void => { tokens.push({ kind, text: t, span: { start, end } }); };
  while (i < text.length) {
    const c = text[i]!;
    const start = i;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '#' || (c === '/' && text[i + 1] === '/')) { while (i < text.length && text[i] !== '\n') i++; continue; }
    if (c === '"' || c === "'" || c === '\u201c' || c === '\u2018') {
      // Typographic quotes (“…”, ‘…’) close with their partner, as CAR's prose-edited pseudocode has them.
      const close = c === '\u201c' ? '\u201d' : c === '\u2018' ? '\u2019' : c;
      let out = '';
      i++;
      while (i < text.length && text[i] !== close) {
        if (text[i] === '\\' && (text[i + 1] === close || text[i + 1] === '\\')) { out += text[i + 1]; i += 2; continue; }
        out += text[i++];
      }
      if (i >= text.length) { errors.push({ code: 'unbalanced-quotes', message: `unbalanced quotes: this string has no closing ${close}`, span: { start, end: start + 1 } }); }
      else i++;
      push('string', out, start, i);
      continue;
    }
    if (/[0-9]/.test(c)) { while (i < text.length && /[0-9.]/.test(text[i]!)) i++; push('number', text.slice(start, i), start, i); continue; }
    if (/[A-Za-z_]/.test(c)) { while (i < text.length && /[A-Za-z0-9_.]/.test(text[i]!)) i++; push('ident', text.slice(start, i), start, i); continue; }
    const two = text.slice(i, i + 2);
    if (['==', '!=', '<=', '>=', '&&', '||'].includes(two)) { i += 2; push('op', two, start, i); continue; }
    if (c === '<' || c === '>' || c === '!') { i++; push('op', c, start, i); continue; }
    if (c === '=') { i++; push('assign', c, start, i); continue; }
    // Lists are written `(…)` or `[…]`.
    if (c === '(' || c === '[') { i++; push('lparen', c, start, i); continue; }
    if (c === ')' || c === ']') { i++; push('rparen', c, start, i); continue; }
    if (c === ':') { i++; push('colon', c, start, i); continue; }
    if (c === ',') { i++; push('comma', c, start, i); continue; }
    errors.push({ code: 'syntax', message: `unexpected character \`${c}\``, span: { start, end: start + 1 } });
    i++;
  }
  push('eof', '', text.length, text.length);
  return { tokens, errors };
}
