/**
 * CAR pseudocode parser for the subset analytics use: `x = search Object:Action`,
 * `y = filter x where (cond)`, `output y`. Conditions: comparisons, `in (…)`, and/or/not
 * (also `&&`, `||`, `!`), parentheses. Keywords are case-insensitive.
 */
import type { Span } from '../../diag/diagnostic.ts';
import type { CarCompareOp, CarExpr, CarProgram, CarStatement } from './ast.ts';
import { lexCar, type CarToken, type CarTokenKind } from './lexer.ts';

export type CarParseCode = 'syntax' | 'unbalanced-quotes' | 'unsupported';
export interface CarSyntaxError { readonly code: CarParseCode; readonly message: string; readonly span: Span }

class Fail extends Error { constructor(readonly code: CarParseCode, message: string, readonly span: Span) { super(message); } }

const show = (t: CarToken): string => (t.kind === 'eof' ? 'the end of the text' : `\`${t.text}\``);
const join = (a: Span, b: Span): Span => ({ start: a.start, end: b.end });

export function parseCar(text: string): { program?: CarProgram; errors: CarSyntaxError[] } {
  const { tokens, errors: lexErrors } = lexCar(text);
  if (lexErrors.length) return { errors: lexErrors };
  let i = 0;
  const peek = (k = 0): CarToken => tokens[Math.min(i + k, tokens.length - 1)]!;
  const next = (): CarToken => { const t = peek(); if (t.kind !== 'eof') i++; return t; };
  const kw = (w: string, k = 0): boolean => peek(k).kind === 'ident' && peek(k).text.toLowerCase() === w;
  const expect = (kind: CarTokenKind, what: string): CarToken => {
    if (peek().kind !== kind) throw new Fail('syntax', `expected ${what}, found ${show(peek())}`, peek().span);
    return next();
  };

  const value = (): { v: string | number; span: Span } => {
    const t = next();
    if (t.kind === 'string') return { v: t.text, span: t.span };
    if (t.kind === 'number') return { v: Number(t.text), span: t.span };
    throw new Fail('syntax', `expected a number or a "string", found ${show(t)}`, t.span);
  };
  const orExpr = (): CarExpr => {
    const args = [andExpr()];
    while (kw('or') || (peek().kind === 'op' && peek().text === '||')) { next(); args.push(andExpr()); }
    return args.length === 1 ? args[0]! : { kind: 'or', args, span: join(args[0]!.span, args[args.length - 1]!.span) };
  };
  const andExpr = (): CarExpr => {
    const args = [notExpr()];
    while (kw('and') || (peek().kind === 'op' && peek().text === '&&')) { next(); args.push(notExpr()); }
    return args.length === 1 ? args[0]! : { kind: 'and', args, span: join(args[0]!.span, args[args.length - 1]!.span) };
  };
  const notExpr = (): CarExpr => {
    if (kw('not') || (peek().kind === 'op' && peek().text === '!')) {
      const t = next();
      const arg = notExpr();
      return { kind: 'not', arg, span: join(t.span, arg.span) };
    }
    if (peek().kind === 'lparen') {
      next();
      const e = orExpr();
      expect('rparen', '`)`');
      return e;
    }
    const f = expect('ident', 'a field name');
    if (kw('in')) {
      next();
      expect('lparen', '`(` after in');
      const values: (string | number)[] = [];
      while (peek().kind !== 'rparen') {
        if (peek().kind === 'comma') { next(); continue; }
        if (peek().kind === 'eof') throw new Fail('syntax', '`in (` has no closing `)`', f.span);
        values.push(value().v);
      }
      const close = next();
      return { kind: 'in', field: f.text, fieldSpan: f.span, values, span: join(f.span, close.span) };
    }
    // `field CONTAINS "x"` (any case): the value occurs anywhere, i.e. == "*x*".
    if (kw('contains')) {
      next();
      const v = value();
      if (typeof v.v !== 'string') throw new Fail('syntax', `CONTAINS takes a "string", found ${v.v}`, v.span);
      return { kind: 'cmp', field: f.text, fieldSpan: f.span, op: '==', value: `*${v.v}*`, span: join(f.span, v.span) };
    }
    const op = peek();
    // A single `=` is read as `==`: CAR pseudocode uses both.
    if (!(op.kind === 'op' && op.text !== '!' && op.text !== '&&' && op.text !== '||') && op.kind !== 'assign') {
      throw new Fail('syntax', `expected a comparison (==, !=, <, <=, >, >=) after \`${f.text}\`, found ${show(op)}`, op.span);
    }
    next();
    const v = value();
    return { kind: 'cmp', field: f.text, fieldSpan: f.span, op: (op.kind === 'assign' ? '==' : op.text) as CarCompareOp, value: v.v, span: join(f.span, v.span) };
  };

  const statement = (): CarStatement => {
    if (kw('output')) {
      const t = next();
      const n = expect('ident', 'the name to output');
      return { kind: 'output', name: n.text, span: join(t.span, n.span) };
    }
    const name = expect('ident', 'a statement (`name = search …`, `name = filter …` or `output name`)');
    expect('assign', `\`=\` after \`${name.text}\``);
    if (kw('search')) {
      next();
      const obj = expect('ident', 'a data model Object (e.g. Process)');
      expect('colon', '`:` between Object and Action');
      const act = expect('ident', 'a data model Action (e.g. Create)');
      return { kind: 'search', name: name.text, object: obj.text, action: act.text, objectSpan: join(obj.span, act.span), span: join(name.span, act.span) };
    }
    if (kw('filter')) {
      next();
      const input = expect('ident', 'the name of the events to filter');
      if (!kw('where')) throw new Fail('syntax', `expected \`where\` after \`filter ${input.text}\`, found ${show(peek())}`, peek().span);
      next();
      const where = orExpr();
      return { kind: 'filter', name: name.text, input: input.text, inputSpan: input.span, where, span: join(name.span, where.span) };
    }
    const t = peek();
    throw new Fail('unsupported', `unsupported CAR operation ${show(t)} (supported: search, filter, output)`, t.span);
  };

  const statements: CarStatement[] = [];
  const errors: CarSyntaxError[] = [];
  while (peek().kind !== 'eof') {
    try { statements.push(statement()); } catch (e) {
      if (!(e instanceof Fail)) throw e;
      errors.push({ code: e.code, message: e.message, span: e.span });
      // Resume at the next line that starts a statement.
      const line = text.indexOf('\n', e.span.start);
      while (peek().kind !== 'eof' && (line < 0 || peek().span.start <= line)) next();
    }
  }
  return errors.length ? { errors } : { program: { statements }, errors };
}
