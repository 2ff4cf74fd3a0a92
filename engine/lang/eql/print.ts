/**
 * IR → EQL text (Elasticsearch dialect), for exports and the round-trip property test:
 * parse(printEql(q)) gives q again (spans aside). Throws for IR no EQL text can express
 * (e.g. a CIDR predicate, Sigma keywords, case-insensitive `<`).
 */
import type { EventQuery, Expr, Glob, IrQuery, Predicate, Scalar, SequenceStep } from '../../ir/types.ts';
import { irEqual } from '../../ir/equal.ts';
import { effectiveFilter } from '../../ir/source.ts';
import { jsToLucene } from './pattern.ts';
import { CATEGORY_FIELD } from './to-ir.ts';

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'like', 'regex', 'where', 'sequence', 'sample', 'join', 'until', 'by', 'with', 'true', 'false', 'null', 'any', 'of', 'maxspan']);
const SIMPLE = /^[A-Za-z_][A-Za-z0-9_@]*$/;

class Unprintable extends Error {}

export function printEql(q: IrQuery): string {
  switch (q.kind) {
    case 'event': return event(q);
    case 'sequence': {
      const head = ['sequence'];
      if (q.by.length) head.push(`by ${q.by.map(expr).join(', ')}`);
      if (q.maxspanMs !== undefined) head.push(`with maxspan=${duration(q.maxspanMs)}`);
      const steps = q.steps.map(step);
      if (q.until) steps.push(`until ${step(q.until)}`);
      return `${head.join(' ')}\n  ${steps.join('\n  ')}`;
    }
    case 'sample': return `sample${q.by.length ? ` by ${q.by.map(expr).join(', ')}` : ''}\n  ${q.steps.map(step).join('\n  ')}`;
    case 'pipeline': {
      const pipes = q.stages.map((s) => {
        if (s.kind !== 'head' && s.kind !== 'tail') throw new Unprintable(`EQL has no ${s.kind} pipe`);
        return `| ${s.kind} ${s.n}`;
      });
      return `${printEql(q.source)}\n${pipes.join('\n')}`;
    }
  }
}

function duration(ms: number): string {
  for (const [u, m] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) if (ms % m === 0 && ms > 0) return `${ms / m}${u}`;
  return `${ms}ms`;
}

function step(s: SequenceStep): string {
  let out = `${s.missing ? '!' : ''}[${event(s.filter)}]`;
  if (s.by.length) out += ` by ${s.by.map(expr).join(', ')}`;
  if (s.runs !== 1) out += ` with runs=${s.runs}`;
  return out;
}

/** The event query's text: `<category> where` for an EQL source, else `any where` over the whole selection. */
function event(q: EventQuery): string {
  const o = q.source?.origin;
  if (o?.lang === 'eql' && irEqual(q.source!.select, categorySelect(o.category))) {
    const f = q.filter;
    return `${category(o.category)} where ${f.kind === 'const' && f.value ? 'true' : pred(f, 0)}`;
  }
  return `any where ${pred(effectiveFilter(q), 0)}`;
}

/** What `<category> where` selects (lang/eql/to-ir.ts). */
const categorySelect = (c: string): Predicate => ({ kind: 'compare', op: '==', caseInsensitive: false, left: { kind: 'field', name: CATEGORY_FIELD }, right: { kind: 'literal', value: c } });

function category(v: string): string {
  return SIMPLE.test(v) && !KEYWORDS.has(v.toLowerCase()) ? v : str(v);
}

/** Precedence: or 1, and 2, not 3, comparison/atom 4. */
function pred(p: Predicate, min: number): string {
  const wrap = (prec: number, s: string) => (prec < min ? `(${s})` : s);
  switch (p.kind) {
    case 'or': return wrap(1, p.args.map((a) => pred(a, 2)).join(' or '));
    case 'and': return wrap(2, p.args.map((a) => pred(a, 3)).join(' and '));
    case 'not': {
      const a = p.arg;
      if (a.kind === 'exists') return wrap(4, `${fieldName(a.field)} == null`);
      if (a.kind === 'in') return wrap(4, `${expr(a.left)} not in${a.caseInsensitive ? '~' : ''} (${a.values.map(lit).join(', ')})`);
      // `not` of an `or`/`and` needs parentheses; `not not x` re-parses fine
      return wrap(3, `not ${pred(a, a.kind === 'or' || a.kind === 'and' ? 4 : 3)}`);
    }
    case 'const': return p.value ? 'true' : 'false';
    case 'compare':
      if (!p.caseInsensitive) return wrap(4, `${operand(p.left)} ${p.op} ${operand(p.right)}`);
      if (p.op === '==' && p.right.kind !== 'literal') return wrap(4, `${operand(p.left)} in~ (${expr(p.right)})`);
      throw new Unprintable('EQL cannot write a case-insensitive comparison with this operator');
    case 'glob': {
      const pats = p.patterns.map(glob);
      return wrap(4, `${operand(p.left)} ${p.caseInsensitive ? ':' : 'like'} ${pats.length === 1 ? pats[0] : `(${pats.join(', ')})`}`);
    }
    case 'regex': {
      if (!p.anchored) throw new Unprintable('EQL regex is always anchored');
      const pats = p.patterns.map((r) => str(jsToLucene(r)));
      return wrap(4, `${operand(p.left)} regex${p.caseInsensitive ? '~' : ''} ${pats.length === 1 ? pats[0] : `(${pats.join(', ')})`}`);
    }
    case 'in': return wrap(4, `${operand(p.left)} in${p.caseInsensitive ? '~' : ''} (${p.values.map(lit).join(', ')})`);
    case 'exists': return wrap(4, `${fieldName(p.field)} != null`);
    case 'truthy': return expr(p.expr);
    case 'cidr': case 'keyword': throw new Unprintable(`EQL has no ${p.kind} predicate`);
  }
}

/** Operands of infix operators: arithmetic prints as function calls, so no parentheses are needed. */
const operand = (e: Expr) => expr(e);

export function expr(e: Expr): string {
  switch (e.kind) {
    case 'field': return `${e.optional ? '?' : ''}${fieldName(e.name)}`;
    case 'literal': return lit(e.value);
    case 'call': {
      const name = e.fn.startsWith('eql.') ? e.fn.slice(4) : e.fn;
      if (name === 'fdivide') {
        // float division: at least one operand must be written as a float literal
        let done = false;
        const args = e.args.map((a) => {
          if (!done && a.kind === 'literal' && typeof a.value === 'number') { done = true; return floatLit(a.value); }
          return expr(a);
        });
        if (!done) throw new Unprintable('float division needs a float literal operand');
        return `divide(${args.join(', ')})`;
      }
      if (!e.fn.startsWith('eql.')) throw new Unprintable(`${e.fn} is not an EQL function`);
      return `${name}${e.caseInsensitive ? '~' : ''}(${e.args.map(expr).join(', ')})`;
    }
  }
}

const floatLit = (n: number) => (Number.isInteger(n) ? `${n}.0` : String(n));

function fieldName(name: string): string {
  return name.split('.').map((part, i) => (SIMPLE.test(part) && (i > 0 || !KEYWORDS.has(part.toLowerCase())) ? part : `\`${part.replace(/`/g, '``')}\``)).join('.');
}

function lit(v: Scalar): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return str(v);
  return String(v);
}

function glob(g: Glob): string {
  return str(g.map((p) => {
    if (p.kind === 'star') return '*';
    if (p.kind === 'one') return '?';
    if (/[*?]/.test(p.text)) throw new Unprintable('EQL wildcards cannot match a literal * or ?');
    return p.text;
  }).join(''));
}

export function str(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\u{${c.toString(16)}}`;
    else out += ch;
  }
  return `${out}"`;
}
