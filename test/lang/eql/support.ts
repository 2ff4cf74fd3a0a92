/** Test helpers: conformance data (../shared/eql) → EcsEvents, and alerts → id lists. */
import { readFileSync } from 'node:fs';
import type { EcsEvent, EcsFields, FieldValue, Scalar } from '../../../engine/events/types.ts';
import type { IrQuery, SequenceStep } from '../../../engine/ir/types.ts';
import type { Alert } from '../../../engine/runtime/index.ts';
import { sharedPath } from '../../support/shared.ts';

export function readShared<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(sharedPath(...parts), 'utf8')) as T;
}

/** Flattens nested objects to dotted keys; arrays of scalars stay arrays, arrays of objects become JSON text. */
export function flatten(doc: Record<string, unknown>, prefix = '', out: EcsFields = {}): EcsFields {
  for (const [k, v] of Object.entries(doc)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, key, out);
    else if (Array.isArray(v)) out[key] = v.map((x) => (x !== null && typeof x === 'object' ? JSON.stringify(x) : (x as Scalar)));
    else out[key] = v as FieldValue;
  }
  return out;
}

const FILETIME_EPOCH = 116444736000000000;

/** Endgame reference events: event_type is the category, timestamp a FILETIME, serial_event_id the id. */
export function endgameEvents(): EcsEvent[] {
  const raw = readShared<Record<string, unknown>[]>('eql', 'test_data.json');
  return raw.map((doc, seq) => ({
    fields: { ...flatten(doc), 'event.category': doc.event_type as string },
    ts: (Number(doc.timestamp) - FILETIME_EPOCH) / 10_000,
    provenance: { dataset: 'eql-reference', file: 'test_data.json', record: seq + 1 },
    seq,
  }));
}

/** Elasticsearch QA events: `@timestamp` is epoch ms text or ISO-8601; category in event_type or event.category. */
export function esEvents(raw: readonly Record<string, unknown>[], file: string): EcsEvent[] {
  const evs = raw.map((doc, i) => {
    const fields = flatten(doc);
    if (doc.event_type !== undefined) fields['event.category'] = doc.event_type as string;
    const t = String(doc['@timestamp']);
    return { fields, ts: /^\d+$/.test(t) ? Number(t) : Date.parse(t), provenance: { dataset: 'es-qa', file, record: i + 1 }, seq: i };
  });
  // replay order is time order (ties by file position), as Elasticsearch sorts by @timestamp
  return evs.sort((a, b) => a.ts - b.ts || a.seq - b.seq).map((e, seq) => ({ ...e, seq }));
}

/** The steps of the query's sequence (runs expanded), or undefined for event queries. */
function expandedSteps(q: IrQuery): SequenceStep[] | undefined {
  const src = q.kind === 'pipeline' ? q.source : q;
  if (src.kind !== 'sequence') return undefined;
  return src.steps.flatMap((s) => Array.from({ length: s.runs }, () => s));
}

/** Ids of every alert's events, in order; missing steps appear as `placeholder`. */
export function alertIds(q: IrQuery, alerts: readonly Alert[], idField: string, placeholder = -1): number[] {
  const steps = expandedSteps(q);
  const out: number[] = [];
  for (const a of alerts) {
    const ids = a.events.map((e) => Number(e.fields[idField]));
    if (!steps) { out.push(...ids); continue; }
    let k = 0;
    for (const s of steps) out.push(s.missing ? placeholder : ids[k++]);
  }
  return out;
}
