import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSource } from '../../engine/rule/load.ts';
import { recognise } from '../../engine/rule/dialect.ts';
import { LineCounter } from '../../engine/diag/line-counter.ts';
import { REPO_ROOT } from '../support/shared.ts';

const seed = (name: string) => {
  const file = `rules/windows/${name}`;
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  return { file, text, ...loadRuleSource(text, file) };
};

/** Every character of the query maps to the same character in the file (no escapes in these). */
function expectExactOffsets(text: string, q: { text: string; toFileOffset: (k: number) => number }) {
  for (let k = 0; k < q.text.length; k++) {
    if (text[q.toFileOffset(k)] !== q.text[k]) throw new Error(`offset ${k}: ${JSON.stringify(q.text[k])} maps to ${JSON.stringify(text[q.toFileOffset(k)])}`);
  }
}

describe('loadRuleSource on the seeds', () => {
  it("Elastic TOML: EQL query with offsets into the ''' block, threat mappings with nesting", () => {
    const s = seed('lateral_movement_remote_scheduled_task_creation.toml');
    expect(s.diagnostics).toEqual([]);
    const r = s.rules[0];
    expect([r.dialect, r.language, r.id, r.severity, r.riskScore]).toEqual(['elastic', 'eql', '954ee7c8-5437-49ae-b2d6-2960883898e9', 'medium', 47]);
    if (r.query.kind !== 'text') throw new Error('text query expected');
    expect(r.query.text.startsWith('/* Task Scheduler service')).toBe(true);
    expectExactOffsets(s.text, r.query);
    const at = new LineCounter(s.text).linePos(r.query.toFileOffset(r.query.text.indexOf('sequence')));
    expect(at).toEqual({ line: 68, col: 1 });
    expect(r.attack.map((m) => `${m.tactic?.id}:${m.technique.id}${m.parent ? '<' + m.parent.id : ''}`)).toEqual(['TA0008:T1021', 'TA0002:T1053', 'TA0002:T1053.005<T1053']);
    expect(r.tests.kind === 'cases' && r.tests.cases.map((c) => [c.dataset, c.alerts])).toEqual([
      ['remote_task_rpc', 1], ['near_miss_task_local', 0], ['near_miss_svchost_no_taskcache', 0], ['near_miss_loopback', 0], ['near_miss_taskcache_late', 0]]);
  });

  it('ESCU YAML: SPL search from a block scalar, mitre_attack_id, rba score', () => {
    const s = seed('schtasks_run_task_on_demand.yml');
    const r = s.rules[0];
    expect([r.dialect, r.language, r.riskScore]).toEqual(['escu', 'spl', 48]);
    if (r.query.kind !== 'text') throw new Error('text query expected');
    expect(r.query.text.split('\n')).toHaveLength(5);
    expectExactOffsets(s.text, r.query);
    expect(r.attack.map((m) => m.technique.id)).toEqual(['T1053']);
  });

  it('CAR YAML: the pseudocode implementation, coverage with tactics and sub-techniques', () => {
    const s = seed('car_2015_04_002_remote_scheduled_tasks_rpc.yml');
    const r = s.rules[0];
    expect([r.dialect, r.language, r.id]).toEqual(['car', 'car', 'CAR-2015-04-002']);
    if (r.query.kind !== 'text') throw new Error('text query expected');
    expect(r.query.text).toContain('proto_info.rpc_interface == "ITaskSchedulerService"');
    expectExactOffsets(s.text, r.query);
    expect(r.attack.map((m) => `${m.tactic?.id}:${m.technique.id}`)).toEqual(['TA0002:T1053', 'TA0002:T1053.005']);
  });
});

describe('query offsets through escapes', () => {
  it('TOML """ with escapes and a line-ending backslash', () => {
    const text = '[rule]\nname = "x"\nquery = """\nprocess where \\\n   a == "\\u00e9" and b : "c\\\\d""""\n';
    const r = loadRuleSource(text, 'x.toml').rules[0];
    if (r.query.kind !== 'text') throw new Error('text query expected');
    expect(r.query.text).toBe('process where a == "é" and b : "c\\d"');
    const k = r.query.text.indexOf('a ==');
    expect(text.slice(r.query.toFileOffset(k), r.query.toFileOffset(k) + 4)).toBe('a ==');
    expect(text.slice(r.query.toFileOffset(r.query.text.indexOf('é')), r.query.toFileOffset(r.query.text.indexOf('é')) + 6)).toBe('\\u00e9');
    const b = r.query.text.indexOf('b :');
    expect(text.slice(r.query.toFileOffset(b), r.query.toFileOffset(b) + 3)).toBe('b :');
  });

  it('YAML double-quoted search with escapes', () => {
    const text = 'name: X\nsearch: "| search a=\\"1\\" b=2"\n';
    const r = loadRuleSource(text, 'x.yml').rules[0];
    if (r.query.kind !== 'text') throw new Error('text query expected');
    const b = r.query.text.indexOf('b=2');
    expect(text.slice(r.query.toFileOffset(b), r.query.toFileOffset(b) + 3)).toBe('b=2');
  });
});

describe('dialect recognition', () => {
  it.each([
    [{ rule: { name: 'x' } }, 'elastic'], [{ title: 'x', detection: {} }, 'sigma'], [{ title: 'x', correlation: {} }, 'sigma'],
    [{ id: 'CAR-2015-04-002', implementations: [] }, 'car'], [{ name: 'x', search: '| tstats' }, 'escu'],
  ])('%j → %s', (doc, want) => {
    expect(recognise(doc)).toEqual({ ok: true, dialect: want });
  });
  it('names the closest dialect and the missing key', () => {
    const r = recognise({ name: 'x', id: 'y', how_to_implement: 'z', known_false_positives: 'w' });
    expect(r.ok).toBe(false);
    if (!r.ok) { expect(r.closest).toBe('escu'); expect(r.message).toContain("no 'search' key"); }
  });
});

describe('CAR implementation choice', () => {
  const text = 'id: CAR-2020-01-001\ntitle: t\nimplementations:\n  - type: pseudocode\n    code: output a\n  - name: Splunk version\n    type: Splunk\n    code: index=x\n';
  it('defaults to the pseudocode', () => expect(loadRuleSource(text, 'c.yml').rules[0].language).toBe('car'));
  it('takes an explicit choice, by type case-insensitively', () => {
    const r = loadRuleSource(text, 'c.yml', { carImplementation: 'SPLUNK' }).rules[0];
    expect(r.language).toBe('spl');
    expect(r.query.kind === 'text' && r.query.text).toBe('index=x');
  });
});

describe('tests list', () => {
  it('tests: [] with tests_skip_reason is untested, with the reason', () => {
    const r = loadRuleSource('title: t\ndetection: {condition: x}\ntests: []\ntests_skip_reason: needs a DC\n', 's.yml').rules[0];
    expect(r.tests).toEqual({ kind: 'untested', reason: 'needs a DC' });
  });
  it('field assertions beside alerts', () => {
    const r = loadRuleSource('title: t\ndetection: {condition: x}\ntests:\n  - dataset: d\n    expect: {alerts: 2, host.name: WS1}\n', 's.yml').rules[0];
    expect(r.tests.kind === 'cases' && r.tests.cases[0]).toMatchObject({ dataset: 'd', alerts: 2, fields: { 'host.name': 'WS1' } });
  });
});
