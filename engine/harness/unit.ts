/** Unit status: the rule alone, each test dataset replayed on its own, expectations met exactly. */
import { LineCounter } from '../diag/line-counter.ts';
import type { IrQuery } from '../ir/types.ts';
import type { KeyPath, Rule } from '../rule/model.ts';
import { Engine } from '../runtime/index.ts';
import { alertEntry, eventRef } from './alerts.ts';
import type { DatasetSource } from './datasets.ts';
import { checkExpectation } from './expect.ts';
import type { CaseResult, RuleResult, Status } from './types.ts';

export type UnitResult = RuleResult['unit'];

/** The line of a `tests` entry in its rule file, when the loader can locate it. */
export function caseLine(rule: Rule, path: KeyPath): { line?: number } {
  const span = rule.locate(path);
  return span ? { line: new LineCounter(rule.source).linePos(span.start).line } : {};
}

export async function runUnit(rule: Rule, query: IrQuery, datasets: DatasetSource): Promise<UnitResult> {
  if (rule.tests.kind === 'none') return { status: 'fail', reasons: ['no tests: add a `tests` list, or `tests: []` with a reason to opt out'], cases: [] };
  if (rule.tests.kind === 'untested') return { status: 'untested', reasons: [`untested: ${rule.tests.reason}`], cases: [] };
  const cases: CaseResult[] = [];
  let status: Status = 'pass';
  const reasons: string[] = [];
  for (const t of rule.tests.cases) {
    const ds = await datasets.load(t.dataset);
    const expected = { alerts: t.alerts, fields: t.fields };
    const base = { dataset: t.dataset, ...caseLine(rule, t.path), ...(t.description ? { description: t.description } : {}), expected };
    if (!ds) {
      cases.push({ ...base, actual: { alerts: 0 }, status: 'error', reasons: [`dataset ${t.dataset} not found`], alerts: [] });
      status = 'error';
      reasons.push(`${t.dataset}: dataset not found`);
      continue;
    }
    const engine = new Engine([{ id: rule.id, query }]);
    for (const ev of ds.events) engine.push(ev);
    const alerts = engine.finish();
    if (engine.errors.length) {
      const e = engine.errors[0];
      const where = e.event ? ` at ${eventRef(e.event).file}:${e.event.provenance.line ?? e.event.provenance.record ?? '?'}` : '';
      const msg = `engine error: ${e.message}${where}`;
      cases.push({ ...base, actual: { alerts: alerts.length }, status: 'error', reasons: [msg], alerts: alerts.map(alertEntry) });
      status = 'error';
      reasons.push(`${t.dataset}: ${msg}`);
      continue;
    }
    const why = checkExpectation(alerts, t.alerts, t.fields);
    cases.push({ ...base, actual: { alerts: alerts.length }, status: why.length ? 'fail' : 'pass', reasons: why, alerts: alerts.map(alertEntry) });
    if (why.length) {
      if (status === 'pass') status = 'fail';
      reasons.push(...why.map((w) => `${t.dataset}: ${w}`));
    }
  }
  return { status, reasons, cases };
}
