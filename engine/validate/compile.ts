/**
 * The one compile environment (field catalogue, macros, rule index) and the compile of one rule
 * with its language's front-end. Validation compiles every rule once with it (checks/compile.ts);
 * later stages reuse those results.
 */
import type { Diagnostic } from '../diag/diagnostic.ts';
import { ECS_CATALOG } from '../ir/fields.ts';
import type { IrQuery } from '../ir/types.ts';
import { frontEndFor } from '../lang/registry.ts';
import type { CompileEnv } from '../lang/types.ts';
import type { MacroDefinition, Rule } from '../rule/model.ts';
import { ruleIndex } from '../rule/rule-index.ts';

export interface Compiled { readonly query?: IrQuery; readonly diagnostics: readonly Diagnostic[] }

/** `rules`: every rule a correlation may refer to; `extra`: overrides (placeholders, EQL dialect). */
export function compileEnv(rules: readonly Rule[], macros: ReadonlyMap<string, MacroDefinition>, extra: Partial<CompileEnv> = {}): CompileEnv {
  return { fields: ECS_CATALOG, macros, repo: ruleIndex(rules), ...extra };
}

export function compileRule(rule: Rule, env: CompileEnv): Compiled {
  // Nothing to compile (an Elastic ML rule): graded by what it requires, see run.ts cannotRun.
  if (rule.query.kind === 'none') return { diagnostics: [] };
  const fe = frontEndFor(rule.language);
  if (!fe) {
    return { diagnostics: [{ code: 'harness/no-front-end', severity: 'error', message: `dac cannot run ${rule.language} queries`, file: rule.file, ruleId: rule.id }] };
  }
  return fe.compileRule(rule, env);
}

/** False for rules that only feed another rule (Sigma base rules of a correlation). */
export function raisesAlerts(rule: Rule, env: CompileEnv): boolean {
  const fe = frontEndFor(rule.language);
  return !fe?.raisesAlerts || !env.repo || fe.raisesAlerts(rule, env.repo);
}
