/**
 * The SPL front-end: macros → lexer/parser → AST → IR. Diagnostic codes are `spl/<SplCode>`; spans
 * point at the original text (a problem inside a macro's expansion points at the macro call).
 */
import type { Diagnostic, Span } from '../../diag/diagnostic.ts';
import type { IrQuery } from '../../ir/types.ts';
import '../../ir/functions/index.ts';
import type { CompileEnv, CompileResult, FrontEnd } from '../types.ts';
import type { Pipeline } from './ast.ts';
import { expandMacros, type MacroErrorCode } from './macros.ts';
import { parseSpl } from './parser.ts';
import type { SplParseCode } from './cursor.ts';
import type { SplDiag } from './scope.ts';
import { pipelineToIr } from './to-ir.ts';

export type SplCode = MacroErrorCode | SplParseCode | 'unbalanced-quotes' | 'unknown-field' | 'unknown-datamodel' | 'unknown-function' | 'no-query';

export interface SplParsed { readonly pipeline?: Pipeline; readonly query?: IrQuery; readonly diagnostics: Diagnostic[] }

/** Expands, parses and lowers `text`; diagnostic spans are offsets into `text`. */
export function compileSpl(text: string, env: Pick<CompileEnv, 'macros'>, origin?: string): SplParsed {
  const diagnostics: Diagnostic[] = [];
  const expanded = expandMacros(text, env.macros);
  const add = (code: string, message: string, span: Span, mapped: boolean): void => {
    diagnostics.push({ code: `spl/${code}`, severity: 'error', message, span: mapped ? span : expanded.toOriginal(span), file: origin });
  };
  for (const e of expanded.errors) add(e.code, e.message, e.span, true);
  if (expanded.errors.length) return { diagnostics };
  const { pipeline, errors } = parseSpl(expanded.text);
  for (const e of errors) add(e.code, e.message, e.span, false);
  if (!pipeline) return { diagnostics };
  if (!pipeline.commands.length) {
    add('no-query', 'the search is empty', { start: 0, end: text.length }, true);
    return { diagnostics };
  }
  const query = pipelineToIr(pipeline, (d: SplDiag) => add(d.code, d.message, d.span, false));
  return diagnostics.length ? { pipeline, diagnostics } : { pipeline, query, diagnostics };
}

export const frontEnd: FrontEnd = {
  language: 'spl',
  compileRule(rule, env): CompileResult {
    if (rule.query.kind !== 'text') {
      return { diagnostics: [{ code: 'spl/no-query', severity: 'error', message: 'this rule has no SPL search', file: rule.file, ruleId: rule.id }] };
    }
    const q = rule.query;
    const r = compileSpl(q.text, env, rule.file);
    const diagnostics = r.diagnostics.map((d) => ({
      ...d, ruleId: rule.id,
      span: d.span && { start: q.toFileOffset(d.span.start), end: q.toFileOffset(d.span.end) },
    }));
    return { query: r.query, diagnostics };
  },
  compileText(text, origin, env): CompileResult {
    const r = compileSpl(text, env, origin);
    return { query: r.query, diagnostics: r.diagnostics };
  },
};
