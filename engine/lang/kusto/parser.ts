/**
 * A reader for the subset of Microsoft's Kusto Query Language (KQL, as Sentinel runs it) that
 * dac's Sentinel back-end writes for single-event rules: `<Table>` then `| where <condition>`
 * lines. (Kibana's KQL is another language: lang/kuery.) The condition grammar:
 *   or := and ('or' and)* ; and := unary ('and' unary)* ; unary := 'not' '(' or ')' | test
 *   test := value [op value | 'in'['~'] '(' values ')' | 'matches' 'regex' value]
 *   value := literal | column | name '(' args ')' ['[' int ']'] | '(' or ')'
 * Anything else is a located error; nothing is skipped.
 */
import type { Span } from '../../diag/diagnostic.ts';

export type KNode =
  | { readonly kind: 'lit'; readonly value: string | number | boolean | null; readonly span: Span }
  | { readonly kind: 'col'; readonly name: string; readonly span: Span }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly KNode[]; readonly span: Span }
  | { readonly kind: 'index'; readonly target: KNode; readonly index: number; readonly span: Span }
  | { readonly kind: 'list'; readonly items: readonly KNode[]; readonly span: Span }
  | { readonly kind: 'not'; readonly arg: KNode; readonly span: Span }
  | { readonly kind: 'bin'; readonly op: string; readonly left: KNode; readonly right: KNode; readonly span: Span };

export interface KQuery { readonly table: string; readonly wheres: readonly KNode[] }

export class KustoError extends Error {
  constructor(readonly span: Span, message: string) { super(message); }
}

interface Tok { readonly t: 'id' | 'str' | 'num' | 'p' | 'eof'; readonly v: string; readonly n?: number; readonly start: number; readonly end: number }

const PUNCT = ['==', '!=', '=~', '!~', '<=', '>=', '<', '>', '(', ')', '[', ']', ',', '|', '-', '='];

export function lex(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) { i++; continue; }
    const start = i;
    if (c === '"') {
      let v = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new KustoError({ start, end: i }, 'unterminated string');
        const d = text[i]!;
        if (d === '"') { i++; break; }
        if (d === '\\') {
          const e = text[i + 1];
          const esc: Record<string, string> = { '\\': '\\', '"': '"', n: '\n', t: '\t', r: '\r', "'": "'" };
          if (e === undefined || !(e in esc)) throw new KustoError({ start: i, end: i + 2 }, `unknown escape \\${e ?? ''}`);
          v += esc[e];
          i += 2;
          continue;
        }
        v += d;
        i++;
      }
      out.push({ t: 'str', v, start, end: i });
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(text.slice(i))!;
      i += m[0].length;
      out.push({ t: 'num', v: m[0], n: Number(m[0]), start, end: i });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*~?/.exec(text.slice(i))!;
      i += m[0].length;
      out.push({ t: 'id', v: m[0], start, end: i });
      continue;
    }
    const p = PUNCT.find((x) => text.startsWith(x, i));
    if (!p) throw new KustoError({ start, end: start + 1 }, `unexpected character ${JSON.stringify(c)}`);
    i += p.length;
    out.push({ t: 'p', v: p, start, end: i });
  }
  out.push({ t: 'eof', v: '', start: text.length, end: text.length });
  return out;
}

const CMP = new Set(['==', '!=', '=~', '!~', '<', '<=', '>', '>=']);
const STRING_OPS = new Set(['contains', 'contains_cs', 'startswith', 'startswith_cs', 'endswith', 'endswith_cs', 'has', 'has_cs']);

export function parseKusto(text: string): KQuery {
  const toks = lex(text);
  let k = 0;
  const peek = (): Tok => toks[k]!;
  const next = (): Tok => toks[k++]!;
  const is = (v: string): boolean => peek().v === v && peek().t !== 'str';
  const expect = (v: string): Tok => {
    const t = next();
    if (t.v !== v || t.t === 'str') throw new KustoError({ start: t.start, end: t.end }, `expected ${v}, found ${t.t === 'eof' ? 'end of query' : JSON.stringify(t.v)}`);
    return t;
  };
  const span = (a: { start: number }, b: { end: number }): Span => ({ start: a.start, end: b.end });

  const value = (): KNode => {
    const t = next();
    if (t.t === 'str') return { kind: 'lit', value: t.v, span: span(t, t) };
    if (t.t === 'num') return { kind: 'lit', value: t.n!, span: span(t, t) };
    if (t.t === 'p' && t.v === '-' && peek().t === 'num') { const n = next(); return { kind: 'lit', value: -n.n!, span: span(t, n) }; }
    if (t.t === 'p' && t.v === '(') { const e = or(); const c = expect(')'); return { ...e, span: span(t, c) }; }
    if (t.t === 'id') {
      if (t.v === 'true' || t.v === 'false') return { kind: 'lit', value: t.v === 'true', span: span(t, t) };
      if (!is('(')) return { kind: 'col', name: t.v, span: span(t, t) };
      next();
      const args: KNode[] = [];
      if (t.v === 'dynamic' && is('[')) {
        const o = next();
        const items: KNode[] = [];
        while (!is(']')) { items.push(value()); if (!is(']')) expect(','); }
        const c = expect(']');
        args.push({ kind: 'list', items, span: span(o, c) });
      } else {
        while (!is(')')) { args.push(or()); if (!is(')')) expect(','); }
      }
      let end = expect(')');
      let node: KNode = { kind: 'call', name: t.v, args, span: span(t, end) };
      if (is('[')) {
        next();
        const neg = is('-') ? (next(), -1) : 1;
        const n = next();
        if (n.t !== 'num') throw new KustoError({ start: n.start, end: n.end }, 'expected an index');
        end = expect(']');
        node = { kind: 'index', target: node, index: neg * n.n!, span: span(t, end) };
      }
      return node;
    }
    throw new KustoError({ start: t.start, end: t.end }, `unexpected ${t.t === 'eof' ? 'end of query' : JSON.stringify(t.v)}`);
  };

  const test = (): KNode => {
    const left = value();
    const t = peek();
    if (t.t === 'p' && CMP.has(t.v)) { next(); const right = value(); return { kind: 'bin', op: t.v, left, right, span: span(left.span, right.span) }; }
    if (t.t === 'id' && (t.v === 'in' || t.v === 'in~' || t.v === '!in' )) {
      next();
      const o = expect('(');
      const items: KNode[] = [];
      while (!is(')')) { items.push(value()); if (!is(')')) expect(','); }
      const c = expect(')');
      return { kind: 'bin', op: t.v, left, right: { kind: 'list', items, span: span(o, c) }, span: span(left.span, c) };
    }
    if (t.t === 'id' && STRING_OPS.has(t.v)) { next(); const right = value(); return { kind: 'bin', op: t.v, left, right, span: span(left.span, right.span) }; }
    if (t.t === 'id' && t.v === 'matches') { next(); expect('regex'); const right = value(); return { kind: 'bin', op: 'matches regex', left, right, span: span(left.span, right.span) }; }
    return left;
  };

  const unary = (): KNode => {
    if (is('not') && toks[k + 1]?.v === '(') {
      const t = next();
      next();
      const arg = or();
      const c = expect(')');
      return { kind: 'not', arg, span: span(t, c) };
    }
    return test();
  };
  const chain = (op: 'and' | 'or', sub: () => KNode) => (): KNode => {
    let left = sub();
    while (is(op)) { next(); const right = sub(); left = { kind: 'bin', op, left, right, span: span(left.span, right.span) }; }
    return left;
  };
  const and = chain('and', unary);
  const or = chain('or', and);

  const tbl = next();
  if (tbl.t !== 'id') throw new KustoError({ start: tbl.start, end: tbl.end }, 'a query starts with a table name');
  const wheres: KNode[] = [];
  while (peek().t !== 'eof') {
    expect('|');
    const op = next();
    if (op.v !== 'where') throw new KustoError({ start: op.start, end: op.end }, `the \`${op.v}\` operator is outside the subset dac reads (table | where …)`);
    wheres.push(or());
  }
  return { table: tbl.v, wheres };
}
