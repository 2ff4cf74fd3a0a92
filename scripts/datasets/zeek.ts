/**
 * Zeek conn.log and dce_rpc.log records (JSON, Zeek's default column order) for one TCP exchange.
 * Zeek names the DCE/RPC interface from the bind's UUID and the operation from the opnum;
 * for ncacn_ip_tcp it logs the port from the bind_ack as named_pipe.
 */
import type { Recorder } from './recorder.ts';
import type { Rng } from './prng.ts';

const UID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function zeekUid(rng: Rng): string {
  let s = 'C';
  for (let i = 0; i < 17; i++) s += UID_CHARS[rng.int(0, UID_CHARS.length - 1)];
  return s;
}

export interface Flow {
  readonly origIp: string;
  readonly origPort: number;
  readonly respIp: string;
  readonly respPort: number;
}

export interface RpcCall {
  /** Offset from the flow start, ms. */
  readonly atMs: number;
  readonly endpoint: string;
  readonly operation: string;
  readonly rttMs: number;
}

/** One TCP connection carrying DCE/RPC calls: a conn.log line plus one dce_rpc.log line per call. */
export function rpcFlow(rec: Recorder, startMs: number, f: Flow, namedPipe: string, calls: readonly RpcCall[], service = 'dce_rpc'): string {
  const uid = zeekUid(rec.rng);
  const id = [['id.orig_h', f.origIp], ['id.orig_p', f.origPort], ['id.resp_h', f.respIp], ['id.resp_p', f.respPort]] as const;
  const last = calls.reduce((m, c) => Math.max(m, c.atMs + c.rttMs), 0);
  const duration = (last + rec.rng.int(2, 40)) / 1000;
  const origBytes = 300 + calls.length * rec.rng.int(200, 1800);
  const respBytes = 180 + calls.length * rec.rng.int(60, 400);
  const origPkts = 3 + calls.length * 2;
  const respPkts = 2 + calls.length * 2;
  rec.zeek('conn', startMs, [
    ['uid', uid], ...id, ['proto', 'tcp'], ['service', service], ['duration', duration.toFixed(6)],
    ['orig_bytes', origBytes], ['resp_bytes', respBytes], ['conn_state', 'SF'], ['local_orig', true], ['local_resp', true],
    ['missed_bytes', 0], ['history', 'ShADadfF'], ['orig_pkts', origPkts], ['orig_ip_bytes', origBytes + origPkts * 40],
    ['resp_pkts', respPkts], ['resp_ip_bytes', respBytes + respPkts * 40],
  ]);
  for (const c of calls) {
    rec.zeek('dce_rpc', startMs + c.atMs, [
      ['uid', uid], ...id, ['rtt', (c.rttMs / 1000).toFixed(6)], ['named_pipe', namedPipe], ['endpoint', c.endpoint], ['operation', c.operation],
    ]);
  }
  return uid;
}

/** A plain TCP/UDP connection with no RPC (conn.log only). */
export function plainFlow(rec: Recorder, startMs: number, f: Flow, proto: 'tcp' | 'udp', service: string | undefined, durationMs: number, bytes: readonly [number, number]): void {
  const uid = zeekUid(rec.rng);
  const fields: Array<readonly [string, string | number | boolean]> = [
    ['uid', uid], ['id.orig_h', f.origIp], ['id.orig_p', f.origPort], ['id.resp_h', f.respIp], ['id.resp_p', f.respPort], ['proto', proto],
  ];
  if (service) fields.push(['service', service]);
  const op = Math.max(1, Math.ceil(bytes[0] / 1200)), rp = Math.max(1, Math.ceil(bytes[1] / 1200));
  fields.push(['duration', (durationMs / 1000).toFixed(6)], ['orig_bytes', bytes[0]], ['resp_bytes', bytes[1]],
    ['conn_state', proto === 'udp' ? 'SF' : 'SF'], ['local_orig', true], ['local_resp', true], ['missed_bytes', 0],
    ['history', proto === 'udp' ? 'Dd' : 'ShADadfF'], ['orig_pkts', op], ['orig_ip_bytes', bytes[0] + op * 28], ['resp_pkts', rp], ['resp_ip_bytes', bytes[1] + rp * 28]);
  rec.zeek('conn', startMs, fields);
}
