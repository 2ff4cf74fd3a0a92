/**
 * Splunk target: savedsearches.conf stanzas laid out as ESCU ships its detections (search,
 * cron_schedule, dispatch window, enableSched, action.escu.*, action.correlationsearch.annotations
 * with the MITRE ids, action.notable.*, action.risk.*), plus macros.conf for the macros the
 * searches call. ESCU rules keep their own search; other rules get SPL printed from the IR
 * (CIM tstats where every field maps, else a raw XmlWinEventLog search). dce_rpc.* fields have no
 * CIM or Windows TA field: an event query over them is written for the Zeek TA's dce_rpc
 * sourcetype (bro:dce_rpc:json, Zeek's own names), which dac's SPL reader cannot check.
 */
import type { Predicate } from '../ir/types.ts';
import { printSearch } from '../lang/spl/print-expr.ts';
import { printSpl } from '../lang/spl/print.ts';
import type { MacroDefinition } from '../rule/model.ts';
import { fieldsUsed } from './fields-used.ts';
import { severityOf, techniqueIds, threat } from './meta.ts';
import { chooseLogsource } from './sigma-logsource.ts';
import { twoValued } from './two-valued.ts';
import { ResultBuilder, ok, unsupported, type Converted, type ExportContext, type ExportRule, type ExportTarget } from './types.ts';

type Doc = Record<string, unknown>;
const ZEEK_SOURCETYPE = 'bro:dce_rpc:json';

function zeekSearch(er: ExportRule): Converted<string> {
  const q = er.query!;
  if (q.kind !== 'event') return unsupported('only single-event queries over DCE/RPC fields are written for the Zeek TA');
  const chosen = chooseLogsource(q.filter);
  if (chosen.logsource.product !== 'zeek') return unsupported('no Splunk field for dce_rpc.*');
  const problems: string[] = [];
  const body = printSearch(twoValued(chosen.rest, q.logic) as Predicate, (ecs) => chosen.name(ecs) ?? (problems.push(`field ${ecs} has no Zeek dce_rpc name`), ecs), problems, false);
  if (problems.length) return unsupported(problems.join('; '));
  return ok(`search sourcetype="${ZEEK_SOURCETYPE}" ${body}`,
    [`dce_rpc.* fields have no CIM data model or Windows TA equivalent; written over the Zeek TA's ${ZEEK_SOURCETYPE} sourcetype with Zeek's names (endpoint, id.orig_p, id.resp_p)`],
    "dac's SPL reader knows Windows sourcetypes only, so this Zeek search is not replayed");
}

/** The SPL search for a rule: its own for SPL rules, else printed from the IR; or why there is none. */
export function toSpl(er: ExportRule): Converted<string> {
  if (!er.query) return unsupported(`the rule does not compile: ${er.compileErrors.join('; ')}`);
  if (er.rule.query.kind === 'text' && er.rule.query.language === 'spl') return ok(er.rule.query.text.trim());
  if (fieldsUsed(er.query).some((f) => f.startsWith('dce_rpc.'))) return zeekSearch(er);
  // printSpl writes Windows searches (XmlWinEventLog, Sysmon names); other Sigma log sources
  // (Linux, cloud, Zeek logs but dce_rpc) have no sourcetype table in dac yet.
  const origin = er.query.kind === 'event' ? er.query.source?.origin : undefined;
  if (origin?.lang === 'sigma' && origin.product?.toLowerCase() !== 'windows') {
    return unsupported(`dac's SPL export writes Windows event searches only; Sigma log source ${JSON.stringify({ product: origin.product, category: origin.category, service: origin.service })} has no Splunk sourcetype mapping yet`);
  }
  const p = printSpl(er.query);
  if (p.problems.length) return unsupported(`no SPL form in dac's subset: ${[...new Set(p.problems)].join('; ')}`);
  return ok(p.text);
}

/** A .conf value on one logical line: newlines become `\` continuations, as the spec allows. */
const conf = (v: string): string => v.replace(/\r?\n/g, ' \\\n');
const oneLine = (v: string): string => v.replace(/\s*\r?\n\s*/g, ' ').trim();
const json = (v: unknown): string => JSON.stringify(v);

function stanza(er: ExportRule, search: string, ctx: ExportContext): string {
  const r = er.rule;
  const d = r.document;
  const tags = (d.tags ?? {}) as Doc;
  const rba = (d.rba ?? {}) as Doc;
  const title = `${r.dialect === 'escu' ? 'ESCU' : 'dac'} - ${r.name} - Rule`;
  const severity = severityOf(r);
  const mitre = techniqueIds(r);
  const stories = Array.isArray(tags.analytic_story) ? tags.analytic_story : [];
  const riskObjects = Array.isArray(rba.risk_objects) ? (rba.risk_objects as Doc[]) : [];
  const threatObjects = Array.isArray(rba.threat_objects) ? (rba.threat_objects as Doc[]) : [];
  const risk = [
    ...riskObjects.map((o) => ({ risk_object_field: o.field, risk_object_type: o.type, risk_score: o.score })),
    ...threatObjects.map((o) => ({ threat_object_field: o.field, threat_object_type: o.type })),
  ];
  const lines: [string, string][] = [
    ['action.escu', '0'],
    ['action.escu.enabled', '1'],
    ['description', oneLine(r.description)],
    ['action.escu.mappings', json({ mitre_attack: mitre })],
    ['action.escu.data_models', json(/datamodel=(\w+)/.exec(search)?.slice(1) ?? [])],
    ['action.escu.eli5', oneLine(r.description)],
    ['action.escu.how_to_implement', oneLine(String(d.how_to_implement ?? ''))],
    ['action.escu.known_false_positives', oneLine(r.falsePositives.join(' ') || 'None known.')],
    ['action.escu.creation_date', String(d.date ?? '')],
    ['action.escu.modification_date', String(d.date ?? '')],
    ['action.escu.confidence', 'high'],
    ['action.escu.search_type', 'detection'],
    ['action.escu.product', json(Array.isArray(tags.product) ? tags.product : ['Splunk Enterprise', 'Splunk Enterprise Security', 'Splunk Cloud'])],
    ['action.escu.analytic_story', json(stories)],
    ['cron_schedule', '0 * * * *'],
    ['dispatch.earliest_time', '-70m@m'],
    ['dispatch.latest_time', '-10m@m'],
    ['action.correlationsearch.enabled', '1'],
    ['action.correlationsearch.label', title],
    ['action.correlationsearch.annotations', json({
      analytic_story: stories, mitre_attack: mitre,
      mitre_attack_tactics: threat(r, ctx.attack).map((t) => t.tactic.name),
      ...(riskObjects.length ? { risk_score: Math.max(...riskObjects.map((o) => Number(o.score) || 0)) } : {}),
    })],
    ['schedule_window', 'auto'],
    ['action.notable', '1'],
    ['action.notable.param.nes_fields', riskObjects.map((o) => String(o.field)).join(',')],
    ['action.notable.param.rule_description', oneLine(r.description)],
    ['action.notable.param.rule_title', r.name],
    ['action.notable.param.security_domain', String(tags.security_domain ?? 'endpoint')],
    ['action.notable.param.severity', severity],
    ['alert.digest_mode', '1'],
    ['alert.suppress', '0'],
    ['enableSched', '1'],
    ['counttype', 'number of events'],
    ['relation', 'greater than'],
    ['quantity', '0'],
    ['realtime_schedule', '0'],
    ['is_visible', 'false'],
    ...(risk.length ? [
      ['action.risk', '1'], ['action.risk.param._risk_message', oneLine(String(rba.message ?? r.name))], ['action.risk.param._risk', json(risk)], ['action.risk.param.verbose', '0'],
    ] as [string, string][] : []),
    ['search', conf(search)],
  ];
  return `[${title}]\n${lines.map(([k, v]) => `${k} = ${v}`).join('\n')}\n`;
}

/** Macros a search calls (`name` or `name(args)` inside backticks), resolved by name and arity. */
function macrosUsed(search: string, macros: ReadonlyMap<string, MacroDefinition>): MacroDefinition[] {
  const out = new Map<string, MacroDefinition>();
  for (const m of search.matchAll(/`([A-Za-z0-9_]+)(?:\(([^`]*)\))?`/g)) {
    const n = m[2] === undefined ? 0 : m[2].split(',').length;
    const def = macros.get(n ? `${m[1]}(${n})` : m[1]!) ?? macros.get(m[1]!);
    if (def) out.set(def.name, def);
  }
  return [...out.values()];
}

function macroStanza(m: MacroDefinition): string {
  return `[${m.name}]\n${m.arguments.length ? `args = ${m.arguments.join(', ')}\n` : ''}definition = ${conf(m.definition)}\n${m.description ? `description = ${oneLine(m.description)}\n` : ''}iseval = 0\n`;
}

export const splunkTarget: ExportTarget = {
  name: 'splunk',
  description: 'Splunk savedsearches.conf stanzas (ESCU layout) and the macros.conf they need',
  shape: 'bundle',
  run(ctx) {
    const out = new ResultBuilder();
    const stanzas: string[] = [];
    const macros = new Map<string, MacroDefinition>();
    for (const er of ctx.rules) {
      const c = toSpl(er);
      if (!c.ok) { out.skip(er, c.unsupported); continue; }
      out.note(er, c.notes);
      stanzas.push(stanza(er, c.value, ctx));
      for (const m of macrosUsed(c.value, ctx.macros)) macros.set(m.name, m);
    }
    out.artefacts.push({ path: 'savedsearches.conf', content: stanzas.join('\n') });
    out.artefacts.push({ path: 'macros.conf', content: [...macros.values()].sort((a, b) => (a.name < b.name ? -1 : 1)).map(macroStanza).join('\n') });
    return out.result();
  },
};
