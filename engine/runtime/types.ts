/** What the runtime emits. An alert holds every event behind it, so the harness can attribute it. */
import type { EcsEvent, FieldValue } from '../events/types.ts';

export interface Alert {
  readonly ruleId: string;
  /** Events behind the alert in replay order (sequence steps in step order). */
  readonly events: readonly EcsEvent[];
  /** For pipeline outputs: the result row (group keys, aggregates, evals). Empty for plain matches. */
  readonly fields: Readonly<Record<string, FieldValue>>;
  /** When the alert was raised, in replay time (ms). */
  readonly ts: number;
}
