/** KQL diagnostics: codes (tests pin codes and spans) and the error the lexer/parser/lowering raise. */
import type { Diagnostic, Span } from '../../diag/diagnostic.ts';

export type KqlCode =
  | 'syntax'          // unexpected token / malformed construct
  | 'unterminated'    // quoted string not closed
  | 'bad-escape'      // `\` before a character KQL does not escape
  | 'unknown-field'
  | 'type-mismatch'   // a value the field's type cannot hold (Elasticsearch rejects the query)
  | 'unsupported';    // valid KQL dac does not run (say what)

export class KqlError extends Error {
  constructor(readonly code: KqlCode, readonly span: Span, message: string, readonly hint?: string) {
    super(message);
  }
}

export function toDiagnostic(e: KqlError, file: string | undefined, severity: 'error' | 'warning' = 'error'): Diagnostic {
  return { code: `kuery/${e.code}`, severity, message: e.message, file, span: e.span, ...(e.hint ? { hint: e.hint } : {}) };
}
