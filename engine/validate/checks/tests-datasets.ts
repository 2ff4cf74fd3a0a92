/**
 * Every test names a dataset that exists and is itself valid (its dataset.yml passes the schema and
 * names files that exist): a broken dataset is named as the cause on the rule that depends on it,
 * with the dataset.yml location, instead of surfacing later as "dataset not found".
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../diag/diagnostic.ts';
import { lineCol } from '../../diag/render.ts';
import { loadDataset, type DatasetLoad } from '../../events/dataset.ts';
import { SKIP_REASON_KEY } from '../../rule/tests-list.ts';
import { at, type CheckContext, type RuleCheck } from './types.ts';

const loads = new WeakMap<CheckContext, Map<string, DatasetLoad>>();

function datasetLoad(ctx: CheckContext, name: string): DatasetLoad {
  let cache = loads.get(ctx);
  if (!cache) { cache = new Map(); loads.set(ctx, cache); }
  let l = cache.get(name);
  if (!l) { l = loadDataset(ctx.root, join('datasets', name)); cache.set(name, l); }
  return l;
}

/** "datasets/x/dataset.yml:7:5: message" for the first error of a dataset. */
function cause(load: DatasetLoad): string | undefined {
  const d = load.diagnostics.find((x) => x.severity === 'error');
  if (!d) return undefined;
  const lc = lineCol(d, (f) => (f === load.file ? load.text : undefined));
  return `${load.file}${lc ? `:${lc.line}:${lc.col}` : ''}: ${d.message}`;
}

export const testsDatasetsCheck: RuleCheck = {
  name: 'tests-datasets',
  validate(rule, ctx) {
    const out: Diagnostic[] = [];
    if (rule.tests.kind === 'cases') {
      for (const c of rule.tests.cases) {
        // The dataset name becomes a path: only a plain folder name may name one.
        if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(c.dataset) || c.dataset.includes('..')) {
          out.push(at(rule, [...c.path, 'dataset'], { code: 'rule/unknown-dataset', severity: 'error', message: `'${c.dataset}' is not a dataset name (a folder under datasets/: letters, digits, _ . -)` }));
          continue;
        }
        if (!existsSync(join(ctx.root, 'datasets', c.dataset, 'dataset.yml'))) {
          out.push(at(rule, [...c.path, 'dataset'], { code: 'rule/unknown-dataset', severity: 'error', message: `no dataset '${c.dataset}' (expected datasets/${c.dataset}/dataset.yml)` }));
          continue;
        }
        const why = cause(datasetLoad(ctx, c.dataset));
        if (why) out.push(at(rule, [...c.path, 'dataset'], { code: 'rule/invalid-dataset', severity: 'error', message: `dataset '${c.dataset}' is invalid: ${why}` }));
      }
      if (SKIP_REASON_KEY in rule.document) {
        out.push(at(rule, [SKIP_REASON_KEY], { code: 'rule/tests-skip-reason', severity: 'warning', message: `${SKIP_REASON_KEY} is ignored because the rule has tests` }, 'key'));
      }
    }
    return out;
  },
};
