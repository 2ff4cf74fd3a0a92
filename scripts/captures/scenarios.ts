/**
 * The two capture datasets, as conversations. Hosts and addresses follow scripts/datasets/hosts.ts
 * (WKS-02 10.0.1.22 creates a task on SRV-01 10.0.1.10 as CORP\alice.m). Sealed stubs are
 * pseudo-random bytes from a fixed seed: ciphertext is what a sensor sees under packet privacy.
 */
import { TcpConversation, writePcap, writePcapng, type Endpoint, type Packet } from './net.ts';
import {
  AUTHN_WINNT, LEVEL_PRIVACY, auth3, bind, bindAck, ntlmAuthenticate, ntlmChallenge, ntlmNegotiate,
  ntlmSignature, request, response, windowsContexts, type Auth,
} from './rpc-pdus.ts';

export const TSCH = '86d35949-83c9-4044-b424-db363231fd0c';
export const EPM = 'e1af8308-5d1f-11c9-91a4-08002b14a0fa';
export const SVCCTL = '367abb81-9844-35f1-ad32-98f038001003';
export const WINREG = '338cd001-2244-31f1-aaaa-900038001003';
export const SAMR = '12345778-1234-abcd-ef00-0123456789ac';
export const LSARPC = '12345778-1234-abcd-ef00-0123456789ab';

/** Deterministic bytes (xorshift32). */
export function noise(seed: number, n: number): Uint8Array {
  let x = seed >>> 0 || 1;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const at = (iso: string): number => Date.parse(iso) * 1000;
const ep = (ip: string, port: number, mac: string): Endpoint => ({ ip, port, mac });
const MAC = { SRV01: '00:15:5d:0a:01:0a', DC01: '00:15:5d:0a:01:05', WKS01: '00:15:5d:0a:01:15', WKS02: '00:15:5d:0a:01:16', WKS03: '00:15:5d:0a:01:17', LNX: '00:15:5d:0a:01:28' };

const sealed = (seq: number): Auth => ({ type: AUTHN_WINNT, level: LEVEL_PRIVACY, contextId: 0, value: ntlmSignature(noise(0x5eed + seq, 8), seq) });

/** An NTLM-sealed session on one connection: bind (NEGOTIATE), bind_ack (CHALLENGE), auth3. */
function sealedBind(c: TcpConversation, t: number, uuid: string, version: readonly [number, number], port: string): number {
  const neg: Auth = { type: AUTHN_WINNT, level: LEVEL_PRIVACY, contextId: 0, value: ntlmNegotiate() };
  t = c.send(t, true, bind(1, windowsContexts(uuid, version), { auth: neg }), { sizes: [72] });
  const chal: Auth = { ...neg, value: ntlmChallenge(noise(0xc4a1, 8)) };
  t = c.send(t + 900, false, bindAck(1, port, 2, { auth: chal }));
  return c.send(t + 400, true, auth3(1, { auth: { ...neg, value: ntlmAuthenticate('CORP', 'alice.m', 'WKS-02') } }));
}

export interface CaptureSpec {
  readonly file: string;
  readonly bytes: Uint8Array;
  /** Binds + alter_contexts + first request fragments: what the reader yields. */
  readonly events: number;
  /** Events with both ports ≥ 49152 on ITaskSchedulerService (CAR-2015-04-002's filter). */
  readonly carAlerts: number;
}

export function remoteTaskCapture(): CaptureSpec {
  const wks = (port: number): Endpoint => ep('10.0.1.22', port, MAC.WKS02);
  const srv = (port: number): Endpoint => ep('10.0.1.10', port, MAC.SRV01);
  const packets: Packet[] = [];
  // 1. Endpoint mapper on 135: where does ITaskSchedulerService listen? (2 events)
  const epm = new TcpConversation(wks(52114), srv(135), 0x6a1c0001, 0x1b7e0001);
  let t = epm.handshake(at('2026-10-05T14:02:11.204Z'));
  t = epm.send(t + 200, true, bind(1, [{ id: 0, uuid: EPM, version: [3, 0], transfers: [{ uuid: '8a885d04-1ceb-11c9-9fe8-08002b104860', version: 2 }] }]));
  t = epm.send(t + 700, false, bindAck(1, '135', 1));
  t = epm.send(t + 300, true, request(2, 0, 3, noise(0xe9, 152)));
  t = epm.send(t + 800, false, response(2, 0, noise(0xea, 148)));
  epm.close(t + 500);
  packets.push(...epm.packets);
  // 2. The task service's dynamic port, NTLM packet privacy (1 bind + 4 requests = 5 events, all CAR matches).
  const ts = new TcpConversation(wks(52115), srv(49668), 0x6a2d0001, 0x2c8f0001);
  t = ts.handshake(at('2026-10-05T14:02:11.262Z'));
  t = sealedBind(ts, t + 200, TSCH, [1, 0], '49668');
  t = ts.send(t + 300, true, request(2, 0, 0, noise(0x10, 16), { auth: sealed(0) })); // SchRpcHighestVersion
  t = ts.send(t + 600, false, response(2, 0, noise(0x11, 16), { auth: sealed(0) }));
  // SchRpcRegisterTask carries the task XML: 3 segments, the second arriving last and the first sent twice.
  t = ts.send(t + 400, true, request(3, 0, 1, noise(0x12, 3104), { auth: sealed(1) }), { sizes: [1460, 1460], order: [0, 2, 1], retransmit: [0] });
  t = ts.send(t + 9800, false, response(3, 0, noise(0x13, 96), { auth: sealed(1) }));
  t = ts.send(t + 300, true, request(4, 0, 2, noise(0x14, 80), { auth: sealed(2) }), { sizes: [10] }); // SchRpcRetrieveTask, header split
  t = ts.send(t + 700, false, response(4, 0, noise(0x15, 3072), { auth: sealed(2) }), { sizes: [1460, 1460] });
  t = ts.send(t + 250_000, true, request(5, 0, 12, noise(0x16, 64), { auth: sealed(3) })); // SchRpcRun
  t = ts.send(t + 900, false, response(5, 0, noise(0x17, 32), { auth: sealed(3) }));
  ts.close(t + 2000);
  packets.push(...ts.packets);
  packets.sort((a, b) => a.tsUs - b.tsUs);
  return { file: 'datasets/rpc_capture_remote_task/remote_task_rpc.pcapng', bytes: writePcapng(packets), events: 7, carAlerts: 5 };
}

export function otherInterfacesCapture(): CaptureSpec {
  const packets: Packet[] = [];
  let events = 0;
  const plain = (c: TcpConversation, t: number, uuid: string, version: readonly [number, number], calls: readonly number[], o: { splitBind?: boolean } = {}): number => {
    t = c.handshake(t);
    t = c.send(t + 200, true, bind(1, windowsContexts(uuid, version)), o.splitBind ? { sizes: [30] } : {});
    t = c.send(t + 600, false, bindAck(1, String(c.server.port), 2));
    calls.forEach((opnum, i) => {
      t = c.send(t + 400, true, request(2 + i, 0, opnum, noise(opnum * 7 + i, 48 + 8 * i)));
      t = c.send(t + 700, false, response(2 + i, 0, noise(opnum * 11 + i, 24)));
    });
    events += 1 + calls.length;
    return t;
  };
  // svcctl on a dynamic port, both ports high: ROpenSCManagerW, RQueryServiceStatus… (4 events)
  const scm = new TcpConversation(ep('10.0.1.21', 53010, MAC.WKS01), ep('10.0.1.10', 49670, MAC.SRV01), 0x11000001, 0x21000001);
  scm.close(plain(scm, at('2026-10-05T13:41:02.115Z'), SVCCTL, [2, 0], [15, 16, 6]) + 500);
  // winreg over TCP, both ports high, bind split across segments (4 events)
  const reg = new TcpConversation(ep('10.0.1.21', 53011, MAC.WKS01), ep('10.0.1.10', 49671, MAC.SRV01), 0x12000001, 0x22000001);
  reg.close(plain(reg, at('2026-10-05T13:41:05.530Z'), WINREG, [1, 0], [2, 15, 17], { splitBind: true }) + 500);
  // samr then lsarpc added by alter_context on the same association (bind + 2 + alter + 1 = 5 events)
  const sam = new TcpConversation(ep('10.0.1.23', 53100, MAC.WKS03), ep('10.0.1.5', 49667, MAC.DC01), 0x13000001, 0x23000001);
  let t = plain(sam, at('2026-10-05T13:44:40.010Z'), SAMR, [1, 0], [64, 6]);
  t = sam.send(t + 300, true, bind(4, windowsContexts(LSARPC, [0, 0], 3).slice(0, 1), { alter: true }));
  t = sam.send(t + 500, false, bindAck(4, '', 1, { alter: true }));
  t = sam.send(t + 300, true, request(5, 3, 15, noise(0x15a, 64)));
  t = sam.send(t + 800, false, response(5, 3, noise(0x15b, 40)));
  sam.close(t + 500);
  events += 2;
  // ITaskSchedulerService from a Linux box whose source port is below 49152 (3 events, no CAR match)
  const lnx = new TcpConversation(ep('10.0.1.40', 41822, MAC.LNX), ep('10.0.1.10', 49668, MAC.SRV01), 0x14000001, 0x24000001);
  lnx.close(plain(lnx, at('2026-10-05T13:52:17.300Z'), TSCH, [1, 0], [0, 1]) + 500);
  // ITaskSchedulerService on a legacy dynamic port below 49152 (2 events, no CAR match)
  const old = new TcpConversation(ep('10.0.1.22', 52200, MAC.WKS02), ep('10.0.1.10', 1025, MAC.SRV01), 0x15000001, 0x25000001);
  old.close(plain(old, at('2026-10-05T13:55:08.900Z'), TSCH, [1, 0], [7]) + 500);
  // Not DCE/RPC at all: an HTTP exchange, ignored by the decoder (0 events)
  const web = new TcpConversation(ep('10.0.1.21', 53012, MAC.WKS01), ep('10.0.1.10', 80, MAC.SRV01), 0x16000001, 0x26000001);
  t = web.handshake(at('2026-10-05T13:58:30.000Z'));
  t = web.send(t + 100, true, Uint8Array.from(Buffer.from('GET /health HTTP/1.1\r\nHost: srv-01\r\n\r\n', 'latin1')));
  t = web.send(t + 900, false, Uint8Array.from(Buffer.from('HTTP/1.1 204 No Content\r\n\r\n', 'latin1')));
  web.close(t + 200);
  for (const c of [scm, reg, sam, lnx, old, web]) packets.push(...c.packets);
  packets.sort((a, b) => a.tsUs - b.tsUs);
  return { file: 'datasets/rpc_capture_other_interfaces/other_interfaces_rpc.pcap', bytes: writePcap(packets), events, carAlerts: 0 };
}
