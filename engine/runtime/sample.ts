/** EQL `sample by`: per join key, the first event of each step in any order; one sample per key. */
import type { EcsEvent } from '../events/types.ts';
import type { SampleQuery } from '../ir/types.ts';
import { compileStep, type Emit, type Unit } from './sequence.ts';

export function sampleUnit(q: SampleQuery, emit: Emit): Unit {
  const steps = q.steps.map((s) => compileStep(s, q.by));
  const state = new Map<string, (EcsEvent | undefined)[]>();
  const done = new Set<string>();
  return {
    push(ev) {
      for (let j = 0; j < steps.length; j++) {
        if (!steps[j].match(ev)) continue;
        const k = steps[j].key(ev);
        if (k === undefined || done.has(k)) continue;
        let slots = state.get(k);
        if (!slots) { slots = steps.map(() => undefined); state.set(k, slots); }
        if (slots[j]) continue;
        slots[j] = ev;
        if (slots.every((x) => x !== undefined)) {
          state.delete(k);
          done.add(k);
          emit({ fields: {}, ts: ev.ts, events: slots as EcsEvent[] });
        }
        break; // one event fills one step of a sample
      }
    },
    finish() { state.clear(); },
  };
}
