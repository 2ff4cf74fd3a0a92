/**
 * threshold and new_terms rules run as IR aggregations (issue 20 item 3): counted per group within
 * the look-back, with cardinality; first sightings of a term combination within the history window.
 */
import { describe, expect, it } from 'vitest';
import { frontEnd } from '../../../engine/lang/kuery/index.ts';
import { ECS_CATALOG } from '../../../engine/ir/fields.ts';
import { loadRuleSource } from '../../../engine/rule/load.ts';
import { runQuery } from '../../../engine/runtime/index.ts';
import { events } from '../../support/events.ts';

const HEAD = `[metadata]
creation_date = "2024/01/01"
maturity = "production"
updated_date = "2024/01/02"

[rule]
author = ["Elastic"]
description = "d"
license = "Elastic License v2"
name = "n"
risk_score = 21
rule_id = "00000000-0000-4000-8000-000000000001"
severity = "low"
language = "kuery"
index = ["logs-system.*"]
query = "event.action:logon-failed"
`;

function compile(body: string) {
  const rule = loadRuleSource(HEAD + body, 'rules/x.toml').rules[0];
  const r = frontEnd.compileRule(rule, { fields: ECS_CATALOG });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.query!;
}

const MIN = 60_000;
const fail = (host: string, user: string, ts: number) => ({ 'event.action': 'logon-failed', 'host.id': host, 'user.name': user, ts });

describe('threshold', () => {
  const rule = 'type = "threshold"\nfrom = "now-5m"\n[rule.threshold]\nfield = ["host.id"]\nvalue = 3\n';
  it('alerts where a group reaches the count within the look-back, once per window', () => {
    const q = compile(rule);
    const evs = events([fail('a', 'u1', 0), fail('a', 'u2', MIN), fail('b', 'u1', MIN), fail('a', 'u3', 2 * MIN), fail('a', 'u3', 3 * MIN), { 'event.action': 'other', 'host.id': 'a', ts: 3 * MIN }]);
    const alerts = runQuery(q, evs);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].fields['host.id']).toBe('a');
  });
  it('does not count events outside the look-back together', () => {
    const q = compile(rule);
    expect(runQuery(q, events([fail('a', 'u', 0), fail('a', 'u', 6 * MIN), fail('a', 'u', 12 * MIN)]))).toHaveLength(0);
  });
  it('with cardinality: needs that many distinct values too', () => {
    const q = compile(rule + '[[rule.threshold.cardinality]]\nfield = "user.name"\nvalue = 3\n');
    expect(runQuery(q, events([fail('a', 'u1', 0), fail('a', 'u1', 1), fail('a', 'u2', 2)]))).toHaveLength(0);
    expect(runQuery(q, events([fail('a', 'u1', 0), fail('a', 'u2', 1), fail('a', 'u3', 2)]))).toHaveLength(1);
  });
});

describe('new_terms', () => {
  const rule = 'type = "new_terms"\n[rule.new_terms]\nfield = "new_terms_fields"\nvalue = ["host.id", "user.name"]\n[[rule.new_terms.history_window_start]]\nfield = "history_window_start"\nvalue = "now-1d"\n';
  it('alerts at the first sighting of each combination, and again after the history window', () => {
    const q = compile(rule);
    const DAY = 24 * 60 * MIN;
    const alerts = runQuery(q, events([fail('a', 'u1', 0), fail('a', 'u1', MIN), fail('a', 'u2', 2 * MIN), fail('b', 'u1', 3 * MIN), fail('a', 'u1', 2 * DAY)]));
    expect(alerts.map((a) => `${String(a.fields['host.id'])}/${String(a.fields['user.name'])}`)).toEqual(['a/u1', 'a/u2', 'b/u1', 'a/u1']);
  });
});
