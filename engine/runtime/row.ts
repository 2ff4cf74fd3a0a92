/** What compiled closures evaluate against: an event, or a pipeline row (which has the same shape). */
import type { EcsEvent, FieldValue } from '../events/types.ts';

export interface Row {
  readonly fields: Readonly<Record<string, FieldValue>>;
  /** Replay time in ms (windows, maxspan, earliest/latest). */
  readonly ts: number;
}

/** A row flowing through a pipeline keeps the events behind it, for attribution. */
export interface PipelineRow extends Row {
  readonly events: readonly EcsEvent[];
}

/** Three-valued truth: null = unknown (a comparison with a missing value under Kleene logic). */
export type Tri = boolean | null;
