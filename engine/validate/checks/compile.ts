/**
 * The query compiles with its language's front-end. The result is kept in `ctx.compiled` for the
 * harness and the exports, which run the same compile.
 */
import type { Diagnostic } from '../../diag/diagnostic.ts';
import { frontEndFor } from '../../lang/registry.ts';
import { at, type RuleCheck } from './types.ts';

export const compileCheck: RuleCheck = {
  name: 'compile',
  validate(rule, ctx) {
    const fe = frontEndFor(rule.language);
    if (!fe) return [];
    // An empty query was already reported (schema, or no CAR implementation); compiling adds noise.
    if (rule.query.kind === 'text' && rule.query.text.trim() === '') return [];
    let diags: readonly Diagnostic[];
    try {
      const result = fe.compileRule(rule, ctx.env);
      ctx.compiled?.set(rule, result);
      diags = result.diagnostics;
    } catch (e) {
      return [at(rule, rule.query.kind === 'text' ? rule.query.path : [], { code: 'rule/compile-crashed', severity: 'error', message: `the ${rule.language} front-end failed: ${e instanceof Error ? e.message : String(e)}` })];
    }
    return diags.map((d) => ({ ...d, file: d.file ?? rule.file, ...(rule.id && !d.ruleId ? { ruleId: rule.id } : {}) }));
  },
};
