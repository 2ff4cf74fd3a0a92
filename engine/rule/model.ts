/**
 * The one Rule model all four dialects load into (TOML/Elastic, YAML/ESCU, YAML/CAR, YAML/Sigma).
 * Values are plain JS; positions live beside them in `locate`, never inside them (smol-toml style),
 * so the model stays cheap and the exports can serialise `document` directly.
 */
import type { Span } from '../diag/diagnostic.ts';

export type Dialect = 'elastic' | 'escu' | 'car' | 'sigma';
/**
 * Query languages of the rules dac reads. `kuery` is Kibana's KQL, `esql` Elasticsearch's ES|QL,
 * `lucene` Lucene query syntax (recognised, not compiled); `none`: the rule has no query
 * (Elastic machine_learning rules run a job instead).
 */
export type Language = 'eql' | 'kuery' | 'esql' | 'lucene' | 'spl' | 'car' | 'sigma' | 'none';
export type Severity = 'informational' | 'low' | 'medium' | 'high' | 'critical';

export type { KeyPath, Locator } from '../source/locator.ts';
import type { KeyPath, Locator } from '../source/locator.ts';

export type { AttackMapping, AttackTag } from '../attack/mapping.ts';
import type { AttackMapping, AttackTag } from '../attack/mapping.ts';

/**
 * A test case: replay `dataset` and compare. `alerts` is exact; each other key of `expect` is a
 * field assertion that must hold for every alert (alert row fields first, else any of its events).
 */
export interface RuleTest {
  readonly dataset: string;
  readonly alerts: number;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly description?: string;
  readonly path: KeyPath;
}

export type RuleTests =
  | { readonly kind: 'cases'; readonly cases: readonly RuleTest[] }
  /** Explicit, reasoned opt-out: reported as `untested`, never as pass. */
  | { readonly kind: 'untested'; readonly reason: string }
  | { readonly kind: 'none' };

/** The query the rule runs. For text languages, offsets in `text` map into the file via toFileOffset. */
export type RuleQuery =
  | {
      readonly kind: 'text';
      readonly language: Exclude<Language, 'sigma' | 'none'>;
      readonly text: string;
      readonly path: KeyPath;
      /** Maps an offset in `text` to an offset in the rule file (handles block strings and escapes). */
      readonly toFileOffset: (k: number) => number;
    }
  /** Sigma: the detection (or correlation) lives in `document`; the front-end reads it via locate. */
  | { readonly kind: 'sigma'; readonly language: 'sigma' }
  /** No query to compile: Elastic machine_learning rules (the anomaly job is the detection). */
  | { readonly kind: 'none'; readonly language: 'none' };

/**
 * What a rule needs that a local replay cannot provide: a trained ML job, or an indicator index
 * to match events against. The harness reports such rules as `cannot-run`, never pass or error.
 */
export type ExternalRequirement =
  | { readonly kind: 'ml-job'; readonly jobs: readonly string[] }
  | { readonly kind: 'indicator-index'; readonly indices: readonly string[] };

export interface Rule {
  /** Repo-relative path with forward slashes (stable in reports). */
  readonly file: string;
  /** The file's text (every span in diagnostics for this rule points into it). */
  readonly source: string;
  /** 0-based index of the document in the file (Sigma files may hold several). */
  readonly docIndex: number;
  readonly dialect: Dialect;
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly severity?: Severity;
  readonly riskScore?: number;
  readonly language: Language;
  readonly query: RuleQuery;
  /** Set when the rule cannot run on local data (see ExternalRequirement). */
  readonly requires?: ExternalRequirement;
  readonly attack: readonly AttackMapping[];
  /** Sigma: tactic (and malformed technique) tags, read once by the loader; techniques are in `attack`. */
  readonly attackTags?: readonly AttackTag[];
  readonly tests: RuleTests;
  readonly references: readonly string[];
  readonly tags: readonly string[];
  readonly authors: readonly string[];
  readonly falsePositives: readonly string[];
  /** The dialect's document as parsed (plain values), `tests` included; exports strip `tests`. */
  readonly document: Readonly<Record<string, unknown>>;
  readonly locate: Locator;
}

/** An ESCU-style SPL macro (macros/<name>.yml): `name(args)` expands to `definition` with $arg$. */
export interface MacroDefinition {
  readonly name: string;
  readonly definition: string;
  readonly arguments: readonly string[];
  readonly description?: string;
  readonly file: string;
}

/** All rules of a repo, for cross-rule needs (Sigma correlations, duplicate checks). */
export interface RuleIndex {
  readonly rules: readonly Rule[];
  byIdOrName(key: string): Rule | undefined;
}
