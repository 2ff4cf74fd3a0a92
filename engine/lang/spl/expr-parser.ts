/**
 * The two expression grammars of SPL: search terms (`search`, tstats `where`) and eval expressions
 * (`eval`, `where`). They differ: in search, `a=b*` is a wildcard match and bare words are
 * keywords; in eval, `b` is a field and `"b*"` a literal.
 */
import type { EvalBinaryOp, EvalExpr, SearchExpr, SearchOp, Value } from './ast.ts';
import { Cursor, ParseError, describe, join } from './cursor.ts';

const SEARCH_OPS = new Set(['=', '!=', '<', '<=', '>', '>=', '==']);

/** Search terms until the command ends (or a word in `stop`, e.g. tstats' `by`). */
export function parseSearch(c: Cursor, stop: ReadonlySet<string> = new Set()): SearchExpr | undefined {
  const done = (): boolean => c.atEnd() || c.at('rparen') || (c.peek().kind === 'word' && stop.has(c.peek().text.toLowerCase()));
  const parseAnd = (): SearchExpr | undefined => {
    const args: SearchExpr[] = [];
    while (!done()) {
      if (c.at('word', 'AND')) { c.next(); continue; }
      args.push(parseOr());
    }
    if (args.length === 0) return undefined;
    return args.length === 1 ? args[0] : { kind: 'and', args, span: join(args[0]!.span, args[args.length - 1]!.span) };
  };
  const parseOr = (): SearchExpr => {
    const args = [parseNot()];
    while (c.at('word', 'OR')) { c.next(); args.push(parseNot()); }
    return args.length === 1 ? args[0]! : { kind: 'or', args, span: join(args[0]!.span, args[args.length - 1]!.span) };
  };
  const parseNot = (): SearchExpr => {
    if (c.at('word', 'NOT')) {
      const t = c.next();
      const arg = parseNot();
      return { kind: 'not', arg, span: join(t.span, arg.span) };
    }
    return parsePrimary();
  };
  const parsePrimary = (): SearchExpr => {
    const t = c.peek();
    if (t.kind === 'lparen') {
      c.next();
      const inner = parseAnd();
      const close = c.expect('rparen', '`)` to close the group');
      if (!inner) throw new ParseError('syntax', 'empty parentheses in a search', join(t.span, close.span));
      return inner;
    }
    if (t.kind !== 'word' && t.kind !== 'string') throw new ParseError('syntax', `expected a search term, found ${describe(t)}`, t.span);
    c.next();
    const op = c.peek();
    if (op.kind === 'op' && SEARCH_OPS.has(op.text)) {
      c.next();
      const v = c.peek();
      if (v.kind !== 'word' && v.kind !== 'string') throw new ParseError('syntax', `expected a value after \`${t.text}${op.text}\`, found ${describe(v)}`, v.span);
      c.next();
      const value: Value = { text: v.text, quoted: v.kind === 'string', span: v.span };
      return { kind: 'cmp', field: { name: t.text, span: t.span }, op: (op.text === '==' ? '=' : op.text) as SearchOp, value, span: join(t.span, v.span) };
    }
    if (c.at('word', 'IN') && c.peek(1).kind === 'lparen') {
      c.next(); c.next();
      const values: Value[] = [];
      while (!c.at('rparen')) {
        const v = c.peek();
        if (v.kind === 'comma') { c.next(); continue; }
        if (v.kind !== 'word' && v.kind !== 'string') throw new ParseError('syntax', `expected a value in the IN list, found ${describe(v)}`, v.span);
        c.next();
        values.push({ text: v.text, quoted: v.kind === 'string', span: v.span });
      }
      const close = c.next();
      return { kind: 'in', field: { name: t.text, span: t.span }, values, span: join(t.span, close.span) };
    }
    return { kind: 'term', value: { text: t.text, quoted: t.kind === 'string', span: t.span }, span: t.span };
  };
  return parseAnd();
}

/** Binary operator levels, loosest first. Word operators are upper-case as in Splunk. */
const LEVELS: readonly (readonly string[])[] = [
  ['OR'], ['XOR'], ['AND'], ['=', '==', '!=', 'LIKE'], ['<', '<=', '>', '>='], ['+', '-', '.'], ['*', '/', '%'],
];

export function parseEval(c: Cursor): EvalExpr {
  return parseLevel(c, 0);
}

function opAt(c: Cursor, level: readonly string[]): string | undefined {
  const t = c.peek();
  if ((t.kind === 'op' || t.kind === 'word') && level.includes(t.text)) return t.text;
  return undefined;
}

function parseLevel(c: Cursor, n: number): EvalExpr {
  if (n >= LEVELS.length) return parseUnary(c);
  let left = parseLevel(c, n + 1);
  for (let op = opAt(c, LEVELS[n]!); op; op = opAt(c, LEVELS[n]!)) {
    c.next();
    const right = parseLevel(c, n + 1);
    left = { kind: 'binary', op: op as EvalBinaryOp, left, right, span: join(left.span, right.span) };
  }
  return left;
}

function parseUnary(c: Cursor): EvalExpr {
  const t = c.peek();
  if (t.kind === 'word' && t.text === 'NOT') {
    c.next();
    const arg = parseUnary(c);
    return { kind: 'not', arg, span: join(t.span, arg.span) };
  }
  if (t.kind === 'word' && t.text === '-') {
    c.next();
    const arg = parseUnary(c);
    return { kind: 'neg', arg, span: join(t.span, arg.span) };
  }
  return parseAtom(c);
}

function parseAtom(c: Cursor): EvalExpr {
  const t = c.next();
  if (t.kind === 'lparen') {
    const inner = parseEval(c);
    c.expect('rparen', '`)`');
    return inner;
  }
  if (t.kind === 'string') return { kind: 'string', value: t.text, span: t.span };
  if (t.kind !== 'word') throw new ParseError('syntax', `expected a value, found ${describe(t)}`, t.span);
  if (/^-?\d+(\.\d+)?$/.test(t.text)) return { kind: 'number', value: Number(t.text), span: t.span };
  if (t.text === 'true' || t.text === 'false') return { kind: 'bool', value: t.text === 'true', span: t.span };
  if (t.text === 'null') return { kind: 'null', span: t.span };
  if (c.at('lparen')) {
    c.next();
    const args: EvalExpr[] = [];
    while (!c.at('rparen')) {
      if (c.atEnd()) throw new ParseError('syntax', `\`${t.text}(\` has no closing \`)\``, t.span);
      args.push(parseEval(c));
      if (c.at('comma')) c.next();
      else if (!c.at('rparen')) throw new ParseError('syntax', `expected \`,\` or \`)\` in ${t.text}(…), found ${describe(c.peek())}`, c.peek().span);
    }
    const close = c.next();
    return { kind: 'call', name: t.text.toLowerCase(), args, span: join(t.span, close.span) };
  }
  // Single-quoted names are fields in eval (`'Processes.process'`).
  const name = t.text.length > 1 && t.text.startsWith("'") && t.text.endsWith("'") ? t.text.slice(1, -1) : t.text;
  return { kind: 'field', name, span: t.span };
}
