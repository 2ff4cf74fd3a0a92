/**
 * What every export back-end shares: the rules it receives (Rule model + compiled IR), what it
 * gives back (files, plus a structured "unsupported: reason" per rule it cannot express), and the
 * target definition the registry keys by the name users type.
 */
import type { AttackCatalogue } from '../attack/catalogue.ts';
import type { RunReport } from '../harness/types.ts';
import type { IrQuery } from '../ir/types.ts';
import type { MacroDefinition, Rule } from '../rule/model.ts';
import type { Story } from './splunk/stories.ts';

export interface ExportRule {
  readonly rule: Rule;
  /** Absent when the rule does not compile; `compileErrors` says why. */
  readonly query?: IrQuery;
  readonly compileErrors: readonly string[];
  /** Error diagnostics from `dac validate` (file:line:col message); empty when the rule is valid. */
  readonly validationErrors?: readonly string[];
}

export interface ExportContext {
  readonly rules: readonly ExportRule[];
  readonly macros: ReadonlyMap<string, MacroDefinition>;
  readonly attack: AttackCatalogue;
  /** reports/report.json when present (Navigator colours a second layer by test status). */
  readonly report?: RunReport;
  /** Analytic stories of the repo (security_content's stories/), for analyticstories.conf. */
  readonly stories?: readonly Story[];
  /** Story files that could not be read (file: reason). */
  readonly storyProblems?: readonly string[];
  /** Target settings the user chose (CLI options). */
  readonly settings?: ExportSettings;
  /** rule_id → version from a detection-rules version lock (version.lock.json), when one is given or found. */
  readonly versionLock?: ReadonlyMap<string, number>;
}

export interface ExportSettings {
  /** Splunk app label in stanza names ("<label> - <name> - Rule"); default DAC, so nothing collides with the ESCU app. */
  readonly splunkApp?: string;
}

/** One output file, path relative to the output folder. */
export interface Artefact { readonly path: string; readonly content: string }

/** A rule (or part of one) the target cannot express; never silently dropped. */
export interface Unsupported { readonly ruleId: string; readonly file: string; readonly reason: string }

/** Something the user should know about an exported rule (a mapping choice, a lossy field). */
export interface ExportNote { readonly ruleId: string; readonly note: string }

export interface ExportResult {
  readonly artefacts: readonly Artefact[];
  readonly unsupported: readonly Unsupported[];
  readonly notes: readonly ExportNote[];
}

/** A per-rule conversion: the text/object, or why the target cannot say it. */
export type Converted<T> =
  /** `unverified`: exported, but dac cannot read the result back to check it (the reason). */
  | { readonly ok: true; readonly value: T; readonly notes: readonly string[]; readonly unverified?: string }
  | { readonly ok: false; readonly unsupported: string };

export const ok = <T>(value: T, notes: readonly string[] = [], unverified?: string): Converted<T> => ({ ok: true, value, notes, ...(unverified ? { unverified } : {}) });
export const unsupported = <T>(reason: string): Converted<T> => ({ ok: false, unsupported: reason });

export interface ExportTarget {
  /** The name users type (`--target elastic`). */
  readonly name: string;
  readonly description: string;
  /** 'per-rule': one file per rule; 'bundle': one file (or a fixed set) for the repo. */
  readonly shape: 'per-rule' | 'bundle';
  run(ctx: ExportContext): ExportResult;
}

/** Collects per-rule outcomes into an ExportResult. */
export class ResultBuilder {
  readonly artefacts: Artefact[] = [];
  readonly unsupported: Unsupported[] = [];
  readonly notes: ExportNote[] = [];
  skip(r: ExportRule, reason: string): void { this.unsupported.push({ ruleId: r.rule.id, file: r.rule.file, reason }); }
  /** Adds a per-rule file; a second rule with the same stem (the same id in two dialects) gets its dialect appended. */
  file(r: ExportRule, stem: string, ext: string, content: string): void {
    const taken = (p: string) => this.artefacts.some((a) => a.path === p);
    let path = `${stem}${ext}`;
    if (taken(path)) path = `${stem}.${r.rule.dialect}${ext}`;
    for (let i = 2; taken(path); i++) path = `${stem}.${r.rule.dialect}-${i}${ext}`;
    this.artefacts.push({ path, content });
  }
  note(r: ExportRule, notes: readonly string[]): void { for (const note of notes) this.notes.push({ ruleId: r.rule.id, note }); }
  result(): ExportResult {
    return { artefacts: [...this.artefacts].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), unsupported: this.unsupported, notes: this.notes };
  }
}
