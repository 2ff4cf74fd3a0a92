import { describe, expect, it } from 'vitest';
import { tcpFrame, writePcap, writePcapng } from '../../../scripts/captures/net.ts';
import { bind, bindAck, fault, request, response, windowsContexts } from '../../../scripts/captures/rpc-pdus.ts';
import { CLIENT, SERVER, conversation, readBytes, records, rejections, T0 } from './helpers.ts';

const TSCH = '86d35949-83c9-4044-b424-db363231fd0c';
const SVCCTL = '367abb81-9844-35f1-ad32-98f038001003';
const cat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('capture reader: streams and PDUs', () => {
  it('decodes a PDU split across many segments, and several PDUs in one segment', async () => {
    const c = conversation();
    let t = c.handshake(T0);
    t = c.send(t, true, bind(1, windowsContexts(TSCH, [1, 0])), { sizes: [3, 5, 9, 1] });
    t = c.send(t, false, bindAck(1, '49668', 2));
    c.send(t, true, cat(request(2, 0, 0, new Uint8Array(8)), request(3, 0, 1, new Uint8Array(2000)), request(4, 0, 13, new Uint8Array(4))), { sizes: [30] });
    const items = await readBytes(writePcap(c.packets));
    expect(rejections(items)).toEqual([]);
    expect(records(items).map((r) => [r.packetType, r.opnum, r.operation, r.callId])).toEqual([
      ['bind', undefined, undefined, 1], ['request', 0, 'SchRpcHighestVersion', 2], ['request', 1, 'SchRpcRegisterTask', 3], ['request', 13, 'SchRpcDelete', 4],
    ]);
    // Located at the packet holding each PDU's first byte.
    // 1-3 handshake, 4-8 bind segments, 9 ACK, 10 bind_ack, 11 ACK, 12-13 the three requests.
    expect(items.map((i) => i.loc.record)).toEqual([4, 12, 13, 13]);
  });

  it('reassembles out-of-order and retransmitted segments before framing', async () => {
    const c = conversation();
    let t = c.handshake(T0);
    t = c.send(t, true, bind(1, windowsContexts(TSCH, [1, 0])));
    c.send(t, true, request(2, 0, 12, new Uint8Array(3000)), { sizes: [1000, 1000, 500], order: [3, 1, 0, 2], retransmit: [1, 0, 3] });
    const items = await readBytes(writePcapng(c.packets));
    expect(rejections(items)).toEqual([]);
    expect(records(items).map((r) => r.operation)).toEqual([undefined, 'SchRpcRun']);
  });

  it('names the interface of requests from the bind and alter_context on the same connection', async () => {
    const c = conversation();
    let t = c.handshake(T0);
    t = c.send(t, true, bind(1, windowsContexts(SVCCTL, [2, 0])));
    t = c.send(t, true, bind(2, windowsContexts(TSCH, [1, 0], 5).slice(0, 1), { alter: true }));
    t = c.send(t, true, request(3, 5, 7, new Uint8Array(8)));
    t = c.send(t, true, request(4, 0, 12, new Uint8Array(8)));
    c.send(t, true, request(5, 9, 1, new Uint8Array(8)));
    const rs = records(await readBytes(writePcap(c.packets)));
    expect(rs.map((r) => [r.packetType, r.interfaceName, r.operation])).toEqual([
      ['bind', 'svcctl', undefined], ['alter_context', 'ITaskSchedulerService', undefined],
      ['request', 'ITaskSchedulerService', 'SchRpcEnumTasks'], ['request', 'svcctl', 'RCreateServiceW'],
      ['request', undefined, undefined], // context 9 was never bound: opnum kept, no names
    ]);
    expect(rs[4]!.opnum).toBe(1);
  });

  it('yields only the first fragment of a fragmented request; responses and faults are not events', async () => {
    const c = conversation();
    let t = c.handshake(T0);
    t = c.send(t, true, bind(1, windowsContexts(TSCH, [1, 0])));
    t = c.send(t, true, cat(request(2, 0, 1, new Uint8Array(100), { flags: 0x01 }), request(2, 0, 1, new Uint8Array(100), { flags: 0x02 })));
    t = c.send(t, false, response(2, 0, new Uint8Array(8)));
    c.send(t, false, fault(3, 5));
    expect(records(await readBytes(writePcap(c.packets))).map((r) => r.packetType)).toEqual(['bind', 'request']);
  });

  it('ignores TCP streams that are not DCE/RPC and non-TCP frames', async () => {
    const c = conversation({ ...CLIENT, port: 53012 }, { ...SERVER, port: 80 });
    const t = c.handshake(T0);
    c.send(t, true, Uint8Array.from(Buffer.from('GET / HTTP/1.1\r\n\r\n')));
    const arp = { tsUs: T0, data: Uint8Array.from([...new Array(12).fill(0xff), 0x08, 0x06, ...new Array(46).fill(0)]) };
    const items = await readBytes(writePcap([arp, ...c.packets]));
    expect(items).toEqual([]);
  });
});

describe('capture reader: located rejections', () => {
  it('rejects a file that is neither pcap nor pcapng', async () => {
    const items = await readBytes(Uint8Array.from(Buffer.from('hello, not a capture')));
    expect(items).toEqual([{ ok: false, loc: { file: 'test.pcap', offset: 0 }, reason: expect.stringMatching(/unknown magic/) }]);
  });

  it('rejects a record cut short at the end of the file, with packet number and offset', async () => {
    const c = conversation();
    c.send(c.handshake(T0), true, bind(1, windowsContexts(TSCH, [1, 0])));
    const file = writePcap(c.packets);
    const items = await readBytes(file.subarray(0, file.length - 10));
    const rej = rejections(items);
    expect(rej).toHaveLength(1);
    // The last record (packet 5, the server's ACK: 16-byte header + 60-byte frame) is the one cut.
    expect(rej[0]!.loc).toMatchObject({ record: 5, offset: file.length - 76 });
    expect(rej[0]!.reason).toMatch(/truncated record/);
  });

  it('rejects an impossible pcapng block length and stops', async () => {
    const c = conversation();
    c.send(c.handshake(T0), true, bind(1, windowsContexts(TSCH, [1, 0])));
    const ng = writePcapng(c.packets);
    const last = ng.length - 92; // the final EPB: 28-byte header + 60-byte frame + 4-byte trailer
    new DataView(ng.buffer).setUint32(last + 4, 0x7ffffff0, true);
    const items = await readBytes(ng);
    expect(records(items)).toHaveLength(1);
    expect(rejections(items)).toEqual([{ ok: false, loc: { file: 'test.pcap', offset: last }, reason: expect.stringMatching(/impossible length 2147483632/) }]);
  });

  it('rejects an IPv4 fragment carrying TCP', async () => {
    const f = tcpFrame(CLIENT, SERVER, 1, 0, 0x18, request(2, 0, 1, new Uint8Array(8)));
    f[14 + 6] = 0x20; // More Fragments
    const items = await readBytes(writePcap([{ tsUs: T0, data: f }]));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ ok: false, loc: { record: 1, offset: 24 }, reason: expect.stringMatching(/fragment/) });
  });

  it('rejects a frame cut by the snap length', async () => {
    const c = conversation();
    const t = c.handshake(T0);
    c.send(t, true, bind(1, windowsContexts(TSCH, [1, 0])));
    const rej = rejections(await readBytes(writePcap(c.packets, { snaplen: 100 })));
    expect(rej[0]).toMatchObject({ loc: { record: 4 }, reason: expect.stringMatching(/snap length/) });
  });

  it('rejects a corrupt PDU header mid-stream once, with its byte offset, and stops that direction', async () => {
    const c = conversation();
    let t = c.handshake(T0);
    t = c.send(t, true, bind(1, windowsContexts(TSCH, [1, 0])));
    const broken = request(2, 0, 1, new Uint8Array(8));
    broken[0] = 9;
    t = c.send(t, true, broken);
    c.send(t, true, request(3, 0, 1, new Uint8Array(8)));
    const items = await readBytes(writePcap(c.packets));
    expect(records(items).map((r) => r.packetType)).toEqual(['bind']);
    const rej = rejections(items);
    expect(rej).toHaveLength(1);
    // Packet 6 follows the handshake, the bind and its ACK; its payload starts after the
    // 16-byte record header and 54 bytes of Ethernet + IPv4 + TCP headers.
    const bindRecord = 16 + 54 + bind(1, windowsContexts(TSCH, [1, 0])).length;
    const offset = 24 + 3 * 76 + bindRecord + 76 + 16 + 54;
    expect(rej[0]).toMatchObject({ loc: { record: 6, offset }, reason: expect.stringMatching(/not DCE\/RPC.*rest of DCE\/RPC stream 10\.0\.1\.22:52115 → 10\.0\.1\.10:49668 not decoded/) });
  });

  it('rejects a PDU still incomplete when the capture ends', async () => {
    const c = conversation();
    let t = c.handshake(T0);
    t = c.send(t, true, bind(1, windowsContexts(TSCH, [1, 0])));
    c.send(t, true, request(2, 0, 1, new Uint8Array(500)).subarray(0, 100));
    const rej = rejections(await readBytes(writePcap(c.packets)));
    expect(rej).toHaveLength(1);
    expect(rej[0]!.reason).toMatch(/incomplete DCE\/RPC PDU .*100 bytes of 524 bytes/);
  });

  it('rejects a TCP gap in an RPC stream: where it is, and that the rest is not decoded', async () => {
    const c = conversation();
    let t = c.handshake(T0);
    t = c.send(t, true, bind(1, windowsContexts(TSCH, [1, 0])));
    c.send(t, true, cat(request(2, 0, 1, new Uint8Array(40)), request(3, 0, 2, new Uint8Array(40))), { sizes: [30, 30] });
    const dropped = c.packets.filter((_, i) => i !== 6); // the second data segment of the requests
    const items = await readBytes(writePcap(dropped));
    expect(records(items).map((r) => r.packetType)).toEqual(['bind']);
    const reasons = rejections(items).map((r) => r.reason);
    expect(reasons[0]).toMatch(/TCP gap: 30 bytes/);
    expect(reasons[1]).toMatch(/lost bytes in a TCP gap/);
    expect(reasons).toHaveLength(2);
  });
});

describe('capture reader: impossible timestamps', () => {
  it('rejects a packet whose timestamp no Date can hold', async () => {
    const c = conversation();
    c.send(c.handshake(T0), true, bind(1, windowsContexts(TSCH, [1, 0])));
    const ng = writePcapng(c.packets);
    const last = ng.length - 92;
    new DataView(ng.buffer).setUint32(last + 12, 0xffffffff, true); // timestamp high word of the final EPB
    const items = await readBytes(ng);
    expect(rejections(items)).toEqual([{ ok: false, loc: { file: 'test.pcap', record: 5, offset: last }, reason: expect.stringMatching(/outside the representable date range/) }]);
  });
});
