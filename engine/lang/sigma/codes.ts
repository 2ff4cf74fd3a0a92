/**
 * Sigma diagnostics: the closed set of code names this front-end reports, and a small helper that
 * builds one with the file and span filled in (spans are file offsets, see source/yaml-source.ts).
 */
import type { Diagnostic, Span } from '../../diag/diagnostic.ts';

export type SigmaCode =
  | 'not-a-rule'            // document has neither detection nor correlation
  | 'bad-detection'         // detection is not a map / identifier value has the wrong shape
  | 'missing-condition'
  | 'condition-syntax'
  | 'unknown-identifier'    // condition names a search identifier that does not exist
  | 'no-identifier-match'   // `1 of x*` where nothing matches x*
  | 'deprecated-aggregation' // Sigma 1 `| count() by` in a condition
  | 'unknown-modifier'
  | 'bad-modifier-chain'
  | 'bad-modifier-value'
  | 'unknown-placeholder'   // |expand with no value configured
  | 'bad-regex'             // not a valid regex (after PCRE → JS translation)
  | 'unsafe-regex'          // can backtrack catastrophically
  | 'unknown-logsource'
  | 'bad-correlation'
  | 'unknown-rule-ref'      // correlation refers to a rule that is neither in the file nor the repo
  | 'unsupported';          // valid Sigma that dac cannot run (the message says what)

export type Report = (code: SigmaCode, message: string, span?: Span, hint?: string) => void;

export function sigmaDiag(code: SigmaCode, message: string, file: string | undefined, span?: Span, hint?: string): Diagnostic {
  return { code: `sigma/${code}`, severity: 'error', message, ...(file !== undefined ? { file } : {}), ...(span ? { span } : {}), ...(hint ? { hint } : {}) };
}
