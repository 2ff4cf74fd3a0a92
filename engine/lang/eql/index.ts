/**
 * The EQL front-end (Elasticsearch dialect): text → tokens → tree → checks → IR.
 *   parse(text)                 → { ast?, errors }           (syntax only)
 *   compileEql(text, env)       → { query?, errors }          (query offsets)
 *   frontEnd.compileText/Rule   → CompileResult with Diagnostics (file offsets for rules)
 * `env.eqlDialect: 'endgame'` is not supported: such rules get one eql/unsupported error.
 */
import type { Diagnostic } from '../../diag/diagnostic.ts';
import type { IrQuery } from '../../ir/types.ts';
import type { Rule } from '../../rule/model.ts';
import type { CompileEnv, CompileResult, FrontEnd } from '../types.ts';
import type { QueryAst } from './ast.ts';
import { Checker } from './check.ts';
import { EqlError, toDiagnostic } from './errors.ts';
import { ruleFields } from '../elastic/fields.ts';
import { parseQuery } from './parser.ts';
import { queryToIr } from './to-ir.ts';

export type { EqlCode } from './errors.ts';
export { EqlError } from './errors.ts';
export { printEql } from './print.ts';

export function parse(text: string): { ast?: QueryAst; errors: EqlError[] } {
  try {
    return { ast: parseQuery(text), errors: [] };
  } catch (e) {
    if (e instanceof EqlError) return { errors: [e] };
    throw e;
  }
}

export function compileEql(text: string, env: CompileEnv = {}): { query?: IrQuery; errors: EqlError[]; warnings?: EqlError[] } {
  if (env.eqlDialect === 'endgame') {
    return { errors: [new EqlError('unsupported', { start: 0, end: text.length }, 'the Endgame EQL dialect is not supported', 'write the query in Elasticsearch EQL')] };
  }
  const { ast, errors } = parse(text);
  if (!ast) return { errors };
  const warnings: EqlError[] = [];
  new Checker(env.fields, (e) => errors.push(e), (e) => warnings.push(e)).query(ast);
  if (errors.length) return { errors, warnings };
  try {
    return { query: queryToIr(ast), errors, warnings };
  } catch (e) {
    if (e instanceof EqlError) return { errors: [e] };
    throw e;
  }
}

function compileText(text: string, origin: string, env: CompileEnv): CompileResult {
  const { query, errors } = compileEql(text, env);
  return { ...(query ? { query } : {}), diagnostics: errors.map((e) => toDiagnostic(e, origin)) };
}

function compileRule(rule: Rule, env: CompileEnv): CompileResult {
  if (rule.query.kind !== 'text') {
    return { diagnostics: [{ code: 'eql/unsupported', severity: 'error', message: 'an EQL rule needs a query text', file: rule.file, ruleId: rule.id }] };
  }
  const q = rule.query;
  const { query, errors, warnings = [] } = compileEql(q.text, { ...env, fields: ruleFields(rule, env.fields) });
  const diagnostics: Diagnostic[] = [...errors.map((e) => [e, 'error'] as const), ...warnings.map((e) => [e, 'warning'] as const)].map(([e, severity]) => {
    const d = toDiagnostic(e, rule.file, severity);
    const start = q.toFileOffset(e.span.start);
    // an empty span stays empty; otherwise map the last character and step past it
    const end = e.span.end > e.span.start ? q.toFileOffset(e.span.end - 1) + 1 : start;
    return { ...d, span: { start, end }, ruleId: rule.id };
  });
  return { ...(query ? { query } : {}), diagnostics };
}

export const frontEnd: FrontEnd = { language: 'eql', compileRule, compileText };
