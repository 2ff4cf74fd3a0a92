/**
 * IPv4 and IPv6 headers: addresses, the transport protocol and where its bytes are. The IP
 * length, not the frame length, bounds the payload (Ethernet pads short frames). Fragments are not
 * reassembled: a TCP fragment is rejected so the loss is counted.
 */
export interface IpPacket {
  readonly version: 4 | 6;
  readonly src: string;
  readonly dst: string;
  readonly protocol: number;
  /** Payload start and end, as offsets into the frame. */
  readonly start: number;
  readonly end: number;
  /** The frame holds fewer bytes than the IP header announced (snaplen). */
  readonly truncated: boolean;
}

export type IpResult = { readonly kind: 'ok'; readonly ip: IpPacket } | { readonly kind: 'skip'; readonly why: string } | { readonly kind: 'reject'; readonly reason: string };

const TCP = 6;

export function formatIpv4(d: Uint8Array, at: number): string {
  return `${d[at]}.${d[at + 1]}.${d[at + 2]}.${d[at + 3]}`;
}

/** RFC 5952 text form: lower-case hex, leading zeros dropped, the longest run (≥ 2) of zero groups as "::". */
export function formatIpv6(d: Uint8Array, at: number): string {
  const g: number[] = [];
  for (let i = 0; i < 8; i++) g.push((d[at + 2 * i]! << 8) | d[at + 2 * i + 1]!);
  let best = -1, bestLen = 0;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = (xs: number[]): string => xs.map((x) => x.toString(16)).join(':');
  if (best < 0) return hex(g);
  return `${hex(g.slice(0, best))}::${hex(g.slice(best + bestLen))}`;
}

function ipv4(d: Uint8Array, at: number): IpResult {
  if (d.length < at + 20) return { kind: 'reject', reason: 'truncated IPv4 header' };
  if (d[at]! >> 4 !== 4) return { kind: 'reject', reason: `IPv4 header with version ${d[at]! >> 4}` };
  const ihl = (d[at]! & 0x0f) * 4;
  const total = (d[at + 2]! << 8) | d[at + 3]!;
  if (ihl < 20 || total < ihl) return { kind: 'reject', reason: `bad IPv4 lengths (header ${ihl}, total ${total})` };
  if (d.length < at + ihl) return { kind: 'reject', reason: 'truncated IPv4 options' };
  const protocol = d[at + 9]!;
  const frag = ((d[at + 6]! << 8) | d[at + 7]!) & 0x3fff; // MF flag + fragment offset
  if (frag !== 0) {
    return protocol === TCP ? { kind: 'reject', reason: 'IPv4 fragment of a TCP segment (fragment reassembly is not supported)' } : { kind: 'skip', why: 'IPv4 fragment' };
  }
  const end = at + total;
  const ip: IpPacket = { version: 4, src: formatIpv4(d, at + 12), dst: formatIpv4(d, at + 16), protocol, start: at + ihl, end: Math.min(end, d.length), truncated: end > d.length };
  return { kind: 'ok', ip };
}

// Extension headers walked to reach the transport: hop-by-hop, routing, destination options, AH.
const EXT = new Set([0, 43, 60, 51]);
const FRAGMENT = 44;

function ipv6(d: Uint8Array, at: number): IpResult {
  if (d.length < at + 40) return { kind: 'reject', reason: 'truncated IPv6 header' };
  if (d[at]! >> 4 !== 6) return { kind: 'reject', reason: `IPv6 header with version ${d[at]! >> 4}` };
  const payloadLen = (d[at + 4]! << 8) | d[at + 5]!;
  let next = d[at + 6]!;
  let p = at + 40;
  const end = at + 40 + payloadLen;
  for (let hops = 0; EXT.has(next) || next === FRAGMENT; hops++) {
    if (hops === 8 || p + 8 > Math.min(end, d.length)) return { kind: 'reject', reason: 'truncated or overlong IPv6 extension header chain' };
    if (next === FRAGMENT) {
      const inner = d[p]!;
      return inner === TCP ? { kind: 'reject', reason: 'IPv6 fragment of a TCP segment (fragment reassembly is not supported)' } : { kind: 'skip', why: 'IPv6 fragment' };
    }
    const len = next === 51 ? (d[p + 1]! + 2) * 4 : (d[p + 1]! + 1) * 8;
    next = d[p]!;
    p += len;
  }
  if (p > end) return { kind: 'reject', reason: 'IPv6 extension headers overrun the payload length' };
  const ip: IpPacket = { version: 6, src: formatIpv6(d, at + 8), dst: formatIpv6(d, at + 24), protocol: next, start: p, end: Math.min(end, d.length), truncated: end > d.length };
  return { kind: 'ok', ip };
}

export function decodeIp(version: 4 | 6, d: Uint8Array, at: number): IpResult {
  return version === 4 ? ipv4(d, at) : ipv6(d, at);
}
