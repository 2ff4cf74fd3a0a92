/**
 * The query compiles with its language's front-end. The result is kept in `ctx.compiled` for the
 * harness and the exports, which run the same compile.
 */
import type { Diagnostic } from '../../diag/diagnostic.ts';
import { frontEndFor } from '../../lang/registry.ts';
import type { CompileResult } from '../../lang/types.ts';
import type { Rule } from '../../rule/model.ts';
import { at, type RuleCheck } from './types.ts';

/**
 * CAR analytics are written for people: where an implementation has no meaning dac can run
 * (informal pseudocode, a query language dac lacks), the analytic is still valid by CAR's own
 * schema. Its compile errors become one located `car/not-executable` warning saying why, and the
 * rule has no query (the harness reports it as not executable, not as a validation failure).
 */
function notExecutable(rule: Rule, r: CompileResult): CompileResult {
  if (rule.dialect !== 'car') return r;
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (!errors.length) return r;
  const first = errors[0];
  return {
    diagnostics: [
      ...r.diagnostics.filter((d) => d.severity !== 'error'),
      { ...first, code: 'car/not-executable', severity: 'warning', message: `not executable: ${first.message}`, hint: first.hint ?? `dac runs the parts of CAR pseudocode with a defined meaning; choose another implementation with ${'dac_implementation'} or rewrite this one` },
    ],
  };
}

export const compileCheck: RuleCheck = {
  name: 'compile',
  validate(rule, ctx) {
    const fe = frontEndFor(rule.language);
    if (!fe) return [];
    // An empty query was already reported (schema, or no CAR implementation); compiling adds noise.
    if (rule.query.kind === 'text' && rule.query.text.trim() === '') return [];
    let diags: readonly Diagnostic[];
    try {
      const result = notExecutable(rule, fe.compileRule(rule, ctx.env));
      ctx.compiled?.set(rule, result);
      diags = result.diagnostics;
    } catch (e) {
      return [at(rule, rule.query.kind === 'text' ? rule.query.path : [], { code: 'rule/compile-crashed', severity: 'error', message: `the ${rule.language} front-end failed: ${e instanceof Error ? e.message : String(e)}` })];
    }
    return diags.map((d) => ({ ...d, file: d.file ?? rule.file, ...(rule.id && !d.ruleId ? { ruleId: rule.id } : {}) }));
  },
};
