/**
 * A language-neutral debug rendering of any IR query, with minimal parentheses
 * (or < and < not < atoms). Case rules show as `~` on the operator; for errors, logs and diffs.
 */
import type { Expr, Glob, IrQuery, Predicate, Scalar, SequenceStep, SourceOrigin, Stage } from './types.ts';

const lit = (v: Scalar) => (typeof v === 'string' ? JSON.stringify(v) : String(v));
const ci = (on: boolean) => (on ? '~' : '');
const glob = (g: Glob) => JSON.stringify(g.map((p) => (p.kind === 'star' ? '*' : p.kind === 'one' ? '?' : p.text)).join(''));
const list = (xs: readonly string[]) => (xs.length === 1 ? xs[0] : `(${xs.join(', ')})`);

export function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'field': return `${e.optional ? '?' : ''}${e.name}`;
    case 'literal': return lit(e.value);
    case 'call': return `${e.fn}${ci(e.caseInsensitive)}(${e.args.map(printExpr).join(', ')})`;
  }
}

/** Precedence: or 1, and 2, not 3, atom 4; a child is parenthesised only when it binds looser. */
export function printPredicate(p: Predicate, min = 0): string {
  const wrap = (prec: number, s: string) => (prec < min ? `(${s})` : s);
  switch (p.kind) {
    case 'or': return wrap(1, p.args.map((a) => printPredicate(a, 2)).join(' or '));
    case 'and': return wrap(2, p.args.map((a) => printPredicate(a, 3)).join(' and '));
    case 'not': return wrap(3, `not ${printPredicate(p.arg, 3)}`);
    case 'const': return String(p.value);
    case 'compare': return `${printExpr(p.left)} ${p.op}${ci(p.caseInsensitive)} ${printExpr(p.right)}`;
    case 'glob': return `${printExpr(p.left)} glob${ci(p.caseInsensitive)} ${list(p.patterns.map(glob))}`;
    case 'in': return `${printExpr(p.left)} in${ci(p.caseInsensitive)} (${p.values.map(lit).join(', ')})`;
    case 'regex': return `${printExpr(p.left)} regex${ci(p.caseInsensitive)}${p.anchored ? '' : ' unanchored'} ${list(p.patterns.map((r) => `/${r}/`))}`;
    case 'cidr': return `${printExpr(p.left)} cidr ${list(p.cidrs)}`;
    case 'exists': return `exists(${p.field})`;
    case 'truthy': return printExpr(p.expr);
    case 'keyword': return `keyword${ci(p.caseInsensitive)} ${list(p.patterns.map(glob))}`;
  }
}

/** `eql:process`, `sigma:windows/process_creation`, `spl:Endpoint.Processes`, `car:process/create`. */
function origin(o: SourceOrigin): string {
  switch (o.lang) {
    case 'eql': return `eql:${o.category}`;
    case 'sigma': return `sigma:${[o.product, o.category ?? o.service].filter(Boolean).join('/')}`;
    case 'spl': return `spl:${o.datamodel ? `${o.datamodel}.${o.dataset ?? ''}` : [o.index, o.sourcetype, o.source].filter(Boolean).join('/')}`;
    case 'car': return `car:${o.object}${o.action ? `/${o.action}` : ''}`;
    case 'elastic': return `elastic:${o.indices.join(',')}`;
  }
}

function step(s: SequenceStep): string {
  const by = s.by.length ? ` by ${s.by.map(printExpr).join(', ')}` : '';
  const runs = s.runs !== 1 ? ` runs=${s.runs}` : '';
  const src = s.filter.source ? `from ${origin(s.filter.source.origin)} ` : '';
  return `${s.missing ? '!' : ''}[${src}${printPredicate(s.filter.filter)}]${by}${runs}${s.label ? ` as ${s.label}` : ''}`;
}

function stage(s: Stage): string {
  switch (s.kind) {
    case 'filter': return `filter ${printPredicate(s.predicate)}`;
    case 'eval': return `eval ${s.assignments.map((a) => `${a.name}=${printExpr(a.expr)}`).join(', ')}`;
    case 'aggregate': {
      const aggs = s.aggregates.map((a) => `${a.name}=${a.fn}(${a.arg ? printExpr(a.arg) : ''}${a.param !== undefined ? `, ${a.param}` : ''})`);
      const by = s.groupBy.length ? ` by ${s.groupBy.map((g) => `${g.name}=${printExpr(g.expr)}`).join(', ')}` : '';
      return `aggregate ${aggs.join(', ')}${by}${s.windowMs !== undefined ? ` window ${s.windowMs}ms` : ''}`;
    }
    case 'rename': return `rename ${s.pairs.map((p) => `${p.from} as ${p.to}`).join(', ')}`;
    case 'project': case 'drop': case 'dedup': return `${s.kind} ${s.fields.join(', ')}`;
    case 'sort': return `sort ${s.keys.map((k) => `${k.desc ? '-' : ''}${k.field}`).join(', ')}`;
    case 'head': case 'tail': return `${s.kind} ${s.n}`;
  }
}

export function printIr(q: IrQuery): string {
  switch (q.kind) {
    case 'event': return `event[${q.logic}]${q.source ? ` from ${origin(q.source.origin)} {${printPredicate(q.source.select)}}` : ''} ${printPredicate(q.filter)}`;
    case 'sequence': {
      const head = [`sequence${q.ordered ? '' : ' unordered'}`];
      if (q.by.length) head.push(`by ${q.by.map(printExpr).join(', ')}`);
      if (q.maxspanMs !== undefined) head.push(`maxspan=${q.maxspanMs}ms`);
      return [head.join(' '), ...q.steps.map((s) => `  ${step(s)}`), ...(q.until ? [`  until ${step(q.until)}`] : [])].join('\n');
    }
    case 'sample': return [`sample${q.by.length ? ` by ${q.by.map(printExpr).join(', ')}` : ''}`, ...q.steps.map((s) => `  ${step(s)}`)].join('\n');
    case 'pipeline': return [printIr(q.source), ...q.stages.map((s) => `| ${stage(s)}`)].join('\n');
  }
}
