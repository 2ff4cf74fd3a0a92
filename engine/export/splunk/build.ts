/**
 * The three files of contentctl's build, key by key as its templates write them
 * (contentctl/output/templates: savedsearches_detections.j2, macros.j2, analyticstories_*.j2):
 * every stanza through conf.ts, every JSON value as Jinja's tojson writes it.
 */
import { EXTERNAL_MACRO_APPS } from '../../lang/spl/external-macros.ts';
import { expandMacros, GENERATED_FILTER_DEFINITION, resolveMacro } from '../../lang/spl/macros.ts';
import type { MacroDefinition } from '../../rule/model.ts';
import { jinjaJson, PyFloat, stanza, type ConfPairs } from './conf.ts';
import { enrich, severityOf, statusAwareDescription, type Detection } from './detection.ts';
import type { Story } from './stories.ts';

/** contentctl's stanza name: "<app label> - <name> - Rule" (CONTENTCTL_DETECTION_STANZA_NAME_FORMAT_TEMPLATE). */
export const stanzaName = (app: string, name: string): string => `${app} - ${name} - Rule`;

/** contentctl's DataModel enum values, in its order: the data models a search names. */
const DATA_MODELS = ['Endpoint', 'Network_Traffic', 'Authentication', 'Change', 'Change_Analysis', 'Email', 'Network_Resolution', 'Network_Sessions', 'UEBA', 'Updates', 'Vulnerabilities', 'Web', 'Risk', 'Splunk_Audit'];

/** ProvidingTechnology.getProvidingTechFromSearch: substrings of the search → technologies, sorted. */
const PROVIDING: ReadonlyArray<[string, readonly string[]]> = [
  ['`amazon_security_lake`', ['Amazon Security Lake']], ['audit_searches', ['Splunk Internal Logs']],
  ['`azure_monitor_aad`', ['Azure AD', 'Entra ID']], ['`cloudtrail`', ['Amazon Web Services - Cloudtrail']],
  ['Endpoint', ['Microsoft Sysmon', 'Microsoft Windows', 'Carbon Black Response', 'CrowdStrike Falcon', 'Symantec Endpoint Protection']],
  ['`google_', ['Google Workspace', 'Google Cloud Platform']], ['`gsuite', ['Google Workspace', 'Google Cloud Platform']], ['`gws_', ['Google Workspace', 'Google Cloud Platform']],
  ['`kube', ['Kubernetes']], ['`ms_defender`', ['Microsoft Defender']], ['`o365_', ['Microsoft Office 365']], ['`okta', ['Okta']],
  ['`pingid`', ['Ping ID']], ['`powershell`', ['Microsoft Windows']], ['`splunkd_', ['Splunk Internal Logs']],
  ['`sysmon`', ['Microsoft Sysmon']], ['`wineventlog_security`', ['Microsoft Windows']], ['`zeek_', ['Zeek']],
];
export function providingTechnologies(search: string): string[] {
  const out = new Set<string>();
  for (const [key, techs] of PROVIDING) if (search.includes(key)) techs.forEach((t) => out.add(t));
  return [...out].sort();
}

function mappings(d: Detection): Record<string, string[]> {
  return {
    ...(d.cis20.length ? { cis20: [...d.cis20] } : {}),
    ...(d.killChainPhases.length ? { kill_chain_phases: [...d.killChainPhases] } : {}),
    ...(d.mitre.length ? { mitre_attack: [...d.mitre] } : {}),
    ...(d.nist.length ? { nist: [...d.nist] } : {}),
  };
}

function annotations(d: Detection): Record<string, unknown> {
  return {
    analytic_story: [...d.analyticStories],
    ...(d.confidence !== undefined ? { confidence: d.confidence } : {}),
    ...(d.cve.length ? { cve: [...d.cve] } : {}),
    ...(d.impact !== undefined ? { impact: d.impact } : {}),
    type: d.type, type_list: [d.type], data_source: [...d.dataSource],
    ...mappings(d),
  };
}

function metadata(d: Detection): Record<string, unknown> {
  const t = Date.parse(`${d.date}T00:00:00Z`);
  return { detection_id: d.id, deprecated: d.status === 'deprecated' ? '1' : '0', detection_version: d.version, publish_time: new PyFloat(Number.isNaN(t) ? 0 : t / 1000) };
}

/** One savedsearches.conf stanza, keys in the template's order. */
export function savedSearch(d: Detection, app: string): string {
  const name = stanzaName(app, d.name);
  const desc = statusAwareDescription(d);
  const techs = providingTechnologies(d.search);
  const dep = d.deployment;
  const pairs: [string, string][] = [
    ['action.escu', '0'], ['action.escu.enabled', '1'],
    ['description', desc],
    ['action.escu.mappings', jinjaJson(mappings(d))],
    ['action.escu.data_models', jinjaJson(DATA_MODELS.filter((m) => d.search.includes(m)))],
    ['action.escu.eli5', desc],
    ['action.escu.how_to_implement', d.howToImplement],
    ['action.escu.known_false_positives', d.knownFalsePositives],
    ['action.escu.creation_date', d.date], ['action.escu.modification_date', d.date],
    ['action.escu.confidence', 'high'], ['action.escu.search_type', 'detection'],
    ['action.escu.product', jinjaJson(d.product)],
    ...(d.atomicGuids.length ? [['action.escu.atomic_red_team_guids', jinjaJson(d.atomicGuids)] as [string, string]] : []),
    ['action.escu.providing_technologies', techs.length ? jinjaJson(techs) : 'null'],
    ['action.escu.analytic_story', jinjaJson(d.analyticStories)],
  ];
  if (dep.rba && d.risk.length) {
    pairs.push(['action.risk', '1'], ['action.risk.param._risk_message', d.riskMessage], ['action.risk.param._risk', jinjaJson(d.risk)], ['action.risk.param._risk_score', '0'], ['action.risk.param.verbose', '0']);
  }
  pairs.push(
    ['cron_schedule', dep.cron], ['dispatch.earliest_time', dep.earliest], ['dispatch.latest_time', dep.latest],
    ['action.correlationsearch.enabled', '1'], ['action.correlationsearch.detection_type', 'ebd'],
    ['action.correlationsearch.label', name],
    ['action.correlationsearch.annotations', jinjaJson(annotations(d))],
    ['action.correlationsearch.metadata', jinjaJson(metadata(d))],
    ['schedule_window', dep.window],
  );
  if (dep.notable) {
    const title = enrich(dep.notable.ruleTitle, d);
    pairs.push(
      ['action.notable', '1'],
      ['action.notable.param._entities', '[{"risk_object_field": "N/A", "risk_object_type": "N/A", "risk_score": 0}]'],
      ['action.notable.param.nes_fields', dep.notable.nesFields.join(',')],
      ['action.notable.param.rule_description', enrich(dep.notable.ruleDescription, d)],
      ['action.notable.param.rule_title', d.type === 'Correlation' ? `RBA: ${title}` : title],
      ['action.notable.param.security_domain', d.securityDomain],
      ['action.notable.param.severity', severityOf(d)],
    );
  }
  pairs.push(
    ['alert.digest_mode', '1'], ['disabled', d.enabledByDefault ? 'false' : 'true'], ['enableSched', '1'], ['allow_skew', '100%'],
    ['counttype', 'number of events'], ['relation', 'greater than'], ['quantity', '0'], ['realtime_schedule', '0'], ['is_visible', 'false'],
  );
  if (d.throttling) pairs.push(['alert.suppress', 'true'], ['alert.suppress.fields', d.throttling.fields.join(',')], ['alert.suppress.period', d.throttling.period]);
  pairs.push(['search', d.search], ['action.notable.param.drilldown_searches', jinjaJson(d.drilldowns)]);
  return stanza(name, pairs);
}

/** contentctl's generated filter macro (written, unlike the expander's stand-in, with its description). */
export const generatedFilterMacro = (name: string): MacroDefinition => ({
  name, definition: GENERATED_FILTER_DEFINITION, arguments: [], file: '(generated by contentctl)',
  description: 'Update this macro to limit the output results to filter out false positives.',
});

/**
 * The transitive closure of the macros the searches call, resolved by the SPL macro expander
 * (lang/spl/macros.ts): the repo's macros, contentctl's generated `_filter` macros for those the
 * repo lacks, never the external apps' (CIM, ES: lang/spl/external-macros.ts). `missing` names
 * the calls nothing defines.
 */
export function macroClosure(searches: readonly string[], macros: ReadonlyMap<string, MacroDefinition>): { macros: MacroDefinition[]; missing: string[] } {
  const out = new Map<string, MacroDefinition>();
  const missing = new Set<string>();
  for (const s of searches) {
    const e = expandMacros(s, macros);
    for (const key of e.used) {
      if (EXTERNAL_MACRO_APPS.has(key)) continue;
      const r = resolveMacro(key, macros);
      if (r) out.set(key, r.implicit ? generatedFilterMacro(key) : r.def);
    }
    for (const err of e.errors) {
      const m = /unknown macro `([^`]*)`/.exec(err.message);
      if (err.code === 'unknown-macro' && m) missing.add(m[1]!);
    }
  }
  return { macros: [...out.entries()].sort(([a], [b]) => cmp(a, b)).map(([, d]) => d), missing: [...missing].sort() };
}
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const baseName = (key: string): string => key.replace(/\(\d+\)$/, '');

/** One macros.conf stanza as macros.j2 writes it: `[name(n)]`, args, definition, description. */
export function macroStanza(m: MacroDefinition): string {
  const base = baseName(m.name);
  const pairs: [string, string][] = [];
  if (m.arguments.length) pairs.push(['args', m.arguments.join(', ')]);
  pairs.push(['definition', m.definition], ['description', m.description ?? '']);
  return stanza(m.arguments.length ? `${base}(${m.arguments.length})` : base, pairs);
}


/** One `[analytic_story://…]` stanza (analyticstories_stories.j2); `searches` are the detections' stanza names. */
export function storyStanza(s: Story, searches: readonly string[]): string {
  const author = /^([^,]+)/.exec(s.author)?.[1] ?? 'no';
  const company = /,\s?(.*)$/.exec(s.author)?.[1] ?? 'no';
  const desc = s.status === 'deprecated' ? `**WARNING**, this Story has been marked **DEPRECATED** by the Splunk Threat Research Team. This means that it will no longer be maintained or supported. If you have any questions feel free to email us at: research@splunk.com. ${s.description}` : s.description;
  const pairs: [string, string][] = [
    ['category', s.category], ['last_updated', s.date], ['version', s.version],
    ['references', jinjaJson(s.references)],
    // contentctl writes company and name raw inside the JSON; dac JSON-escapes them (identical unless they hold " or \).
    ['maintainers', `[{"company": ${JSON.stringify(company)}, "email": "-", "name": ${JSON.stringify(author)}}]`],
    ['spec_version', '3'], ['searches', jinjaJson(searches)], ['description', desc],
    ...(s.narrative !== undefined ? [['narrative', s.narrative] as [string, string]] : []),
  ];
  return stanza(`analytic_story://${s.name}`, pairs);
}

/** One `[savedsearch://…]` stanza of analyticstories.conf (analyticstories_detections.j2). */
export function storyDetectionStanza(d: Detection, app: string): string {
  const techs = providingTechnologies(d.search);
  return stanza(`savedsearch://${stanzaName(app, d.name)}`, [
    ['type', 'detection'], ['asset_type', d.assetType], ['confidence', 'medium'],
    ['explanation', statusAwareDescription(d)], ['how_to_implement', d.howToImplement],
    ['annotations', jinjaJson(mappings(d))], ['known_false_positives', d.knownFalsePositives],
    ['providing_technologies', techs.length ? jinjaJson(techs) : 'null'],
  ]);
}
