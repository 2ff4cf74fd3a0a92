/**
 * DCE/RPC connection-oriented PDUs (C706 ch. 12, [MS-RPCE] 2.2.2): the 16-byte common header,
 * then per type the fields dac needs. The data representation (drep) byte says whether integers
 * are little or big endian; UUIDs keep their first three fields in that order and the last eight
 * bytes as they are. The stub is never decoded: with packet privacy it is ciphertext, yet the
 * headers and the auth trailer's clear fields stay readable.
 */
export const PTYPES = [
  'request', 'ping', 'response', 'fault', 'working', 'nocall', 'reject', 'ack', 'cl_cancel', 'fack',
  'cancel_ack', 'bind', 'bind_ack', 'bind_nak', 'alter_context', 'alter_context_resp', 'auth3',
  'shutdown', 'co_cancel', 'orphaned',
] as const;
export type PacketType = (typeof PTYPES)[number];

/** Packet types a connection-oriented stream may carry. */
const CO_TYPES = new Set([0, 2, 3, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
export const PFC_FIRST_FRAG = 0x01;
export const PFC_LAST_FRAG = 0x02;
export const PFC_OBJECT_UUID = 0x80;
export const HEADER_LEN = 16;

export interface PduHeader {
  readonly minor: number;
  readonly ptype: number;
  readonly packetType: PacketType;
  readonly flags: number;
  readonly little: boolean;
  readonly fragLength: number;
  readonly authLength: number;
  readonly callId: number;
}

export interface AuthTrailer {
  readonly type: number;
  readonly level: number;
  readonly padLength: number;
  readonly contextId: number;
}

export interface PresContext {
  readonly id: number;
  readonly uuid: string;
  readonly version: string;
  readonly transfers: readonly string[];
}

export type Pdu =
  | { readonly kind: 'bind' | 'alter_context'; readonly header: PduHeader; readonly assocGroup: number; readonly contexts: readonly PresContext[]; readonly auth?: AuthTrailer }
  | { readonly kind: 'request'; readonly header: PduHeader; readonly contextId: number; readonly opnum: number; readonly allocHint: number; readonly objectUuid?: string; readonly stubLength: number; readonly auth?: AuthTrailer }
  | { readonly kind: 'bind_ack' | 'alter_context_resp'; readonly header: PduHeader; readonly secondaryAddr: string; readonly results: readonly { readonly result: number; readonly transfer: string }[] }
  | { readonly kind: 'response'; readonly header: PduHeader; readonly contextId: number; readonly stubLength: number; readonly auth?: AuthTrailer }
  | { readonly kind: 'fault'; readonly header: PduHeader; readonly contextId: number; readonly status: number }
  | { readonly kind: 'bind_nak'; readonly header: PduHeader; readonly reason: number }
  | { readonly kind: 'other'; readonly header: PduHeader };

/** Checks the common header; a string says what is wrong. Needs 16 bytes. */
export function decodeHeader(b: Uint8Array): PduHeader | string {
  if (b.length < HEADER_LEN) return `DCE/RPC header needs 16 bytes, got ${b.length}`;
  if (b[0] !== 5 || (b[1] !== 0 && b[1] !== 1)) return `not DCE/RPC 5.0/5.1 (version bytes ${b[0]}.${b[1]})`;
  const ptype = b[2]!;
  if (!CO_TYPES.has(ptype)) return `packet type ${ptype} is not a connection-oriented PDU`;
  const intRep = b[4]! >> 4;
  if (intRep > 1) return `unknown integer representation ${intRep} in the data representation`;
  const little = intRep === 1;
  const dv = new DataView(b.buffer, b.byteOffset, HEADER_LEN);
  const fragLength = dv.getUint16(8, little);
  const authLength = dv.getUint16(10, little);
  if (fragLength < HEADER_LEN) return `fragment length ${fragLength} is shorter than the header`;
  if (authLength > 0 && authLength + 8 > fragLength - HEADER_LEN) return `auth length ${authLength} does not fit in a ${fragLength}-byte fragment`;
  return { minor: b[1]!, ptype, packetType: PTYPES[ptype]!, flags: b[3]!, little, fragLength, authLength, callId: dv.getUint32(12, little) };
}

export function readUuid(dv: DataView, at: number, little: boolean): string {
  const h = (n: number, w: number): string => n.toString(16).padStart(w, '0');
  const tail: string[] = [];
  for (let i = 8; i < 16; i++) tail.push(h(dv.getUint8(at + i), 2));
  return `${h(dv.getUint32(at, little), 8)}-${h(dv.getUint16(at + 4, little), 4)}-${h(dv.getUint16(at + 6, little), 4)}-${tail.slice(0, 2).join('')}-${tail.slice(2).join('')}`;
}

/** UUID + u16 major + u16 minor (a p_syntax_id_t). */
function readSyntax(dv: DataView, at: number, little: boolean): { uuid: string; version: string } {
  return { uuid: readUuid(dv, at, little), version: `${dv.getUint16(at + 16, little)}.${dv.getUint16(at + 18, little)}` };
}

/** Decodes one whole fragment (exactly fragLength bytes). */
export function decodePdu(b: Uint8Array): Pdu | string {
  const header = decodeHeader(b);
  if (typeof header === 'string') return header;
  if (b.length !== header.fragLength) return `fragment has ${b.length} bytes, header says ${header.fragLength}`;
  const dv = new DataView(b.buffer, b.byteOffset, b.length);
  const le = header.little;
  // The body ends where the auth trailer (8-byte sec_trailer + auth_length bytes) begins.
  const bodyEnd = header.authLength > 0 ? header.fragLength - header.authLength - 8 : header.fragLength;
  const auth: AuthTrailer | undefined = header.authLength > 0
    ? { type: b[bodyEnd]!, level: b[bodyEnd + 1]!, padLength: b[bodyEnd + 2]!, contextId: dv.getUint32(bodyEnd + 4, le) }
    : undefined;
  const need = (n: number, what: string): string | undefined =>
    bodyEnd < n ? `${header.packetType} PDU too short for its ${what} (${bodyEnd} body bytes, need ${n})` : undefined;
  switch (header.packetType) {
    case 'request': {
      const base = header.flags & PFC_OBJECT_UUID ? 40 : 24;
      const short = need(base, header.flags & PFC_OBJECT_UUID ? 'object UUID' : 'request header');
      if (short) return short;
      const objectUuid = header.flags & PFC_OBJECT_UUID ? readUuid(dv, 24, le) : undefined;
      const common = { kind: 'request', header, allocHint: dv.getUint32(16, le), contextId: dv.getUint16(20, le), opnum: dv.getUint16(22, le), stubLength: bodyEnd - base } as const;
      return withOptional(withOptional(common, 'objectUuid', objectUuid), 'auth', auth);
    }
    case 'bind':
    case 'alter_context': {
      const short = need(28, 'context list');
      if (short) return short;
      const n = b[24]!;
      const contexts: PresContext[] = [];
      let p = 28;
      for (let i = 0; i < n; i++) {
        if (p + 44 > bodyEnd) return `${header.packetType} context ${i + 1} of ${n} runs past the PDU body`;
        const id = dv.getUint16(p, le);
        const nt = b[p + 2]!;
        const abs = readSyntax(dv, p + 4, le);
        if (p + 24 + nt * 20 > bodyEnd) return `${header.packetType} context ${i + 1} lists ${nt} transfer syntaxes past the PDU body`;
        const transfers: string[] = [];
        for (let t = 0; t < nt; t++) transfers.push(readSyntax(dv, p + 24 + t * 20, le).uuid);
        contexts.push({ id, uuid: abs.uuid, version: abs.version, transfers });
        p += 24 + nt * 20;
      }
      return withOptional({ kind: header.packetType, header, assocGroup: dv.getUint32(20, le), contexts }, 'auth', auth);
    }
    case 'bind_ack':
    case 'alter_context_resp': {
      const short = need(26, 'secondary address');
      if (short) return short;
      const addrLen = dv.getUint16(24, le);
      let p = 26 + addrLen;
      if (p > bodyEnd) return `${header.packetType} secondary address of ${addrLen} bytes runs past the PDU body`;
      const secondaryAddr = new TextDecoder('latin1').decode(b.subarray(26, 26 + Math.max(0, addrLen - 1)));
      p += (4 - (p % 4)) % 4;
      if (p + 4 > bodyEnd) return `${header.packetType} PDU too short for its result list`;
      const n = b[p]!;
      const results: { result: number; transfer: string }[] = [];
      for (let i = 0; i < n; i++) {
        const at = p + 4 + i * 24;
        if (at + 24 > bodyEnd) return `${header.packetType} result ${i + 1} of ${n} runs past the PDU body`;
        results.push({ result: dv.getUint16(at, le), transfer: readUuid(dv, at + 4, le) });
      }
      return { kind: header.packetType, header, secondaryAddr, results };
    }
    case 'response': {
      const short = need(24, 'response header');
      return short ?? withOptional({ kind: 'response' as const, header, contextId: dv.getUint16(20, le), stubLength: bodyEnd - 24 }, 'auth', auth);
    }
    case 'fault': {
      const short = need(28, 'status');
      return short ?? { kind: 'fault', header, contextId: dv.getUint16(20, le), status: dv.getUint32(24, le) };
    }
    case 'bind_nak': {
      const short = need(18, 'reject reason');
      return short ?? { kind: 'bind_nak', header, reason: dv.getUint16(16, le) };
    }
    default:
      return { kind: 'other', header };
  }
}

/** Adds an optional property only when it has a value (keeps records free of `undefined` keys). */
function withOptional<T extends object, K extends string, V>(o: T, key: K, v: V | undefined): T & { [P in K]?: V } {
  return v === undefined ? o : { ...o, [key]: v };
}
