/**
 * Zeek conn and dce_rpc records → ECS network fields, as Filebeat's Zeek module names them, plus
 * dac's dce_rpc.* (interface name = Zeek's `endpoint`, `operation`, `named_pipe`) so analytics
 * that ask for the RPC interface (CAR's proto_info.rpc_interface) have a field to read.
 */
import type { FieldValue } from '../types.ts';
import { append, set, type Out } from './out.ts';

type Doc = Readonly<Record<string, FieldValue>>;

function s(doc: Doc, k: string): string | undefined {
  const v = doc[k];
  return typeof v === 'string' && v !== '' && v !== '-' ? v : typeof v === 'number' ? String(v) : undefined;
}

function n(doc: Doc, k: string): number | undefined {
  const v = doc[k];
  const x = typeof v === 'number' ? v : typeof v === 'string' && v !== '' && v !== '-' ? Number(v) : NaN;
  return Number.isFinite(x) ? x : undefined;
}

function endpoints(out: Out, doc: Doc): void {
  set(out, 'zeek.session_id', s(doc, 'uid'));
  set(out, 'source.ip', s(doc, 'id.orig_h'));
  set(out, 'source.port', n(doc, 'id.orig_p'));
  set(out, 'destination.ip', s(doc, 'id.resp_h'));
  set(out, 'destination.port', n(doc, 'id.resp_p'));
  for (const k of ['source.ip', 'destination.ip']) {
    const ip = out[k];
    if (typeof ip === 'string') append(out, 'related.ip', ip);
  }
}

export function normalizeZeekConn(doc: Doc): Out {
  const out: Out = { 'event.kind': 'event', 'event.module': 'zeek', 'event.dataset': 'zeek.connection' };
  out['event.category'] = ['network'];
  out['event.type'] = ['connection'];
  endpoints(out, doc);
  set(out, 'network.transport', s(doc, 'proto'));
  set(out, 'network.protocol', s(doc, 'service'));
  set(out, 'source.bytes', n(doc, 'orig_bytes'));
  set(out, 'destination.bytes', n(doc, 'resp_bytes'));
  set(out, 'source.packets', n(doc, 'orig_pkts'));
  set(out, 'destination.packets', n(doc, 'resp_pkts'));
  const dur = n(doc, 'duration');
  if (dur !== undefined) out['event.duration'] = Math.round(dur * 1e9);
  set(out, 'zeek.connection.state', s(doc, 'conn_state'));
  set(out, 'zeek.connection.history', s(doc, 'history'));
  const lo = doc['local_orig'];
  if (typeof lo === 'boolean') out['zeek.connection.local_orig'] = lo;
  const lr = doc['local_resp'];
  if (typeof lr === 'boolean') out['zeek.connection.local_resp'] = lr;
  const ob = out['source.bytes'];
  const rb = out['destination.bytes'];
  if (typeof ob === 'number' && typeof rb === 'number') out['network.bytes'] = ob + rb;
  return out;
}

export function normalizeZeekDceRpc(doc: Doc): Out {
  const out: Out = { 'event.kind': 'event', 'event.module': 'zeek', 'event.dataset': 'zeek.dce_rpc' };
  out['event.category'] = ['network'];
  out['event.type'] = ['connection', 'protocol'];
  endpoints(out, doc);
  out['network.transport'] = 'tcp';
  out['network.protocol'] = 'dcerpc';
  const endpoint = s(doc, 'endpoint');
  const op = s(doc, 'operation');
  const pipe = s(doc, 'named_pipe');
  set(out, 'event.action', op);
  set(out, 'dce_rpc.interface.name', endpoint);
  set(out, 'dce_rpc.operation', op);
  set(out, 'dce_rpc.named_pipe', pipe);
  set(out, 'zeek.dce_rpc.endpoint', endpoint);
  set(out, 'zeek.dce_rpc.operation', op);
  set(out, 'zeek.dce_rpc.named_pipe', pipe);
  set(out, 'zeek.dce_rpc.rtt', n(doc, 'rtt'));
  return out;
}
