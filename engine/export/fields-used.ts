/** Every field an IR query reads (filters, join keys, aggregates), sorted; for required_fields and field mapping checks. */
import { effectiveFilter } from '../ir/source.ts';
import type { EventQuery, Expr, IrQuery, Predicate, SequenceStep } from '../ir/types.ts';

export function fieldsUsed(q: IrQuery): string[] {
  const out = new Set<string>();
  const expr = (e: Expr): void => {
    if (e.kind === 'field') out.add(e.name);
    else if (e.kind === 'call') e.args.forEach(expr);
  };
  const pred = (p: Predicate): void => {
    switch (p.kind) {
      case 'and': case 'or': p.args.forEach(pred); break;
      case 'not': pred(p.arg); break;
      case 'compare': expr(p.left); expr(p.right); break;
      case 'glob': case 'in': case 'regex': case 'cidr': expr(p.left); break;
      case 'exists': out.add(p.field); break;
      case 'truthy': expr(p.expr); break;
      default: break;
    }
  };
  const event = (e: EventQuery): void => pred(effectiveFilter(e));
  const step = (s: SequenceStep): void => { event(s.filter); s.by.forEach(expr); };
  const query = (x: IrQuery): void => {
    switch (x.kind) {
      case 'event': event(x); break;
      case 'sequence': x.by.forEach(expr); x.steps.forEach(step); if (x.until) step(x.until); break;
      case 'sample': x.by.forEach(expr); x.steps.forEach(step); break;
      case 'pipeline': {
        query(x.source);
        // Only fields of the events count; names a stage creates (aggregates, evals) are row columns.
        const made = new Set<string>();
        for (const s of x.stages) {
          if (s.kind === 'aggregate') { s.groupBy.forEach((g) => { expr(g.expr); made.add(g.name); }); s.aggregates.forEach((a) => { if (a.arg) expr(a.arg); made.add(a.name); }); break; }
          if (s.kind === 'filter') pred(s.predicate);
          if (s.kind === 'eval') s.assignments.forEach((a) => { expr(a.expr); made.add(a.name); });
        }
        for (const m of made) out.delete(m);
        break;
      }
    }
  };
  query(q);
  return [...out].sort();
}
