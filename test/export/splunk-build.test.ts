/**
 * The Splunk build key by key against contentctl's defaults (savedsearches_detections.j2 and the
 * ESCU default deployments): disabled on install, notable/risk per detection type, v4 and v5 RBA,
 * annotations, metadata, app prefix; and every search of the repo's build expands with the
 * shipped macros.conf alone.
 */
import { describe, expect, it } from 'vitest';
import { attackCatalogue } from '../../engine/attack/catalogue.ts';
import { compileForExport } from '../../engine/export/prepare.ts';
import { compileEnv } from '../../engine/validate/compile.ts';
import { splunkTarget } from '../../engine/export/splunk.ts';
import { loadRuleSource } from '../../engine/rule/load.ts';
import type { MacroDefinition } from '../../engine/rule/model.ts';
import { parseConf } from '../support/conf-parser.ts';
import { unexpandable } from '../support/splunk-build.ts';
import { repoContext } from './replay.ts';

const detection = (type: string, extra = '') => `name: Test ${type} Detection
id: 11111111-2222-4333-8444-55555555555${type.length}
version: 4
date: '2024-09-30'
author: A, B
status: production
type: ${type}
description: Finds things.
data_source: [Sysmon EventID 1]
search: '| tstats \`security_content_summariesonly\` count from datamodel=Endpoint.Processes by Processes.dest Processes.user | \`drop_dm_object_name(Processes)\` | \`test_${type.toLowerCase()}_detection_filter\`'
how_to_implement: Install Sysmon.
known_false_positives: Admins.
references: []
tags:
  analytic_story: [Story One]
  asset_type: Endpoint
  cve: [CVE-2021-0001]
  mitre_attack_id: [T1003.001]
  product: [Splunk Enterprise]
  security_domain: endpoint
${extra}`;
const V4 = `  confidence: 80
  impact: 80
  risk_score: 64
  message: Dump on $dest$
  observable:
  - {name: dest, type: Endpoint, role: [Victim]}
  - {name: user, type: User, role: [Victim]}
  - {name: process_name, type: Process Name, role: [Attacker]}
`;
const MACROS = new Map<string, MacroDefinition>([
  ['security_content_summariesonly', { name: 'security_content_summariesonly', definition: 'summariesonly=`summariesonly_config`', arguments: [], file: 'm' }],
  ['summariesonly_config', { name: 'summariesonly_config', definition: 'false', arguments: [], file: 'm' }],
  ['drop_dm_object_name(1)', { name: 'drop_dm_object_name(1)', definition: 'rename $object$.* as *', arguments: ['object'], file: 'cim' }],
]);

function build(types: Record<string, string>) {
  const rules = Object.entries(types).map(([t, extra]) => loadRuleSource(detection(t, extra), `rules/escu/${t}.yml`).rules[0]!);
  const out = splunkTarget.run({ rules: compileForExport(rules, compileEnv(rules, MACROS)), macros: MACROS, attack: attackCatalogue(), settings: { splunkApp: 'ACME' } });
  const conf = (p: string) => out.artefacts.find((a) => a.path === p)!.content;
  return { out, saved: new Map(parseConf(conf('savedsearches.conf')).stanzas.map((s) => [s.name, s.entries])), macros: parseConf(conf('macros.conf')).stanzas, conf };
}

describe('contentctl defaults per detection type', () => {
  const { saved } = build({ TTP: V4, Anomaly: V4, Hunting: V4, Correlation: V4 });
  const get = (t: string) => saved.get(`ACME - Test ${t} Detection - Rule`)!;

  it('names stanzas with the configured app label and installs them disabled', () => {
    expect([...saved.keys()].sort()).toEqual(['ACME - Test Anomaly Detection - Rule', 'ACME - Test Correlation Detection - Rule', 'ACME - Test Hunting Detection - Rule', 'ACME - Test TTP Detection - Rule']);
    for (const e of saved.values()) { expect(e.get('disabled')).toBe('true'); expect(e.get('allow_skew')).toBe('100%'); expect(e.get('action.correlationsearch.detection_type')).toBe('ebd'); }
  });
  it('TTP: notable and risk; Anomaly: risk only; Hunting: neither; Correlation: notable only (RBA: title)', () => {
    expect([get('TTP').get('action.notable'), get('TTP').get('action.risk')]).toEqual(['1', '1']);
    expect([get('Anomaly').get('action.notable'), get('Anomaly').get('action.risk')]).toEqual([undefined, '1']);
    expect([get('Hunting').get('action.notable'), get('Hunting').get('action.risk')]).toEqual([undefined, undefined]);
    expect([get('Correlation').get('action.notable'), get('Correlation').get('action.risk')]).toEqual(['1', undefined]);
    expect(get('Correlation').get('action.notable.param.rule_title')).toBe('RBA: Test Correlation Detection');
    expect(get('TTP').get('action.notable.param._entities')).toBe('[{"risk_object_field": "N/A", "risk_object_type": "N/A", "risk_score": 0}]');
    expect(get('TTP').get('action.notable.param.nes_fields')).toBe('user,dest');
    expect(get('TTP').get('action.notable.param.severity')).toBe('high');
  });
  it('v4 RBA from tags.observable and tags.risk_score, message from tags.message', () => {
    expect(get('TTP').get('action.risk.param._risk')).toBe('[{"risk_object_field": "dest", "risk_object_type": "system", "risk_score": 64}, {"risk_object_field": "user", "risk_object_type": "user", "risk_score": 64}, {"threat_object_field": "process_name", "threat_object_type": "process"}]');
    expect(get('TTP').get('action.risk.param._risk_message')).toBe('Dump on $dest$');
  });
  it('annotations carry analytic_story, confidence, cve, data_source, impact, kill chain, cis20, nist, mitre, type', () => {
    expect(JSON.parse(get('TTP').get('action.correlationsearch.annotations')!)).toEqual({
      analytic_story: ['Story One'], confidence: 80, cve: ['CVE-2021-0001'], data_source: ['Sysmon EventID 1'], impact: 80,
      cis20: ['CIS 10'], kill_chain_phases: ['Exploitation'], mitre_attack: ['T1003.001'], nist: ['DE.CM'], type: 'TTP', type_list: ['TTP'],
    });
    expect(JSON.parse(get('Anomaly').get('action.correlationsearch.annotations')!).nist).toEqual(['DE.AE']);
    expect(get('TTP').get('action.correlationsearch.metadata')).toBe('{"deprecated": "0", "detection_id": "11111111-2222-4333-8444-555555555553", "detection_version": "4", "publish_time": 1727654400.0}');
    expect(get('TTP').get('action.escu.providing_technologies')).toBe('["Carbon Black Response", "CrowdStrike Falcon", "Microsoft Sysmon", "Microsoft Windows", "Symantec Endpoint Protection"]');
  });
});

describe('v5 rba, throttling, drilldowns', () => {
  const v5 = `  throttling:
    fields: [dest]
    period: 86400s
rba:
  message: Seen on $dest$
  risk_objects:
  - {field: user, type: user, score: 30}
  - {field: dest, type: system, score: 90}
  threat_objects:
  - {field: process_name, type: process_name}
drilldown_searches:
- name: View $dest$
  search: '%original_detection_search% | search dest=$dest$'
  earliest_offset: $info_min_time$
  latest_offset: $info_max_time$
`;
  const { saved } = build({ TTP: v5 });
  const e = saved.get('ACME - Test TTP Detection - Rule')!;
  it('risk objects sorted as contentctl sorts them; severity from the highest score', () => {
    expect(e.get('action.risk.param._risk')).toBe('[{"risk_object_field": "dest", "risk_object_type": "system", "risk_score": 90}, {"risk_object_field": "user", "risk_object_type": "user", "risk_score": 30}, {"threat_object_field": "process_name", "threat_object_type": "process_name"}]');
    expect(e.get('action.risk.param._risk_message')).toBe('Seen on $dest$');
    expect(e.get('action.notable.param.severity')).toBe('critical');
  });
  it('throttling and drilldowns (the placeholder replaced by the search)', () => {
    expect([e.get('alert.suppress'), e.get('alert.suppress.fields'), e.get('alert.suppress.period')]).toEqual(['true', 'dest', '86400s']);
    const dd = JSON.parse(e.get('action.notable.param.drilldown_searches')!) as { search: string }[];
    expect(dd[0]!.search).toBe(`${e.get('search')} | search dest=$dest$`);
  });
});

describe('macros.conf', () => {
  it('is the transitive closure of what the searches call, never CIM\'s, with filter macros contentctl would generate', () => {
    const { macros } = build({ TTP: V4 });
    expect(macros.map((s) => s.name)).toEqual(['security_content_summariesonly', 'summariesonly_config', 'test_ttp_detection_filter']);
    expect(macros[2]!.entries.get('definition')).toBe('search *');
  });
  it('every search of the repo\'s own build expands with the shipped macros.conf alone', () => {
    const out = splunkTarget.run(repoContext());
    const conf = (p: string) => out.artefacts.find((a) => a.path === p)!.content;
    expect(parseConf(conf('savedsearches.conf')).stanzas.length).toBeGreaterThan(0);
    expect(unexpandable(conf('savedsearches.conf'), conf('macros.conf'))).toEqual([]);
  });
  it('the check catches a search whose macro is missing', () => {
    expect(unexpandable('[S]\nsearch = `nope` | `drop_dm_object_name(X)` | `x_filter`\n', '')).toEqual(['S: `x_filter` is not in macros.conf', 'S: unknown macro `nope`']);
  });
});
