/**
 * The CAR front-end: pseudocode → lexer/parser → AST → one EventQuery. Codes are `car/<CarCode>`.
 * The pseudocode is the rule's query text (the loader picks the implementation).
 */
import type { Diagnostic } from '../../diag/diagnostic.ts';
import type { EventQuery } from '../../ir/types.ts';
import type { CompileResult, FrontEnd } from '../types.ts';
import { parseCar, type CarParseCode } from './parser.ts';
import { programToIr, type CarLowerCode } from './to-ir.ts';

export type CarCode = CarParseCode | CarLowerCode | 'no-query';

/** Compiles pseudocode; diagnostic spans are offsets into `text`. */
export function compileCar(text: string, origin?: string): { query?: EventQuery; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const { program, errors } = parseCar(text);
  for (const e of errors) diagnostics.push({ code: `car/${e.code}`, severity: 'error', message: e.message, span: e.span, file: origin });
  if (!program) return { diagnostics };
  const query = programToIr(program, (d) => diagnostics.push({ code: `car/${d.code}`, severity: 'error', message: d.message, span: d.span, file: origin }));
  return diagnostics.length ? { diagnostics } : { query, diagnostics };
}

export const frontEnd: FrontEnd = {
  language: 'car',
  compileRule(rule): CompileResult {
    if (rule.query.kind !== 'text') {
      return { diagnostics: [{ code: 'car/no-query', severity: 'error', message: 'this rule has no CAR pseudocode', file: rule.file, ruleId: rule.id }] };
    }
    const q = rule.query;
    const r = compileCar(q.text, rule.file);
    return {
      query: r.query,
      diagnostics: r.diagnostics.map((d) => ({ ...d, ruleId: rule.id, span: d.span && { start: q.toFileOffset(d.span.start), end: q.toFileOffset(d.span.end) } })),
    };
  },
  compileText: (text, origin) => compileCar(text, origin),
};
