/**
 * Zeek logs of every kind (conn, dns, http, ssl, x509, files, smb_files, smb_mapping, kerberos,
 * rdp, dce_rpc, ntlm …): JSON (`LogAscii::use_json=T`, one object per line) or Zeek's default
 * TSV (zeek/tsv.ts). The log's name comes from `_path` (JSON) or `#path` (TSV) when Zeek wrote
 * it, else from fields only that log has, else from the file name (dns.log, http.09:00:00-10:00:00.log).
 */
import type { EventReader, FieldValue, ReaderItem } from '../types.ts';
import { headText } from '../text.ts';
import { ZEEK_LOGS } from '../normalize/zeek-fields.ts';
import { isZeekTsvHead, readZeekTsv } from '../zeek/tsv.ts';
import { flatten } from './flatten.ts';
import { firstObject, jsonLines } from './lines.ts';

const has = (doc: Record<string, unknown>, k: string): boolean => k in doc;

/** A Zeek JSON record: a numeric `ts` with a connection id, a uid/fuid, `_path`, or an x509 certificate. */
export function isZeekDoc(doc: Record<string, unknown>): boolean {
  if (!has(doc, 'ts') || has(doc, '@timestamp')) return false;
  const nestedId = typeof doc['id'] === 'object' && doc['id'] !== null && 'orig_h' in (doc['id'] as object);
  return has(doc, 'id.orig_h') || nestedId || has(doc, '_path') || has(doc, 'uid') || has(doc, 'fuid') ||
    has(doc, 'certificate.serial') || (typeof doc['certificate'] === 'object' && doc['certificate'] !== null);
}

/** Fields that only one log has, for JSON records written without `_path`. */
const TELLTALE: readonly (readonly [string, string])[] = [
  ['endpoint', 'dce_rpc'], ['named_pipe', 'dce_rpc'], ['conn_state', 'conn'], ['qtype_name', 'dns'], ['query', 'dns'],
  ['status_code', 'http'], ['method', 'http'], ['server_name', 'ssl'], ['ja3', 'ssl'], ['certificate.serial', 'x509'],
  ['request_type', 'kerberos'], ['share_type', 'smb_mapping'], ['cookie', 'rdp'], ['security_protocol', 'rdp'],
  ['fuid', 'files'], ['domainname', 'ntlm'],
];

/** The log name a file's name gives (dns.log, conn.log.gz, http.09:00:00-10:00:00.log). */
export function logFromFileName(file: string): string | undefined {
  const base = file.split(/[\\/]/).pop() ?? '';
  const m = /^([a-z][a-z0-9_]*)\.(?:[\w:-]+\.)*log(?:\.gz)?$/i.exec(base);
  return m ? m[1].toLowerCase() : undefined;
}

export function zeekPath(doc: Readonly<Record<string, FieldValue>>, file?: string): string | undefined {
  const p = doc['_path'];
  if (typeof p === 'string' && /^[a-z][a-z0-9_]*$/i.test(p)) return p.toLowerCase();
  const byName = file ? logFromFileName(file) : undefined;
  if (byName && Object.hasOwn(ZEEK_LOGS, byName)) return byName;
  for (const [field, log] of TELLTALE) if (field in doc) return log;
  if ('proto' in doc) return 'conn';
  return undefined;
}

async function* withHead(first: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncIterable<Uint8Array> {
  yield first;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

async function* readZeekJson(file: string, input: AsyncIterable<Uint8Array>): AsyncIterable<ReaderItem> {
  for await (const l of jsonLines(file, input)) {
    if (!l.ok) { yield l.item; continue; }
    const loc = { file, line: l.line, record: l.record };
    if (!isZeekDoc(l.doc)) { yield { ok: false, loc, reason: 'not a Zeek log record (needs ts and a connection id, uid, fuid or _path)' }; continue; }
    let doc: ReturnType<typeof flatten>;
    try { doc = flatten(l.doc); } catch (e) { yield { ok: false, loc, reason: `JSON document ${e instanceof Error ? e.message : String(e)}` }; continue; }
    const log = zeekPath(doc, file);
    if (!log) { yield { ok: false, loc, reason: 'cannot tell which Zeek log this is (no _path, no telltale field, file name not <log>.log)' }; continue; }
    yield { ok: true, record: { kind: 'zeek', log, doc }, loc };
  }
}

export async function* readZeek(file: string, input: AsyncIterable<Uint8Array>): AsyncIterable<ReaderItem> {
  const it = input[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const stream = withHead(first.value, it);
  if (isZeekTsvHead(headText(first.value))) yield* readZeekTsv(file, stream, logFromFileName(file));
  else yield* readZeekJson(file, stream);
}

export const zeekReader: EventReader = {
  format: 'zeek',
  detect(head, fileName) {
    const text = headText(head);
    if (isZeekTsvHead(text)) return true;
    const doc = firstObject(text);
    if (doc) return isZeekDoc(doc);
    return logFromFileName(fileName) !== undefined && text.startsWith('{');
  },
  read: readZeek,
};
