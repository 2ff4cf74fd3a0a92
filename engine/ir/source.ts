/** The event source of a query, combined with its filter for whoever evaluates events (runtime, dispatch, prefilter). */
import type { EventQuery, IrQuery, Predicate, SourceOrigin } from './types.ts';
import { mapQuery } from './walk.ts';

/** `select AND filter`, flattening a top-level `and` so dispatch and prefilter see every conjunct. */
export function effectiveFilter(q: EventQuery): Predicate {
  const select = q.source?.select;
  if (!select || (select.kind === 'const' && select.value)) return q.filter;
  const parts = (p: Predicate): readonly Predicate[] => (p.kind === 'and' ? p.args : [p]);
  return { kind: 'and', args: [...parts(select), ...parts(q.filter)] };
}

/** The query with its source folded into the filter, for a reader that does not know its origin. */
export function inlineSource(q: EventQuery): EventQuery {
  if (!q.source) return q;
  const { source: _source, ...rest } = q;
  return { ...rest, filter: effectiveFilter(q) };
}

/** Every event query of `q` with its source inlined, except those whose origin `keep` accepts. */
export function inlineSources<Q extends IrQuery>(q: Q, keep: (o: SourceOrigin) => boolean = () => false): Q {
  return mapQuery(q, { event: (e) => (e.source && !keep(e.source.origin) ? inlineSource(e) : e) });
}
