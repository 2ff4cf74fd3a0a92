/**
 * ECS `ip` fields hold addresses in one canonical text form (RFC 5952: lower case, longest zero
 * run compressed, IPv4-mapped kept dotted). Elasticsearch compares ip fields as addresses, so
 * `source.ip != "::1"` excludes Sysmon's `0:0:0:0:0:0:0:1`; canonical text gives string
 * comparisons the same meaning. Raw values stay untouched under winlog.event_data.*.
 */
import type { FieldValue } from '../types.ts';

export const IP_FIELDS = ['source.ip', 'destination.ip', 'host.ip', 'related.ip', 'dns.resolved_ip', 'client.ip', 'server.ip'] as const;

function groups(text: string): number[] | undefined {
  if (text === '') return [];
  const out: number[] = [];
  for (const g of text.split(':')) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    out.push(parseInt(g, 16));
  }
  return out;
}

/** Canonical text of an IPv6 address, or undefined when `s` is not one. */
function canonicalV6(s: string): string | undefined {
  let text = s;
  let v4: string | undefined;
  const dotted = /:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (dotted) { v4 = dotted[1]; text = text.slice(0, -v4.length) + '0:0'; }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return undefined;
  const fill = 8 - head.length - tail.length;
  if (halves.length === 1 ? fill !== 0 : fill < 1) return undefined;
  const all = [...head, ...new Array<number>(halves.length === 2 ? fill : 0).fill(0), ...tail];
  if (v4 && all.slice(0, 5).every((g) => g === 0) && all[5] === 0xffff) return `::ffff:${v4}`;
  // Longest run of two or more zero groups becomes '::' (the first when tied).
  let best = -1, bestLen = 1;
  for (let i = 0; i < 8;) {
    if (all[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && all[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = all.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

export function canonicalIp(s: string): string {
  if (!s.includes(':')) return s;
  const zone = s.indexOf('%');
  const addr = zone >= 0 ? s.slice(0, zone) : s;
  const c = canonicalV6(addr);
  return c === undefined ? s : c + (zone >= 0 ? s.slice(zone) : '');
}

export function canonicalizeIps(fields: Record<string, FieldValue>): void {
  for (const f of IP_FIELDS) {
    const v = fields[f];
    if (typeof v === 'string') fields[f] = canonicalIp(v);
    else if (Array.isArray(v)) fields[f] = v.map((x) => (typeof x === 'string' ? canonicalIp(x) : x));
  }
}
