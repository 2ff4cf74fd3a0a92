/** Every test names a dataset that exists: datasets/<name>/dataset.yml under the repo root. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../diag/diagnostic.ts';
import { SKIP_REASON_KEY } from '../../rule/tests-list.ts';
import { at, type RuleCheck } from './types.ts';

export const testsDatasetsCheck: RuleCheck = {
  name: 'tests-datasets',
  validate(rule, ctx) {
    const out: Diagnostic[] = [];
    if (rule.tests.kind === 'cases') {
      for (const c of rule.tests.cases) {
        if (!existsSync(join(ctx.root, 'datasets', c.dataset, 'dataset.yml'))) {
          out.push(at(rule, [...c.path, 'dataset'], { code: 'rule/unknown-dataset', severity: 'error', message: `no dataset '${c.dataset}' (expected datasets/${c.dataset}/dataset.yml)` }));
        }
      }
      if (SKIP_REASON_KEY in rule.document) {
        out.push(at(rule, [SKIP_REASON_KEY], { code: 'rule/tests-skip-reason', severity: 'warning', message: `${SKIP_REASON_KEY} is ignored because the rule has tests` }, 'key'));
      }
    }
    return out;
  },
};
