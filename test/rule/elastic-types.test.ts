/**
 * Every Elastic rule type loads into the Rule model with its own language (never relabelled),
 * `[transform]` and `metadata.promotion` are accepted, and the schema holds each type to the keys
 * detection-rules requires of it (issue 20 item 1).
 */
import { describe, expect, it } from 'vitest';
import { checkSchema } from '../../engine/validate/checks/schema.ts';
import { loadRuleSource } from '../../engine/rule/load.ts';
import type { Rule } from '../../engine/rule/model.ts';

const HEAD = `[metadata]
creation_date = "2024/01/01"
maturity = "production"
updated_date = "2024/01/02"
promotion = true

[rule]
author = ["Elastic"]
description = "d"
license = "Elastic License v2"
name = "n"
risk_score = 21
rule_id = "00000000-0000-4000-8000-000000000001"
severity = "low"
`;

function load(body: string, tail = ''): Rule {
  const src = loadRuleSource(HEAD + body + tail, 'rules/x.toml');
  expect(src.rules).toHaveLength(1);
  return src.rules[0];
}
const schemaCodes = (r: Rule) => checkSchema(r).map((d) => `${d.code} ${d.message}`);

const TYPES: Record<string, string> = {
  query: 'type = "query"\nlanguage = "kuery"\nindex = ["logs-*"]\nquery = "process.name : cmd.exe"\n',
  saved_query: 'type = "saved_query"\nsaved_id = "abc"\n',
  eql: 'type = "eql"\nlanguage = "eql"\nquery = "process where true"\n',
  esql: 'type = "esql"\nlanguage = "esql"\nquery = "FROM logs-* | WHERE true"\n',
  threshold: 'type = "threshold"\nlanguage = "kuery"\nquery = "event.action:x"\n[rule.threshold]\nfield = ["host.id"]\nvalue = 5\n[[rule.threshold.cardinality]]\nfield = "user.name"\nvalue = 2\n',
  new_terms: 'type = "new_terms"\nlanguage = "kuery"\nquery = "event.action:x"\n[rule.new_terms]\nfield = "new_terms_fields"\nvalue = ["host.id", "user.name"]\n[[rule.new_terms.history_window_start]]\nfield = "history_window_start"\nvalue = "now-14d"\n',
  machine_learning: 'type = "machine_learning"\nanomaly_threshold = 75\nmachine_learning_job_id = ["job-a", "job-b"]\n',
  threat_match: 'type = "threat_match"\nlanguage = "kuery"\nquery = "file.hash.sha256:*"\nthreat_index = ["logs-ti_*"]\nthreat_query = "threat.indicator.file.hash.sha256:*"\nthreat_language = "kuery"\n[[rule.threat_mapping]]\n[[rule.threat_mapping.entries]]\nfield = "file.hash.sha256"\ntype = "mapping"\nvalue = "threat.indicator.file.hash.sha256"\n',
};

const TRANSFORM = `
[transform]
[[transform.osquery]]
label = "Osquery - Retrieve DNS Cache"
query = "SELECT * FROM dns_cache"

[[transform.investigate]]
label = "Alerts associated with the user"
providers = [[{ excluded = false, field = "event.kind", queryType = "phrase", value = "signal", valueType = "string" }]]
relativeFrom = "now-48h/h"
relativeTo = "now"
`;

describe('Elastic rule types', () => {
  it('each type passes the schema with [transform] and metadata.promotion, in its own language', () => {
    const langs: Record<string, string> = {};
    for (const [type, body] of Object.entries(TYPES)) {
      const r = load(body, TRANSFORM);
      expect([type, schemaCodes(r)]).toEqual([type, []]);
      langs[type] = `${r.language}/${r.query.kind}`;
    }
    expect(langs).toEqual({
      query: 'kuery/text', saved_query: 'none/none', eql: 'eql/text', esql: 'esql/text', threshold: 'kuery/text',
      new_terms: 'kuery/text', machine_learning: 'none/none', threat_match: 'kuery/text',
    });
  });

  it('machine_learning and threat_match rules name what they need to run', () => {
    expect(load(TYPES.machine_learning).requires).toEqual({ kind: 'ml-job', jobs: ['job-a', 'job-b'] });
    expect(load(TYPES.threat_match).requires).toEqual({ kind: 'indicator-index', indices: ['logs-ti_*'] });
    expect(load(TYPES.query).requires).toBeUndefined();
  });

  it('keeps the whole document, [transform] included, for the exports', () => {
    const r = load(TYPES.query, TRANSFORM);
    expect(Object.keys(r.document)).toEqual(['metadata', 'rule', 'transform']);
  });

  it('holds each type to its own required keys', () => {
    expect(schemaCodes(load('type = "threshold"\nlanguage = "kuery"\nquery = "a:b"\n'))).toEqual(["schema/required rule: missing required property 'threshold'"]);
    expect(schemaCodes(load('type = "machine_learning"\nanomaly_threshold = 50\n'))).toEqual(["schema/required rule: missing required property 'machine_learning_job_id'"]);
    expect(schemaCodes(load('type = "eql"\nlanguage = "kuery"\nquery = "a:b"\n'))[0]).toMatch(/^schema\/enum rule\.language: must be one of "eql"/);
    const tooMany = TYPES.new_terms.replace('["host.id", "user.name"]', '["a", "b", "c", "d"]');
    expect(schemaCodes(load(tooMany))).toEqual(['schema/maxItems rule.new_terms.value: must NOT have more than 3 items']);
    expect(schemaCodes(load(TYPES.query, '\n[transform]\nbogus = 1\n'))).toEqual(["schema/additionalProperties transform: unknown property 'bogus'"]);
  });
});
