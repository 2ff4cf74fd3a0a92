/**
 * KQL tokens, as Kibana's grammar (kuery.peg) reads them: `( ) { } :` and the range operators are
 * special; `"…"` is a quoted string; anything else up to whitespace or a special character is a
 * word (an unquoted literal may hold spaces: the parser joins neighbouring words). In quoted
strings `\t \r \n \uXXXX \\ \"` are escapes and any other backslash is itself. Escapes in words:
 * `\` before a special character, whitespace or `\`, `\t \r \n`, `\uXXXX`, and `\and \or \not`
 * (a keyword taken literally). An unescaped `*` is a wildcard.
 */
import type { GlobPart } from '../../ir/types.ts';
import { KqlError } from './errors.ts';

export type Token =
  | { readonly kind: '(' | ')' | '{' | '}' | ':' | 'eof'; readonly start: number; readonly end: number }
  | { readonly kind: 'range'; readonly op: '<' | '<=' | '>' | '>='; readonly start: number; readonly end: number }
  | { readonly kind: 'quoted'; readonly text: string; readonly start: number; readonly end: number }
  /** `keyword`: an unescaped and/or/not standing alone (lower-cased). */
  | { readonly kind: 'word'; readonly parts: readonly GlobPart[]; readonly keyword?: 'and' | 'or' | 'not'; readonly start: number; readonly end: number };

const SPECIAL = new Set(['\\', '(', ')', ':', '<', '>', '"', '*', '{', '}']);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const SIMPLE_ESCAPE: ReadonlyMap<string, string> = new Map([['t', '\t'], ['r', '\r'], ['n', '\n']]);

function quoted(text: string, start: number): Token {
  let out = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') return { kind: 'quoted', text: out, start, end: i + 1 };
    if (c === '\\') {
      // Kibana: \t \r \n, \uXXXX, \\ and \" are escapes; any other backslash is itself.
      const n = text[i + 1];
      const simple = n === undefined ? undefined : SIMPLE_ESCAPE.get(n);
      if (simple !== undefined) { out += simple; i += 2; continue; }
      if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) { out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)); i += 6; continue; }
      if (n === '\\' || n === '"') { out += n; i += 2; continue; }
      out += c; i++; continue;
    }
    out += c; i++;
  }
  throw new KqlError('unterminated', { start, end: text.length }, 'quoted string is not closed', 'add the closing "');
}

function unicode(text: string, i: number): [string, number] {
  const hex = text.slice(i + 2, i + 6);
  if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new KqlError('bad-escape', { start: i, end: Math.min(text.length, i + 6) }, '\\u needs four hex digits');
  return [String.fromCharCode(parseInt(hex, 16)), i + 6];
}

function word(text: string, start: number): Token {
  const parts: GlobPart[] = [];
  let lit = '';
  let escaped = false;
  let i = start;
  const flush = () => { if (lit) { parts.push({ kind: 'lit', text: lit }); lit = ''; } };
  while (i < text.length) {
    const c = text[i];
    if (isSpace(c)) break;
    if (c === '*') { flush(); parts.push({ kind: 'star' }); i++; continue; }
    if (c === '\\') {
      const n = text[i + 1];
      if (n === undefined) throw new KqlError('bad-escape', { start: i, end: i + 1 }, 'a lone \\ ends the query', 'write \\\\ for a backslash');
      escaped = true;
      const simple = SIMPLE_ESCAPE.get(n);
      if (simple !== undefined) { lit += simple; i += 2; continue; }
      if (n === 'u') { const [ch, next] = unicode(text, i); lit += ch; i = next; continue; }
      if (SPECIAL.has(n) || isSpace(n)) { lit += n; i += 2; continue; }
      const kw = /^(and|or|not)\b/i.exec(text.slice(i + 1));
      if (kw) { lit += kw[0]; i += 1 + kw[0].length; continue; }
      throw new KqlError('bad-escape', { start: i, end: i + 2 }, `\\${n} is not a KQL escape`, 'escape only \\ ( ) : < > " * { } whitespace and the keywords; write \\\\ for a backslash');
    }
    if (SPECIAL.has(c)) break;
    lit += c; i++;
  }
  flush();
  const only = parts.length === 1 && parts[0].kind === 'lit' ? parts[0].text.toLowerCase() : '';
  const keyword = !escaped && (only === 'and' || only === 'or' || only === 'not') ? only : undefined;
  return { kind: 'word', parts, ...(keyword ? { keyword } : {}), start, end: i };
}

export function lex(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (isSpace(c)) { i++; continue; }
    if (c === '(' || c === ')' || c === '{' || c === '}' || c === ':') { out.push({ kind: c, start: i, end: i + 1 }); i++; continue; }
    if (c === '<' || c === '>') {
      const eq = text[i + 1] === '=';
      out.push({ kind: 'range', op: (eq ? `${c}=` : c) as '<' | '<=' | '>' | '>=', start: i, end: i + (eq ? 2 : 1) });
      i += eq ? 2 : 1;
      continue;
    }
    const t = c === '"' ? quoted(text, i) : word(text, i);
    out.push(t);
    i = t.end;
  }
  out.push({ kind: 'eof', start: text.length, end: text.length });
  return out;
}
