/**
 * Any Zeek log record → ECS, driven by the one Zeek table (zeek-fields.ts): the connection ids and
 * the log's renames become ECS fields, every raw field is also kept under the log's prefix
 * (zeek.dns.query …), as Filebeat's Zeek module keeps what it does not rename. conn and dce_rpc
 * have their own normalizers (zeek.ts) with dac's DCE/RPC fields.
 */
import type { FieldValue, Scalar } from '../types.ts';
import { append, set, type Out } from './out.ts';
import { ZEEK_CONN_ID, zeekLogSpec } from './zeek-fields.ts';

type Doc = Readonly<Record<string, FieldValue>>;

const NUMERIC_ECS = new Set(['source.port', 'destination.port', 'source.bytes', 'destination.bytes', 'source.packets', 'destination.packets',
  'http.request.body.bytes', 'http.response.body.bytes', 'http.response.status_code', 'file.size', 'dns.id']);

function clean(v: FieldValue): FieldValue | undefined {
  if (v === null || v === '' || v === '-') return undefined;
  if (Array.isArray(v)) return v.length ? v : undefined;
  return v;
}

function ecsValue(ecs: string, v: FieldValue): FieldValue | undefined {
  if (ecs === 'event.duration') return typeof v === 'number' ? Math.round(v * 1e9) : undefined;
  if (NUMERIC_ECS.has(ecs) && typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return v;
}

/** url.path / url.query / url.extension from Zeek's `uri`, as Filebeat's pipeline splits it. */
function urlParts(out: Out): void {
  const uri = out['url.original'];
  if (typeof uri !== 'string') return;
  const q = uri.indexOf('?');
  const path = q >= 0 ? uri.slice(0, q) : uri;
  set(out, 'url.path', path);
  if (q >= 0) set(out, 'url.query', uri.slice(q + 1));
  const last = path.split('/').pop() ?? '';
  const dot = last.lastIndexOf('.');
  if (dot > 0) set(out, 'url.extension', last.slice(dot + 1).toLowerCase());
}

export function normalizeZeekLog(log: string, doc: Doc): Out {
  const spec = zeekLogSpec(log);
  const out: Out = { 'event.kind': 'event', 'event.module': 'zeek', 'event.dataset': spec.dataset };
  out['event.category'] = [...spec.category];
  out['event.type'] = [...spec.type];
  if (spec.protocol) out['network.protocol'] = spec.protocol;
  for (const [raw, value] of Object.entries(doc)) {
    if (raw === 'ts' || raw === '_path' || raw === '_write_ts') continue;
    const v = clean(value);
    if (v === undefined) continue;
    const ecs = Object.hasOwn(ZEEK_CONN_ID, raw) ? ZEEK_CONN_ID[raw] : Object.hasOwn(spec.ecs, raw) ? spec.ecs[raw] : undefined;
    if (!Object.hasOwn(ZEEK_CONN_ID, raw)) out[`${spec.prefix}.${raw}`] = v;
    if (ecs) set(out, ecs, ecsValue(ecs, v));
  }
  if (log === 'http') {
    urlParts(out);
    setDomain(out, out['url.domain']);
  }
  if (log === 'ssl') setDomain(out, out['tls.client.server_name']);
  if (log === 'dns') {
    const q = out['dns.question.name'];
    if (typeof q === 'string') {
      const labels = q.split('.');
      if (labels.length >= 2) set(out, 'dns.question.registered_domain', labels.slice(-2).join('.'));
    }
    if (out['zeek.dns.qr'] !== undefined) out['dns.type'] = out['zeek.dns.qr'] === true ? 'answer' : 'query';
  }
  for (const k of ['source.ip', 'destination.ip']) {
    const ip = out[k];
    if (typeof ip === 'string') append(out, 'related.ip', ip);
  }
  return out;
}

function setDomain(out: Out, v: FieldValue | undefined): void {
  if (typeof v === 'string') set(out, 'destination.domain', v as Scalar);
}
