/**
 * KQL parser, recursive descent over the lexer's tokens, following Kibana's grammar:
 *   or    := and ('or' and)*            and   := not ('and' not)*
 *   not   := 'not' sub | sub            sub   := '(' or ')' | expr
 *   expr  := field ':' '{' or '}'       (nested)
 *          | field ('<'|'<='|'>'|'>=') value
 *          | field ':' list             (field:* is an exists test)
 *          | list                       (a value matched against every field)
 *   list  := '(' orList ')' | value     orList etc. as above, over values
 * Keywords are case-insensitive; neighbouring unquoted words form one value (KQL literals may
 * hold spaces), joined with the whitespace between them.
 */
import type { GlobPart } from '../../ir/types.ts';
import type { FieldRef, KqlNode, KqlValue, RangeOp, ValueList } from './ast.ts';
import { KqlError } from './errors.ts';
import { lex, type Token } from './lexer.ts';

/** Deep nesting is someone's attack on the stack, not a query. */
const MAX_DEPTH = 200;

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly text: string, private readonly toks: Token[]) {}

  private get t(): Token { return this.toks[this.i]; }
  private next(): Token { return this.toks[this.i++]; }
  private isKw(kw: 'and' | 'or' | 'not'): boolean { const t = this.t; return t.kind === 'word' && t.keyword === kw; }
  private fail(t: Token, msg: string, hint?: string): never {
    throw new KqlError('syntax', { start: t.start, end: Math.max(t.end, t.start + 1) }, msg, hint);
  }
  private enter(t: Token): void { if (++this.depth > MAX_DEPTH) this.fail(t, `nesting deeper than ${MAX_DEPTH}`); }

  query(): KqlNode {
    if (this.t.kind === 'eof') this.fail(this.t, 'the query is empty');
    const q = this.or();
    const rest = this.t;
    if (rest.kind !== 'eof') this.fail(rest, `unexpected ${this.describe(this.t)}`, 'join conditions with and / or, and quote values that hold special characters');
    return q;
  }

  private or(): KqlNode {
    const first = this.and();
    const args = [first];
    while (this.isKw('or')) { this.next(); args.push(this.and()); }
    return args.length === 1 ? first : { kind: 'or', args, span: { start: first.span.start, end: args[args.length - 1].span.end } };
  }

  private and(): KqlNode {
    const first = this.not();
    const args = [first];
    while (this.isKw('and')) { this.next(); args.push(this.not()); }
    return args.length === 1 ? first : { kind: 'and', args, span: { start: first.span.start, end: args[args.length - 1].span.end } };
  }

  private not(): KqlNode {
    if (!this.isKw('not')) return this.sub();
    const kw = this.next();
    this.enter(kw);
    const arg = this.not();
    this.depth--;
    return { kind: 'not', arg, span: { start: kw.start, end: arg.span.end } };
  }

  private sub(): KqlNode {
    const t = this.t;
    if (t.kind === '(') {
      this.next();
      this.enter(t);
      const q = this.or();
      this.depth--;
      this.close(')', t);
      return q;
    }
    return this.expr();
  }

  private close(kind: ')' | '}', open: Token): Token {
    if (this.t.kind !== kind) this.fail(this.t, `expected ${kind} to close the ${open.kind} at offset ${open.start}, found ${this.describe(this.t)}`);
    return this.next();
  }

  private expr(): KqlNode {
    const t = this.t;
    const after = this.toks[this.i + 1];
    const fieldLike = (t.kind === 'word' && !t.keyword) || t.kind === 'quoted';
    if (fieldLike && (after.kind === ':' || after.kind === 'range')) {
      const field = this.field(this.next());
      const op = this.next();
      if (op.kind === 'range') {
        const value = this.value();
        return { kind: 'range', field, op: op.op as RangeOp, value, span: { start: field.span.start, end: value.span.end } };
      }
      if (this.t.kind === '{') {
        const open = this.next();
        this.enter(open);
        const query = this.or();
        this.depth--;
        const end = this.close('}', open);
        return { kind: 'nested', field, query, span: { start: field.span.start, end: end.end } };
      }
      const values = this.list();
      return { kind: 'match', field, values, span: { start: field.span.start, end: listEnd(values) } };
    }
    if (!fieldLike && t.kind !== '(') this.fail(t, `expected a field or a value, found ${this.describe(t)}`);
    const values = this.list();
    return { kind: 'any-field', values, span: { start: t.start, end: listEnd(values) } };
  }

  private field(t: Token): FieldRef {
    const span = { start: t.start, end: t.end };
    if (t.kind === 'quoted') return { name: t.text, span };
    if (t.kind !== 'word') this.fail(t, 'expected a field name');
    return { name: t.parts.map((p) => (p.kind === 'lit' ? p.text : '*')).join(''), span };
  }

  private list(): ValueList {
    const t = this.t;
    if (t.kind !== '(') return { kind: 'value', value: this.value() };
    this.next();
    this.enter(t);
    const l = this.orList();
    this.depth--;
    this.close(')', t);
    return l;
  }

  private orList(): ValueList {
    const first = this.andList();
    const args = [first];
    while (this.isKw('or')) { this.next(); args.push(this.andList()); }
    return args.length === 1 ? first : { kind: 'or', args, span: { start: listStart(first), end: listEnd(args[args.length - 1]) } };
  }

  private andList(): ValueList {
    const first = this.notList();
    const args = [first];
    while (this.isKw('and')) { this.next(); args.push(this.notList()); }
    return args.length === 1 ? first : { kind: 'and', args, span: { start: listStart(first), end: listEnd(args[args.length - 1]) } };
  }

  private notList(): ValueList {
    if (!this.isKw('not')) return this.list();
    const kw = this.next();
    const arg = this.notList();
    return { kind: 'not', arg, span: { start: kw.start, end: listEnd(arg) } };
  }

  /** A quoted string, or neighbouring unquoted words that are not keywords. */
  private value(): KqlValue {
    const t = this.t;
    if (t.kind === 'quoted') {
      this.next();
      return { text: t.text, quoted: true, glob: t.text ? [{ kind: 'lit', text: t.text }] : [], hasWildcard: false, span: { start: t.start, end: t.end } };
    }
    if (t.kind !== 'word' || t.keyword) this.fail(t, `expected a value, found ${this.describe(t)}`, t.kind === 'eof' ? 'complete the condition' : undefined);
    const parts: GlobPart[] = [];
    let last: Token = t;
    for (let w = this.t; w.kind === 'word' && !w.keyword; w = this.t) {
      if (w !== t) pushLit(parts, this.text.slice(last.end, w.start));
      for (const p of w.parts) if (p.kind === 'lit') pushLit(parts, p.text); else parts.push(p);
      last = this.next();
    }
    const text = parts.map((p) => (p.kind === 'lit' ? p.text : '*')).join('');
    return { text, quoted: false, glob: parts, hasWildcard: parts.some((p) => p.kind === 'star'), span: { start: t.start, end: last.end } };
  }

  private describe(t: Token): string {
    switch (t.kind) {
      case 'eof': return 'the end of the query';
      case 'word': return t.keyword ? `\`${t.keyword}\`` : `\`${this.text.slice(t.start, t.end)}\``;
      case 'quoted': return 'a quoted string';
      case 'range': return `\`${t.op}\``;
      default: return `\`${t.kind}\``;
    }
  }
}

function pushLit(parts: GlobPart[], text: string): void {
  const last = parts[parts.length - 1];
  if (last?.kind === 'lit') parts[parts.length - 1] = { kind: 'lit', text: last.text + text };
  else parts.push({ kind: 'lit', text });
}

const listStart = (l: ValueList): number => (l.kind === 'value' ? l.value.span.start : l.span.start);
const listEnd = (l: ValueList): number => (l.kind === 'value' ? l.value.span.end : l.span.end);

export function parseKql(text: string): KqlNode {
  return new Parser(text, lex(text)).query();
}
