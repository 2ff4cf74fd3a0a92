/**
 * Integration status: every valid rule at once over ONE time-ordered replay of every dataset.
 * A rule passes when, on each of its own test datasets, its alerts meet that case's expectation,
 * and it raises nothing anywhere else. Alerts are attributed to datasets through their events;
 * an alert whose events span datasets is reported as mixed (and fails the rule).
 */
import type { EcsEvent } from '../events/types.ts';
import type { IrQuery } from '../ir/types.ts';
import type { Rule } from '../rule/model.ts';
import { Engine, type Alert, type EngineError } from '../runtime/index.ts';
import { alertDatasets, alertEntry, eventRef } from './alerts.ts';
import { checkExpectation } from './expect.ts';
import type { CaseResult, RuleResult, Status } from './types.ts';
import { caseLine } from './unit.ts';

export type IntegrationResult = RuleResult['integration'];

export interface IntegrationRun {
  readonly alerts: ReadonlyMap<string, Alert[]>;
  readonly errors: readonly EngineError[];
  readonly events: number;
}

/** Replays the merged stream through one engine holding every rule. */
export function replayAll(rules: readonly { rule: Rule; query: IrQuery }[], stream: Iterable<EcsEvent>, onProgress?: (n: number) => void): IntegrationRun {
  const engine = new Engine(rules.map((r) => ({ id: r.rule.id, query: r.query })));
  let n = 0;
  for (const ev of stream) {
    engine.push(ev);
    if (onProgress && ++n % 10_000 === 0) onProgress(n);
  }
  const byRule = new Map<string, Alert[]>();
  for (const a of engine.finish()) {
    const list = byRule.get(a.ruleId);
    if (list) list.push(a); else byRule.set(a.ruleId, [a]);
  }
  return { alerts: byRule, errors: engine.errors, events: n };
}

export function gradeIntegration(rule: Rule, run: IntegrationRun): IntegrationResult {
  const err = run.errors.find((e) => e.ruleId === rule.id);
  if (err) {
    const where = err.event ? ` at ${eventRef(err.event).file}:${err.event.provenance.line ?? err.event.provenance.record ?? '?'}` : '';
    return { status: 'error', reasons: [`engine error: ${err.message}${where}`], cases: [], falsePositives: [], mixedAlerts: [] };
  }
  const alerts = run.alerts.get(rule.id) ?? [];
  const own = rule.tests.kind === 'cases' ? rule.tests.cases : [];
  const ownNames = new Set(own.map((c) => c.dataset));
  const byDataset = new Map<string, Alert[]>();
  const mixed: Alert[] = [];
  const fps: Alert[] = [];
  for (const a of alerts) {
    const ds = alertDatasets(a);
    if (ds.length !== 1) { mixed.push(a); continue; }
    if (!ownNames.has(ds[0])) { fps.push(a); continue; }
    const list = byDataset.get(ds[0]);
    if (list) list.push(a); else byDataset.set(ds[0], [a]);
  }
  const reasons: string[] = [];
  let status: Status = 'pass';
  const cases: CaseResult[] = own.map((t) => {
    const got = byDataset.get(t.dataset) ?? [];
    const why = checkExpectation(got, t.alerts, t.fields);
    if (why.length) reasons.push(...why.map((w) => `${t.dataset}: ${w}`));
    return {
      dataset: t.dataset, ...caseLine(rule, t.path), ...(t.description ? { description: t.description } : {}),
      expected: { alerts: t.alerts, fields: t.fields }, actual: { alerts: got.length },
      status: why.length ? 'fail' : 'pass', reasons: why, alerts: got.map(alertEntry),
    };
  });
  if (fps.length) {
    const where = [...new Set(fps.flatMap(alertDatasets))].join(', ');
    reasons.push(`${fps.length} false positive${fps.length === 1 ? '' : 's'} on ${where}`);
  }
  if (mixed.length) reasons.push(`${mixed.length} alert${mixed.length === 1 ? '' : 's'} mixing events from several datasets`);
  if (reasons.length) status = 'fail';
  if (rule.tests.kind === 'none' && status === 'pass') reasons.push('no tests: only false positives were checked');
  return { status, reasons, cases, falsePositives: fps.map(alertEntry), mixedAlerts: mixed.map(alertEntry) };
}
