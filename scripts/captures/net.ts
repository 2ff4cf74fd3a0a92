/**
 * Ethernet/IPv4/IPv6/TCP packets and TCP conversations, crafted with real checksums, plus the
 * pcap and pcapng writers. Times are integer microseconds so files are byte-for-byte stable.
 */
export interface Packet {
  readonly tsUs: number;
  readonly data: Uint8Array;
}

export interface Endpoint {
  readonly ip: string;
  readonly port: number;
  readonly mac: string;
}

function ipBytes(ip: string): number[] {
  if (!ip.includes(':')) return ip.split('.').map(Number);
  const [l, r] = ip.split('::') as [string, string | undefined];
  const groups = (s: string | undefined): number[] => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = groups(l);
  const right = groups(r);
  const all = r === undefined ? left : [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

function sum16(bytes: number[], init = 0): number {
  let s = init;
  for (let i = 0; i < bytes.length; i += 2) s += (bytes[i]! << 8) | (bytes[i + 1] ?? 0);
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return s;
}

const be16 = (v: number): number[] => [(v >> 8) & 0xff, v & 0xff];
const be32 = (v: number): number[] => [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];

export const TCP_FLAGS = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 } as const;

/** One Ethernet frame carrying a TCP segment (optionally inside an 802.1Q tag). */
export function tcpFrame(src: Endpoint, dst: Endpoint, seq: number, ack: number, flags: number, payload: Uint8Array, o: { vlan?: number; ipId?: number } = {}): Uint8Array {
  const v6 = src.ip.includes(':');
  const tcp = [...be16(src.port), ...be16(dst.port), ...be32(seq >>> 0), ...be32(ack >>> 0), 0x50, flags, ...be16(64240), 0, 0, 0, 0, ...payload];
  const s = ipBytes(src.ip);
  const d = ipBytes(dst.ip);
  const pseudo = [...s, ...d, ...(v6 ? [...be32(tcp.length), 0, 0, 0, 6] : [0, 6, ...be16(tcp.length)])];
  const ck = ~sum16(tcp, sum16(pseudo)) & 0xffff;
  tcp[16] = ck >> 8;
  tcp[17] = ck & 0xff;
  let ip: number[];
  if (v6) {
    ip = [0x60, 0, 0, 0, ...be16(tcp.length), 6, 128, ...s, ...d];
  } else {
    ip = [0x45, 0, ...be16(20 + tcp.length), ...be16((o.ipId ?? 0) & 0xffff), 0x40, 0, 128, 6, 0, 0, ...s, ...d];
    const ipck = ~sum16(ip) & 0xffff;
    ip[10] = ipck >> 8;
    ip[11] = ipck & 0xff;
  }
  const mac = (m: string): number[] => m.split(':').map((h) => parseInt(h, 16));
  const type = v6 ? [0x86, 0xdd] : [0x08, 0x00];
  const tag = o.vlan === undefined ? [] : [0x81, 0x00, ...be16(o.vlan)];
  const frame = [...mac(dst.mac), ...mac(src.mac), ...tag, ...type, ...ip, ...tcp];
  while (frame.length < 60) frame.push(0); // Ethernet minimum frame (without FCS)
  return Uint8Array.from(frame);
}

/** A TCP conversation: handshake, data in chosen segment sizes, orderly close. */
export class TcpConversation {
  readonly packets: Packet[] = [];
  private seqC: number;
  private seqS: number;
  private ipId: number;
  constructor(readonly client: Endpoint, readonly server: Endpoint, isnC: number, isnS: number, private readonly vlan?: number) {
    this.seqC = isnC;
    this.seqS = isnS;
    this.ipId = isnC & 0xffff;
  }

  private emit(tsUs: number, fromClient: boolean, flags: number, payload: Uint8Array, seq?: number): void {
    const [src, dst] = fromClient ? [this.client, this.server] : [this.server, this.client];
    const s = seq ?? (fromClient ? this.seqC : this.seqS);
    const a = flags & TCP_FLAGS.ACK ? (fromClient ? this.seqS : this.seqC) : 0;
    const opts = this.vlan === undefined ? { ipId: this.ipId++ } : { vlan: this.vlan, ipId: this.ipId++ };
    this.packets.push({ tsUs, data: tcpFrame(src, dst, s, a, flags, payload, opts) });
  }

  handshake(tsUs: number): number {
    this.emit(tsUs, true, TCP_FLAGS.SYN, new Uint8Array());
    this.seqC = (this.seqC + 1) >>> 0;
    this.emit(tsUs + 310, false, TCP_FLAGS.SYN | TCP_FLAGS.ACK, new Uint8Array());
    this.seqS = (this.seqS + 1) >>> 0;
    this.emit(tsUs + 420, true, TCP_FLAGS.ACK, new Uint8Array());
    return tsUs + 420;
  }

  /**
   * Sends bytes as segments of the given sizes (the rest in one), `order` permuting them on the
   * wire and `retransmit` repeating segment indexes afterwards. Returns the last timestamp.
   */
  send(tsUs: number, fromClient: boolean, bytes: Uint8Array, o: { sizes?: number[]; order?: number[]; retransmit?: number[] } = {}): number {
    const segs: { seq: number; data: Uint8Array }[] = [];
    let at = 0;
    const base = fromClient ? this.seqC : this.seqS;
    for (const n of o.sizes ?? []) { segs.push({ seq: (base + at) >>> 0, data: bytes.subarray(at, at + n) }); at += n; }
    if (at < bytes.length) segs.push({ seq: (base + at) >>> 0, data: bytes.subarray(at) });
    const order = o.order ?? segs.map((_, i) => i);
    let t = tsUs;
    for (const i of [...order, ...(o.retransmit ?? [])]) {
      this.emit(t, fromClient, TCP_FLAGS.PSH | TCP_FLAGS.ACK, segs[i]!.data, segs[i]!.seq);
      t += 95;
    }
    if (fromClient) this.seqC = (base + bytes.length) >>> 0;
    else this.seqS = (base + bytes.length) >>> 0;
    this.emit(t + 180, !fromClient, TCP_FLAGS.ACK, new Uint8Array()); // the peer's ACK
    return t + 180;
  }

  close(tsUs: number): number {
    this.emit(tsUs, true, TCP_FLAGS.FIN | TCP_FLAGS.ACK, new Uint8Array());
    this.seqC = (this.seqC + 1) >>> 0;
    this.emit(tsUs + 250, false, TCP_FLAGS.FIN | TCP_FLAGS.ACK, new Uint8Array());
    this.seqS = (this.seqS + 1) >>> 0;
    this.emit(tsUs + 400, true, TCP_FLAGS.ACK, new Uint8Array());
    return tsUs + 400;
  }
}

// ---- containers ---------------------------------------------------------------------------

export function writePcap(packets: readonly Packet[], o: { little?: boolean; nanos?: boolean; linktype?: number; snaplen?: number } = {}): Uint8Array {
  const little = o.little ?? true;
  const out: number[] = [];
  const u16 = (v: number): void => { out.push(...(little ? [v & 0xff, (v >> 8) & 0xff] : be16(v))); };
  const u32 = (v: number): void => { out.push(...(little ? be32(v).reverse() : be32(v))); };
  u32(o.nanos ? 0xa1b23c4d : 0xa1b2c3d4); u16(2); u16(4); u32(0); u32(0); u32(o.snaplen ?? 262144); u32(o.linktype ?? 1);
  for (const p of packets) {
    const cap = Math.min(p.data.length, o.snaplen ?? Infinity);
    u32(Math.floor(p.tsUs / 1e6)); u32(o.nanos ? (p.tsUs % 1e6) * 1000 : p.tsUs % 1e6); u32(cap); u32(p.data.length);
    out.push(...p.data.subarray(0, cap));
  }
  return Uint8Array.from(out);
}

/** pcapng with one section, one Ethernet interface (if_tsresol 6 = µs unless `nanos`). */
export function writePcapng(packets: readonly Packet[], o: { little?: boolean; nanos?: boolean; comment?: string } = {}): Uint8Array {
  const little = o.little ?? true;
  const out: number[] = [];
  const u16 = (v: number): number[] => (little ? [v & 0xff, (v >> 8) & 0xff] : be16(v));
  const u32 = (v: number): number[] => (little ? be32(v).reverse() : be32(v));
  const option = (code: number, value: number[]): number[] => {
    const padded = [...value];
    while (padded.length % 4) padded.push(0);
    return [...u16(code), ...u16(value.length), ...padded];
  };
  const block = (type: number, body: number[]): void => {
    const len = 12 + body.length;
    out.push(...u32(type), ...u32(len), ...body, ...u32(len));
  };
  const shbOpts = o.comment ? [...option(1, [...Buffer.from(o.comment, 'utf8')]), ...option(0, [])] : [];
  block(0x0a0d0d0a, [...u32(0x1a2b3c4d), ...u16(1), ...u16(0), ...u32(0xffffffff), ...u32(0xffffffff), ...shbOpts]);
  block(1, [...u16(1), ...u16(0), ...u32(262144), ...option(9, [o.nanos ? 9 : 6]), ...option(0, [])]);
  for (const p of packets) {
    const ts = BigInt(p.tsUs) * (o.nanos ? 1000n : 1n);
    const data = [...p.data];
    while (data.length % 4) data.push(0);
    block(6, [...u32(0), ...u32(Number(ts >> 32n)), ...u32(Number(ts & 0xffffffffn)), ...u32(p.data.length), ...u32(p.data.length), ...data]);
  }
  return Uint8Array.from(out);
}
