/**
 * Builds DCE/RPC connection-oriented PDUs byte by byte (C706 ch. 12, [MS-RPCE] 2.2.2), in either
 * data representation, with optional auth trailers (NTLMSSP messages shaped as Windows sends
 * them: NEGOTIATE in bind, CHALLENGE in bind_ack, AUTHENTICATE in auth3, a 16-byte signature on
 * sealed calls). Used by scripts/gen-captures.ts and by the tests.
 */
export const NDR = '8a885d04-1ceb-11c9-9fe8-08002b104860';
export const NDR64 = '71710533-beba-4937-8319-b5dbef9ccc36';
export const BIND_TIME_FEATURES = '6cb71c2c-9812-4540-0300-000000000000';
export const AUTHN_WINNT = 10;
export const LEVEL_PRIVACY = 6;

export interface Rep { readonly little: boolean }
const LE: Rep = { little: true };

class W {
  readonly bytes: number[] = [];
  constructor(private readonly rep: Rep) {}
  u8(v: number): this { this.bytes.push(v & 0xff); return this; }
  u16(v: number): this { return this.rep.little ? this.u8(v).u8(v >> 8) : this.u8(v >> 8).u8(v); }
  u32(v: number): this { return this.rep.little ? this.u16(v & 0xffff).u16(v >>> 16) : this.u16(v >>> 16).u16(v & 0xffff); }
  raw(b: ArrayLike<number>): this { for (let i = 0; i < b.length; i++) this.bytes.push(b[i]!); return this; }
  uuid(u: string): this {
    const h = u.replace(/-/g, '');
    const n = (a: number, b: number): number => parseInt(h.slice(a, b), 16);
    this.u32(n(0, 8)).u16(n(8, 12)).u16(n(12, 16));
    for (let i = 16; i < 32; i += 2) this.u8(n(i, i + 2));
    return this;
  }
  pad(to: number): this { while (this.bytes.length % to !== 0) this.u8(0); return this; }
}

export interface Auth {
  readonly type: number;
  readonly level: number;
  readonly contextId: number;
  readonly value: Uint8Array;
}

export interface PduOptions {
  readonly rep?: Rep;
  readonly flags?: number;
  readonly auth?: Auth;
}

export const PTYPE = { request: 0, response: 2, fault: 3, bind: 11, bind_ack: 12, bind_nak: 13, alter_context: 14, alter_context_resp: 15, auth3: 16, shutdown: 17 } as const;

/** Common header + body + auth trailer; frag_length and auth_length are filled in. */
export function pdu(ptype: number, callId: number, body: Uint8Array, o: PduOptions = {}): Uint8Array {
  const rep = o.rep ?? LE;
  const flags = o.flags ?? 0x03; // first + last fragment
  const trailer = new W(rep);
  let padded = body;
  if (o.auth) {
    // Sealed stubs are padded to 16 bytes (the cipher block Windows uses); other bodies to 4.
    const align = ptype === PTYPE.request || ptype === PTYPE.response ? 16 : 4;
    const stubAt = ptype === PTYPE.request || ptype === PTYPE.response ? 8 : 0;
    const pad = (align - ((body.length - stubAt) % align)) % align;
    padded = new Uint8Array(body.length + pad);
    padded.set(body);
    trailer.u8(o.auth.type).u8(o.auth.level).u8(pad).u8(0).u32(o.auth.contextId).raw(o.auth.value);
  }
  const total = 16 + padded.length + trailer.bytes.length;
  const w = new W(rep).u8(5).u8(0).u8(ptype).u8(flags).u8(rep.little ? 0x10 : 0x00).u8(0).u8(0).u8(0)
    .u16(total).u16(o.auth ? o.auth.value.length : 0).u32(callId).raw(padded).raw(trailer.bytes);
  return Uint8Array.from(w.bytes);
}

export interface Ctx {
  readonly id: number;
  readonly uuid: string;
  readonly version: readonly [number, number];
  readonly transfers: readonly { readonly uuid: string; readonly version: number }[];
}

/** Windows' usual trio: NDR, NDR64 and bind-time feature negotiation, all for one interface. */
export function windowsContexts(uuid: string, version: readonly [number, number], firstId = 0): Ctx[] {
  return [
    { id: firstId, uuid, version, transfers: [{ uuid: NDR, version: 2 }] },
    { id: firstId + 1, uuid, version, transfers: [{ uuid: NDR64, version: 1 }] },
    { id: firstId + 2, uuid, version, transfers: [{ uuid: BIND_TIME_FEATURES, version: 1 }] },
  ];
}

export function bind(callId: number, contexts: readonly Ctx[], o: PduOptions & { alter?: boolean; assocGroup?: number } = {}): Uint8Array {
  const w = new W(o.rep ?? LE).u16(5840).u16(5840).u32(o.assocGroup ?? 0).u8(contexts.length).u8(0).u16(0);
  for (const c of contexts) {
    w.u16(c.id).u8(c.transfers.length).u8(0).uuid(c.uuid).u16(c.version[0]).u16(c.version[1]);
    for (const t of c.transfers) w.uuid(t.uuid).u32(t.version);
  }
  return pdu(o.alter ? PTYPE.alter_context : PTYPE.bind, callId, Uint8Array.from(w.bytes), o);
}

export function bindAck(callId: number, port: string, accepted: number, o: PduOptions & { alter?: boolean } = {}): Uint8Array {
  const w = new W(o.rep ?? LE).u16(5840).u16(5840).u32(0x1234);
  const addr = port === '' ? [] : [...Buffer.from(port, 'latin1'), 0];
  w.u16(addr.length).raw(addr).pad(4).u8(accepted).u8(0).u16(0);
  for (let i = 0; i < accepted; i++) w.u16(0).u16(0).uuid(i === 0 ? NDR : NDR64).u32(i === 0 ? 2 : 1);
  return pdu(o.alter ? PTYPE.alter_context_resp : PTYPE.bind_ack, callId, Uint8Array.from(w.bytes), o);
}

export function request(callId: number, contextId: number, opnum: number, stub: Uint8Array, o: PduOptions & { object?: string } = {}): Uint8Array {
  const w = new W(o.rep ?? LE).u32(stub.length).u16(contextId).u16(opnum);
  if (o.object) w.uuid(o.object);
  w.raw(stub);
  const flags = (o.flags ?? 0x03) | (o.object ? 0x80 : 0);
  return pdu(PTYPE.request, callId, Uint8Array.from(w.bytes), { ...o, flags });
}

export function response(callId: number, contextId: number, stub: Uint8Array, o: PduOptions = {}): Uint8Array {
  const w = new W(o.rep ?? LE).u32(stub.length).u16(contextId).u8(0).u8(0).raw(stub);
  return pdu(PTYPE.response, callId, Uint8Array.from(w.bytes), o);
}

export function fault(callId: number, status: number, o: PduOptions = {}): Uint8Array {
  const w = new W(o.rep ?? LE).u32(0).u16(0).u8(0).u8(0).u32(status).u32(0);
  return pdu(PTYPE.fault, callId, Uint8Array.from(w.bytes), o);
}

export function auth3(callId: number, o: PduOptions): Uint8Array {
  return pdu(PTYPE.auth3, callId, Uint8Array.from([0, 0, 0, 0]), o);
}

// ---- NTLMSSP tokens (minimal, well-formed) ------------------------------------------------

const SIG = [...Buffer.from('NTLMSSP\0', 'latin1')];
const FLAGS = 0xe2088297; // 56-bit, key exchange, 128-bit, version, target info, NTLM, seal, sign, unicode …

export function ntlmNegotiate(): Uint8Array {
  const w = new W(LE).raw(SIG).u32(1).u32(FLAGS).u16(0).u16(0).u32(0).u16(0).u16(0).u32(0).raw([10, 0, 0x61, 0x4a, 0, 0, 0, 15]);
  return Uint8Array.from(w.bytes);
}

export function ntlmChallenge(challenge: Uint8Array): Uint8Array {
  const w = new W(LE).raw(SIG).u32(2).u16(0).u16(0).u32(56).u32(FLAGS).raw(challenge).raw(new Uint8Array(8)).u16(0).u16(0).u32(56).raw([10, 0, 0x61, 0x4a, 0, 0, 0, 15]);
  return Uint8Array.from(w.bytes);
}

/** AUTHENTICATE with empty responses and the domain, user and workstation names filled in. */
export function ntlmAuthenticate(domain: string, user: string, workstation: string): Uint8Array {
  const names = [domain, user, workstation].map((s) => [...Buffer.from(s, 'utf16le')]);
  const base = 88;
  const w = new W(LE).raw(SIG).u32(3).u16(0).u16(0).u32(base).u16(0).u16(0).u32(base);
  let at = base;
  for (const n of names) { w.u16(n.length).u16(n.length).u32(at); at += n.length; }
  w.u16(0).u16(0).u32(at).u32(FLAGS).raw([10, 0, 0x61, 0x4a, 0, 0, 0, 15]).raw(new Uint8Array(16));
  for (const n of names) w.raw(n);
  return Uint8Array.from(w.bytes);
}

/** NTLMSSP message signature on a sealed call: version 1, 8-byte checksum, sequence number. */
export function ntlmSignature(checksum: Uint8Array, seq: number): Uint8Array {
  return Uint8Array.from(new W(LE).u32(1).raw(checksum).u32(seq).bytes);
}
