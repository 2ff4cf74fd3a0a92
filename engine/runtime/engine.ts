/**
 * Runs many rules over one replay. Each rule is compiled once; each event goes only to the rules
 * whose dispatch keys it carries (plus rules that can match anything). A rule that throws while
 * running is stopped and reported in `errors`; the others go on.
 */
import type { EcsEvent, Scalar } from '../events/types.ts';
import type { IrQuery } from '../ir/types.ts';
import { dispatchValue } from './dispatch.ts';
import { clearFoldCache, lower } from './values.ts';
import { LiteralMatcher } from './aho-corasick.ts';
import { prefilterAtoms } from './prefilter.ts';
import { createUnit, dispatchKeys, type Unit } from './query.ts';
import type { Alert } from './types.ts';

export interface EngineRule { readonly id: string; readonly query: IrQuery }
export interface EngineError { readonly ruleId: string; readonly message: string; readonly event?: EcsEvent }

interface Entry {
  readonly id: string;
  readonly order: number;
  readonly unit: Unit;
  stamp: number;
  dead: boolean;
  /** Prefiltered: evaluated only on events where one of its literals occurred (candidate === gen). */
  prefiltered: boolean;
  candidate: number;
}

/** All rules' literals on one field, matched in one pass per event; each literal marks its rules. */
interface PrefilterField {
  readonly name: string;
  readonly literals: string[];
  readonly rules: Entry[][];
  matcher?: LiteralMatcher;
}

export interface EngineOptions {
  /** Skip rules whose literals do not occur in the event (default true; off only to compare). */
  readonly prefilter?: boolean;
}

export class Engine {
  readonly errors: EngineError[] = [];
  private readonly alerts: Alert[] = [];
  private readonly entries: Entry[] = [];
  private readonly always: Entry[] = [];
  /** dispatch field → value → the rules that need it; only fields some rule uses are here. */
  private readonly index = new Map<string, Map<string, Entry[]>>();
  private finished = false;
  private readonly prefilterFields = new Map<string, PrefilterField>();
  private gen = 0;

  constructor(rules: readonly EngineRule[], private readonly onAlert?: (a: Alert) => void, options: EngineOptions = {}) {
    for (const r of rules) {
      let unit: Unit;
      try {
        unit = createUnit(r.query, (m) => this.raise({ ruleId: r.id, events: m.events, fields: m.fields, ts: m.ts }));
      } catch (e) {
        this.errors.push({ ruleId: r.id, message: `compile: ${(e as Error).message}` });
        continue;
      }
      const entry: Entry = { id: r.id, order: this.entries.length, unit, stamp: -1, dead: false, prefiltered: false, candidate: -1 };
      this.entries.push(entry);
      if (options.prefilter !== false) this.addPrefilter(entry, r.query);
      const keys = dispatchKeys(r.query);
      if (!keys) { this.always.push(entry); continue; }
      for (const k of keys) {
        let byValue = this.index.get(k.field);
        if (!byValue) { byValue = new Map(); this.index.set(k.field, byValue); }
        for (const v of k.values) {
          const list = byValue.get(v);
          if (list) { if (!list.includes(entry)) list.push(entry); } else byValue.set(v, [entry]);
        }
      }
    }
  }

  private addPrefilter(entry: Entry, query: IrQuery): void {
    const atoms = prefilterAtoms(query);
    if (!atoms) return;
    entry.prefiltered = true;
    for (const a of atoms) {
      let f = this.prefilterFields.get(a.field);
      if (!f) { f = { name: a.field, literals: [], rules: [] }; this.prefilterFields.set(a.field, f); }
      let lit = f.literals.indexOf(a.literal);
      if (lit < 0) { lit = f.literals.length; f.literals.push(a.literal); f.rules.push([]); }
      if (!f.rules[lit].includes(entry)) f.rules[lit].push(entry);
    }
  }

  /** Marks the prefiltered rules whose literals occur in this event as candidates. */
  private markCandidates(ev: EcsEvent): void {
    const gen = this.gen;
    for (const f of this.prefilterFields.values()) {
      const v = Object.hasOwn(ev.fields, f.name) ? ev.fields[f.name] : undefined;
      if (v === undefined || v === null) continue;
      const matcher = (f.matcher ??= new LiteralMatcher(f.literals));
      const rules = f.rules;
      const hit = (id: number) => { const list = rules[id]; for (let i = 0; i < list.length; i++) list[i].candidate = gen; };
      if (Array.isArray(v)) {
        for (const x of v as readonly Scalar[]) if (x !== null) matcher.scan(typeof x === 'string' ? lower(x) : String(x).toLowerCase(), hit);
      } else {
        matcher.scan(typeof v === 'string' ? lower(v) : String(v).toLowerCase(), hit);
      }
    }
  }

  private raise(a: Alert): void {
    this.alerts.push(a);
    this.onAlert?.(a);
  }

  private run(e: Entry, ev: EcsEvent): void {
    if (e.dead || e.stamp === ev.seq) return;
    e.stamp = ev.seq;
    if (e.prefiltered && e.candidate !== this.gen) return;
    try {
      e.unit.push(ev);
    } catch (err) {
      e.dead = true;
      this.errors.push({ ruleId: e.id, message: (err as Error).message, event: ev });
    }
  }

  /** Feed one event; events must arrive in replay order (ts, then seq). */
  push(ev: EcsEvent): void {
    clearFoldCache();
    this.gen++;
    if (this.prefilterFields.size) this.markCandidates(ev);
    let picked: Entry[] | undefined;
    let lists = 0;
    for (const [field, byValue] of this.index) {
      const v = Object.hasOwn(ev.fields, field) ? ev.fields[field] : undefined;
      if (v === undefined || v === null) continue;
      if (Array.isArray(v)) {
        for (const x of v as readonly Scalar[]) {
          const list = x === null ? undefined : byValue.get(dispatchValue(x));
          if (list) { picked = picked ? picked.concat(list) : list; lists++; }
        }
      } else {
        const list = byValue.get(dispatchValue(v as Scalar));
        if (list) { picked = picked ? picked.concat(list) : list; lists++; }
      }
    }
    if (this.always.length) { picked = picked ? this.always.concat(picked) : this.always; lists++; }
    if (!picked) return;
    // Rules see each event in rule order, so alerts come out in the same order every run.
    if (lists > 1) picked = [...picked].sort((a, b) => a.order - b.order);
    for (let i = 0; i < picked.length; i++) this.run(picked[i], ev);
  }

  /** Ends the replay: flushes aggregations and trailing windows; returns every alert in order. */
  finish(): Alert[] {
    if (!this.finished) {
      this.finished = true;
      for (const e of this.entries) {
        if (e.dead) continue;
        try { e.unit.finish(); } catch (err) { e.dead = true; this.errors.push({ ruleId: e.id, message: (err as Error).message }); }
      }
    }
    return this.alerts;
  }
}
