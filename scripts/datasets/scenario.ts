/** What a dataset definition gives the generator. Adding a dataset = one file in scenarios/ + a line in index.ts. */
import type { Recorder } from './recorder.ts';

export interface ExpectedAlerts {
  /** Elastic "Remote Scheduled Task Creation" (EQL sequence), replayed on the activity clock. */
  readonly elastic: number;
  /** Elastic rule if replayed on the record clock (TimeCreated), where it differs. */
  readonly elasticRecordClock?: number;
  /** MITRE CAR "remote scheduled tasks via RPC" pseudocode: one alert per matching Zeek dce_rpc record. */
  readonly car: number;
  /** Splunk "Schtasks Run Task On Demand": one alert per tstats group. */
  readonly splunk: number;
}

export interface BuildOptions {
  /** Baseline size factor (1 = full size, ≥ 50,000 events); other datasets ignore it. */
  readonly scale: number;
}

export interface Scenario {
  readonly name: string;
  readonly kind: 'attack' | 'benign';
  readonly techniques: readonly string[];
  /** What the data shows and why; the expected alerts are appended to it in the manifest. */
  readonly summary: string;
  readonly expected: ExpectedAlerts;
  /** Scenario source file, for provenance. */
  readonly source: string;
  /** Compress the event files (.gz); readers undo gzip transparently. */
  readonly gzip?: boolean;
  /** Hosts seen only on the wire (Zeek), listed in the manifest beside the Windows computers. */
  readonly extraHosts?: readonly string[];
  build(rec: Recorder, opts: BuildOptions): void;
}
