/**
 * Readers by format name. XML, NDJSON and Zeek live here; EVTX and pcap readers come from their
 * own folders (each index.ts exports `reader`, undefined until built). To add a format: write an
 * EventReader, then `registerReader(it)` (duplicates throw). Detection tries readers in
 * registration order, binary formats first (their magic bytes are unambiguous).
 */
import type { EventFormat, EventReader } from './types.ts';
import { xmlReader } from './xml/reader.ts';
import { ndjsonReader } from './json/ndjson.ts';
import { zeekReader } from './json/zeek.ts';
import { auditdReader } from './auditd/reader.ts';
import { reader as evtxReader } from './evtx/index.ts';
import { reader as pcapReader } from './pcap/index.ts';

const registry = new Map<EventFormat, EventReader>();

export function registerReader(reader: EventReader): void {
  if (registry.has(reader.format)) throw new Error(`a reader for format '${reader.format}' is already registered`);
  registry.set(reader.format, reader);
}

for (const r of [evtxReader, pcapReader, xmlReader, zeekReader, auditdReader, ndjsonReader]) if (r) registerReader(r);

export function getReader(format: EventFormat): EventReader | undefined {
  return registry.get(format);
}

export function readerFormats(): EventFormat[] {
  return [...registry.keys()];
}

/** The first registered reader whose detect() accepts the head, or undefined. */
export function detectReader(head: Uint8Array, fileName: string): EventReader | undefined {
  for (const r of registry.values()) if (r.detect(head, fileName)) return r;
  return undefined;
}
