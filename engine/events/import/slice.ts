/**
 * `dac datasets import`: real events → a dataset dac replays. Events are kept as dac normalized
 * them, written as flat ECS NDJSON (one document per line, dotted keys, `@timestamp` from the
 * replay clock), which the NDJSON reader reads back to the same fields and times whatever the
 * source format was (EVTX, XML, Winlogbeat NDJSON, Zeek, pcap). Times keep millisecond precision
 * (the ISO-8601 `@timestamp`): that is how every reader reads them except pcap, whose sub-millisecond
 * packet times are cut to the millisecond.
 */
import type { EcsEvent } from '../types.ts';
import { iso } from '../normalize/time.ts';

export interface SliceFilters {
  readonly since?: number;
  readonly until?: number;
  /** host.name values (case-insensitive; a short name matches the FQDN's first label). */
  readonly hosts?: readonly string[];
  /** event.code / winlog.event_id values. */
  readonly eventIds?: readonly string[];
  /** A further predicate (the compiled --where query). */
  readonly where?: (ev: EcsEvent) => boolean;
}

function hostMatches(ev: EcsEvent, hosts: readonly string[]): boolean {
  const h = ev.fields['host.name'];
  if (typeof h !== 'string') return false;
  const lower = h.toLowerCase();
  return hosts.some((want) => { const w = want.toLowerCase(); return lower === w || lower.split('.')[0] === w; });
}

export function keep(ev: EcsEvent, f: SliceFilters): boolean {
  if (f.since !== undefined && ev.ts < f.since) return false;
  if (f.until !== undefined && ev.ts > f.until) return false;
  if (f.hosts?.length && !hostMatches(ev, f.hosts)) return false;
  if (f.eventIds?.length) {
    const code = ev.fields['event.code'] ?? ev.fields['winlog.event_id'];
    if (code === undefined || code === null || !f.eventIds.includes(String(code))) return false;
  }
  return f.where ? f.where(ev) : true;
}

/**
 * One event as a flat ECS document. The NDJSON reader recognises a document as ECS by an
 * event.* or winlog.* key; events that carry none (rare) get event.kind "event" so they are not
 * refused on the way back.
 */
export function toEcsLine(ev: EcsEvent): string {
  const doc: Record<string, unknown> = { '@timestamp': iso(ev.ts) };
  for (const [k, v] of Object.entries(ev.fields)) if (k !== '@timestamp' && v !== undefined) doc[k] = v;
  if (!('event.code' in doc) && !('winlog.event_id' in doc) && !('event.category' in doc)) doc['event.category'] = [];
  return JSON.stringify(doc);
}

export interface SliceSummary {
  readonly events: number;
  readonly hosts: readonly string[];
  readonly byEventId: Readonly<Record<string, number>>;
  readonly first?: number;
  readonly last?: number;
}

export function summarize(events: readonly EcsEvent[]): SliceSummary {
  const hosts = new Set<string>();
  const byEventId = new Map<string, number>();
  let first: number | undefined;
  let last: number | undefined;
  for (const ev of events) {
    const h = ev.fields['host.name'];
    if (typeof h === 'string') hosts.add(h);
    const code = ev.fields['event.code'] ?? ev.fields['winlog.event_id'];
    if (code !== undefined && code !== null && /^\d+$/.test(String(code))) byEventId.set(String(code), (byEventId.get(String(code)) ?? 0) + 1);
    first = first === undefined ? ev.ts : Math.min(first, ev.ts);
    last = last === undefined ? ev.ts : Math.max(last, ev.ts);
  }
  const sortedIds = [...byEventId].sort((a, b) => Number(a[0]) - Number(b[0]));
  return { events: events.length, hosts: [...hosts].sort(), byEventId: Object.fromEntries(sortedIds), ...(first !== undefined ? { first, last } : {}) };
}
