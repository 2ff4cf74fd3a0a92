/**
 * The one generic walk over the IR: every pass that visits or rebuilds predicates, expressions or
 * the event queries of a query goes through these, so a new node kind is taught here once (the
 * type checker points at the switches below) instead of in every pass.
 */
import type { EventQuery, EventSource, Expr, IrQuery, Predicate, SequenceStep, Stage } from './types.ts';

/** Predicates with no predicate children. */
export type AtomPredicate = Exclude<Predicate, { kind: 'and' } | { kind: 'or' } | { kind: 'not' } | { kind: 'const' }>;

/** The expressions an atom tests (its operands), in order. */
export function atomExprs(p: AtomPredicate): readonly Expr[] {
  switch (p.kind) {
    case 'compare': return [p.left, p.right];
    case 'glob': case 'in': case 'regex': case 'cidr': return [p.left];
    case 'truthy': return [p.expr];
    case 'exists': return [{ kind: 'field', name: p.field }];
    case 'keyword': return [];
  }
}

export const isAtom = (p: Predicate): p is AtomPredicate => p.kind !== 'and' && p.kind !== 'or' && p.kind !== 'not' && p.kind !== 'const';

/** Bottom-up fold: `atom` for leaves (const included), the other three combine folded children. */
export interface PredicateFold<T> {
  readonly and: (args: readonly T[], p: Extract<Predicate, { kind: 'and' }>) => T;
  readonly or: (args: readonly T[], p: Extract<Predicate, { kind: 'or' }>) => T;
  readonly not: (arg: T, p: Extract<Predicate, { kind: 'not' }>) => T;
  readonly leaf: (p: AtomPredicate | Extract<Predicate, { kind: 'const' }>) => T;
}

export function foldPredicate<T>(p: Predicate, f: PredicateFold<T>): T {
  switch (p.kind) {
    case 'and': return f.and(p.args.map((a) => foldPredicate(a, f)), p);
    case 'or': return f.or(p.args.map((a) => foldPredicate(a, f)), p);
    case 'not': return f.not(foldPredicate(p.arg, f), p);
    default: return f.leaf(p);
  }
}

/** Rebuilds a predicate bottom-up: children first, then `f` on the rebuilt node. */
export function mapPredicate(p: Predicate, f: (p: Predicate) => Predicate): Predicate {
  switch (p.kind) {
    case 'and': case 'or': return f({ ...p, args: p.args.map((a) => mapPredicate(a, f)) });
    case 'not': return f({ ...p, arg: mapPredicate(p.arg, f) });
    default: return f(p);
  }
}

/** Visits every predicate node, parents before children. */
export function visitPredicate(p: Predicate, f: (p: Predicate) => void): void {
  f(p);
  if (p.kind === 'and' || p.kind === 'or') for (const a of p.args) visitPredicate(a, f);
  else if (p.kind === 'not') visitPredicate(p.arg, f);
}

/** Visits an expression and its sub-expressions, parents first. */
export function visitExpr(e: Expr, f: (e: Expr) => void): void {
  f(e);
  if (e.kind === 'call') for (const a of e.args) visitExpr(a, f);
}

/** Every field name a predicate reads, in first-seen order (duplicates removed). */
export function predicateFields(p: Predicate): string[] {
  const out = new Set<string>();
  visitPredicate(p, (x) => { if (isAtom(x)) for (const e of atomExprs(x)) visitExpr(e, (y) => { if (y.kind === 'field') out.add(y.name); }); });
  return [...out];
}

/** Every event query of a query: the query itself, sequence/sample steps, `until`, a pipeline's source. */
export function eventQueries(q: IrQuery): EventQuery[] {
  switch (q.kind) {
    case 'event': return [q];
    case 'sequence': return [...q.steps.map((s) => s.filter), ...(q.until ? [q.until.filter] : [])];
    case 'sample': return q.steps.map((s) => s.filter);
    case 'pipeline': return eventQueries(q.source);
  }
}

export interface QueryMap {
  /** Applied to every event query (after its predicates were mapped). */
  readonly event?: (q: EventQuery) => EventQuery;
  /** Applied to every predicate slot: filters, source selections, stage filters. */
  readonly predicate?: (p: Predicate) => Predicate;
}

/** Rebuilds a query, mapping each event query and each predicate slot; structure is kept. */
export function mapQuery<Q extends IrQuery>(q: Q, m: QueryMap): Q {
  return mapAnyQuery(q, m) as Q;
}

function mapAnyQuery(q: IrQuery, m: QueryMap): IrQuery {
  const pred = m.predicate ?? ((p: Predicate) => p);
  const source = (s: EventSource): EventSource => ({ ...s, select: pred(s.select) });
  const event = (e: EventQuery): EventQuery => {
    const mapped: EventQuery = { ...e, ...(e.source ? { source: source(e.source) } : {}), filter: pred(e.filter) };
    return m.event ? m.event(mapped) : mapped;
  };
  const step = (s: SequenceStep): SequenceStep => ({ ...s, filter: event(s.filter) });
  const stage = (s: Stage): Stage => (s.kind === 'filter' ? { ...s, predicate: pred(s.predicate) } : s);
  switch (q.kind) {
    case 'event': return event(q);
    case 'sequence': return { ...q, steps: q.steps.map(step), ...(q.until ? { until: step(q.until) } : {}) };
    case 'sample': return { ...q, steps: q.steps.map(step) };
    case 'pipeline': return { ...q, source: mapQuery(q.source, m), stages: q.stages.map(stage) };
  }
}
