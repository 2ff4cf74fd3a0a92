/** What scenarios produce before rendering: Windows events with both clocks, and Zeek records. */

export type Channel = 'sysmon' | 'security' | 'taskscheduler';

export interface WinEventDraft {
  readonly host: string;
  readonly channel: Channel;
  readonly eventId: number;
  /** When the activity happened (Sysmon's UtcTime), ms since the epoch. */
  readonly activityMs: number;
  /** When the record was written (TimeCreated): ms since the epoch plus 100 ns ticks. */
  readonly recordMs: number;
  readonly recordTicks: number;
  /** <Data Name=…> pairs in schema order. */
  readonly data: ReadonlyArray<readonly [string, string]>;
  /** EventData's Name attribute (TaskScheduler events carry one, e.g. 'TaskRegisteredEvent'). */
  readonly eventDataName?: string;
  readonly threadId: number;
}

export type ZeekLog = 'conn' | 'dce_rpc';

export interface ZeekDraft {
  readonly log: ZeekLog;
  readonly ms: number;
  readonly micros: number;
  /** Field name → JSON-ready value, in Zeek's column order. */
  readonly fields: ReadonlyArray<readonly [string, string | number | boolean]>;
}
