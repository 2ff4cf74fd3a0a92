/**
 * Sigma allows custom top-level fields (the specification's schema leaves them open, and SigmaHQ
 * itself adds `regression_tests_path` and `simulation`), so the schema accepts them. This check
 * warns only when a custom key looks like a misspelt standard one (`falsepositive`, `refrences`).
 */
import type { Diagnostic } from '../../diag/diagnostic.ts';
import detection from '../../rule/schemas/sigma.schema.json' with { type: 'json' };
import correlation from '../../rule/schemas/sigma-correlation.schema.json' with { type: 'json' };
import { at, type RuleCheck } from './types.ts';

const KNOWN = new Set([...Object.keys(detection.properties), ...Object.keys(correlation.properties)]);

/** Edit distance, capped: enough to spot a typo in a short key. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

export const sigmaKeysCheck: RuleCheck = {
  name: 'sigma-keys',
  validate(rule) {
    if (rule.dialect !== 'sigma') return [];
    const out: Diagnostic[] = [];
    for (const key of Object.keys(rule.document)) {
      if (KNOWN.has(key) || key === 'tests' || key === 'tests_skip_reason') continue;
      const near = [...KNOWN].find((k) => distance(k, key) <= 2 && Math.abs(k.length - key.length) <= 2);
      if (near) {
        out.push(at(rule, [key], { code: 'rule/sigma-custom-key', severity: 'warning', message: `'${key}' is not a Sigma field (custom fields are allowed); did you mean '${near}'?` }, 'key'));
      }
    }
    return out;
  },
};
