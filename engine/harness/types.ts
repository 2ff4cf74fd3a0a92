/**
 * The harness's results, shaped as report.json holds them (report/schema.json is their schema).
 * Everything here is deterministic; wall-clock timings live apart in `Timings`.
 */
/**
 * `cannot-run`: the rule is valid but needs what a local replay cannot give (an ML job, an
 * indicator index; see rule/model.ts ExternalRequirement). Never a pass, never a failure.
 */
export type Status = 'pass' | 'fail' | 'skipped' | 'error' | 'untested' | 'cannot-run';

export interface DiagnosticEntry {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  /** `file:line:col`, or the file alone. */
  readonly location: string;
  readonly line?: number;
  readonly col?: number;
}

/** Where an event came from, compactly: enough to find it in the dataset. */
export interface EventRef {
  readonly dataset: string;
  readonly file: string;
  readonly line?: number;
  readonly record?: number;
  readonly timestamp: string;
  readonly eventId?: string;
  readonly recordId?: number;
  readonly host?: string;
  readonly summary: string;
}

export interface AlertEntry {
  readonly timestamp: string;
  /** Datasets the alert's events come from (more than one = a mixed alert). */
  readonly datasets: readonly string[];
  readonly fields: Readonly<Record<string, unknown>>;
  readonly events: readonly EventRef[];
  /** Events behind the alert beyond those listed. */
  readonly moreEvents: number;
}

export interface CaseResult {
  readonly dataset: string;
  /** Line of the case's `tests` entry in the rule file (for PR annotations). */
  readonly line?: number;
  readonly description?: string;
  readonly expected: { readonly alerts: number; readonly fields: Readonly<Record<string, unknown>> };
  readonly actual: { readonly alerts: number };
  readonly status: Status;
  readonly reasons: readonly string[];
  readonly alerts: readonly AlertEntry[];
}

export interface StatusEntry {
  readonly status: Status;
  readonly reasons: readonly string[];
}

export interface RuleResult {
  readonly id: string;
  readonly name: string;
  readonly file: string;
  readonly dialect: string;
  readonly language: string;
  readonly severity?: string;
  readonly attack: { readonly tactics: readonly string[]; readonly techniques: readonly string[] };
  readonly validation: StatusEntry & { readonly diagnostics: readonly DiagnosticEntry[] };
  readonly unit: StatusEntry & { readonly cases: readonly CaseResult[] };
  readonly integration: StatusEntry & {
    readonly cases: readonly CaseResult[];
    readonly falsePositives: readonly AlertEntry[];
    readonly mixedAlerts: readonly AlertEntry[];
  };
}

export interface Rejection { readonly file: string; readonly line?: number; readonly record?: number; readonly offset?: number; readonly reason: string }

export interface DatasetResult {
  readonly name: string;
  readonly kind: 'attack' | 'benign' | 'unknown';
  readonly files: readonly string[];
  readonly events: { readonly read: number; readonly used: number; readonly rejected: number };
  /** The first rejections with their locations (all are counted above). */
  readonly rejections: readonly Rejection[];
  readonly hosts: readonly string[];
  readonly timeRange: { readonly start: string | null; readonly end: string | null };
  readonly eventIds: Readonly<Record<string, number>>;
  readonly techniques: readonly string[];
  readonly problems: readonly string[];
}

export interface CoverageEntry {
  readonly technique: string;
  readonly name: string;
  readonly tactics: readonly string[];
  readonly rules: readonly string[];
  /** Rules covering it that pass all three statuses (base rules of a correlation pass through it). */
  readonly passing: readonly string[];
}

export interface Totals {
  readonly rules: number;
  readonly validation: Readonly<Record<Status, number>>;
  readonly unit: Readonly<Record<Status, number>>;
  readonly integration: Readonly<Record<Status, number>>;
  /** Rules that pass all three. */
  readonly passing: number;
  readonly datasets: number;
  readonly events: { readonly read: number; readonly used: number; readonly rejected: number };
  readonly ok: boolean;
}

export interface Timings {
  readonly totalMs: number;
  readonly phases: Readonly<Record<string, number>>;
  readonly rules: Readonly<Record<string, { readonly unitMs: number }>>;
  readonly eventsPerSecond: number;
}

export interface RunReport {
  readonly tool: { readonly name: 'dac'; readonly version: string; readonly reportFormat: 1 };
  readonly attackVersion: string | null;
  readonly totals: Totals;
  readonly rules: readonly RuleResult[];
  readonly datasets: readonly DatasetResult[];
  readonly coverage: readonly CoverageEntry[];
  /** Problems not tied to one rule (unreadable files, bad manifests, macros). */
  readonly repoDiagnostics: readonly DiagnosticEntry[];
  readonly timings?: Timings;
}
