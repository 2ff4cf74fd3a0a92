/**
 * The query IR every front-end (EQL, Sigma, SPL, CAR) compiles to and every back-end and the
 * runtime read. Field names are ECS flat keys ("process.name"); front-ends map their own names.
 * Case rules are explicit on each node (never implied by the language).
 *
 * Adding a node: add it here, teach runtime/compile-predicate.ts and ir/print.ts, and the export
 * walker (export/text-backend.ts) — the type checker will point at every switch that misses it.
 */
import type { Span } from '../diag/diagnostic.ts';

export type Scalar = string | number | boolean | null;

// ---- expressions (values) -------------------------------------------------------------------

export type Expr = FieldExpr | LiteralExpr | CallExpr;

export interface FieldExpr {
  readonly kind: 'field';
  /** ECS flat key, or a row column after an aggregate/eval stage. */
  readonly name: string;
  /** EQL `?field`: null join keys are kept instead of dropping the event. */
  readonly optional?: boolean;
  readonly span?: Span;
}
export interface LiteralExpr { readonly kind: 'literal'; readonly value: Scalar; readonly span?: Span }
export interface CallExpr {
  readonly kind: 'call';
  /** Registry key, namespaced by language: 'eql.startsWith', 'spl.lower'. See ir/functions/registry.ts. */
  readonly fn: string;
  readonly args: readonly Expr[];
  /** The `~` variant in EQL; SPL/Sigma functions set it as their language does. */
  readonly caseInsensitive: boolean;
  readonly span?: Span;
}

// ---- predicates (booleans) ------------------------------------------------------------------

/** A wildcard pattern, already unescaped by the front-end: literal runs, `*` (any run), `?` (one char). */
export type GlobPart = { readonly kind: 'lit'; readonly text: string } | { readonly kind: 'star' } | { readonly kind: 'one' };
export type Glob = readonly GlobPart[];

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type Predicate =
  | { readonly kind: 'and'; readonly args: readonly Predicate[] }
  | { readonly kind: 'or'; readonly args: readonly Predicate[] }
  | { readonly kind: 'not'; readonly arg: Predicate }
  | { readonly kind: 'const'; readonly value: boolean }
  /** Scalar comparison. Strings compare by code unit unless caseInsensitive (then lower-cased). */
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: Expr; readonly right: Expr; readonly caseInsensitive: boolean; readonly span?: Span }
  /** True when `left` (or any element of an array) matches any of `patterns`. */
  | { readonly kind: 'glob'; readonly left: Expr; readonly patterns: readonly Glob[]; readonly caseInsensitive: boolean; readonly span?: Span }
  /** Membership; any array element counts. */
  | { readonly kind: 'in'; readonly left: Expr; readonly values: readonly Scalar[]; readonly caseInsensitive: boolean; readonly span?: Span }
  /**
   * JavaScript RegExp source (front-ends translate Lucene/PCRE syntax and reject what can
   * backtrack catastrophically). `anchored`: must match the whole value (EQL/Lucene) vs anywhere (Sigma).
   */
  | { readonly kind: 'regex'; readonly left: Expr; readonly patterns: readonly string[]; readonly anchored: boolean; readonly caseInsensitive: boolean; readonly multiline?: boolean; readonly dotAll?: boolean; readonly span?: Span }
  | { readonly kind: 'cidr'; readonly left: Expr; readonly cidrs: readonly string[]; readonly span?: Span }
  /** Field present and not null. */
  | { readonly kind: 'exists'; readonly field: string; readonly span?: Span }
  /** A boolean-valued expression (EQL function call, boolean field). Null → unknown. */
  | { readonly kind: 'truthy'; readonly expr: Expr; readonly span?: Span }
  /** Sigma keywords / SPL bare terms: any string field of the event matches any pattern. */
  | { readonly kind: 'keyword'; readonly patterns: readonly Glob[]; readonly caseInsensitive: boolean; readonly span?: Span };

// ---- queries --------------------------------------------------------------------------------

/**
 * How missing values combine. 'kleene': a comparison on a missing field is unknown, and/or/not are
 * three-valued and unknown is falsy at the top (EQL). 'boolean': a comparison on a missing field is
 * simply false, so `not` of it is true (Sigma, SPL search).
 */
export type NullLogic = 'kleene' | 'boolean';

/**
 * Which events a query reads, as its own language names them (EQL category, Sigma logsource, CIM
 * data model, CAR object, Elastic index patterns, SPL index/sourcetype), kept apart from the
 * filter so back-ends print it in their own terms and never recover it from the predicate.
 */
export type SourceOrigin =
  | { readonly lang: 'eql'; readonly category: string }
  | { readonly lang: 'sigma'; readonly product?: string; readonly category?: string; readonly service?: string }
  | { readonly lang: 'spl'; readonly datamodel?: string; readonly dataset?: string; readonly index?: string; readonly sourcetype?: string; readonly source?: string }
  | { readonly lang: 'car'; readonly object: string; readonly action?: string }
  | { readonly lang: 'elastic'; readonly indices: readonly string[] };

export interface EventSource {
  readonly origin: SourceOrigin;
  /**
   * The events the source selects, as a predicate over normalized events (`const true`: any).
   * The runtime evaluates `select AND filter` (ir/source.ts effectiveFilter); the filter never
   * repeats it.
   */
  readonly select: Predicate;
}

export interface EventQuery {
  readonly kind: 'event';
  /** Absent: the query reads every event (and `filter` says everything). */
  readonly source?: EventSource;
  readonly filter: Predicate;
  readonly logic: NullLogic;
  readonly span?: Span;
}

export interface SequenceStep {
  readonly filter: EventQuery;
  /** Per-step join keys, appended to the sequence-level `by` keys. */
  readonly by: readonly Expr[];
  /** `with runs=N`: the step must match N consecutive times. */
  readonly runs: number;
  /** EQL missing event `![…]`: no matching event may occur between its neighbours. */
  readonly missing: boolean;
  /** Sigma correlation: which referenced rule this step is (for reporting). */
  readonly label?: string;
  readonly span?: Span;
}

export interface SequenceQuery {
  readonly kind: 'sequence';
  /** false: the steps may match in any order (Sigma temporal). */
  readonly ordered: boolean;
  readonly by: readonly Expr[];
  readonly maxspanMs?: number;
  readonly steps: readonly SequenceStep[];
  readonly until?: SequenceStep;
  readonly span?: Span;
}

/** EQL `sample by`: one event per step sharing join values, in any order, no maxspan. */
export interface SampleQuery {
  readonly kind: 'sample';
  readonly by: readonly Expr[];
  readonly steps: readonly SequenceStep[];
  readonly span?: Span;
}

export type AggregateFn = 'count' | 'values' | 'dc' | 'min' | 'max' | 'sum' | 'avg' | 'latest' | 'earliest' | 'percentile' | 'first' | 'last';

/**
 * Pipeline stages, applied to rows. Before the first `aggregate` a row is an event's fields
 * (streaming); an `aggregate` groups rows and emits one row per group; later stages see those rows.
 */
export type Stage =
  | { readonly kind: 'filter'; readonly predicate: Predicate; readonly logic: NullLogic }
  | { readonly kind: 'eval'; readonly assignments: readonly { readonly name: string; readonly expr: Expr }[] }
  | {
      readonly kind: 'aggregate';
      readonly groupBy: readonly { readonly name: string; readonly expr: Expr }[];
      readonly aggregates: readonly { readonly name: string; readonly fn: AggregateFn; readonly arg?: Expr; readonly param?: number }[];
      /**
       * Sliding window (Sigma timespan): a group emits as soon as the stages after this one accept
       * the row computed over its events in the trailing window; later rows of the group that fall
       * inside that window are absorbed (one alert per group per window), then it starts afresh.
       * Without a window a group emits once, at the end of the replay.
       */
      readonly windowMs?: number;
    }
  | { readonly kind: 'rename'; readonly pairs: readonly { readonly from: string; readonly to: string }[] }
  | { readonly kind: 'project'; readonly fields: readonly string[] }
  | { readonly kind: 'drop'; readonly fields: readonly string[] }
  | { readonly kind: 'dedup'; readonly fields: readonly string[] }
  | { readonly kind: 'sort'; readonly keys: readonly { readonly field: string; readonly desc: boolean }[] }
  | { readonly kind: 'head'; readonly n: number }
  | { readonly kind: 'tail'; readonly n: number };

export interface PipelineQuery {
  readonly kind: 'pipeline';
  readonly source: EventQuery | SequenceQuery | SampleQuery;
  readonly stages: readonly Stage[];
  readonly span?: Span;
}

export type IrQuery = EventQuery | SequenceQuery | SampleQuery | PipelineQuery;
