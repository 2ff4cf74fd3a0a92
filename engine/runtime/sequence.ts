/**
 * Sequences, as Elasticsearch's state machine runs them: per join key, one slot per step holding
 * the most recent partial match; an event matching step i moves the partial from slot i-1 to slot
 * i (steps are tried last to first, so one event never advances two steps); maxspan is measured
 * from the first event; `until` clears the key; missing steps `![…]` void partials they fall
 * inside. Unordered sequences (Sigma temporal) need every step within maxspan in any order.
 */
import type { EcsEvent } from '../events/types.ts';
import { effectiveFilter } from '../ir/source.ts';
import type { Expr, SequenceQuery, SequenceStep } from '../ir/types.ts';
import { compileExpr } from './compile-expr.ts';
import { compileMatcher } from './compile-predicate.ts';
import type { PipelineRow } from './row.ts';
import { isMissing } from './values.ts';

export type Emit = (row: PipelineRow) => void;

interface Partial { readonly events: readonly EcsEvent[]; readonly start: number }

export interface CompiledStep {
  readonly match: (ev: EcsEvent) => boolean;
  /** The join key of an event for this step, or undefined when a required key value is null. */
  readonly key: (ev: EcsEvent) => string | undefined;
}

export function compileStep(step: SequenceStep, shared: readonly Expr[]): CompiledStep {
  const match = compileMatcher(effectiveFilter(step.filter), step.filter.logic);
  const exprs = [...shared, ...step.by];
  const getters = exprs.map(compileExpr);
  const optional = exprs.map((e) => e.kind === 'field' && e.optional === true);
  return {
    match,
    key(ev) {
      const vals = [];
      for (let i = 0; i < getters.length; i++) {
        const v = getters[i](ev);
        // Elasticsearch drops events whose join key is null unless the field is written `?field`.
        if (isMissing(v) && !optional[i]) return undefined;
        vals.push(v ?? null);
      }
      return JSON.stringify(vals);
    },
  };
}

export interface Unit {
  push(ev: EcsEvent): void;
  finish(): void;
}

export function sequenceUnit(q: SequenceQuery, emit: Emit): Unit {
  return q.ordered ? orderedUnit(q, emit) : unorderedUnit(q, emit);
}

/** Expands `runs=N` into N copies of a step. */
function expandRuns(steps: readonly SequenceStep[]): SequenceStep[] {
  return steps.flatMap((s) => Array.from({ length: Math.max(1, s.runs) }, () => s));
}

function orderedUnit(q: SequenceQuery, emit: Emit): Unit {
  const all = expandRuns(q.steps);
  const main: CompiledStep[] = [];
  // gaps[i]: missing steps between main[i-1] and main[i]; gaps[main.length]: trailing ones.
  const gaps: CompiledStep[][] = [[]];
  for (const s of all) {
    if (s.missing) gaps[gaps.length - 1].push(compileStep(s, q.by));
    else { main.push(compileStep(s, q.by)); gaps.push([]); }
  }
  const until = q.until ? compileStep(q.until, q.by) : undefined;
  const maxspan = q.maxspanMs;
  const last = main.length - 1;
  const state = new Map<string, (Partial | undefined)[]>();
  const leadingSeen = new Map<string, number[]>();
  const awaiting: { key: string; p: Partial; deadline: number }[] = [];
  let pushes = 0;

  const slotsFor = (k: string) => {
    let s = state.get(k);
    if (!s) { s = new Array(main.length).fill(undefined); state.set(k, s); }
    return s;
  };
  const expired = (p: Partial, ts: number) => maxspan !== undefined && ts - p.start > maxspan;

  const complete = (k: string, p: Partial, ts: number) => {
    const trailing = gaps[main.length].length > 0 && maxspan !== undefined;
    let deadline = maxspan === undefined ? 0 : p.start + maxspan;
    if (gaps[0].length && maxspan !== undefined) {
      const seen = (leadingSeen.get(k) ?? []).filter((t) => t >= ts - maxspan && t <= p.start);
      if (seen.length && !trailing) return;
      // Leading and trailing missing steps: the match is void only if a trailing event also fits
      // within maxspan of the latest leading one (the whole sequence, missing events included,
      // must fit in maxspan; ES QA leadingAndTrailingExcluded1/2). No leading event: it stands.
      if (trailing) deadline = seen.length ? seen.reduce((m, t) => Math.max(m, t), -Infinity) + maxspan : Number.NEGATIVE_INFINITY;
    }
    if (trailing) {
      awaiting.push({ key: k, p, deadline });
      return;
    }
    emit({ fields: {}, ts, events: p.events });
  };

  const releaseAwaiting = (now: number) => {
    for (let i = 0; i < awaiting.length;) {
      const a = awaiting[i];
      if (now > a.deadline) { awaiting.splice(i, 1); emit({ fields: {}, ts: a.p.events[a.p.events.length - 1].ts, events: a.p.events }); }
      else i++;
    }
  };

  const evict = (now: number) => {
    if (maxspan === undefined) return;
    for (const [k, slots] of state) {
      let live = false;
      for (let i = 0; i < slots.length; i++) {
        const p = slots[i];
        if (p && expired(p, now)) slots[i] = undefined;
        else if (p) live = true;
      }
      if (!live) state.delete(k);
    }
    for (const [k, ts] of leadingSeen) {
      const kept = ts.filter((t) => now - t <= maxspan);
      if (kept.length) leadingSeen.set(k, kept); else leadingSeen.delete(k);
    }
  };

  return {
    push(ev) {
      if (awaiting.length) releaseAwaiting(ev.ts);
      if (until && until.match(ev)) {
        const k = until.key(ev);
        if (k !== undefined) state.delete(k);
      }
      // Missing events void the partials waiting across their gap.
      for (let g = 0; g < gaps.length; g++) {
        for (const m of gaps[g]) {
          if (!m.match(ev)) continue;
          const k = m.key(ev);
          if (k === undefined) continue;
          if (g === 0) { const a = leadingSeen.get(k) ?? []; a.push(ev.ts); leadingSeen.set(k, a); }
          else if (g === main.length) {
            for (let i = awaiting.length - 1; i >= 0; i--) if (awaiting[i].key === k && ev.ts <= awaiting[i].deadline) awaiting.splice(i, 1);
          } else {
            const slots = state.get(k);
            if (slots) slots[g - 1] = undefined;
          }
        }
      }
      for (let i = last; i >= 0; i--) {
        const step = main[i];
        if (!step.match(ev)) continue;
        const k = step.key(ev);
        if (k === undefined) continue;
        if (i === 0) {
          const p = { events: [ev], start: ev.ts };
          if (last === 0) complete(k, p, ev.ts); else slotsFor(k)[0] = p;
          continue;
        }
        const slots = state.get(k);
        const prev = slots?.[i - 1];
        if (!slots || !prev) continue;
        slots[i - 1] = undefined;
        if (expired(prev, ev.ts)) continue;
        const next = { events: [...prev.events, ev], start: prev.start };
        if (i === last) complete(k, next, ev.ts); else slots[i] = next;
      }
      if (++pushes % 4096 === 0) evict(ev.ts);
    },
    finish() {
      releaseAwaiting(Number.POSITIVE_INFINITY);
      state.clear();
    },
  };
}

function unorderedUnit(q: SequenceQuery, emit: Emit): Unit {
  const steps = q.steps.map((s) => compileStep(s, q.by));
  const maxspan = q.maxspanMs;
  const state = new Map<string, EcsEvent[][]>();
  return {
    push(ev) {
      for (let j = 0; j < steps.length; j++) {
        if (!steps[j].match(ev)) continue;
        const k = steps[j].key(ev);
        if (k === undefined) continue;
        let lists = state.get(k);
        if (!lists) { lists = steps.map(() => []); state.set(k, lists); }
        lists[j].push(ev);
        if (maxspan !== undefined) for (const l of lists) while (l.length && ev.ts - l[0].ts > maxspan) l.shift();
        if (lists.every((l) => l.length > 0)) {
          const events = [...new Set(lists.map((l) => l[l.length - 1]))].sort((a, b) => a.seq - b.seq);
          state.delete(k);
          emit({ fields: {}, ts: ev.ts, events });
        }
      }
    },
    finish() { state.clear(); },
  };
}
