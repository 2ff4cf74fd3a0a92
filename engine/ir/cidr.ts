/** CIDR matching for IPv4 and IPv6, with networks parsed once at compile time. */

import { parseIp } from './ip.ts';

export { parseIp };

export interface Network { readonly bytes: Uint8Array; readonly bits: number }

export function parseCidr(s: string): Network | undefined {
  const [addr, len] = s.split('/');
  const bytes = parseIp(addr);
  if (!bytes) return undefined;
  const bits = len === undefined ? bytes.length * 8 : Number(len);
  if (!Number.isInteger(bits) || bits < 0 || bits > bytes.length * 8) return undefined;
  return { bytes, bits };
}

export function inNetwork(ip: Uint8Array, net: Network): boolean {
  // An IPv4 address also matches an IPv4-mapped IPv6 network and vice versa only when lengths agree.
  if (ip.length !== net.bytes.length) return false;
  let bits = net.bits;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 255 : (0xff << (8 - bits)) & 255;
    if ((ip[i] & mask) !== (net.bytes[i] & mask)) return false;
  }
  return true;
}
