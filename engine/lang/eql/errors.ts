/**
 * EQL diagnostics: a closed union of codes (tests pin codes and spans, not wording) and the error
 * value the lexer/parser/checker raise. Spans are offsets into the query text; the front-end maps
 * them to file offsets (rule.query.toFileOffset) at the edge.
 */
import type { Diagnostic, Span } from '../../diag/diagnostic.ts';

export type EqlCode =
  | 'syntax'          // unexpected token / malformed construct
  | 'unterminated'    // string, comment or backtick field not closed
  | 'bad-escape'      // unknown escape in a string
  | 'endgame-only'    // old Endgame dialect construct Elasticsearch rejects
  | 'unsupported'     // Elasticsearch construct dac does not run
  | 'unknown-function'
  | 'arg-count'
  | 'type-mismatch'
  | 'unknown-field'
  | 'bad-regex'       // regex dac cannot translate safely
  | 'bad-maxspan'
  | 'bad-runs'
  | 'bad-sequence'    // structural rule of sequence/sample (missing events, step count)
  | 'bad-pipe';

export class EqlError extends Error {
  constructor(
    readonly code: EqlCode,
    readonly span: Span,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** As a Diagnostic (query offsets; callers map to file offsets). */
export function toDiagnostic(e: EqlError, file: string | undefined, severity: 'error' | 'warning' = 'error'): Diagnostic {
  return { code: `eql/${e.code}`, severity, message: e.message, file, span: e.span, ...(e.hint ? { hint: e.hint } : {}) };
}
