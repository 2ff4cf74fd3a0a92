/**
 * EQL tokens with their offsets. Old Endgame forms (single quotes, `?"raw"`) are lexed so the
 * parser can reject them with a pointed message instead of a generic syntax error.
 */
import type { Span } from '../../diag/diagnostic.ts';
import { EqlError } from './errors.ts';
import { table } from '../../source/own.ts';

export type TokKind =
  | 'ident'      // bare identifier or keyword (value = text)
  | 'quoted'     // `backtick field` (value = unescaped name)
  | 'string'     // "…" (value = unescaped) or """…""" (raw)
  | 'sqstring'   // '…' (Endgame only)
  | 'rawstring'  // ?"…" / ?'…' (Endgame only)
  | 'number'
  | 'op'         // punctuation and operators
  | 'eof';

export interface Token {
  readonly kind: TokKind;
  /** Identifier text, operator text, or the unescaped string value. */
  readonly value: string;
  /** For numbers: whether written as a decimal (1.0, 1e3). */
  readonly float?: boolean;
  /** For strings: whether written """…""". */
  readonly triple?: boolean;
  readonly span: Span;
}

const OPS = ['==', '!=', '<=', '>=', '<', '>', '=', ':', '(', ')', '[', ']', ',', '.', '|', '!', '~', '+', '-', '*', '/', '%', '?', '$'];

const isIdStart = (c: string) => /[A-Za-z_@]/.test(c);
const isIdPart = (c: string) => /[A-Za-z0-9_@]/.test(c);

export function lex(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
    if (c === '/' && text[i + 1] === '/') { while (i < n && text[i] !== '\n') i++; continue; }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new EqlError('unterminated', { start: i, end: n }, 'block comment is not closed', 'close it with */');
      i = end + 2; continue;
    }
    const start = i;
    if (c === '"' && text.startsWith('"""', i)) {
      const end = text.indexOf('"""', i + 3);
      if (end < 0) throw new EqlError('unterminated', { start, end: n }, 'triple-quoted string is not closed', 'close it with """');
      // """ followed by more quotes: the extra quotes belong to the value (""""""x""""" is legal)
      let close = end;
      while (text[close + 3] === '"') close++;
      out.push({ kind: 'string', value: text.slice(i + 3, close), triple: true, span: { start, end: close + 3 } });
      i = close + 3; continue;
    }
    if (c === '"' || c === "'") {
      const [value, end] = readQuoted(text, i, c);
      out.push({ kind: c === '"' ? 'string' : 'sqstring', value, span: { start, end } });
      i = end; continue;
    }
    if (c === '?' && (text[i + 1] === '"' || text[i + 1] === "'")) {
      const q = text[i + 1];
      const end = text.indexOf(q, i + 2);
      if (end < 0) throw new EqlError('unterminated', { start, end: n }, 'raw string is not closed');
      out.push({ kind: 'rawstring', value: text.slice(i + 2, end), span: { start, end: end + 1 } });
      i = end + 1; continue;
    }
    if (c === '`') {
      let v = '';
      let j = i + 1;
      for (;;) {
        if (j >= n || text[j] === '\n') throw new EqlError('unterminated', { start, end: j }, 'backtick field name is not closed', 'close it with `');
        if (text[j] === '`') {
          if (text[j + 1] === '`') { v += '`'; j += 2; continue; }
          break;
        }
        v += text[j++];
      }
      out.push({ kind: 'quoted', value: v, span: { start, end: j + 1 } });
      i = j + 1; continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^(?:[0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?/.exec(text.slice(i))!;
      const s = m[0];
      out.push({ kind: 'number', value: s, float: s.includes('.') || /[eE]/.test(s), span: { start, end: i + s.length } });
      i += s.length; continue;
    }
    if (isIdStart(c)) {
      let j = i + 1;
      while (j < n && isIdPart(text[j])) j++;
      out.push({ kind: 'ident', value: text.slice(i, j), span: { start, end: j } });
      i = j; continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (!op) throw new EqlError('syntax', { start, end: start + 1 }, `unexpected character ${JSON.stringify(c)}`);
    out.push({ kind: 'op', value: op, span: { start, end: i + op.length } });
    i += op.length;
  }
  out.push({ kind: 'eof', value: '', span: { start: n, end: n } });
  return out;
}

const SIMPLE_ESCAPES: Record<string, string> = table({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' });

/** Reads "…" or '…' with escapes (\n \r \t \b \f \" \' \\ \u{hex} \uXXXX); returns [value, end offset]. */
function readQuoted(text: string, i: number, q: string): [string, number] {
  let v = '';
  let j = i + 1;
  for (;;) {
    if (j >= text.length || text[j] === '\n') throw new EqlError('unterminated', { start: i, end: j }, 'string is not closed', `close it with ${q}`);
    const c = text[j];
    if (c === q) return [v, j + 1];
    if (c !== '\\') { v += c; j++; continue; }
    const e = text[j + 1];
    if (e !== undefined && e in SIMPLE_ESCAPES) { v += SIMPLE_ESCAPES[e]; j += 2; continue; }
    if (e === 'u') {
      const m = /^u\{([0-9A-Fa-f]{1,8})\}/.exec(text.slice(j + 1)) ?? /^u([0-9A-Fa-f]{4})/.exec(text.slice(j + 1));
      const cp = m ? parseInt(m[1], 16) : NaN;
      if (!m || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        throw new EqlError('bad-escape', { start: j, end: j + 2 + (m ? m[0].length - 1 : 0) }, 'invalid unicode escape', 'write \\u{hex} with a valid code point, e.g. \\u{1F600}');
      }
      v += String.fromCodePoint(cp);
      j += 1 + m[0].length; continue;
    }
    throw new EqlError('bad-escape', { start: j, end: j + 2 }, `unknown escape \\${e ?? ''}`, 'escape a backslash as \\\\ or use a """raw""" string');
  }
}
