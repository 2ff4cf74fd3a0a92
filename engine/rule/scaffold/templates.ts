/**
 * New-rule templates, one per dialect, each written the way its ecosystem writes rules (Elastic
 * TOML with [[rule.threat]], Sigma YAML with attack.* tags, ESCU YAML with a filter macro, CAR
 * YAML with coverage), with a placeholder query that validates and a negative test stub that runs.
 */
import { quoted, slug, type ScaffoldFile, type ScaffoldInput, type ScaffoldTechnique } from './types.ts';

const PLACEHOLDER_PROCESS = 'CHANGEME.exe';

/** The first tactic of the first technique names the file, as rules/<platform>/<tactic>_<what>. */
function stem(input: ScaffoldInput): string {
  const tactic = input.techniques[0]?.tactics[0]?.shortname.replace(/-/g, '_');
  return `${tactic ? `${tactic}_` : ''}${slug(input.name)}`;
}

function elasticThreat(t: ScaffoldTechnique): string[] {
  const url = (id: string) => `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`;
  const top = t.parent ?? t;
  const out = ['[[rule.threat]]', 'framework = "MITRE ATT&CK"', '[[rule.threat.technique]]', `id = ${quoted(top.id)}`, `name = ${quoted(top.name)}`, `reference = ${quoted(url(top.id))}`];
  if (t.parent) out.push('[[rule.threat.technique.subtechnique]]', `id = ${quoted(t.id)}`, `name = ${quoted(t.name)}`, `reference = ${quoted(url(t.id))}`);
  const tac = t.tactics[0];
  if (tac) out.push('[rule.threat.tactic]', `id = ${quoted(tac.id)}`, `name = ${quoted(tac.name)}`, `reference = ${quoted(`https://attack.mitre.org/tactics/${tac.id}/`)}`);
  return [...out, ''];
}

function elastic(input: ScaffoldInput): ScaffoldFile {
  const date = input.date.replace(/-/g, '/');
  const tactics = [...new Set(input.techniques.flatMap((t) => t.tactics.map((x) => x.name)))];
  const text = [
    '[metadata]', `creation_date = ${quoted(date)}`, 'integration = ["endpoint", "windows"]', 'maturity = "development"', `updated_date = ${quoted(date)}`, '',
    '[rule]', `author = [${quoted(input.author)}]`, 'description = "TODO: what this rule detects, and why it matters."', 'from = "now-9m"',
    'index = ["logs-endpoint.events.process-*", "winlogbeat-*", "logs-windows.sysmon_operational-*"]', 'language = "eql"', 'license = "Elastic License v2"',
    `name = ${quoted(input.name)}`, 'risk_score = 21', `rule_id = ${quoted(input.id)}`, 'severity = "low"',
    `tags = [${['OS: Windows', 'Use Case: Threat Detection', ...tactics.map((t) => `Tactic: ${t}`)].map(quoted).join(', ')}]`,
    'timestamp_override = "event.ingested"', 'type = "eql"', '',
    "query = '''", `process where host.os.type == "windows" and event.type == "start" and process.name : "${PLACEHOLDER_PROCESS}"`, "'''", '',
    ...input.techniques.flatMap(elasticThreat),
    '# dac tests: add a positive dataset with the alerts it must raise; this negative case must stay at 0.',
    '[[tests]]', `dataset = ${quoted(input.negativeDataset)}`, 'description = "ordinary activity: no alert"', '[tests.expect]', 'alerts = 0', '',
  ].join('\n');
  return { path: `rules/windows/${stem(input)}.toml`, text };
}

function sigma(input: ScaffoldInput): ScaffoldFile {
  const tags = [...new Set(input.techniques.flatMap((t) => [...t.tactics.map((x) => `attack.${x.shortname}`), `attack.${t.id.toLowerCase()}`]))];
  const text = [
    `title: ${quoted(input.name)}`, `id: ${input.id}`, 'status: experimental', 'description: TODO what this rule detects, and why it matters.',
    `author: ${quoted(input.author)}`, `date: ${input.date}`, 'tags:', ...tags.map((t) => `  - ${t}`),
    'logsource:', '  product: windows', '  category: process_creation',
    'detection:', '  selection:', `    Image|endswith: '\\${PLACEHOLDER_PROCESS}'`, '  condition: selection',
    'falsepositives:', '  - Unknown', 'level: low',
    '# dac tests: add a positive dataset with the alerts it must raise; this negative case must stay at 0.',
    'tests:', `  - dataset: ${input.negativeDataset}`, '    description: ordinary activity, no alert', '    expect:', '      alerts: 0', '',
  ].join('\n');
  return { path: `rules/sigma/${stem(input)}.yml`, text };
}

function escu(input: ScaffoldInput): ScaffoldFile[] {
  const name = slug(input.name);
  const text = [
    `name: ${input.name}`, `id: ${input.id}`, 'version: 1', `date: '${input.date}'`, `author: ${input.author}`, 'status: experimental', 'type: TTP',
    'description: TODO what this analytic detects, and why it matters.',
    'data_source:', '- Sysmon EventID 1',
    'search: |-',
    '  | tstats `security_content_summariesonly` count min(_time) as firstTime max(_time) as lastTime from datamodel=Endpoint.Processes',
    `    where Processes.process_name = "${PLACEHOLDER_PROCESS}" by Processes.dest Processes.user Processes.process_name Processes.process`,
    '  | `drop_dm_object_name(Processes)`', '  | `security_content_ctime(firstTime)`', '  | `security_content_ctime(lastTime)`', `  | \`${name}_filter\``,
    'how_to_implement: TODO the data this search needs and how to onboard it.', 'known_false_positives: TODO',
    'references: []',
    'rba:', '  message: TODO $process_name$ on $dest$', '  risk_objects:', '  - field: dest', '    type: system', '    score: 25', '  threat_objects:', '  - field: process_name', '    type: process_name',
    'tags:', '  analytic_story:', '  - TODO', '  asset_type: Endpoint', '  mitre_attack_id:', ...input.techniques.map((t) => `  - ${t.id}`),
    '  product:', '  - Splunk Enterprise', '  - Splunk Enterprise Security', '  - Splunk Cloud', '  security_domain: endpoint',
    '# dac tests: add a positive dataset with the alerts it must raise; this negative case must stay at 0.',
    'tests:', `- dataset: ${input.negativeDataset}`, '  description: ordinary activity, no alert', '  expect:', '    alerts: 0', '',
  ].join('\n');
  const macro = [`definition: search *`, 'description: Update this macro to limit the output results to filter out false positives.', `name: ${name}_filter`, ''].join('\n');
  return [{ path: `rules/windows/${name}.yml`, text }, { path: `rules/macros/${name}_filter.yml`, text: macro }];
}

function car(input: ScaffoldInput): ScaffoldFile {
  const byParent = new Map<string, { tactics: Set<string>; subs: string[] }>();
  for (const t of input.techniques) {
    const top = t.parent?.id ?? t.id;
    const e = byParent.get(top) ?? { tactics: new Set<string>(), subs: [] };
    for (const x of t.tactics) e.tactics.add(x.id);
    if (t.parent) e.subs.push(t.id);
    byParent.set(top, e);
  }
  const coverage = [...byParent].flatMap(([tech, e]) => [
    `  - technique: ${tech}`, '    tactics:', ...[...e.tactics].map((x) => `      - ${x}`),
    ...(e.subs.length ? ['    subtechniques:', ...e.subs.map((s) => `      - ${s}`)] : []), '    coverage: Low',
  ]);
  const text = [
    `title: ${quoted(input.name)}`, `submission_date: ${input.date.replace(/-/g, '/')}`, 'information_domain: Host', 'platforms:', '  - Windows',
    'subtypes:', '  - Process', 'analytic_types:', '  - TTP', 'contributors:', `  - ${quoted(input.author)}`,
    `id: CAR-${input.date.slice(0, 4)}-${input.date.slice(5, 7)}-900`, 'description: TODO what this analytic detects, and why it matters.',
    'coverage:', ...coverage,
    'implementations:', '  - description: TODO', '    code: |-', '      processes = search Process:Create',
    `      hits = filter processes where (exe == "${PLACEHOLDER_PROCESS}")`, '      output hits', '    type: pseudocode',
    'tests:', `  - dataset: ${input.negativeDataset}`, '    description: ordinary activity, no alert', '    expect:', '      alerts: 0', '',
  ].join('\n');
  return { path: `rules/windows/car_${stem(input)}.yml`, text };
}

export function scaffold(input: ScaffoldInput): ScaffoldFile[] {
  switch (input.dialect) {
    case 'elastic': return [elastic(input)];
    case 'sigma': return [sigma(input)];
    case 'escu': return escu(input);
    case 'car': return [car(input)];
  }
}
