/**
 * The Kibana export of Elastic TOML rules, field by field against what detection-rules'
 * to_api_format writes (rules written inline; the corpus-wide check is test/corpus/kibana-export.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { attackCatalogue } from '../../engine/attack/catalogue.ts';
import { toKibanaRule } from '../../engine/export/elastic.ts';
import { requiredFields, relatedIntegrations } from '../../engine/export/kibana/integrations.ts';
import { nestedNormalize, pythonJson, safeSubstitute, splitSetup } from '../../engine/export/kibana/note.ts';
import { compileForExport, gateInvalid } from '../../engine/export/prepare.ts';
import { compileEnv } from '../../engine/validate/compile.ts';
import type { ExportContext } from '../../engine/export/types.ts';
import { loadRuleSource } from '../../engine/rule/load.ts';

const BASE = `[metadata]
creation_date = "2020/01/01"
integration = ["endpoint", "windows"]
maturity = "production"
updated_date = "2024/01/01"

[rule]
author = ["Elastic"]
description = """
Two lines
  of text.
"""
from = "now-9m"
index = ["logs-endpoint.events.process-*"]
language = "eql"
license = "Elastic License v2"
name = "Test rule"
risk_score = 47
rule_id = "00000000-0000-4000-8000-000000000001"
severity = "medium"
tags = ["OS: Windows"]
timestamp_override = "event.ingested"
type = "eql"
query = '''
process where event.type == "start" and process.command_line : "*-enc*" and process.name : "powershell.exe"
'''
`;

function kibana(toml: string, lock?: number): Record<string, unknown> {
  const loaded = loadRuleSource(toml, 'rules/windows/test.toml');
  expect(loaded.rules).toHaveLength(1);
  const [er] = compileForExport(loaded.rules, compileEnv(loaded.rules, new Map()));
  const c = toKibanaRule(er!, attackCatalogue(), lock);
  if (!c.ok) throw new Error(c.unsupported);
  return c.value;
}

describe('Kibana export of a detection-rules TOML rule', () => {
  it('carries the [rule] table, normalises whitespace as detection-rules does and keeps the query verbatim', () => {
    const k = kibana(BASE);
    expect(k.description).toBe('Two lines of text.');
    expect(k.query).toBe('process where event.type == "start" and process.command_line : "*-enc*" and process.name : "powershell.exe"\n');
    expect(k.timestamp_override).toBe('event.ingested');
    expect(k.from).toBe('now-9m');
    expect(k).not.toHaveProperty('interval');
    expect(k.version).toBe(1);
    expect(k.enabled).toBe(false);
    expect(Object.keys(k)).toEqual([...Object.keys(k)].sort());
  });

  it('types required_fields from ECS (process.command_line is wildcard) and lists related integrations', () => {
    const k = kibana(BASE);
    expect(k.required_fields).toEqual([
      { name: 'event.type', type: 'keyword', ecs: true },
      { name: 'process.command_line', type: 'wildcard', ecs: true },
      { name: 'process.name', type: 'keyword', ecs: true },
    ]);
    expect((k.related_integrations as { package: string }[]).map((r) => r.package)).toEqual(['endpoint', 'windows']);
    expect(k.related_integrations).toEqual([{ package: 'endpoint', version: expect.stringMatching(/^\^\d/) }, { package: 'windows', version: expect.stringMatching(/^\^\d/) }]);
  });

  it('keeps building blocks, alert suppression, investigation fields, exceptions and the rest as written', () => {
    const extra = BASE.replace('type = "eql"\n', `type = "eql"
building_block_type = "default"
event_category_override = "event.type"
tiebreaker_field = "event.sequence"
rule_name_override = "process.name"
exceptions_list = [{id = "x", list_id = "y", namespace_type = "single", type = "detection"}]
setup = "Enable logging."
investigation_fields = {field_names = ["process.name"]}
alert_suppression = {group_by = ["host.id"], missing_fields_strategy = "suppress", duration = {unit = "m", value = 5}}
`);
    const k = kibana(extra);
    expect(k.building_block_type).toBe('default');
    expect(k.event_category_override).toBe('event.type');
    expect(k.tiebreaker_field).toBe('event.sequence');
    expect(k.rule_name_override).toBe('process.name');
    expect(k.exceptions_list).toEqual([{ id: 'x', list_id: 'y', namespace_type: 'single', type: 'detection' }]);
    expect(k.setup).toBe('Enable logging.');
    expect(k.investigation_fields).toEqual({ field_names: ['process.name'] });
    expect(k.alert_suppression).toEqual({ duration: { unit: 'm', value: 5 }, group_by: ['host.id'], missing_fields_strategy: 'suppress' });
  });

  it('keeps tactic-only threat entries, with technique [] as detection-rules fills it', () => {
    const k = kibana(`${BASE}
[[rule.threat]]
framework = "MITRE ATT&CK"
[rule.threat.tactic]
id = "TA0002"
name = "Execution"
reference = "https://attack.mitre.org/tactics/TA0002/"
`);
    expect(k.threat).toEqual([{ framework: 'MITRE ATT&CK', tactic: { id: 'TA0002', name: 'Execution', reference: 'https://attack.mitre.org/tactics/TA0002/' }, technique: [] }]);
  });

  it('renders [transform] placeholders into the note', () => {
    const note = 'note = """Look: $osquery_0 and $' + '{investigate_0}, cost $$5, keep $env:TEMP and $osquery_9."""\n';
    const k = kibana(`${BASE.replace('type = "eql"\n', `type = "eql"\n${note}`)}
[transform]
[[transform.osquery]]
label = "Osquery - Ünïcode"
query = "SELECT * FROM processes"

[[transform.investigate]]
label = "Alerts"
providers = [[{excluded = false, field = "host.id", queryType = "phrase", value = "{{host.id}}", valueType = "string"}]]
`);
    expect(k.note).toBe('Look: !{osquery{"label":"Osquery - \\u00dcn\\u00efcode","query":"SELECT * FROM processes"}} and '
      + '!{investigate{"label":"Alerts","providers":[[{"excluded":false,"field":"host.id","queryType":"phrase","value":"{{host.id}}","valueType":"string"}]]}}'
      + ', cost $5, keep $env:TEMP and $osquery_9.');
  });

  it('moves a ## Setup section out of the note when the rule has no setup', () => {
    const k = kibana(BASE.replace('type = "eql"\n', 'type = "eql"\nnote = """## Triage\\n\\nLook.\\n\\n## Setup\\n\\nInstall the integration.\\n"""\n'));
    expect(k.setup).toBe('Install the integration.');
    expect(k.note).toBe('## Triage\n\nLook.');
  });

  it('takes the version from the TOML, else the version lock, else 1', () => {
    expect(kibana(BASE, 7).version).toBe(7);
    expect(kibana(BASE.replace('type = "eql"\n', 'type = "eql"\nversion = 3\n'), 7).version).toBe(3);
  });

  it('writes new_terms in the API shape (new_terms_fields, history_window_start)', () => {
    const k = kibana(BASE.replace('language = "eql"', 'language = "kuery"').replace('type = "eql"', 'type = "new_terms"').replace(/query = '''[\s\S]*'''\n/, 'query = "event.category:process"\n')
      + '\n[rule.new_terms]\nfield = "new_terms_fields"\nvalue = ["host.id"]\n[[rule.new_terms.history_window_start]]\nfield = "history_window_start"\nvalue = "now-7d"\n');
    expect(k.type).toBe('new_terms');
    expect(k.new_terms_fields).toEqual(['host.id']);
    expect(k.history_window_start).toBe('now-7d');
    expect(k).not.toHaveProperty('new_terms');
  });
});

describe('Kibana export of other dialects', () => {
  it('maps Sigma informational to Kibana low (Kibana has no informational)', () => {
    const yml = `title: T\nid: 11111111-1111-4111-8111-111111111111\nstatus: test\nlevel: informational\ndescription: d\nlogsource: {product: windows, category: process_creation}\ndetection:\n  sel: {Image|endswith: '\\\\x.exe'}\n  condition: sel\n`;
    const loaded = loadRuleSource(yml, 'rules/windows/t.yml');
    const [er] = compileForExport(loaded.rules, compileEnv(loaded.rules, new Map()));
    const c = toKibanaRule(er!, attackCatalogue());
    expect(c.ok && c.value.severity).toBe('low');
    expect(c.ok && c.value.risk_score).toBe(21);
  });
});

describe('pieces', () => {
  it('nested_normalize keeps query, note and setup, cleans the rest at any depth', () => {
    expect(nestedNormalize({ a: ' x \n y ', query: ' q\n', note: ' n\n', l: [' z\n'], o: { setup: ' s\n', b: '\n c ' } }))
      .toEqual({ a: 'x y', query: ' q\n', note: ' n\n', l: ['z'], o: { setup: ' s\n', b: 'c' } });
  });
  it('pythonJson sorts keys, is compact and escapes non-ASCII', () => {
    expect(pythonJson({ b: 1, a: ['é', '"'] })).toBe('{"a":["\\u00e9","\\""],"b":1}');
  });
  it('safeSubstitute follows string.Template.safe_substitute', () => {
    const m = new Map([['x_0', 'X']]);
    expect(safeSubstitute('$x_0 ${x_0} $$x_0 $y $ 1 ${x_0', m)).toBe('X X $x_0 $y $ 1 ${x_0');
  });
  it('splitSetup only acts on a heading that reads Setup', () => {
    expect(splitSetup('## Notes\n\nSetup is easy.')).toBeUndefined();
    expect(splitSetup('## Setup\n\n- Enable **HTTP**\n- See [docs](https://x)\n')?.setup).toBe('Enable HTTP\nSee docs');
  });
  it('required_fields: non-ECS names are typed from the non-ECS schema, else unknown', () => {
    expect(requiredFields(['zz.nothing', 'process.name', 'process.name'])).toEqual([
      { name: 'process.name', type: 'keyword', ecs: true }, { name: 'zz.nothing', type: 'unknown', ecs: false },
    ]);
  });
  it('related_integrations: dataset packages get their integration when it is a policy template; unknown packages are reported', () => {
    const r = relatedIntegrations(['aws', 'no_such_pkg', 'endpoint'], 'esql', ['aws.cloudtrail']);
    expect(r.unknown).toEqual(['no_such_pkg']);
    expect(r.value.map((x) => [x.package, x.integration])).toEqual([['aws', undefined], ['endpoint', undefined], ['aws', 'cloudtrail']]);
  });
});

describe('validation gate', () => {
  it('holds back rules with validation errors unless forced', () => {
    const ok = loadRuleSource(BASE, 'rules/a.toml').rules[0]!;
    const bad = loadRuleSource(BASE.replace('00000001', '00000002'), 'rules/b.toml').rules[0]!;
    const ctx = { rules: [{ rule: ok, compileErrors: [], validationErrors: [] }, { rule: bad, compileErrors: [], validationErrors: ['rules/b.toml:1:1: error x: y'] }], macros: new Map(), attack: attackCatalogue() } as ExportContext;
    const held = gateInvalid(ctx, false);
    expect(held.ctx.rules.map((r) => r.rule.file)).toEqual(['rules/a.toml']);
    expect(held.held.map((r) => r.rule.file)).toEqual(['rules/b.toml']);
    const forced = gateInvalid(ctx, true);
    expect(forced.ctx.rules).toHaveLength(2);
    expect(forced.forced.map((r) => r.rule.file)).toEqual(['rules/b.toml']);
  });
});
