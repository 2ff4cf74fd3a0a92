/**
 * Frames → DCE/RPC items: link layer, IP, TCP, then per connection two reassembled directions
 * feeding DCE/RPC framing. Connections are keyed by their 4-tuple; a fresh SYN on a tuple already
 * carrying data starts a new connection (after flushing the old one). Non-TCP traffic and frames
 * this decoder does not handle (ARP, UDP …) are not events and pass silently; anything that may
 * have carried TCP bytes and could not be read is rejected with its packet and offset.
 */
import type { Frame } from './frame.ts';
import { decodeIp } from './ip.ts';
import { decodeLink } from './link.ts';
import { RpcDirection, type BoundContext, type DecodeItem } from './rpc-stream.ts';
import { decodeTcp, FIN, RST, SYN, ACK } from './tcp.ts';
import { TcpDirection, type StreamChunk, type GapIssue } from './tcp-reassembly.ts';

interface Direction {
  readonly tcp: TcpDirection;
  readonly rpc: RpcDirection;
  fin: boolean;
}

interface Connection {
  readonly dirs: Map<string, Direction>;
  readonly contexts: Map<number, BoundContext>;
}

const TCP_PROTO = 6;
const MAX_DATE_MS = 8.64e15;

export class CaptureDecoder {
  private readonly conns = new Map<string, Connection>();

  frame(f: Frame, out: DecodeItem[]): void {
    const bad = (reason: string): void => { out.push({ ok: false, packet: f.packet, offset: f.offset, reason }); };
    // Beyond ±8.64e15 ms no Date exists: such a time is corruption, not an instant.
    if (!(Math.abs(f.tsMs) <= MAX_DATE_MS)) return bad(`timestamp ${f.tsMs} ms is outside the representable date range`);
    const link = decodeLink(f.linktype, f.data);
    if (link.kind === 'skip') return;
    if (link.kind === 'reject') return bad(link.reason);
    const ipr = decodeIp(link.version, f.data, link.at);
    if (ipr.kind === 'skip') return;
    if (ipr.kind === 'reject') return bad(ipr.reason);
    const ip = ipr.ip;
    if (ip.protocol !== TCP_PROTO) return;
    const tcp = decodeTcp(f.data, ip.start, ip.end);
    if (typeof tcp === 'string') return bad(tcp);
    const key = `${ip.src} ${tcp.srcPort} ${ip.dst} ${tcp.dstPort}`;
    const back = `${ip.dst} ${tcp.dstPort} ${ip.src} ${tcp.srcPort}`;
    const connKey = key < back ? key : back;
    let conn = this.conns.get(connKey);
    if (conn !== undefined && tcp.flags & SYN && !(tcp.flags & ACK) && conn.dirs.get(key)?.tcp.started) {
      this.close(connKey, conn, out); // the tuple is being reused by a new connection
      conn = undefined;
    }
    if (conn === undefined) {
      conn = { dirs: new Map(), contexts: new Map() };
      this.conns.set(connKey, conn);
    }
    let dir = conn.dirs.get(key);
    if (dir === undefined) {
      const ends = { srcIp: ip.src, srcPort: tcp.srcPort, dstIp: ip.dst, dstPort: tcp.dstPort };
      dir = { tcp: new TcpDirection(), rpc: new RpcDirection(ends, conn.contexts), fin: false };
      conn.dirs.set(key, dir);
    }
    if (tcp.flags & SYN) dir.tcp.syn(tcp.seq);
    if (ip.truncated) {
      bad(`frame truncated by the capture's snap length: TCP payload incomplete (${f.data.length} of ${f.origLen} bytes captured)`);
    } else {
      const seq = tcp.flags & SYN ? (tcp.seq + 1) >>> 0 : tcp.seq;
      const meta = { packet: f.packet, tsMs: f.tsMs, fileOffset: f.dataOffset + tcp.start };
      const r = dir.tcp.accept(seq, f.data.subarray(tcp.start, tcp.end), meta);
      this.feed(dir, r, out);
    }
    if (tcp.flags & RST) return this.close(connKey, conn, out);
    if (tcp.flags & FIN) {
      dir.fin = true;
      if (conn.dirs.size === 2 && [...conn.dirs.values()].every((d) => d.fin)) this.close(connKey, conn, out);
    }
  }

  /** End of capture: every open connection is flushed (gaps and partial PDUs reported). */
  finish(out: DecodeItem[]): void {
    for (const [k, c] of [...this.conns]) this.close(k, c, out);
  }

  private feed(dir: Direction, r: { chunks: StreamChunk[]; issues: GapIssue[] }, out: DecodeItem[]): void {
    for (const g of r.issues) if (!dir.rpc.ignored) out.push({ ok: false, packet: g.packet, offset: g.offset, reason: g.reason });
    for (const c of r.chunks) dir.rpc.push(c, out);
  }

  private close(key: string, conn: Connection, out: DecodeItem[]): void {
    for (const d of conn.dirs.values()) {
      this.feed(d, d.tcp.flush(), out);
      d.rpc.end(out);
    }
    this.conns.delete(key);
  }
}
