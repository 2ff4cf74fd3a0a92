/**
 * The `tests` list every dialect may carry: `[{dataset, expect: {alerts, ...fields}, description?}]`.
 * `tests: []` with a sibling `tests_skip_reason` is an explicit opt-out (reported untested).
 * ESCU files may instead hold contentctl's native `[{name, attack_data: [...]}]`: dac cannot replay
 * those (they point at remote attack_data URLs), so they are kept in the document, ignored for
 * running, and reported with a warning.
 */
import type { Diagnostic } from '../diag/diagnostic.ts';
import type { KeyPath, Locator, RuleTest, RuleTests } from './model.ts';
import { asRecord, list, num, str, type Doc } from '../source/values.ts';

export const SKIP_REASON_KEY = 'tests_skip_reason';

export function readTests(doc: Doc, locate: Locator, file: string): { tests: RuleTests; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const reason = str(doc[SKIP_REASON_KEY]);
  const raw = list(doc.tests);
  const cases: RuleTest[] = [];
  let native = 0;
  raw.forEach((entry, i) => {
    const e = asRecord(entry);
    if (!e) return;
    const path: KeyPath = ['tests', i];
    if (e.dataset === undefined && e.attack_data !== undefined) { native++; return; }
    const dataset = str(e.dataset);
    const expect = asRecord(e.expect);
    if (dataset === undefined || !expect) return; // the schema reports the shape
    const { alerts, ...fields } = expect;
    cases.push({ dataset, alerts: num(alerts) ?? 0, fields, description: str(e.description), path });
  });
  if (native > 0) {
    diagnostics.push({
      code: 'rule/contentctl-tests', severity: 'warning', file, span: locate(['tests'], 'key'),
      message: `${native} contentctl test(s) with attack_data cannot be replayed by dac and are ignored`,
      hint: 'add dac cases beside them: {dataset: <folder under datasets/>, expect: {alerts: N}}',
    });
  }
  if (cases.length > 0) return { tests: { kind: 'cases', cases }, diagnostics };
  if (reason !== undefined && reason.trim() !== '') return { tests: { kind: 'untested', reason }, diagnostics };
  return { tests: { kind: 'none' }, diagnostics };
}
