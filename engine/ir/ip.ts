/**
 * IP addresses: the one parser (IPv4 and IPv6 text → bytes) and the one canonical text form, used
 * by CIDR matching, EQL's cidrMatch, the normalizer and the back-ends (issue 13: two IPv6 parsers
 * had disagreed). Which ECS fields hold addresses is read off the ECS catalogue (type `ip`).
 */
import { ECS_FIELDS } from './fields.ts';

/** ECS fields of type ip: the one IP-field set. */
export const IP_FIELDS: readonly string[] = Object.keys(ECS_FIELDS).filter((k) => ECS_FIELDS[k] === 'ip');

/** Parses an IP address to 4 or 16 bytes (an IPv6 zone `%…` is ignored); undefined when it is not one. */
export function parseIp(s: string): Uint8Array | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4) {
    const b = v4.slice(1).map(Number);
    return b.every((x) => x <= 255) ? Uint8Array.from(b) : undefined;
  }
  let text = s.includes('%') ? s.slice(0, s.indexOf('%')) : s;
  if (!text.includes(':')) return undefined;
  let tail: number[] = [];
  const dotted = /:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(text);
  if (dotted) {
    const v = parseIp(dotted[1]);
    if (!v) return undefined;
    tail = [...v];
    text = text.slice(0, -dotted[1].length) + '0:0';
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  const fill = 8 - head.length - rest.length;
  if (halves.length === 1 ? fill !== 0 : fill < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? fill : 0).fill('0'), ...rest];
  const out = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(all[i])) return undefined;
    const n = parseInt(all[i], 16);
    out[i * 2] = n >> 8;
    out[i * 2 + 1] = n & 255;
  }
  if (tail.length) out.set(tail, 12);
  return out;
}

/** RFC 5952 text of 16 address bytes: lower case, longest zero run (≥ 2 groups) as `::`, IPv4-mapped dotted. */
function v6Text(b: Uint8Array): string {
  const g = Array.from({ length: 8 }, (_, i) => (b[i * 2] << 8) | b[i * 2 + 1]);
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return `::ffff:${b[12]}.${b[13]}.${b[14]}.${b[15]}`;
  let best = -1, bestLen = 1;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/**
 * Canonical text of an address (RFC 5952 for IPv6, zone kept); anything that is not an IPv6
 * address is returned unchanged. ECS compares ip fields as addresses, so `source.ip != "::1"`
 * excludes Sysmon's `0:0:0:0:0:0:0:1`: canonical text gives string comparisons that meaning.
 */
export function canonicalIp(s: string): string {
  if (!s.includes(':')) return s;
  const zone = s.indexOf('%');
  const b = parseIp(s);
  return b && b.length === 16 ? v6Text(b) + (zone >= 0 ? s.slice(zone) : '') : s;
}
