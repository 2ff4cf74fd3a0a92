/**
 * One direction of a TCP connection as a DCE/RPC byte stream: cut into fragments by the header's
 * frag_length (several per segment, or one across many segments), decoded, and turned into
 * RpcRecords for bind, alter_context and the first fragment of each request. Binds fill the
 * connection's presentation-context table, which names the interface of later requests.
 * A direction whose first bytes are not a DCE/RPC header is not RPC (SMB, HTTP …) and is ignored;
 * a header gone bad mid-stream is rejected once and ends decoding of that direction.
 */
import type { RpcRecord } from '../types.ts';
import { decodeHeader, decodePdu, HEADER_LEN, PFC_FIRST_FRAG, type Pdu } from './dcerpc.ts';
import { lookupInterface, type RpcInterface } from './interfaces.ts';
import type { SegmentMeta, StreamChunk } from './tcp-reassembly.ts';

export type DecodeItem =
  | { readonly ok: true; readonly record: RpcRecord; readonly packet: number; readonly offset: number }
  | { readonly ok: false; readonly packet?: number; readonly offset: number; readonly reason: string };

export interface Endpoints {
  readonly srcIp: string;
  readonly srcPort: number;
  readonly dstIp: string;
  readonly dstPort: number;
}

export interface BoundContext {
  readonly uuid: string;
  readonly version: string;
  readonly iface?: RpcInterface;
}

export class RpcDirection {
  private state: 'unknown' | 'rpc' | 'other' | 'broken' = 'unknown';
  private chunks: { data: Uint8Array; meta: SegmentMeta }[] = [];
  private head = 0;
  private size = 0;

  constructor(private readonly ends: Endpoints, private readonly contexts: Map<number, BoundContext>) {}

  /** The stream is not DCE/RPC: its losses are not ours to report. */
  get ignored(): boolean {
    return this.state === 'other';
  }

  push(chunk: StreamChunk, out: DecodeItem[]): void {
    if (this.state === 'other' || this.state === 'broken') return;
    if (chunk.afterGap) {
      if (this.state === 'rpc') {
        this.state = 'broken';
        out.push({ ok: false, packet: chunk.meta.packet, offset: chunk.meta.fileOffset, reason: `DCE/RPC stream ${this.label()} lost bytes in a TCP gap: PDU boundaries are unknown, rest of this direction not decoded` });
        this.clear();
        return;
      }
      this.clear();
    }
    this.chunks.push({ data: chunk.data, meta: chunk.meta });
    this.size += chunk.data.length;
    this.frame(out);
  }

  /** End of the connection or capture: an incomplete PDU is reported. */
  end(out: DecodeItem[]): void {
    if (this.state === 'rpc' && this.size > 0) {
      const at = this.where();
      const h = decodeHeader(this.peek(Math.min(HEADER_LEN, this.size)));
      const want = typeof h === 'string' ? 'a 16-byte header' : `${h.fragLength} bytes`;
      out.push({ ok: false, packet: at.packet, offset: at.offset, reason: `incomplete DCE/RPC PDU at end of stream ${this.label()}: ${this.size} bytes of ${want}` });
    }
    this.clear();
  }

  private frame(out: DecodeItem[]): void {
    while (this.size >= HEADER_LEN) {
      const h = decodeHeader(this.peek(HEADER_LEN));
      const at = this.where();
      if (typeof h === 'string') {
        if (this.state === 'unknown') { this.state = 'other'; this.clear(); return; }
        this.state = 'broken';
        out.push({ ok: false, packet: at.packet, offset: at.offset, reason: `${h}; rest of DCE/RPC stream ${this.label()} not decoded` });
        this.clear();
        return;
      }
      this.state = 'rpc';
      if (this.size < h.fragLength) return;
      const pdu = decodePdu(this.take(h.fragLength));
      if (typeof pdu === 'string') out.push({ ok: false, packet: at.packet, offset: at.offset, reason: pdu });
      else this.record(pdu, at, out);
    }
  }

  private record(pdu: Pdu, at: { packet: number; offset: number; tsMs: number }, out: DecodeItem[]): void {
    let ctx: BoundContext | undefined;
    let opnum: number | undefined;
    if (pdu.kind === 'bind' || pdu.kind === 'alter_context') {
      for (const c of pdu.contexts) this.contexts.set(c.id, bound(c.uuid, c.version));
      ctx = pdu.contexts[0] && this.contexts.get(pdu.contexts[0].id);
    } else if (pdu.kind === 'request' && pdu.header.flags & PFC_FIRST_FRAG) {
      ctx = this.contexts.get(pdu.contextId);
      opnum = pdu.opnum;
    } else {
      return; // responses, acks, faults, continuation fragments: decoded, not events
    }
    const e = this.ends;
    const record: { -readonly [K in keyof RpcRecord]: RpcRecord[K] } = {
      ts: at.tsMs, srcIp: e.srcIp, srcPort: e.srcPort, dstIp: e.dstIp, dstPort: e.dstPort,
      transport: 'tcp', packetType: pdu.header.packetType, callId: pdu.header.callId,
    };
    if (ctx !== undefined) {
      record.interfaceUuid = ctx.uuid;
      record.interfaceVersion = ctx.version;
      if (ctx.iface !== undefined) record.interfaceName = ctx.iface.name;
    }
    if (opnum !== undefined) {
      record.opnum = opnum;
      const op = ctx?.iface?.operations[opnum];
      if (op !== undefined) record.operation = op;
    }
    out.push({ ok: true, record, packet: at.packet, offset: at.offset });
  }

  private label(): string {
    const e = this.ends;
    return `${e.srcIp}:${e.srcPort} → ${e.dstIp}:${e.dstPort}`;
  }

  private where(): { packet: number; offset: number; tsMs: number } {
    const c = this.chunks[0]!;
    return { packet: c.meta.packet, offset: c.meta.fileOffset + this.head, tsMs: c.meta.tsMs };
  }

  private peek(n: number): Uint8Array {
    const out = new Uint8Array(n);
    let filled = 0;
    let start = this.head;
    for (const c of this.chunks) {
      const part = c.data.subarray(start, Math.min(c.data.length, start + n - filled));
      out.set(part, filled);
      filled += part.length;
      start = 0;
      if (filled === n) break;
    }
    return out;
  }

  private take(n: number): Uint8Array {
    const out = this.peek(n);
    this.size -= n;
    let left = n;
    while (left > 0) {
      const c = this.chunks[0]!;
      const avail = c.data.length - this.head;
      if (avail > left) { this.head += left; break; }
      left -= avail;
      this.chunks.shift();
      this.head = 0;
    }
    return out;
  }

  private clear(): void {
    this.chunks = [];
    this.head = 0;
    this.size = 0;
  }
}

function bound(uuid: string, version: string): BoundContext {
  const iface = lookupInterface(uuid);
  return iface === undefined ? { uuid, version } : { uuid, version, iface };
}
