/**
 * One detection as contentctl's build sees it (contentctl/objects/detection_abstract.py,
 * detection_tags.py, deployment*.py; savedsearches_detections.j2), read from an ESCU document
 * (v4: tags.observable + tags.risk_score + tags.message; v5: rba) or, for other dialects,
 * filled with ESCU's defaults (type TTP, security_domain endpoint).
 */
import type { AttackCatalogue } from '../../attack/catalogue.ts';
import type { Rule } from '../../rule/model.ts';
import { isoDate, techniqueIds } from '../meta.ts';

type Doc = Record<string, unknown>;
const rec = (v: unknown): Doc => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Doc) : {});
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : d);

export type DetectionType = 'TTP' | 'Anomaly' | 'Hunting' | 'Correlation';
export interface RiskEntry { readonly [k: string]: string | number }
export interface Drilldown { readonly name: string; readonly search: string; readonly earliest_offset?: string; readonly latest_offset?: string }

/** The ESCU default deployments (security_content deployments/escu_default_configuration_*.yml). */
export interface Deployment {
  readonly cron: string; readonly earliest: string; readonly latest: string; readonly window: string;
  readonly notable?: { readonly ruleDescription: string; readonly ruleTitle: string; readonly nesFields: readonly string[] };
  readonly rba: boolean;
}
const SCHEDULE = { cron: '0 * * * *', earliest: '-70m@m', latest: '-10m@m', window: 'auto' };
const NOTABLE = { ruleDescription: '%description%', ruleTitle: '%name%', nesFields: ['user', 'dest'] };
export const DEFAULT_DEPLOYMENTS: Readonly<Record<DetectionType, Deployment>> = {
  TTP: { ...SCHEDULE, notable: NOTABLE, rba: true },
  Anomaly: { ...SCHEDULE, rba: true },
  Hunting: { ...SCHEDULE, rba: false },
  Correlation: { ...SCHEDULE, notable: NOTABLE, rba: false },
};

export interface Detection {
  readonly name: string; readonly id: string; readonly version: string; readonly date: string;
  readonly status: string; readonly type: DetectionType;
  readonly description: string; readonly howToImplement: string; readonly knownFalsePositives: string;
  readonly search: string; readonly dataSource: readonly string[];
  readonly analyticStories: readonly string[]; readonly assetType: string; readonly securityDomain: string;
  readonly product: readonly string[]; readonly mitre: readonly string[]; readonly cve: readonly string[];
  readonly atomicGuids: readonly string[];
  /** v4 only: tags.confidence and tags.impact go into the annotations. */
  readonly confidence?: number; readonly impact?: number;
  readonly killChainPhases: readonly string[]; readonly cis20: readonly string[]; readonly nist: readonly string[];
  readonly risk: readonly RiskEntry[]; readonly riskMessage: string; readonly riskScore?: number;
  readonly throttling?: { readonly fields: readonly string[]; readonly period: string };
  readonly drilldowns: readonly Drilldown[];
  readonly enabledByDefault: boolean;
  readonly deployment: Deployment;
}

/** contentctl constants.ATTACK_TACTICS_KILLCHAIN_MAPPING, keyed by lower-cased tactic name. */
const KILL_CHAIN: ReadonlyMap<string, string> = new Map([
  ['reconnaissance', 'Reconnaissance'], ['resource development', 'Weaponization'], ['initial access', 'Delivery'],
  ['execution', 'Installation'], ['persistence', 'Installation'], ['privilege escalation', 'Exploitation'],
  ['defense evasion', 'Exploitation'], ['credential access', 'Exploitation'], ['discovery', 'Exploitation'],
  ['lateral movement', 'Exploitation'], ['collection', 'Exploitation'], ['command and control', 'Command and Control'],
  ['exfiltration', 'Actions on Objectives'], ['impact', 'Actions on Objectives'], ['stealth', 'Exploitation'], ['defense impairment', 'Exploitation'],
]);

const USER_TYPES = new Set(['user', 'username', 'email address']);
const SYSTEM_TYPES = new Set(['device', 'endpoint', 'hostname', 'ip address']);
const THREAT_TYPES: ReadonlyArray<[ReadonlySet<string>, string]> = [
  [new Set(['process name', 'process']), 'process'], [new Set(['file name', 'file', 'file hash']), 'file_name'],
  [new Set(['ip address']), 'ip_address'], [new Set(['url string', 'url']), 'url'],
];

/** v4: contentctl 4.x Detection.risk from tags.observable (Victim → risk object, Attacker → threat object). */
function v4Risk(observables: unknown, score: number | undefined): RiskEntry[] {
  const out: RiskEntry[] = [];
  for (const o of Array.isArray(observables) ? observables : []) {
    const ob = rec(o);
    const name = str(ob.name); const type = str(ob.type).toLowerCase(); const roles = strs(ob.role);
    if (roles.includes('Victim') && USER_TYPES.has(type)) out.push({ risk_object_type: 'user', risk_object_field: name, risk_score: score ?? 0 });
    else if (roles.includes('Victim') && SYSTEM_TYPES.has(type)) out.push({ risk_object_type: 'system', risk_object_field: name, risk_score: score ?? 0 });
    else if (roles.includes('Attacker')) out.push({ threat_object_field: name, threat_object_type: THREAT_TYPES.find(([s]) => s.has(type))?.[1] ?? type });
    else out.push({ risk_object_type: 'other', risk_object_field: name, risk_score: score ?? 0 });
  }
  return out;
}

/** v5: rba.risk_objects then rba.threat_objects, each sorted as contentctl sorts them. */
function v5Risk(rba: Doc): { risk: RiskEntry[]; score?: number } {
  const ro = (Array.isArray(rba.risk_objects) ? rba.risk_objects : []).map(rec).map((o) => ({ field: str(o.field), type: str(o.type), score: Number(o.score) || 0 }));
  const to = (Array.isArray(rba.threat_objects) ? rba.threat_objects : []).map(rec).map((o) => ({ field: str(o.field), type: str(o.type) }));
  ro.sort((a, b) => cmp(`${a.field}${a.type}${a.score}`, `${b.field}${b.type}${b.score}`));
  to.sort((a, b) => cmp(`${a.field}${a.type}`, `${b.field}${b.type}`));
  return {
    risk: [...ro.map((o) => ({ risk_object_field: o.field, risk_object_type: o.type, risk_score: o.score })), ...to.map((o) => ({ threat_object_field: o.field, threat_object_type: o.type }))],
    ...(ro.length ? { score: Math.max(...ro.map((o) => o.score)) } : {}),
  };
}
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const TYPES = new Set<DetectionType>(['TTP', 'Anomaly', 'Hunting', 'Correlation']);

/** The detection view of a rule whose search is `search`. */
export function detectionOf(rule: Rule, search: string, attack: AttackCatalogue): Detection {
  const d = rule.dialect === 'escu' ? rule.document : {};
  const tags = rec(d.tags);
  const rawType = str(d.type, 'TTP');
  const type: DetectionType = TYPES.has(rawType as DetectionType) ? (rawType as DetectionType) : 'TTP';
  const mitre = rule.dialect === 'escu' ? strs(tags.mitre_attack_id) : techniqueIds(rule);
  const tactics = new Set<string>();
  for (const id of mitre) for (const t of attack.technique(id)?.tactics ?? []) tactics.add((attack.tacticByShortname(t)?.name ?? t.replace(/-/g, ' ')).toLowerCase());
  const killChainPhases = [...new Set([...tactics].map((t) => KILL_CHAIN.get(t)).filter((x): x is string => Boolean(x)))].sort();
  const securityDomain = str(tags.security_domain, 'endpoint');
  const v5 = d.rba !== undefined;
  const { risk, score } = v5 ? v5Risk(rec(d.rba)) : { risk: v4Risk(tags.observable, typeof tags.risk_score === 'number' ? tags.risk_score : undefined), score: typeof tags.risk_score === 'number' ? tags.risk_score : undefined };
  const throttling = rec(tags.throttling);
  const inline = rec(d.deployment);
  return {
    name: rule.name, id: rule.id, version: str(d.version, '1'), date: isoDate(d.date) ?? str(d.date),
    status: str(d.status, 'production'), type,
    description: rule.description,
    howToImplement: str(d.how_to_implement, 'none'),
    knownFalsePositives: str(d.known_false_positives, rule.falsePositives.join(' ') || 'None known.'),
    search, dataSource: strs(d.data_source),
    analyticStories: strs(tags.analytic_story), assetType: str(tags.asset_type, 'Endpoint'), securityDomain,
    product: tags.product !== undefined ? strs(tags.product) : ['Splunk Enterprise', 'Splunk Enterprise Security', 'Splunk Cloud'],
    mitre, cve: strs(tags.cve), atomicGuids: strs(tags.atomic_guid),
    ...(typeof tags.confidence === 'number' ? { confidence: tags.confidence } : {}),
    ...(typeof tags.impact === 'number' ? { impact: tags.impact } : {}),
    killChainPhases, cis20: [securityDomain === 'network' ? 'CIS 13' : 'CIS 10'], nist: [type === 'TTP' ? 'DE.CM' : 'DE.AE'],
    risk, riskMessage: v5 ? str(rec(d.rba).message) : str(tags.message, rule.name),
    ...(score !== undefined ? { riskScore: score } : {}),
    ...(strs(throttling.fields).length && typeof throttling.period === 'string' ? { throttling: { fields: strs(throttling.fields), period: throttling.period } } : {}),
    drilldowns: (Array.isArray(d.drilldown_searches) ? d.drilldown_searches : []).map(rec).map((x) => ({
      name: str(x.name), search: str(x.search).split('%original_detection_search%').join(search),
      ...(typeof x.earliest_offset === 'string' ? { earliest_offset: x.earliest_offset } : {}),
      ...(typeof x.latest_offset === 'string' ? { latest_offset: x.latest_offset } : {}),
    })),
    enabledByDefault: d.enabled_by_default === true,
    deployment: Object.keys(inline).length ? inlineDeployment(inline) : DEFAULT_DEPLOYMENTS[type],
  };
}

/** A detection's own `deployment:` block (contentctl's inline deployment). */
function inlineDeployment(v: Doc): Deployment {
  const s = rec(v.scheduling); const a = rec(v.alert_action); const n = rec(a.notable);
  return {
    cron: str(s.cron_schedule, SCHEDULE.cron), earliest: str(s.earliest_time, SCHEDULE.earliest), latest: str(s.latest_time, SCHEDULE.latest), window: str(s.schedule_window, SCHEDULE.window),
    ...(a.notable !== undefined ? { notable: { ruleDescription: str(n.rule_description, '%description%'), ruleTitle: str(n.rule_title, '%name%'), nesFields: strs(n.nes_fields) } } : {}),
    rba: rec(a.rba).enabled === true,
  };
}

/** contentctl's severity: from the highest risk score (0–20 informational … 81–100 critical), else high. */
export function severityOf(d: Detection): string {
  const r = d.riskScore;
  if (r === undefined) return 'high';
  return r <= 20 ? 'informational' : r <= 40 ? 'low' : r <= 60 ? 'medium' : r <= 80 ? 'high' : 'critical';
}

const EXPERIMENTAL = '**WARNING**, this Detection is marked **EXPERIMENTAL** by the Splunk Threat Research Team. This means that the Detection has been manually tested but we do not have the associated attack data to perform automated testing or cannot share this attack dataset due to its sensitive nature. If you have any questions feel free to email us at: research@splunk.com. ';
const DEPRECATED = '**WARNING**, this Detection has been marked **DEPRECATED** by the Splunk Threat Research Team. This means that it will no longer be maintained or supported. If you have any questions feel free to email us at: research@splunk.com. ';

/** status_aware_description: the description with contentctl's experimental/deprecated notice. */
export function statusAwareDescription(d: Detection): string {
  return d.status === 'experimental' ? EXPERIMENTAL + d.description : d.status === 'deprecated' ? DEPRECATED + d.description : d.description;
}

/** custom_jinja2_enrichment_filter: %field% → the detection's (or its tags') value. */
export function enrich(template: string, d: Detection): string {
  const fields: Readonly<Record<string, string>> = { name: d.name, description: d.description, id: d.id, type: d.type, search: d.search, security_domain: d.securityDomain, asset_type: d.assetType };
  return template.replace(/%([^%]*)%/g, (all, k: string) => (Object.hasOwn(fields, k) ? fields[k]! : all));
}
