/**
 * Linux auditd logs (/var/log/audit/audit.log, raw or enriched): lines parsed one by one, the
 * records of one event (SYSCALL, EXECVE, CWD, PATH…, PROCTITLE) joined by their serial. auditd
 * writes an event's records together and ends multi-record events with EOE (or PROCTITLE); dac
 * keeps a small window of open events so interleaved writers still join, and emits each event when
 * its EOE arrives, the window overflows, or the file ends. A line that is not an audit record is
 * rejected with its line number; the event count is what the replay sees.
 */
import type { AuditEvent, EventReader, ReaderItem, ReadLocation } from '../types.ts';
import { decodeText, headText, splitLines } from '../text.ts';
import { parseAuditLine } from './parse-line.ts';

/** Open events kept waiting for more records (auditd interleaves only a few at a time). */
const WINDOW = 32;

interface Open { event: { ts: number; serial: number; node?: string; records: AuditEvent['records'][number][] }; loc: ReadLocation }

export async function* readAuditd(file: string, input: AsyncIterable<Uint8Array>): AsyncIterable<ReaderItem> {
  const open = new Map<string, Open>();
  let record = 0;
  const emit = (key: string): ReaderItem => {
    const o = open.get(key) as Open;
    open.delete(key);
    return { ok: true, record: { kind: 'auditd', event: o.event }, loc: o.loc };
  };
  for await (const { text, line } of splitLines(decodeText(input))) {
    if (!text.trim()) continue;
    const p = parseAuditLine(text);
    if ('error' in p) { record++; yield { ok: false, loc: { file, line, record }, reason: p.error }; continue; }
    const key = `${p.node ?? ''}|${p.ts}|${p.serial}`;
    if (p.type === 'EOE') { if (open.has(key)) yield emit(key); continue; }
    let o = open.get(key);
    if (!o) {
      record++;
      o = { event: { ts: p.ts, serial: p.serial, ...(p.node ? { node: p.node } : {}), records: [] }, loc: { file, line, record } };
      open.set(key, o);
      if (open.size > WINDOW) yield emit(open.keys().next().value as string);
    }
    o.event.records.push({ type: p.type, fields: p.fields });
  }
  for (const key of [...open.keys()]) yield emit(key);
}

export const auditdReader: EventReader = {
  format: 'auditd',
  detect(head) {
    const first = headText(head).split('\n', 1)[0] ?? '';
    return /^(?:node=\S+ )?type=[A-Z0-9_]+ msg=audit\(\d+/.test(first);
  },
  read: readAuditd,
};
