/**
 * What a query-language front-end offers. Each lang/<x>/index.ts exports one `FrontEnd`; the
 * registry (lang/registry.ts) keys them by the name users type (`--language eql`).
 */
import type { Diagnostic } from '../diag/diagnostic.ts';
import type { IrQuery } from '../ir/types.ts';
import type { FieldCatalog } from '../ir/fields.ts';
import type { Language, MacroDefinition, Rule, RuleIndex } from '../rule/model.ts';

export interface CompileEnv {
  /** Known fields for type/unknown-field checks; absent = no field checks (hunting with `dac run`). */
  readonly fields?: FieldCatalog;
  /** SPL macros of the repo, by name (`name` or `name(n)` for n arguments, as ESCU names them). */
  readonly macros?: ReadonlyMap<string, MacroDefinition>;
  /** The whole repo, for Sigma correlations that refer to other rules. */
  readonly repo?: RuleIndex;
  /** EQL: 'elasticsearch' (default) or the old 'endgame' dialect. */
  readonly eqlDialect?: 'elasticsearch' | 'endgame';
  /** Sigma: `|expand` placeholder values. */
  readonly placeholders?: ReadonlyMap<string, readonly string[]>;
}

export interface CompileResult {
  readonly query?: IrQuery;
  /** Errors mean `query` is absent or must not be run. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface FrontEnd {
  readonly language: Language;
  /** Compiles a loaded rule. Diagnostic spans are offsets into rule.source (file positions). */
  compileRule(rule: Rule, env: CompileEnv): CompileResult;
  /**
   * Compiles a bare query (for `dac run`): for Sigma, the text of a rule file. Diagnostic spans
   * are offsets into `text`, with `file` set to `origin`.
   */
  compileText(text: string, origin: string, env: CompileEnv): CompileResult;
  /**
   * Whether the rule raises alerts of its own (default yes). A Sigma detection rule used only by
   * a correlation does not: the harness grades it through the correlation, not on its own.
   */
  raisesAlerts?(rule: Rule, repo: RuleIndex): boolean;
}
