/**
 * The seed rules' exports carry what the issue asks: the Elastic rule's query, threat and
 * metadata as the TOML states them (tests stripped); the ESCU rule's original search in its
 * stanza; the CAR analytic exported where its fields map and refused, with the reason, where not.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConf } from '../support/conf-parser.ts';
import { toKibanaRule } from '../../engine/export/elastic.ts';
import { exportTargets } from '../../engine/export/registry.ts';
import type { ExportContext } from '../../engine/export/types.ts';
import { repoContext } from './replay.ts';

const ctx = repoContext();
const seed = (file: string) => {
  const r = ctx.rules.find((x) => x.rule.file === file);
  if (!r) throw new Error(`seed ${file} missing`);
  return r;
};
const only = (file: string): ExportContext => ({ ...ctx, rules: [seed(file)] });
const ELASTIC = 'rules/windows/lateral_movement_remote_scheduled_task_creation.toml';
const ESCU = 'rules/windows/schtasks_run_task_on_demand.yml';
const CAR = 'rules/windows/car_2015_04_002_remote_scheduled_tasks_rpc.yml';

describe('seed Elastic rule → Kibana', () => {
  const er = seed(ELASTIC);
  const c = toKibanaRule(er, ctx.attack);
  if (!c.ok) throw new Error(c.unsupported);
  const out = c.value;
  const own = er.rule.document.rule as Record<string, unknown>;

  it('keeps the query, and every metadata field the TOML gives, as written', () => {
    expect(out.query).toBe(String(own.query)); // detection-rules never normalises a query's whitespace
    for (const k of ['rule_id', 'name', 'description', 'risk_score', 'severity', 'from', 'index', 'language', 'type', 'references', 'tags', 'note', 'author', 'license']) {
      expect(out[k], k).toEqual(own[k]);
    }
  });

  it('carries the threat entries with tactic, technique and sub-technique {id, name, reference}', () => {
    expect(out.threat).toEqual(own.threat);
  });

  it('lists required_fields with ECS types and strips dac tests', () => {
    const fields = out.required_fields as { name: string; type: string; ecs: boolean }[];
    expect(fields.find((f) => f.name === 'source.ip')).toEqual({ name: 'source.ip', type: 'ip', ecs: true });
    expect(fields.find((f) => f.name === 'source.port')?.type).toBe('long');
    expect(JSON.stringify(out)).not.toContain('near_miss');
  });
});

describe('seed ESCU rule → Splunk', () => {
  const r = exportTargets.get('splunk')!.run(only(ESCU));
  const conf = r.artefacts.find((a) => a.path === 'savedsearches.conf')!.content;
  it('carries the original search (line continuations aside) and ESCU scheduling/annotations', () => {
    const [st] = parseConf(conf).stanzas;
    expect(st!.entries.get('search')).toBe((seed(ESCU).rule.query as { text: string }).text.trim());
    const want = { cron_schedule: '0 * * * *', enableSched: '1', 'dispatch.earliest_time': '-70m@m', 'dispatch.latest_time': '-10m@m', 'action.notable': '1', 'action.risk': '1', disabled: 'true' };
    for (const [k, v] of Object.entries(want)) expect(st!.entries.get(k), k).toBe(v);
    expect(st!.entries.get('action.escu.mappings')).toContain('"mitre_attack": ["T1053"]');
    expect(st!.entries.get('action.risk.param._risk')).toContain('{"risk_object_field": "dest", "risk_object_type": "system", "risk_score": 48}');
  });
  it('writes macros.conf with every macro the search calls, transitively, and not CIM\'s drop_dm_object_name', () => {
    const macros = parseConf(r.artefacts.find((a) => a.path === 'macros.conf')!.content).stanzas.map((s) => s.name);
    expect(macros).toEqual(['schtasks_run_task_on_demand_filter', 'security_content_ctime(1)', 'security_content_summariesonly']);
  });
});

describe('CAR analytic → every target', () => {
  const run = (t: string) => exportTargets.get(t)!.run(only(CAR));
  it('exports to Elastic (EQL over dac dce_rpc fields, said in a note), Sigma (Zeek dce_rpc) and Splunk (Zeek sourcetype)', () => {
    expect(JSON.parse(run('elastic').artefacts[0].content).query).toContain('dce_rpc.interface.name');
    expect(run('elastic').notes.some((n) => /no ECS field/.test(n.note))).toBe(true);
    expect(parse(run('sigma').artefacts[0].content).logsource).toEqual({ product: 'zeek', service: 'dce_rpc' });
    expect(run('splunk').artefacts.find((a) => a.path === 'savedsearches.conf')!.content).toContain('sourcetype="bro:dce_rpc:json"');
  });
  it('says plainly that Sentinel has no field for the RPC interface', () => {
    const r = run('sentinel');
    expect(r.artefacts).toEqual([]);
    expect(r.unsupported).toEqual([expect.objectContaining({ ruleId: 'CAR-2015-04-002', reason: expect.stringMatching(/dce_rpc\.\* fields .*no Sentinel equivalent/) })]);
  });
  it('appears in the Navigator layer under T1053.005', () => {
    const layer = JSON.parse(run('navigator').artefacts[0].content) as { techniques: { techniqueID: string; comment: string }[] };
    expect(layer.techniques.find((t) => t.techniqueID === 'T1053.005')?.comment).toContain('Remotely Scheduled Tasks via Schtasks');
  });
});
