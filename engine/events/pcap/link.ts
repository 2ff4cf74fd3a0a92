/**
 * Link layer → network layer: finds the IP packet inside a frame for the link types captures of
 * Windows traffic use (Ethernet with 802.1Q/802.1ad tags, Linux cooked SLL, raw IP, BSD loopback).
 */
export type LinkResult =
  | { readonly kind: 'ip'; readonly version: 4 | 6; readonly at: number }
  | { readonly kind: 'skip'; readonly why: string }
  | { readonly kind: 'reject'; readonly reason: string };

const ETH_IPV4 = 0x0800;
const ETH_IPV6 = 0x86dd;
const VLAN_TAGS = new Set([0x8100, 0x88a8, 0x9100]);

function byEthertype(type: number, at: number): LinkResult {
  if (type === ETH_IPV4) return { kind: 'ip', version: 4, at };
  if (type === ETH_IPV6) return { kind: 'ip', version: 6, at };
  return { kind: 'skip', why: `ethertype 0x${type.toString(16).padStart(4, '0')}` };
}

function ethernet(d: Uint8Array): LinkResult {
  if (d.length < 14) return { kind: 'reject', reason: `Ethernet frame of ${d.length} bytes is shorter than its 14-byte header` };
  let at = 12;
  let type = (d[at]! << 8) | d[at + 1]!;
  // Stacked VLAN tags: each adds 4 bytes before the real ethertype (at most a few in practice).
  for (let tags = 0; VLAN_TAGS.has(type); tags++) {
    if (tags === 4) return { kind: 'reject', reason: 'more than 4 stacked VLAN tags' };
    at += 4;
    if (d.length < at + 2) return { kind: 'reject', reason: 'truncated VLAN tag' };
    type = (d[at]! << 8) | d[at + 1]!;
  }
  return byEthertype(type, at + 2);
}

function rawIp(d: Uint8Array, at: number): LinkResult {
  if (d.length <= at) return { kind: 'reject', reason: 'empty raw-IP frame' };
  const v = d[at]! >> 4;
  if (v === 4 || v === 6) return { kind: 'ip', version: v, at };
  return { kind: 'skip', why: `IP version ${v}` };
}

export function decodeLink(linktype: number, d: Uint8Array): LinkResult {
  switch (linktype) {
    case 1: return ethernet(d);
    case 101: case 12: case 14: return rawIp(d, 0); // LINKTYPE_RAW (and the DLT values some systems wrote)
    case 113: // Linux cooked capture v1: 16-byte header ending with the protocol type
      if (d.length < 16) return { kind: 'reject', reason: 'truncated Linux SLL header' };
      return byEthertype((d[14]! << 8) | d[15]!, 16);
    case 0: // BSD loopback: 4-byte address family in host order; the IP header says which version
      if (d.length < 4) return { kind: 'reject', reason: 'truncated loopback header' };
      return rawIp(d, 4);
    default: return { kind: 'skip', why: `link type ${linktype}` };
  }
}
