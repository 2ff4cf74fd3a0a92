import { describe, expect, it } from 'vitest';
import { decodeHeader, decodePdu, type Pdu } from '../../../engine/events/pcap/dcerpc.ts';
import {
  AUTHN_WINNT, LEVEL_PRIVACY, NDR, NDR64, PTYPE, auth3, bind, bindAck, fault, ntlmNegotiate, ntlmSignature, pdu, request, response, windowsContexts,
} from '../../../scripts/captures/rpc-pdus.ts';

const TSCH = '86d35949-83c9-4044-b424-db363231fd0c';
const ok = (b: Uint8Array): Pdu => {
  const p = decodePdu(b);
  if (typeof p === 'string') throw new Error(p);
  return p;
};

describe('DCE/RPC PDU decoding', () => {
  it('reads a bind: every presentation context, abstract syntax and transfer syntaxes', () => {
    const p = ok(bind(7, windowsContexts(TSCH, [1, 0]), { assocGroup: 0x42 }));
    expect(p.kind).toBe('bind');
    if (p.kind !== 'bind') return;
    expect(p.header.callId).toBe(7);
    expect(p.assocGroup).toBe(0x42);
    expect(p.contexts.map((c) => [c.id, c.uuid, c.version, c.transfers[0]])).toEqual([
      [0, TSCH, '1.0', NDR], [1, TSCH, '1.0', NDR64], [2, TSCH, '1.0', '6cb71c2c-9812-4540-0300-000000000000'],
    ]);
    expect(p.auth).toBeUndefined();
  });

  it('reads an alter_context and its response', () => {
    const a = ok(bind(4, windowsContexts('12345778-1234-abcd-ef00-0123456789ab', [0, 0], 3).slice(0, 1), { alter: true }));
    expect(a.kind).toBe('alter_context');
    if (a.kind === 'alter_context') expect(a.contexts[0]).toMatchObject({ id: 3, uuid: '12345778-1234-abcd-ef00-0123456789ab', version: '0.0' });
    const r = ok(bindAck(4, '', 1, { alter: true }));
    expect(r.kind).toBe('alter_context_resp');
    if (r.kind === 'alter_context_resp') expect(r.results).toEqual([{ result: 0, transfer: NDR }]);
  });

  it('reads a bind_ack: secondary address and results', () => {
    const p = ok(bindAck(1, '49668', 2));
    expect(p.kind).toBe('bind_ack');
    if (p.kind !== 'bind_ack') return;
    expect(p.secondaryAddr).toBe('49668');
    expect(p.results.map((r) => r.transfer)).toEqual([NDR, NDR64]);
  });

  it('reads a request: context id, opnum, alloc hint, stub length', () => {
    const p = ok(request(3, 1, 12, new Uint8Array(40)));
    expect(p).toMatchObject({ kind: 'request', contextId: 1, opnum: 12, allocHint: 40, stubLength: 40 });
  });

  it('reads the object UUID of a request with PFC_OBJECT_UUID', () => {
    const obj = '01020304-0506-0708-090a-0b0c0d0e0f10';
    const p = ok(request(3, 0, 5, new Uint8Array(8), { object: obj }));
    expect(p).toMatchObject({ kind: 'request', opnum: 5, objectUuid: obj, stubLength: 8 });
    expect(p.header.flags & 0x80).toBe(0x80);
  });

  it('reads response, fault, bind_nak, auth3', () => {
    expect(ok(response(9, 2, new Uint8Array(12)))).toMatchObject({ kind: 'response', contextId: 2, stubLength: 12 });
    expect(ok(fault(9, 0x1c010003))).toMatchObject({ kind: 'fault', status: 0x1c010003 });
    expect(ok(pdu(PTYPE.bind_nak, 1, Uint8Array.from([4, 0, 0, 0])))).toMatchObject({ kind: 'bind_nak', reason: 4 });
    const a = ok(auth3(1, { auth: { type: AUTHN_WINNT, level: LEVEL_PRIVACY, contextId: 0, value: ntlmNegotiate() } }));
    expect(a.kind).toBe('other');
    expect(a.header.packetType).toBe('auth3');
  });

  it('reads big-endian data representation (integers and UUID fields)', () => {
    const be = { little: false };
    const b = ok(bind(0x01020304, windowsContexts(TSCH, [1, 0]), { rep: be }));
    expect(b.header.little).toBe(false);
    expect(b.header.callId).toBe(0x01020304);
    if (b.kind === 'bind') expect(b.contexts[0]!.uuid).toBe(TSCH);
    expect(ok(request(2, 0, 0x0102, new Uint8Array(4), { rep: be }))).toMatchObject({ opnum: 0x0102, allocHint: 4 });
  });

  it('reads a sealed request: opnum and auth trailer, stub left alone', () => {
    const auth = { type: AUTHN_WINNT, level: LEVEL_PRIVACY, contextId: 0, value: ntlmSignature(new Uint8Array(8).fill(0xab), 3) };
    const p = ok(request(3, 0, 1, new Uint8Array(100).fill(0xee), { auth }));
    expect(p).toMatchObject({ kind: 'request', opnum: 1, auth: { type: 10, level: 6, padLength: 12, contextId: 0 } });
    if (p.kind === 'request') expect(p.stubLength).toBe(112); // 100 + 12 bytes of pad before the trailer
    expect(p.header.authLength).toBe(16);
  });

  it('rejects bad headers and short bodies with a reason', () => {
    const good = request(1, 0, 0, new Uint8Array(8));
    const badVersion = good.slice(); badVersion[0] = 4;
    expect(decodeHeader(badVersion)).toMatch(/not DCE\/RPC/);
    const badType = good.slice(); badType[2] = 1; // ping is connectionless
    expect(decodeHeader(badType)).toMatch(/not a connection-oriented/);
    const badRep = good.slice(); badRep[4] = 0x20;
    expect(decodeHeader(badRep)).toMatch(/integer representation/);
    const shortFrag = good.slice(); shortFrag[8] = 10; shortFrag[9] = 0;
    expect(decodeHeader(shortFrag)).toMatch(/shorter than the header/);
    const badAuth = good.slice(); badAuth[10] = 200;
    expect(decodeHeader(badAuth)).toMatch(/auth length/);
    expect(decodePdu(good.subarray(0, 20))).toMatch(/header says/);
    const tinyReq = pdu(PTYPE.request, 1, new Uint8Array(4));
    expect(decodePdu(tinyReq)).toMatch(/too short for its request header/);
    const lying = bind(1, windowsContexts(TSCH, [1, 0]));
    lying[24] = 9; // claims nine contexts
    expect(decodePdu(lying)).toMatch(/context 4 of 9 runs past/);
  });
});
