/**
 * The shapes of the one Windows ↔ ECS table (issue 13 item 3). Each log family (Sysmon, Security,
 * PowerShell …) is data: which channels it covers, the ECS categorization per event ID, and which
 * EventData name fills which ECS field. The normalizer, the Sigma field map, the SPL raw names and
 * the Sentinel columns are all read off these tables (./views.ts), never written again.
 */

export interface Categorization {
  readonly category: readonly string[];
  readonly type: readonly string[];
  readonly action?: string;
  readonly outcome?: string;
}

/**
 * How a raw value becomes the ECS value.
 * - string: copied verbatim, Windows' `-` placeholder included (a Sigma filter on '-' must see it);
 * - long: decimal integer; hex: `0x…` integer (Security pids); ip: an address, canonical text;
 * - bool: 'true'/'false'; registry: Elastic's HKLM\… form of a registry path; enum: a code
 *   renamed to its name (Sysmon's DNS QueryStatus).
 * Typed conversions drop what does not parse (an ECS `ip` field cannot hold '-').
 */
export type Conv = 'string' | 'long' | 'hex' | 'ip' | 'bool' | 'registry' | 'enum';

/**
 * EventData name → ECS field. When several names feed one field, the first present wins (Image
 * before SourceImage before Destination). `only`/`except` restrict by event ID.
 */
export interface FieldRule {
  readonly from: string;
  readonly to: string;
  readonly conv?: Conv;
  readonly only?: readonly number[];
  readonly except?: readonly number[];
  /** conv enum: code → name (codes not listed stay as written). */
  readonly values?: Readonly<Record<string, string>>;
  /** Used only when an earlier name for the same field is absent from the event. */
  readonly fallback?: boolean;
  /** Not an EventData name but a part of one (Imphash inside Hashes), filled by the normalizer's code. */
  readonly virtual?: boolean;
  /** Why dac departs from Winlogbeat/pySigma here (absent: as they define it). */
  readonly dac?: string;
}

export type FamilyId = 'sysmon' | 'security' | 'powershell' | 'powershell-classic' | 'taskscheduler' | 'system' | 'wmi' | 'defender' | 'windows';

export interface Family {
  readonly id: FamilyId;
  /** event.module the normalizer writes. */
  readonly module: string;
  /** Channels (compared case-insensitively) and providers that belong to the family. */
  readonly channels: readonly string[];
  readonly providers: readonly string[];
  readonly events: Readonly<Record<number, Categorization>>;
  readonly fields: readonly FieldRule[];
  /**
   * ECS fields the normalizer computes from other fields (file.name from file.path …): a rule
   * targeting one of these does not make its EventData name the field's raw equivalent.
   */
  readonly computed?: readonly string[];
  /** ECS field → the EventData name whose last `\` segment it holds (process.name ← Image). */
  readonly leaves?: Readonly<Record<string, string>>;
  /** The family writes Windows' `-` placeholder in typed fields (IpAddress, IpPort). */
  readonly placeholders?: boolean;
  /** Sentinel table that holds the family's events, and the filter that picks them there. */
  readonly sentinel: { readonly table: string; readonly filter?: string };
}

/** Does rule `r` apply to event `id`? */
export function applies(r: FieldRule, id: number): boolean {
  if (r.only && !r.only.includes(id)) return false;
  if (r.except && r.except.includes(id)) return false;
  return true;
}
