/**
 * The KQL ("kuery") front-end: `parse` for the tree, `compileKql` for IR, and the FrontEnd that
 * compiles Elastic query, threshold, new_terms and threat_match rules (threat_match: the query
 * and its threat_query are validated; the rule needs an indicator index to run, see
 * rule/model.ts ExternalRequirement).
 */
import type { Diagnostic } from '../../diag/diagnostic.ts';
import type { EventQuery } from '../../ir/types.ts';
import type { Rule } from '../../rule/model.ts';
import { offsetMapper } from '../../source/string-offsets.ts';
import { asRecord, str } from '../../source/values.ts';
import { ruleFields, ruleIndices } from '../elastic/fields.ts';
import { forRuleType } from '../elastic/rule-types.ts';
import type { CompileEnv, CompileResult, FrontEnd } from '../types.ts';
import type { KqlNode } from './ast.ts';
import { KqlError, toDiagnostic } from './errors.ts';
import { parseKql } from './parser.ts';
import { kqlToIr } from './to-ir.ts';

export { KqlError } from './errors.ts';
export type { KqlNode } from './ast.ts';

export function parse(text: string): { ast?: KqlNode; errors: KqlError[] } {
  try {
    return { ast: parseKql(text), errors: [] };
  } catch (e) {
    if (e instanceof KqlError) return { errors: [e] };
    throw e;
  }
}

export function compileKql(text: string, env: CompileEnv = {}, indices: readonly string[] = []): { query?: EventQuery; errors: KqlError[]; warnings: KqlError[] } {
  const { ast, errors } = parse(text);
  const warnings: KqlError[] = [];
  if (!ast) return { errors, warnings };
  const query = kqlToIr(ast, { fields: env.fields, indices, onError: (e) => errors.push(e), onWarning: (e) => warnings.push(e) });
  return errors.length ? { errors, warnings } : { query, errors, warnings };
}

/** Query-text diagnostics mapped into the rule file. */
function located(rule: Rule, map: (k: number) => number, errors: readonly KqlError[], warnings: readonly KqlError[]): Diagnostic[] {
  const all = [...errors.map((e) => [e, 'error'] as const), ...warnings.map((e) => [e, 'warning'] as const)];
  return all.map(([e, severity]) => {
    const start = map(e.span.start);
    const end = e.span.end > e.span.start ? map(e.span.end - 1) + 1 : start;
    return { ...toDiagnostic(e, rule.file, severity), span: { start, end }, ruleId: rule.id };
  });
}

function compileRule(rule: Rule, env: CompileEnv): CompileResult {
  if (rule.query.kind !== 'text') {
    return { diagnostics: [{ code: 'kuery/syntax', severity: 'error', message: 'a KQL rule needs a query text', file: rule.file, ruleId: rule.id }] };
  }
  const indices = ruleIndices(rule);
  const fields = ruleFields(rule, env.fields, indices);
  const q = rule.query;
  const { query, errors, warnings } = compileKql(q.text, { ...env, fields }, indices);
  const diagnostics = located(rule, q.toFileOffset, errors, warnings);
  const r = asRecord(rule.document.rule) ?? {};
  // threat_match: the indicator query is KQL too (checked against the indicator index's fields).
  const threatQuery = str(r.threat_query);
  if (threatQuery !== undefined && (str(r.threat_language) ?? 'kuery') === 'kuery') {
    const tIndices = Array.isArray(r.threat_index) ? r.threat_index.filter((x): x is string => typeof x === 'string') : [];
    const t = compileKql(threatQuery, { ...env, fields: ruleFields(rule, env.fields, tIndices) }, tIndices);
    diagnostics.push(...located(rule, offsetMapper(rule.source, rule.locate(['rule', 'threat_query']), threatQuery), t.errors, t.warnings));
  }
  if (!query || diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const typed = forRuleType(rule, query);
  return { ...(typed.query ? { query: typed.query } : {}), diagnostics: [...diagnostics, ...typed.diagnostics] };
}

function compileText(text: string, origin: string, env: CompileEnv): CompileResult {
  const { query, errors, warnings } = compileKql(text, env);
  return { ...(query ? { query } : {}), diagnostics: [...errors.map((e) => toDiagnostic(e, origin)), ...warnings.map((e) => toDiagnostic(e, origin, 'warning'))] };
}

export const frontEnd: FrontEnd = { language: 'kuery', compileRule, compileText };
