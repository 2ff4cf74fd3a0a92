/**
 * Zeek JSON logs (conn, dce_rpc …; `LogAscii::use_json=T`): one object per line with `ts`,
 * `uid`, `id.orig_h` … The log's path comes from `_path` when Zeek wrote it, else from the
 * fields only that log has.
 */
import type { EventReader, FieldValue, ReaderItem } from '../types.ts';
import { headText } from '../text.ts';
import { flatten } from './flatten.ts';
import { firstObject, jsonLines } from './lines.ts';

export function isZeekDoc(doc: Record<string, unknown>): boolean {
  return ('id.orig_h' in doc || (typeof doc['id'] === 'object' && doc['id'] !== null && 'orig_h' in (doc['id'] as object))) && 'ts' in doc;
}

export function zeekPath(doc: Readonly<Record<string, FieldValue>>): string | undefined {
  const p = doc['_path'];
  if (typeof p === 'string') return p;
  if ('endpoint' in doc || 'operation' in doc || 'named_pipe' in doc) return 'dce_rpc';
  if ('conn_state' in doc || 'proto' in doc) return 'conn';
  return undefined;
}

export async function* readZeek(file: string, input: AsyncIterable<Uint8Array>): AsyncIterable<ReaderItem> {
  for await (const l of jsonLines(file, input)) {
    if (!l.ok) { yield l.item; continue; }
    const loc = { file, line: l.line, record: l.record };
    if (!isZeekDoc(l.doc)) { yield { ok: false, loc, reason: 'not a Zeek log record (needs ts and id.orig_h)' }; continue; }
    let doc: ReturnType<typeof flatten>;
    try { doc = flatten(l.doc); } catch (e) { yield { ok: false, loc, reason: `JSON document ${e instanceof Error ? e.message : String(e)}` }; continue; }
    const log = zeekPath(doc);
    if (!log) { yield { ok: false, loc, reason: 'cannot tell which Zeek log this is (no _path; neither conn nor dce_rpc fields)' }; continue; }
    yield { ok: true, record: { kind: 'zeek', log, doc }, loc };
  }
}

export const zeekReader: EventReader = {
  format: 'zeek',
  detect(head, fileName) {
    const doc = firstObject(headText(head));
    if (doc) return isZeekDoc(doc);
    return /(^|[\\/])(conn|dce_rpc)(\.[\w-]+)*\.log(\.gz)?$/.test(fileName) && headText(head).startsWith('{');
  },
  read: readZeek,
};
