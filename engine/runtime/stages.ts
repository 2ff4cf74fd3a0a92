/**
 * Pipeline stages as processors chained back to front: each takes rows with push() and passes
 * results on; blocking stages (aggregate without window, sort, tail) hold rows until flush().
 */
import type { EcsEvent, FieldValue } from '../events/types.ts';
import type { Stage } from '../ir/types.ts';
import { accumulator } from './aggregate.ts';
import { compileExpr } from './compile-expr.ts';
import { compileMatcher } from './compile-predicate.ts';
import type { PipelineRow, Row } from './row.ts';
import { compareScalars, elements, isMissing, keyOf } from './values.ts';

export interface Proc {
  push(row: PipelineRow): void;
  flush(): void;
}

/** Rows keep at most this many events behind them (counts stay exact; memory stays bounded). */
const MAX_EVENTS_PER_ROW = 10_000;

function nameMatcher(pattern: string): (name: string) => string[] | undefined {
  if (!pattern.includes('*')) return (n) => (n === pattern ? [] : undefined);
  const re = new RegExp('^' + pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('(.*)') + '$');
  return (n) => { const m = re.exec(n); return m ? m.slice(1) : undefined; };
}

function substitute(template: string, captures: string[]): string {
  let i = 0;
  return template.replace(/\*/g, () => captures[i++] ?? '');
}

function withFields(row: PipelineRow, fields: Record<string, FieldValue>): PipelineRow {
  return { fields, ts: row.ts, events: row.events };
}

function sortRows(rows: PipelineRow[], keys: readonly { field: string; desc: boolean }[]): PipelineRow[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      for (const k of keys) {
        const x = elements(a.r.fields[k.field])[0] ?? null;
        const y = elements(b.r.fields[k.field])[0] ?? null;
        if (x === null && y === null) continue;
        if (x === null) return 1;
        if (y === null) return -1;
        const c = compareScalars(x, y, false) ?? (String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0);
        if (c !== 0) return k.desc ? -c : c;
      }
      return a.i - b.i;
    })
    .map((x) => x.r);
}

interface Group {
  keyValues: FieldValue[];
  rows: { row: PipelineRow; values: (FieldValue | undefined)[] }[];
  /** After a windowed group fires, rows up to this time belong to the window that fired. */
  quietUntil?: number;
}

/** Aggregate; `accept` is the run of filter stages right after it (used to decide window emission). */
function aggregateProc(stage: Extract<Stage, { kind: 'aggregate' }>, next: Proc, accept: (row: Row) => boolean): Proc {
  const keyFns = stage.groupBy.map((g) => compileExpr(g.expr));
  const argFns = stage.aggregates.map((a) => (a.arg ? compileExpr(a.arg) : undefined));
  const groups = new Map<string, Group>();
  const windowMs = stage.windowMs;

  const compute = (g: Group): PipelineRow => {
    const fields: Record<string, FieldValue> = {};
    stage.groupBy.forEach((gb, i) => { fields[gb.name] = g.keyValues[i]; });
    const accs = stage.aggregates.map((a) => accumulator(a.fn, a.arg !== undefined, a.param));
    const events: EcsEvent[] = [];
    const seen = new Set<EcsEvent>();
    let ts = 0;
    for (const { row, values } of g.rows) {
      accs.forEach((acc, i) => acc.add(values[i], row.ts));
      ts = Math.max(ts, row.ts);
      for (const e of row.events) if (!seen.has(e) && events.length < MAX_EVENTS_PER_ROW) { seen.add(e); events.push(e); }
    }
    stage.aggregates.forEach((a, i) => { fields[a.name] = accs[i].result(); });
    return { fields, ts, events };
  };

  // Multi-valued group fields split a row into one group per value, as Splunk's stats does.
  const groupKeys = (row: PipelineRow): FieldValue[][] => {
    let combos: FieldValue[][] = [[]];
    for (const f of keyFns) {
      const v = f(row);
      if (isMissing(v)) return [];
      const vs = elements(v);
      combos = combos.flatMap((c) => vs.map((x) => [...c, x]));
    }
    return combos;
  };

  return {
    push(row) {
      const values = argFns.map((f) => (f ? f(row) : undefined));
      for (const kv of groupKeys(row)) {
        const k = keyOf(kv);
        let g = groups.get(k);
        if (!g) { g = { keyValues: kv, rows: [] }; groups.set(k, g); }
        if (windowMs !== undefined && g.quietUntil !== undefined) {
          // One alert per group per window: the rest of a window that already fired is absorbed.
          if (row.ts <= g.quietUntil) continue;
          g.quietUntil = undefined;
        }
        g.rows.push({ row, values });
        if (windowMs !== undefined) {
          while (g.rows.length && row.ts - g.rows[0].row.ts > windowMs) g.rows.shift();
          const out = compute(g);
          if (accept(out)) { g.quietUntil = g.rows[0].row.ts + windowMs; g.rows = []; next.push(out); }
        }
      }
    },
    flush() {
      if (windowMs === undefined) {
        const out = [...groups.values()].map(compute);
        const keys = stage.groupBy.map((g) => ({ field: g.name, desc: false }));
        for (const r of sortRows(out, keys)) next.push(r);
      }
      groups.clear();
      next.flush();
    },
  };
}

export function buildStages(stages: readonly Stage[], sink: Proc): Proc {
  let next = sink;
  for (let i = stages.length - 1; i >= 0; i--) {
    const s = stages[i];
    const after = next;
    switch (s.kind) {
      case 'filter': {
        const m = compileMatcher(s.predicate, s.logic);
        next = { push: (r) => { if (m(r)) after.push(r); }, flush: () => after.flush() };
        break;
      }
      case 'eval': {
        const fns = s.assignments.map((a) => ({ name: a.name, f: compileExpr(a.expr) }));
        next = {
          push: (r) => {
            const fields: Record<string, FieldValue> = { ...r.fields };
            // Splunk evaluates assignments left to right, each seeing the previous ones.
            for (const { name, f } of fns) fields[name] = f({ fields, ts: r.ts }) ?? null;
            after.push(withFields(r, fields));
          },
          flush: () => after.flush(),
        };
        break;
      }
      case 'aggregate': {
        const filters: ((row: Row) => boolean)[] = [];
        for (let j = i + 1; j < stages.length; j++) {
          const f = stages[j];
          if (f.kind !== 'filter') break;
          filters.push(compileMatcher(f.predicate, f.logic));
        }
        next = aggregateProc(s, after, (row) => filters.every((f) => f(row)));
        break;
      }
      case 'rename': {
        const pairs = s.pairs.map((p) => ({ m: nameMatcher(p.from), to: p.to }));
        next = {
          push: (r) => {
            const fields: Record<string, FieldValue> = {};
            for (const [k, v] of Object.entries(r.fields)) {
              let name = k;
              for (const p of pairs) { const c = p.m(k); if (c) { name = substitute(p.to, c); break; } }
              fields[name] = v;
            }
            after.push(withFields(r, fields));
          },
          flush: () => after.flush(),
        };
        break;
      }
      case 'project':
      case 'drop': {
        const ms = s.fields.map(nameMatcher);
        const keep = s.kind === 'project';
        next = {
          push: (r) => {
            const fields: Record<string, FieldValue> = {};
            if (keep) {
              // `table a b` orders columns as listed.
              for (const m of ms) for (const [k, v] of Object.entries(r.fields)) if (m(k) && !(k in fields)) fields[k] = v;
            } else {
              for (const [k, v] of Object.entries(r.fields)) if (!ms.some((m) => m(k))) fields[k] = v;
            }
            after.push(withFields(r, fields));
          },
          flush: () => after.flush(),
        };
        break;
      }
      case 'dedup': {
        const seen = new Set<string>();
        next = {
          push: (r) => {
            const vals = s.fields.map((f) => r.fields[f]);
            if (vals.some(isMissing)) return;
            const k = keyOf(vals);
            if (seen.has(k)) return;
            seen.add(k);
            after.push(r);
          },
          flush: () => after.flush(),
        };
        break;
      }
      case 'sort': {
        const rows: PipelineRow[] = [];
        next = { push: (r) => { rows.push(r); }, flush: () => { for (const r of sortRows(rows, s.keys)) after.push(r); after.flush(); } };
        break;
      }
      case 'head': {
        let n = 0;
        next = { push: (r) => { if (n++ < s.n) after.push(r); }, flush: () => after.flush() };
        break;
      }
      case 'tail': {
        const rows: PipelineRow[] = [];
        next = { push: (r) => { rows.push(r); if (rows.length > s.n) rows.shift(); }, flush: () => { for (const r of rows) after.push(r); after.flush(); } };
        break;
      }
    }
  }
  return next;
}
