/**
 * NDJSON reader for Windows events: Winlogbeat / Elastic Agent ECS documents (nested or already
 * flattened) → {kind:'ecs'}; flat raw-field records as OTRF Security-Datasets and NXLog ship them
 * (EventID, Channel, Hostname, Image … at top level) → {kind:'flat'}.
 */
import type { EventReader, ReaderItem, Scalar } from '../types.ts';
import { headText } from '../text.ts';
import { flatten } from './flatten.ts';
import { firstObject, jsonLines } from './lines.ts';
import { isZeekDoc } from './zeek.ts';

/** An ECS document names its event under `event`/`winlog` (nested) or `event.*`/`winlog.*` (flat). */
export function isEcsDoc(doc: Record<string, unknown>): boolean {
  if (typeof doc['event'] === 'object' || typeof doc['winlog'] === 'object' || typeof doc['ecs'] === 'object') return true;
  return 'event.code' in doc || 'winlog.event_id' in doc || 'event.category' in doc;
}

export function isFlatWinDoc(doc: Record<string, unknown>): boolean {
  return 'EventID' in doc || 'EventId' in doc || 'event_id' in doc;
}

function flatScalars(doc: Record<string, unknown>): Record<string, Scalar> {
  const out = Object.create(null) as Record<string, Scalar>;
  for (const [k, v] of Object.entries(doc)) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else out[k] = JSON.stringify(v); // tags arrays and the like: kept, as text
  }
  return out;
}

export async function* readNdjson(file: string, input: AsyncIterable<Uint8Array>): AsyncIterable<ReaderItem> {
  for await (const l of jsonLines(file, input)) {
    if (!l.ok) { yield l.item; continue; }
    const loc = { file, line: l.line, record: l.record };
    if (isEcsDoc(l.doc)) {
      let doc: ReturnType<typeof flatten>;
      try { doc = flatten(l.doc); } catch (e) { yield { ok: false, loc, reason: `JSON document ${e instanceof Error ? e.message : String(e)}` }; continue; }
      yield { ok: true, record: { kind: 'ecs', doc }, loc };
    }
    else if (isFlatWinDoc(l.doc)) yield { ok: true, record: { kind: 'flat', doc: flatScalars(l.doc) }, loc };
    else yield { ok: false, loc, reason: 'JSON object is neither an ECS document (event.*/winlog.*) nor a flat Windows record (EventID)' };
  }
}

export const ndjsonReader: EventReader = {
  format: 'ndjson',
  detect(head) {
    const text = headText(head);
    const doc = firstObject(text);
    if (doc !== undefined) return !isZeekDoc(doc);
    // A first line longer than the head (64 KB) cannot be parsed here: an object still open at
    // the end of the head is taken as NDJSON, and each line is then checked as it is read.
    const t = text.trimStart();
    return t.startsWith('{') && !t.includes('\n') && text.length >= 16 * 1024;
  },
  read: readNdjson,
};
