/**
 * ECS `ip` fields hold addresses in one canonical text form (engine/ir/ip.ts). Raw values stay
 * untouched under winlog.event_data.*.
 */
import type { FieldValue } from '../types.ts';
import { canonicalIp, IP_FIELDS } from '../../ir/ip.ts';

export { canonicalIp, IP_FIELDS };

export function canonicalizeIps(fields: Record<string, FieldValue>): void {
  for (const f of IP_FIELDS) {
    const v = fields[f];
    if (typeof v === 'string') fields[f] = canonicalIp(v);
    else if (Array.isArray(v)) fields[f] = v.map((x) => (typeof x === 'string' ? canonicalIp(x) : x));
  }
}
