/**
 * The harness end to end on a throwaway repo (real loaders, front-ends, readers and runtime):
 * one rule per status path, graded by runHarness(repoInputs(tmp)).
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoInputs } from '../../engine/harness/inputs.ts';
import { runHarness } from '../../engine/harness/run.ts';
import type { RuleResult, RunReport } from '../../engine/harness/types.ts';
import { renderHtml } from '../../engine/report/html.ts';
import { ID, standardRepo } from './fixtures.ts';

let report: RunReport;
const rule = (id: string): RuleResult => {
  const r = report.rules.find((x) => x.id === id);
  if (!r) throw new Error(`rule ${id} not in the report`);
  return r;
};

beforeAll(async () => {
  report = (await runHarness(repoInputs(standardRepo().root), { version: 'test' })).report;
});

describe('harness status paths', () => {
  it('passes a rule whose alerts and field assertions match on its datasets and that is quiet elsewhere', () => {
    const r = rule(ID.pass);
    expect([r.validation.status, r.unit.status, r.integration.status]).toEqual(['pass', 'pass', 'pass']);
    const [attack, benign] = r.unit.cases;
    expect(attack).toMatchObject({ dataset: 'attack_one', description: 'two schtasks /run on two hosts', expected: { alerts: 2, fields: { 'process.name': 'schtasks.exe' } }, actual: { alerts: 2 }, status: 'pass' });
    expect(benign).toMatchObject({ dataset: 'benign_one', actual: { alerts: 0 }, status: 'pass' });
    // the alerts carry the events behind them, located in the dataset file
    const events = attack.alerts.flatMap((a) => a.events);
    expect(events.map((e) => [e.file, e.line, e.host])).toEqual([
      ['datasets/attack_one/sysmon.xml', 1, 'WKS-01.corp.example.com'],
      ['datasets/attack_one/sysmon.xml', 3, 'WKS-02.corp.example.com'],
    ]);
    expect(events[0].summary).toContain('schtasks /run /tn');
    expect(r.integration.cases.map((c) => c.actual.alerts)).toEqual([2, 0]);
    expect(r.integration.falsePositives).toEqual([]);
  });

  it('fails unit and integration when the rule raises more alerts than expected', () => {
    const r = rule(ID.tooMany);
    expect(r.unit.status).toBe('fail');
    expect(r.unit.reasons).toEqual(['attack_one: expected 1 alert, got 2 (too many)']);
    expect(r.integration.status).toBe('fail');
    expect(r.unit.cases[0]).toMatchObject({ expected: { alerts: 1 }, actual: { alerts: 2 }, status: 'fail' });
  });

  it('fails when the rule raises fewer alerts than expected', () => {
    const r = rule(ID.tooFew);
    expect(r.unit.status).toBe('fail');
    expect(r.unit.reasons).toEqual(['attack_one: expected 3 alerts, got 2 (too few)']);
    expect(r.unit.cases[1].status).toBe('pass');
  });

  it('fails on a field assertion that does not hold, naming the alert, the field and both values', () => {
    const r = rule(ID.field);
    expect(r.unit.status).toBe('fail');
    expect(r.unit.reasons).toEqual([
      'attack_one: alert 1: host.name expected "SRV-99.corp.example.com", got "WKS-01.corp.example.com"',
      'attack_one: alert 2: host.name expected "SRV-99.corp.example.com", got "WKS-02.corp.example.com"',
    ]);
    expect(r.unit.cases[0].actual.alerts).toBe(2);
  });

  it('fails integration with a located false positive when the rule fires on the benign baseline', () => {
    const r = rule(ID.falsePositive);
    expect(r.unit.status).toBe('pass');
    expect(r.integration.status).toBe('fail');
    expect(r.integration.reasons).toEqual(['1 false positive on benign_one']);
    expect(r.integration.falsePositives).toHaveLength(1);
    const fp = r.integration.falsePositives[0];
    expect(fp.datasets).toEqual(['benign_one']);
    expect(fp.timestamp).toBe('2024-03-01T09:00:00.000Z');
    expect(fp.events).toEqual([expect.objectContaining({ dataset: 'benign_one', file: 'datasets/benign_one/sysmon.xml', line: 1, recordId: 100, eventId: '1', host: 'WKS-03.corp.example.com' })]);
    expect(r.integration.mixedAlerts).toEqual([]);
  });

  it('skips unit and integration of a rule that fails validation, with the located reason', () => {
    const r = rule(ID.invalid);
    expect(r.validation.status).toBe('fail');
    expect(r.validation.reasons[0]).toMatch(/^rules\/invalid\.yml:\d+:\d+: level: /);
    expect(r.validation.diagnostics.some((d) => d.severity === 'error' && d.line !== undefined)).toBe(true);
    expect(r.unit).toEqual({ status: 'skipped', reasons: ['skipped: validation failed'], cases: [] });
    expect(r.integration).toMatchObject({ status: 'skipped', reasons: ['skipped: validation failed'] });
  });

  it("fails unit with 'no tests' for a rule without a tests list", () => {
    const r = rule(ID.noTests);
    expect(r.unit.status).toBe('fail');
    expect(r.unit.reasons[0]).toMatch(/^no tests/);
  });

  it('reports an explicit, reasoned opt-out as untested, never as pass', () => {
    const r = rule(ID.untested);
    expect(r.unit.status).toBe('untested');
    expect(r.unit.reasons).toEqual(['untested: needs a live domain controller to replay']);
    expect(report.totals.unit.untested).toBe(1);
  });

  it('totals, datasets and coverage add up', () => {
    const t = report.totals;
    expect(t.rules).toBe(8);
    expect(t.passing).toBe(1);
    expect(t.ok).toBe(false);
    expect(t.validation).toEqual({ pass: 7, fail: 1, skipped: 0, error: 0, untested: 0, 'cannot-run': 0 });
    expect(t.events).toEqual({ read: 5, used: 5, rejected: 0 });
    const attack = report.datasets.find((d) => d.name === 'attack_one');
    expect(attack).toMatchObject({ kind: 'attack', events: { read: 3, used: 3, rejected: 0 }, eventIds: { 1: 3 }, hosts: ['WKS-01.corp.example.com', 'WKS-02.corp.example.com'] });
    expect(attack?.timeRange).toEqual({ start: '2024-03-01T10:00:00.000Z', end: '2024-03-01T10:01:00.000Z' });
    const t1053 = report.coverage.find((c) => c.technique === 'T1053.005');
    expect(t1053?.passing).toEqual([ID.pass]);
    expect(t1053?.rules).toContain(ID.tooMany);
    expect(report.coverage.find((c) => c.technique === 'T1033')?.passing).toEqual([]);
  });

  it('--unit-only skips integration, and a repo of passing rules is ok', async () => {
    const repo = standardRepo(['pass', 'untested']);
    const unitOnly = (await runHarness(repoInputs(repo.root), { version: 'test', unitOnly: true })).report;
    expect(unitOnly.rules.map((r) => r.integration.status)).toEqual(['skipped', 'skipped']);
    expect(unitOnly.rules[0].integration.reasons).toEqual(['skipped: --unit-only']);
    expect(unitOnly.totals.ok).toBe(true);
    const full = (await runHarness(repoInputs(repo.root), { version: 'test' })).report;
    expect(full.totals.ok).toBe(true);
  });

  it('counts a malformed event as rejected with its location, and a broken manifest fails the run', async () => {
    const repo = standardRepo(['pass']);
    appendFileSync(join(repo.root, 'datasets/benign_one/sysmon.xml'), '<Event><System><EventID>1</Event>\n');
    repo.write('datasets/broken/dataset.yml', 'name: broken\nkind: attack\n');
    const rep = (await runHarness(repoInputs(repo.root), { version: 'test' })).report;
    const benign = rep.datasets.find((d) => d.name === 'benign_one');
    expect(benign?.events).toEqual({ read: 3, used: 2, rejected: 1 });
    expect(benign?.rejections).toEqual([expect.objectContaining({ file: 'datasets/benign_one/sysmon.xml', line: 3 })]);
    expect(rep.totals.events.rejected).toBe(1);
    expect(rep.repoDiagnostics.map((d) => d.location)).toContain('datasets/broken/dataset.yml:1:1');
    expect(rep.rules[0].unit.status).toBe('pass');
    expect(rep.totals.ok).toBe(false);
    const html = renderHtml(rep);
    expect(html).toContain('<section id="repo-diagnostics">');
    expect(html).toContain('<span class="mono">datasets/benign_one/sysmon.xml:3</span>');
  });
});
