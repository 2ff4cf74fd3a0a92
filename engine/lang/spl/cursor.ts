/** A token cursor shared by the SPL command and expression parsers; errors are thrown as ParseError. */
import type { Span } from '../../diag/diagnostic.ts';
import type { Token, TokenKind } from './lexer.ts';

export type SplParseCode = 'unknown-command' | 'bad-tstats' | 'syntax' | 'unsupported';

export class ParseError extends Error {
  constructor(readonly code: SplParseCode, message: string, readonly span: Span) { super(message); }
}

export class Cursor {
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}
  peek(k = 0): Token { return this.tokens[Math.min(this.i + k, this.tokens.length - 1)]!; }
  next(): Token { const t = this.peek(); if (t.kind !== 'eof') this.i++; return t; }
  at(kind: TokenKind, text?: string): boolean {
    const t = this.peek();
    return t.kind === kind && (text === undefined || t.text === text);
  }
  /** Case-insensitive keyword test on a bare word (`as`, `by`, `from`, `where`). */
  atWord(word: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'word' && t.text.toLowerCase() === word;
  }
  /** End of the current command: a pipe or the end of the text. */
  atEnd(): boolean { return this.at('pipe') || this.at('eof'); }
  expect(kind: TokenKind, what: string, code: SplParseCode = 'syntax'): Token {
    const t = this.peek();
    if (t.kind !== kind) throw new ParseError(code, `expected ${what}, found ${describe(t)}`, t.span);
    return this.next();
  }
}

export function describe(t: Token): string {
  if (t.kind === 'eof') return 'the end of the search';
  if (t.kind === 'pipe') return '`|`';
  if (t.kind === 'string') return `"${t.text}"`;
  return `\`${t.text}\``;
}

export const join = (a: Span, b: Span): Span => ({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });
