/**
 * A check is an object with `validate` (one rule) and optionally `finalize` (across all rules,
 * after every rule was seen), as pySigma's validators. To add one: write a file in this folder
 * exporting a `RuleCheck`, and list it in checks/index.ts.
 */
import type { Diagnostic } from '../../diag/diagnostic.ts';
import type { CompileEnv, CompileResult } from '../../lang/types.ts';
import type { Rule } from '../../rule/model.ts';

export interface CheckContext {
  /** Repo root (absolute), for checks that look at files beside the rules (datasets/). */
  readonly root: string;
  readonly env: CompileEnv;
  /** Where the compile check leaves each rule's compile result, so later stages need not compile again. */
  readonly compiled?: Map<Rule, CompileResult>;
}

export interface RuleCheck {
  readonly name: string;
  validate(rule: Rule, ctx: CheckContext): Diagnostic[];
  /** Cross-rule findings, each attached to the rule it is reported on. */
  finalize?(ctx: CheckContext): Array<{ rule: Rule; diagnostic: Diagnostic }>;
}

/** A diagnostic about `rule` at `path` (the nearest existing ancestor when missing). */
export function at(rule: Rule, path: ReadonlyArray<string | number>, d: Omit<Diagnostic, 'file' | 'span' | 'ruleId'>, which: 'key' | 'value' = 'value'): Diagnostic {
  return { ...d, file: rule.file, span: rule.locate(path, which), ...(rule.id ? { ruleId: rule.id } : {}) };
}
