/**
 * A Windows client reaching the Task Scheduler (or another RPC service) on a remote host over
 * ncacn_ip_tcp: endpoint-mapper lookup on 135, then the service's dynamic port. Emits both hosts'
 * Sysmon 3 (client initiated, server accepted), the server's network logon (4624 type 3), and —
 * when asked — the Zeek records of the exchange.
 */
import type { HostSpec } from './hosts.ts';
import { bootTree } from './boot.ts';
import type { Recorder } from './recorder.ts';
import { logonSuccess } from './security.ts';
import type { Logon, Proc } from './process.ts';
import { rpcFlow, type RpcCall } from './zeek.ts';

/** The Schedule service's dynamic RPC port on every Windows host here. */
export const SCHEDULE_PORT = 49668;

export interface RpcVisit {
  readonly client: Proc;
  readonly server: HostSpec;
  readonly atMs: number;
  /** Which server process accepts the dynamic-port connection. */
  readonly serverProc: Proc;
  readonly serverPort: number;
  /** Zeek calls on the dynamic port; omit to log no Zeek records. */
  readonly zeekCalls?: readonly RpcCall[];
  readonly endpointForZeek?: string;
  /** Fixed Sysmon logging lag for the server's events (ms); random 1.5–26 s otherwise. */
  readonly serverLagMs?: number;
}

export interface RpcVisitResult {
  readonly serverLogon: Logon;
  /** Activity time of the server's accepted dynamic-port connection. */
  readonly acceptedMs: number;
  readonly clientPorts: readonly [number, number];
}

export function rpcVisit(rec: Recorder, v: RpcVisit): RpcVisitResult {
  const c = v.client.host;
  const s = v.server;
  const p1 = rec.rng.int(49700, 64000);
  const p2 = p1 + rec.rng.int(1, 3);
  const t = v.atMs;
  rec.dns(v.client, t - rec.rng.int(15, 60), s.fqdn, [s.ip]);
  rec.net(v.client, t, { protocol: 'tcp', initiated: true, srcIp: c.ip, srcHost: c.fqdn, srcPort: p1, dstIp: s.ip, dstHost: s.fqdn, dstPort: 135 });
  const logon = rec.host(s).newLogon(v.client.logon.account, t + 3, 0);
  rec.security(s, 4624, t + 3, logonSuccess(s, {
    type: 3, target: v.client.logon.account, targetLogonId: logon.logonId, ip: c.ip, port: p1, kerberos: true, logonGuid: rec.rng.guid(), elevated: true,
  }));
  const rpcss = bootTree(s).rpcss;
  rec.net(rpcss, t + 1, { protocol: 'tcp', initiated: false, srcIp: c.ip, srcHost: c.fqdn, srcPort: p1, dstIp: s.ip, dstHost: s.fqdn, dstPort: 135 }, v.serverLagMs);
  const t2 = t + rec.rng.int(30, 70);
  rec.net(v.client, t2, { protocol: 'tcp', initiated: true, srcIp: c.ip, srcHost: c.fqdn, srcPort: p2, dstIp: s.ip, dstHost: s.fqdn, dstPort: v.serverPort });
  const acceptedMs = t2 + 1;
  rec.net(v.serverProc, acceptedMs, { protocol: 'tcp', initiated: false, srcIp: c.ip, srcHost: c.fqdn, srcPort: p2, dstIp: s.ip, dstHost: s.fqdn, dstPort: v.serverPort }, v.serverLagMs);
  if (v.zeekCalls) {
    rpcFlow(rec, t, { origIp: c.ip, origPort: p1, respIp: s.ip, respPort: 135 }, '135',
      [{ atMs: 2, endpoint: 'epmapper', operation: 'ept_map', rttMs: 1 }]);
    rpcFlow(rec, t2, { origIp: c.ip, origPort: p2, respIp: s.ip, respPort: v.serverPort }, String(v.serverPort), v.zeekCalls);
  }
  return { serverLogon: logon, acceptedMs, clientPorts: [p1, p2] };
}
