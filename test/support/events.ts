/** Builds EcsEvents for tests: flat fields, a timestamp in ms (default: index seconds), seq in order. */
import type { EcsEvent, EcsFields } from '../../engine/events/types.ts';

export function events(rows: ReadonlyArray<EcsFields & { ts?: number }>, dataset = 'test'): EcsEvent[] {
  return rows.map((r, i) => {
    const { ts, ...fields } = r as EcsFields & { ts?: number };
    return { fields, ts: typeof ts === 'number' ? ts : i * 1000, seq: i, provenance: { dataset, file: 'mem', record: i + 1 } };
  });
}
