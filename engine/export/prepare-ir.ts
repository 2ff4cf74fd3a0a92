/**
 * IR preparation, the pipeline step every export target runs before its walker (pySigma's
 * processing pipelines are the model): sources the target has no name for are inlined into the
 * filter, and every filter (event queries, sequence steps, stage filters) is rewritten to the
 * target's null logic, so a negation keeps the source rule's meaning:
 *   'boolean'  (Sigma, SPL search, KQL): a test on a missing field is false, so `not` of it is true;
 *   'kleene'   (EQL): three-valued, as Elasticsearch evaluates EQL.
 * Targets never choose whether to run this; they only say which logic and which origins they keep.
 */
import { mapQuery } from '../ir/walk.ts';
import { inlineSources } from '../ir/source.ts';
import type { IrQuery, NullLogic, SourceOrigin } from '../ir/types.ts';
import { kleeneOf, twoValued } from './two-valued.ts';

export interface TargetLogic {
  readonly logic: NullLogic;
  /** Origins the target prints in its own terms (kept as the query's source); others are inlined. */
  readonly keeps: (o: SourceOrigin) => boolean;
}

export function prepareQuery<Q extends IrQuery>(q: Q, t: TargetLogic): Q {
  const to = t.logic === 'boolean' ? twoValued : kleeneOf;
  const out: IrQuery = mapQuery(inlineSources(q, t.keeps), { event: (e) => ({ ...e, filter: to(e.filter, e.logic), logic: t.logic }) });
  if (out.kind !== 'pipeline') return out as Q;
  // Stage filters carry their own logic.
  const piped: IrQuery = { ...out, stages: out.stages.map((s) => (s.kind === 'filter' ? { ...s, predicate: to(s.predicate, s.logic), logic: t.logic } : s)) };
  return piped as Q;
}

export const BOOLEAN_TARGET = (keeps: (o: SourceOrigin) => boolean = () => false): TargetLogic => ({ logic: 'boolean', keeps });
