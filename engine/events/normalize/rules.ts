/**
 * Applies a family's EventData → ECS rules (engine/ir/windows-ecs) to one event: the part of every
 * Windows normalizer that is data. Code around it computes what rules cannot say (names from
 * paths, argument lists, related.*).
 */
import { categoriesOf, rulesFor, HIVES, type Family, type FieldRule } from '../../ir/windows-ecs/index.ts';
import { parseIp } from '../../ir/ip.ts';
import type { WinView } from './win-view.ts';
import { setFirst, toLong, type Out } from './out.ts';

const KERNEL_HIVES: ReadonlyArray<readonly [string, string]> = [
  ['\\REGISTRY\\MACHINE', 'HKLM'], ['\\REGISTRY\\USER', 'HKU'], ['\\REGISTRY\\A', 'HKLM'],
];

/** Elastic's registry path form: HKLM\…, HKU\… */
export function elasticRegistryPath(path: string): string {
  for (const [k, short] of KERNEL_HIVES) {
    if (path.toUpperCase().startsWith(k) && (path.length === k.length || path[k.length] === '\\')) return short + path.slice(k.length);
  }
  const i = path.indexOf('\\');
  const head = i === -1 ? path : path.slice(0, i);
  const hive = HIVES[head.toUpperCase()];
  return hive && hive !== head ? hive + path.slice(head.length) : path;
}

/** The ECS value of a raw EventData value under a rule, or undefined when it does not convert. */
export function convert(r: FieldRule, raw: string): string | number | boolean | undefined {
  switch (r.conv ?? 'string') {
    case 'string': return raw;
    case 'long': case 'hex': return toLong(raw);
    case 'ip': return parseIp(raw.trim()) ? raw.trim() : undefined;
    case 'bool': return raw === 'true' ? true : raw === 'false' ? false : undefined;
    case 'registry': return elasticRegistryPath(raw);
    case 'enum': return r.values && Object.prototype.hasOwnProperty.call(r.values, raw) ? r.values[raw] : raw;
  }
}

export function categorize(out: Out, v: WinView): void {
  const c = categoriesOf(v.channel, v.eventId, v.provider);
  if (!c) return;
  if (c.category.length) out['event.category'] = [...c.category];
  if (c.type.length) out['event.type'] = [...c.type];
  if (c.action) out['event.action'] = c.action;
  if (c.outcome) out['event.outcome'] = c.outcome;
}

/** Fills ECS fields from EventData by the family's rules; the first name present wins a field. */
export function applyRules(out: Out, family: Family, v: WinView): void {
  for (const r of rulesFor(family, v.eventId)) {
    if (r.virtual) continue;
    const raw = v.data[r.from];
    if (raw === undefined || raw === '') continue;
    setFirst(out, r.to, convert(r, raw));
  }
}
