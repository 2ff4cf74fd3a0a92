/** The event source of a query, combined with its filter for whoever evaluates events (runtime, dispatch, prefilter). */
import type { EventQuery, Predicate } from './types.ts';

/** `select AND filter`, flattening a top-level `and` so dispatch and prefilter see every conjunct. */
export function effectiveFilter(q: EventQuery): Predicate {
  const select = q.source?.select;
  if (!select || (select.kind === 'const' && select.value)) return q.filter;
  const parts = (p: Predicate): readonly Predicate[] => (p.kind === 'and' ? p.args : [p]);
  return { kind: 'and', args: [...parts(select), ...parts(q.filter)] };
}
