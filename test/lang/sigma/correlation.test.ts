import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EcsEvent, EcsFields } from '../../../engine/events/types.ts';
import { compileSigmaText } from '../../../engine/lang/sigma/index.ts';
import { runQuery } from '../../../engine/runtime/index.ts';
import { REPO_ROOT } from '../../support/shared.ts';
import { codes } from './helpers.ts';

const SYSMON = 'Microsoft-Windows-Sysmon/Operational';
const base = (name: string): string => `title: ${name}\nname: ${name}\nlogsource:\n  product: windows\n  category: process_creation\ndetection:\n  sel:\n    CommandLine|contains: '${name}'\n  condition: sel\n`;
const corr = (body: string): string => `${base('alpha')}---\n${base('beta')}---\ntitle: c\ncorrelation:\n${body}\n`;

let seq = 0;
function ev(t: number, fields: EcsFields): EcsEvent {
  return { fields: { 'event.code': '1', 'winlog.channel': SYSMON, ...fields }, ts: t * 1000, provenance: { dataset: 't', file: 't' }, seq: seq++ };
}
const run = (text: string, events: EcsEvent[]): number => {
  const r = compileSigmaText(text, 'c.yml', {});
  expect(r.diagnostics).toEqual([]);
  return runQuery(r.query!, events).length;
};
const proc = (t: number, cmd: string, host = 'h1', user = 'u1'): EcsEvent => ev(t, { 'process.command_line': cmd, 'winlog.computer_name': host, 'winlog.event_data.User': user, 'process.entity_id': `${host}-g` });

describe('sigma correlations', () => {
  it('event_count: a group alerts when the count in the timespan reaches the condition', () => {
    const text = corr('  type: event_count\n  rules: [alpha]\n  group-by: [Computer]\n  timespan: 1m\n  condition:\n    gte: 3');
    expect(run(text, [proc(0, 'alpha'), proc(10, 'alpha'), proc(20, 'alpha'), proc(0, 'alpha', 'h2')])).toBe(1);
    expect(run(text, [proc(0, 'alpha'), proc(50, 'alpha'), proc(120, 'alpha')])).toBe(0);
  });

  it('value_count counts distinct values of the condition field', () => {
    const text = corr('  type: value_count\n  rules: [alpha]\n  group-by: [Computer]\n  timespan: 5m\n  condition:\n    field: User\n    gte: 2');
    expect(run(text, [proc(0, 'alpha', 'h1', 'a'), proc(1, 'alpha', 'h1', 'a')])).toBe(0);
    expect(run(text, [proc(0, 'alpha', 'h1', 'a'), proc(1, 'alpha', 'h1', 'b')])).toBe(1);
  });

  it('temporal: all rules within the timespan, any order; temporal_ordered: in order', () => {
    const t = corr('  type: temporal\n  rules: [alpha, beta]\n  group-by: [Computer]\n  timespan: 1m');
    expect(run(t, [proc(0, 'beta'), proc(5, 'alpha')])).toBe(1);
    expect(run(t, [proc(0, 'beta'), proc(90, 'alpha')])).toBe(0);
    const o = corr('  type: temporal_ordered\n  rules: [alpha, beta]\n  group-by: [Computer]\n  timespan: 1m');
    expect(run(o, [proc(0, 'beta'), proc(5, 'alpha')])).toBe(0);
    expect(run(o, [proc(0, 'alpha'), proc(5, 'beta')])).toBe(1);
    expect(run(o, [proc(0, 'alpha'), proc(5, 'beta', 'h2')])).toBe(0);
  });

  it('aliases give a group-by name a different field per rule', () => {
    const text = corr('  type: temporal\n  rules: [alpha, beta]\n  group-by: [who]\n  timespan: 1m\n  aliases:\n    who:\n      alpha: User\n      beta: ParentUser');
    const r = compileSigmaText(text, 'c.yml', {});
    expect(r.query).toMatchObject({ kind: 'sequence', by: [], steps: [{ by: [{ name: 'winlog.event_data.User' }] }, { by: [{ name: 'winlog.event_data.ParentUser' }] }] });
  });

  it('value_sum, value_avg and value_percentile compile to aggregates', () => {
    for (const [type, fn] of [['value_sum', 'sum'], ['value_avg', 'avg'], ['value_percentile', 'percentile']]) {
      const text = corr(`  type: ${type}\n  rules: [alpha]\n  group-by: [Computer]\n  timespan: 1h\n  condition:\n    field: ProcessId\n    percentile: 95\n    gt: 10`);
      const r = compileSigmaText(text, 'c.yml', {});
      expect(r.query).toMatchObject({ kind: 'pipeline', stages: [{ kind: 'aggregate', aggregates: [{ fn }], windowMs: 3_600_000 }, { kind: 'filter' }] });
    }
  });

  it('reports unknown rule references and bad timespans at their place', () => {
    const r = compileSigmaText(corr('  type: event_count\n  rules: [gamma]\n  group-by: [Computer]\n  timespan: 1 minute\n  condition:\n    gte: 1'), 'c.yml', {});
    expect(codes(r).sort()).toEqual(['sigma/bad-correlation', 'sigma/unknown-rule-ref']);
    expect(r.diagnostics.every((d) => d.span)).toBe(true);
  });
});

describe('the repo Sigma rules compile', () => {
  it.each(['lateral_movement_remote_scheduled_task_creation.yml', 'execution_schtasks_run_task_on_demand.yml', 'execution_remote_scheduled_tasks_rpc.yml'])('%s', (f) => {
    const r = compileSigmaText(readFileSync(`${REPO_ROOT}/rules/sigma/${f}`, 'utf8'), f, {});
    expect(r.diagnostics).toEqual([]);
    expect(r.query).toBeDefined();
  });

  it('the Elastic sequence as temporal_ordered: connection then TaskCache write by the same process', () => {
    const r = compileSigmaText(readFileSync(`${REPO_ROOT}/rules/sigma/lateral_movement_remote_scheduled_task_creation.yml`, 'utf8'), 'x.yml', {});
    const g = { 'process.entity_id': '{abc}', 'winlog.computer_name': 'SRV-01', 'process.executable': 'C:\\Windows\\System32\\svchost.exe' };
    const net = (t: number, ip: string): EcsEvent => ev(t, { ...g, 'event.code': '3', 'winlog.event_data.Initiated': 'false', 'source.ip': ip, 'source.port': 52115, 'destination.port': 49668 });
    const reg = (t: number): EcsEvent => ev(t, { ...g, 'event.code': '13', 'registry.path': 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Schedule\\TaskCache\\Tasks\\{9A1B}\\Actions' });
    expect(runQuery(r.query!, [net(0, '10.0.1.22'), reg(5)])).toHaveLength(1);
    expect(runQuery(r.query!, [net(0, '127.0.0.1'), reg(5)])).toHaveLength(0);
    expect(runQuery(r.query!, [net(0, '10.0.1.22'), reg(90)])).toHaveLength(0);
  });
});
