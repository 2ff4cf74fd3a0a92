/** Compiles validated rules to IR with their language's front-end, once per run. */
import type { Diagnostic } from '../diag/diagnostic.ts';
import { ECS_CATALOG } from '../ir/fields.ts';
import type { IrQuery } from '../ir/types.ts';
import { frontEndFor } from '../lang/registry.ts';
import type { CompileEnv } from '../lang/types.ts';
import type { MacroDefinition, Rule } from '../rule/model.ts';
import { ruleIndex } from './validate-repo.ts';

export interface Compiled { readonly query?: IrQuery; readonly diagnostics: readonly Diagnostic[] }

export function compileEnv(rules: readonly Rule[], macros: ReadonlyMap<string, MacroDefinition>): CompileEnv {
  return { fields: ECS_CATALOG, macros, repo: ruleIndex(rules) };
}

export function compileRule(rule: Rule, env: CompileEnv): Compiled {
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
