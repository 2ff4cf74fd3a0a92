/** Turns runtime alerts and events into the report's compact, deterministic entries. */
import type { EcsEvent, FieldValue } from '../events/types.ts';
import type { Alert } from '../runtime/types.ts';
import type { AlertEntry, EventRef } from './types.ts';

const MAX_EVENTS_LISTED = 20;

function str(v: FieldValue | undefined): string | undefined {
  if (v === undefined || v === null) return undefined;
  return Array.isArray(v) ? v.join(',') : String(v);
}

export function isoTime(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms);
}

/** A one-line description of what the event is, for reviewers. */
function summarize(e: EcsEvent): string {
  const f = e.fields;
  const parts: string[] = [];
  const code = str(f['winlog.event_id']) ?? str(f['event.code']);
  if (code) parts.push(`${str(f['winlog.channel'])?.split('/')[0] ?? 'event'} ${code}`);
  else if (f['event.dataset']) parts.push(String(f['event.dataset']));
  const what =
    str(f['process.command_line']) ?? str(f['registry.path']) ?? str(f['file.path']) ?? str(f['dns.question.name']) ??
    str(f['dce_rpc.operation']) ?? str(f['dce_rpc.interface.name']) ?? str(f['process.name']);
  if (f['source.ip'] !== undefined || f['destination.ip'] !== undefined) {
    parts.push(`${str(f['source.ip'])}:${str(f['source.port'])} -> ${str(f['destination.ip'])}:${str(f['destination.port'])}`);
  }
  if (what) parts.push(what.length > 160 ? what.slice(0, 157) + '...' : what);
  return parts.join(' ');
}

export function eventRef(e: EcsEvent): EventRef {
  const p = e.provenance;
  const rid = e.fields['winlog.record_id'];
  return {
    dataset: p.dataset,
    file: p.file,
    ...(p.line !== undefined ? { line: p.line } : {}),
    ...(p.record !== undefined ? { record: p.record } : {}),
    timestamp: isoTime(e.ts),
    ...(str(e.fields['winlog.event_id'] ?? e.fields['event.code']) ? { eventId: str(e.fields['winlog.event_id'] ?? e.fields['event.code']) } : {}),
    ...(typeof rid === 'number' ? { recordId: rid } : {}),
    ...(str(e.fields['host.name']) ? { host: str(e.fields['host.name']) } : {}),
    summary: summarize(e),
  };
}

export function alertDatasets(a: Alert): string[] {
  return [...new Set(a.events.map((e) => e.provenance.dataset))].sort();
}

export function alertEntry(a: Alert): AlertEntry {
  return {
    timestamp: isoTime(a.ts),
    datasets: alertDatasets(a),
    fields: a.fields,
    events: a.events.slice(0, MAX_EVENTS_LISTED).map(eventRef),
    moreEvents: Math.max(0, a.events.length - MAX_EVENTS_LISTED),
  };
}
