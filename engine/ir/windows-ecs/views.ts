/**
 * Views derived from the table for the back-ends: each back-end's native name of an ECS field.
 * A back-end reads these instead of keeping its own copy (issue 13: four copies had drifted).
 * - rawNameOf: the EventData name an ECS field is read from (SPL raw searches, Sigma export);
 * - ecsFieldOf: the ECS field a Sigma/EventData name reaches on the events of a scope, or
 *   undefined when it reaches none reliably (then the raw winlog.event_data.<Name> is the field);
 * - kqlColumnOf / sentinelCategoryCase / sentinelSourceOf: Sentinel's Sysmon parser columns and
 *   tables.
 */
import { familyById, familyOf } from './families.ts';
import type { Family, FamilyId, FieldRule } from './types.ts';

/** Windows' <System> elements as Sigma (and the Windows TA) name them → ECS. */
export const SYSTEM_FIELDS: Readonly<Record<string, string>> = {
  EventID: 'event.code', Channel: 'winlog.channel', Provider_Name: 'winlog.provider_name',
  ComputerName: 'winlog.computer_name', Computer: 'winlog.computer_name',
};

function isPrimary(f: Family, r: FieldRule): boolean {
  return !r.virtual && !r.fallback && r.conv !== 'enum' && !(f.computed ?? []).includes(r.to);
}

/**
 * The rule `ecsField` is read by in `family` (the first that fills it), if any. Its `only` /
 * `except` say on which event IDs the raw name means the field (OriginalFileName is
 * process.pe.* except on Sysmon 7): a printer that writes the raw name for a query not pinned to
 * those IDs should add the event-code condition.
 */
export function rawRuleOf(ecsField: string, family: FamilyId = 'sysmon'): FieldRule | undefined {
  const f = familyById(family);
  return f.fields.find((r) => r.to === ecsField && isPrimary(f, r));
}

/** The EventData name `ecsField` is read from in `family` (see rawRuleOf for where it holds). */
export function rawNameOf(ecsField: string, family: FamilyId = 'sysmon'): string | undefined {
  return rawRuleOf(ecsField, family)?.from;
}

/** ECS → raw EventData name for Sysmon, plus the TA's name of the event code: the SPL printer's view. */
export const SPL_ECS_TO_RAW: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const f = familyById('sysmon');
  for (const r of f.fields) if (isPrimary(f, r) && out[r.to] === undefined) out[r.to] = r.from;
  // Windows events carry the same number in event.code and winlog.event_id; the TA calls it EventCode.
  out['event.code'] = 'EventCode';
  return out;
})();

/** Events a Sigma log source (or any query) selects: a family and its event IDs (empty = all). */
export interface Scope { readonly family: Family; readonly eventIds: readonly number[] }

export function scopeOfChannel(channel: string, eventIds: readonly number[] = []): Scope {
  return { family: familyOf(channel), eventIds };
}

/** Conversions that keep a value comparable with what Sigma rules write for the raw field. */
const KEEPS_VALUE = new Set([undefined, 'string', 'long', 'ip', 'registry']);

/**
 * The ECS field EventData name `name` reaches on every event of `scopes` that carries it, or
 * undefined. A name reaches its ECS field only when, in every scope, one rule maps it the same way
 * on every event ID of the scope and the conversion keeps what rules compare: a name mapped per
 * event (Subject* vs Target* users), renamed codes (QueryStatus), booleans, hex pids and, in
 * families that write `-` into typed fields, IP addresses and ports fall back to the raw field,
 * so a filter on `-` still sees `-` (issue 18).
 */
export function ecsFieldOf(name: string, scopes: readonly Scope[]): string | undefined {
  let target: string | undefined;
  for (const { family, eventIds } of scopes) {
    const rules = family.fields.filter((r) => r.from === name);
    if (!rules.length) return undefined;
    let here: FieldRule | undefined;
    if (eventIds.length === 0) {
      if (rules.some((r) => r.only || r.except)) return undefined;
      here = rules[0];
    } else {
      for (const id of eventIds) {
        const r = rules.find((x) => (!x.only || x.only.includes(id)) && !(x.except && x.except.includes(id)));
        if (!r || (here && r.to !== here.to)) return undefined;
        here = r;
      }
    }
    if (!here || here.fallback || !KEEPS_VALUE.has(here.conv)) return undefined;
    if (family.placeholders && here.conv !== undefined && here.conv !== 'string') return undefined;
    if (target !== undefined && target !== here.to) return undefined;
    target = here.to;
  }
  return target;
}

// ---- Sentinel (KQL) ------------------------------------------------------------------------

const leaf = (col: string): string => `tostring(split(${col}, "\\\\")[-1])`;
const NUMERIC = new Set(['long', 'hex']);

/**
 * The KQL expression of an ECS field over Sentinel's Sysmon parser (its columns are the EventData
 * names, as strings), or undefined when the parser has no column for it.
 */
export function kqlColumnOf(ecsField: string): string | undefined {
  const f = familyById('sysmon');
  const rule = f.fields.find((r) => r.to === ecsField && isPrimary(f, r));
  if (rule) return NUMERIC.has(rule.conv ?? '') ? `toint(${rule.from})` : rule.from;
  const l = f.leaves?.[ecsField];
  return l ? leaf(l) : undefined;
}

/**
 * `case()` over Sysmon's EventID giving the event's ECS categories (`kind` category) or types, as
 * a dynamic array: ECS categorization is multi-valued (Sysmon 12–14 are configuration and
 * registry), so a test reads `set_has_element(<case>, "registry")`.
 */
export function sentinelCategoryCase(kind: 'category' | 'type'): string {
  const groups = new Map<string, number[]>();
  for (const [id, c] of Object.entries(familyById('sysmon').events)) {
    const values = kind === 'category' ? c.category : c.type;
    if (!values.length) continue;
    const key = JSON.stringify(values);
    groups.set(key, [...(groups.get(key) ?? []), Number(id)]);
  }
  const arms = [...groups].map(([vals, ids]) => `EventID ${ids.length === 1 ? `== ${ids[0]}` : `in (${ids.join(', ')})`}, dynamic(${vals})`);
  return `case(${arms.join(', ')}, dynamic([]))`;
}

/** The Sentinel table (and filter) that holds a channel's events: Sysmon's parser only for Sysmon. */
export function sentinelSourceOf(channel: string, provider = ''): { readonly table: string; readonly filter?: string } {
  const f = familyOf(channel, provider);
  return f.id === 'windows' && channel ? { table: 'Event', filter: `EventLog == ${JSON.stringify(channel)}` } : f.sentinel;
}

/** ECS fields whose Sentinel expression is a dynamic array: compare with set_has_element(), not ==. */
export const KQL_MULTI_VALUED: ReadonlySet<string> = new Set(['event.category', 'event.type']);

/**
 * ECS field → KQL over Sentinel's Sysmon parser, the same shape as FIELDS in export/kql.ts: the
 * table's columns (kqlColumnOf), the <System> columns the parser exposes, and the categorization
 * `case()`s (multi-valued: see KQL_MULTI_VALUED).
 */
export const SENTINEL_SYSMON_FIELDS: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const f = familyById('sysmon');
  for (const r of f.fields) { const c = kqlColumnOf(r.to); if (c && out[r.to] === undefined) out[r.to] = c; }
  for (const k of Object.keys(f.leaves ?? {})) out[k] = kqlColumnOf(k)!;
  Object.assign(out, {
    'winlog.computer_name': 'Computer', 'host.name': 'Computer', 'host.hostname': 'Computer',
    'event.code': 'tostring(EventID)', 'winlog.event_id': 'toint(EventID)', '@timestamp': 'TimeGenerated', 'registry.data.strings': 'Details',
    // Sysmon's Initiated is "true" for outbound connections: ECS network.direction egress/ingress.
    'network.direction': 'iff(tostring(Initiated) == "true", "egress", "ingress")',
    'event.category': sentinelCategoryCase('category'), 'event.type': sentinelCategoryCase('type'),
    // The parser reads the Sysmon channel only, and Sysmon runs on Windows.
    'host.os.type': '"windows"', 'winlog.channel': '"Microsoft-Windows-Sysmon/Operational"',
  });
  return out;
})();
