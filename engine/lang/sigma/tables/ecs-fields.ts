/**
 * Sigma's Windows field names → ECS, derived from the one Windows ↔ ECS table
 * (engine/ir/windows-ecs): a name reaches the ECS field the normalizer fills from it on every
 * event of the rule's log source, else the raw `winlog.event_data.<Name>` (which the normalizer
 * always keeps), so no name is left pointing at a field its events lack (issue 18). The names and
 * fields are pySigma's ECS Windows pipeline's (ecs_windows) wherever the data agrees with it.
 */
import { FAMILIES, SYSTEM_FIELDS, ecsFieldOf, type Scope } from '../../../ir/windows-ecs/index.ts';

/**
 * Name → the first ECS field the table fills from it, plus the <System> names: candidates for
 * writing an ECS field under a Sigma name (export/sigma-logsource.ts checks each against the
 * log source's own mapping before using it).
 */
export const ECS_FIELD_MAP: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(SYSTEM_FIELDS)) out[k] = v;
  for (const f of FAMILIES) for (const r of f.fields) if (!r.virtual && out[r.from] === undefined) out[r.from] = r.to;
  return out;
})();

export type LogsourceKey = `category:${string}` | `service:${string}`;

/** Per-log-source names are derived from the table's event IDs now (ecsFieldOf); kept for readers of the old shape. */
export const ECS_VARIABLE_FIELDS: Readonly<Record<string, readonly (readonly [LogsourceKey, string])[]>> = Object.create(null) as Record<string, never>;

/**
 * Deliberate departures from the pipeline, each because the ECS value differs from Sigma's:
 * Sysmon's `Initiated` is 'true'/'false' while ECS network.direction is 'egress'/'ingress', so the
 * raw EventData field (which dac's normalizer keeps) is matched instead; likewise Sysmon's `User`
 * is 'DOMAIN\name' where ECS user.name holds only the name, and rules match the domain part.
 */
export const RAW_OVERRIDES: ReadonlySet<string> = new Set(['Initiated', 'User']);

/**
 * The field a Sigma Windows name addresses on the events of `scopes` (`raw`: the name in those
 * events). A rule naming no channel (`product: windows` alone) reads every family that maps the
 * name, which must agree.
 */
export function sigmaWindowsField(name: string, raw: string, scopes: readonly Scope[]): string {
  const system = Object.prototype.hasOwnProperty.call(SYSTEM_FIELDS, name) ? SYSTEM_FIELDS[name] : undefined;
  if (system) return system;
  if (RAW_OVERRIDES.has(name)) return `winlog.event_data.${raw}`;
  if (name.includes('.')) return name;
  const over = scopes.length ? scopes : FAMILIES.filter((f) => f.fields.some((r) => r.from === raw)).map((family) => ({ family, eventIds: [] }));
  return (over.length ? ecsFieldOf(raw, over) : undefined) ?? `winlog.event_data.${raw}`;
}
