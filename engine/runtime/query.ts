/** Compiles an IR query into a stateful unit that consumes events in replay order and emits alerts. */
import type { EcsEvent } from '../events/types.ts';
import { effectiveFilter } from '../ir/source.ts';
import type { EventQuery, IrQuery, Stage } from '../ir/types.ts';
import { compileMatcher } from './compile-predicate.ts';
import { dispatchKey, type DispatchKey } from './dispatch.ts';
import type { PipelineRow } from './row.ts';
import { sampleUnit } from './sample.ts';
import { sequenceUnit, type Emit, type Unit } from './sequence.ts';
import { buildStages } from './stages.ts';

export type { Unit } from './sequence.ts';

function eventUnit(q: EventQuery, emit: Emit): Unit {
  const match = compileMatcher(effectiveFilter(q), q.logic);
  return {
    push(ev) { if (match(ev)) emit({ fields: ev.fields, ts: ev.ts, events: [ev] }); },
    finish() {},
  };
}

function sourceUnit(q: Exclude<IrQuery, { kind: 'pipeline' }>, emit: Emit): Unit {
  switch (q.kind) {
    case 'event': return eventUnit(q, emit);
    case 'sequence': return sequenceUnit(q, emit);
    case 'sample': return sampleUnit(q, emit);
  }
}

const ROW_SHAPING: ReadonlySet<Stage['kind']> = new Set(['eval', 'aggregate', 'rename', 'project', 'drop']);

/** A match: the events behind it and, for pipelines that shape rows, the result row. */
export interface Match { readonly events: readonly EcsEvent[]; readonly fields: PipelineRow['fields']; readonly ts: number }

export function createUnit(q: IrQuery, onMatch: (m: Match) => void): Unit {
  if (q.kind !== 'pipeline') return sourceUnit(q, (r) => onMatch({ events: r.events, fields: {}, ts: r.ts }));
  const shaped = q.stages.some((s) => ROW_SHAPING.has(s.kind));
  const head = buildStages(q.stages, {
    push: (r) => onMatch({ events: r.events, fields: shaped ? r.fields : {}, ts: r.ts }),
    flush: () => {},
  });
  const src = sourceUnit(q.source, (r) => head.push(r));
  return {
    push: (ev) => src.push(ev),
    finish() { src.finish(); head.flush(); },
  };
}

/** Every event filter in the query (steps, until, missing), for dispatch. */
function filtersOf(q: IrQuery): EventQuery[] {
  switch (q.kind) {
    case 'event': return [q];
    case 'sequence': return [...q.steps.map((s) => s.filter), ...(q.until ? [q.until.filter] : [])];
    case 'sample': return q.steps.map((s) => s.filter);
    case 'pipeline': return filtersOf(q.source);
  }
}

/** Dispatch keys for the query, or undefined when some filter can match any event. */
export function dispatchKeys(q: IrQuery): DispatchKey[] | undefined {
  const keys: DispatchKey[] = [];
  for (const f of filtersOf(q)) {
    const k = dispatchKey(effectiveFilter(f));
    if (!k) return undefined;
    keys.push(k);
  }
  return keys;
}
