/**
 * The Kusto (Microsoft KQL) reader for the subset dac's Sentinel back-end writes, so Sentinel
 * exports are replayed like every other target (test/export/roundtrip.test.ts). Codes: kusto/syntax.
 */
import type { Diagnostic } from '../../diag/diagnostic.ts';
import { canonicalQuery } from '../../ir/canonical.ts';
import type { EventQuery } from '../../ir/types.ts';
import { KustoError } from './parser.ts';
import { kustoToIr } from './to-ir.ts';

export function compileKusto(text: string, origin?: string): { query?: EventQuery; diagnostics: Diagnostic[] } {
  try {
    return { query: canonicalQuery(kustoToIr(text)), diagnostics: [] };
  } catch (e) {
    if (e instanceof KustoError) return { diagnostics: [{ code: 'kusto/syntax', severity: 'error', message: e.message, span: e.span, file: origin }] };
    throw e;
  }
}
