/** report.md: a Detection Testing table per rule (as Splunk's content pages show), then every failure. */
import type { CaseResult, RuleResult, RunReport, Status } from '../harness/types.ts';

const ICON: Record<Status, string> = { pass: '✅ pass', fail: '❌ fail', skipped: '⏭️ skipped', error: '💥 error', untested: '⚠️ untested', 'cannot-run': '🔌 cannot run locally' };

/** Table-cell text: markup is shown, never rendered (rule text is untrusted), pipes and newlines kept out. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\n/g, ' ');

function caseLine(c: CaseResult): string {
  return `| ${esc(c.dataset)} | ${c.expected.alerts} | ${c.actual.alerts} | ${ICON[c.status]} | ${esc(c.reasons.join('; '))} |`;
}

function ruleSection(r: RuleResult): string[] {
  const out = [`### ${esc(r.name)}`, '', `\`${r.id}\` · ${r.file} · ${r.dialect}/${r.language}${r.severity ? ` · ${r.severity}` : ''}`, ''];
  if (r.attack.techniques.length) out.push(`ATT&CK: ${r.attack.techniques.join(', ')}${r.attack.tactics.length ? ` (${r.attack.tactics.join(', ')})` : ''}`, '');
  out.push('| Test type | Status | Details |', '|---|---|---|');
  out.push(`| Validation | ${ICON[r.validation.status]} | ${esc(r.validation.reasons.join('; ') || `${r.validation.diagnostics.length} warning(s)`)} |`);
  out.push(`| Unit | ${ICON[r.unit.status]} | ${esc(r.unit.reasons.join('; ') || r.unit.cases.map((c) => c.dataset).join(', '))} |`);
  out.push(`| Integration | ${ICON[r.integration.status]} | ${esc(r.integration.reasons.join('; ') || 'no false positives')} |`);
  const cases = r.unit.cases.length ? r.unit.cases : [];
  if (cases.length) {
    out.push('', '| Dataset (unit) | Expected | Actual | Status | Reasons |', '|---|---|---|---|---|', ...cases.map(caseLine));
  }
  if (r.integration.cases.length) {
    out.push('', '| Dataset (integration) | Expected | Actual | Status | Reasons |', '|---|---|---|---|---|', ...r.integration.cases.map(caseLine));
  }
  const warnings = r.validation.diagnostics;
  if (warnings.length) {
    out.push('', '<details><summary>Diagnostics</summary>', '');
    for (const d of warnings) out.push(`- \`${d.location}\` ${d.severity} \`${d.code}\`: ${esc(d.message)}`);
    out.push('', '</details>');
  }
  for (const [title, list] of [['False positives', r.integration.falsePositives], ['Alerts mixing datasets', r.integration.mixedAlerts]] as const) {
    if (!list.length) continue;
    out.push('', `**${title}**`, '');
    for (const a of list) {
      out.push(`- ${a.timestamp} on ${a.datasets.join(', ')}`);
      for (const e of a.events) out.push(`  - ${e.dataset}/${e.file}${e.line ? `:${e.line}` : e.record ? `#${e.record}` : ''} — ${esc(e.summary)}`);
    }
  }
  out.push('');
  return out;
}

/** The verdict in words: "ok" never claims more than what ran (skipped and not-runnable rules are named). */
function resultLine(report: RunReport): string {
  const t = report.totals;
  if (!t.ok) return '❌ the run failed';
  const notRun = report.rules.filter((r) => r.unit.status === 'skipped' || r.unit.status === 'cannot-run' || r.unit.status === 'untested').length;
  return notRun ? `✅ ok: ${t.passing} of ${t.rules} rules pass all three; ${notRun} not graded on data (skipped, untested or cannot run locally; reasons below)` : `✅ ok: all ${t.rules} rules pass all three`;
}

export function renderMarkdown(report: RunReport): string {
  const t = report.totals;
  const out = [
    '# dac test report',
    '',
    `${t.rules} rules · ${t.passing} passing all three · ${t.datasets} datasets · ${t.events.read} events read, ${t.events.rejected} rejected · ATT&CK ${report.attackVersion ?? 'n/a'}`,
    '',
    `**Result: ${resultLine(report)}**`,
    '',
    '| Rule | Language | Validation | Unit | Integration |',
    '|---|---|---|---|---|',
    ...report.rules.map((r) => `| ${esc(r.name)} | ${r.language} | ${ICON[r.validation.status]} | ${ICON[r.unit.status]} | ${ICON[r.integration.status]} |`),
    '',
    '## Rules',
    '',
    ...report.rules.flatMap(ruleSection),
    '## Datasets',
    '',
    '| Dataset | Kind | Read | Used | Rejected | Hosts | From | To |',
    '|---|---|---|---|---|---|---|---|',
    ...report.datasets.map((d) => `| ${d.name} | ${d.kind} | ${d.events.read} | ${d.events.used} | ${d.events.rejected} | ${d.hosts.length} | ${d.timeRange.start ?? ''} | ${d.timeRange.end ?? ''} |`),
    '',
  ];
  const rejected = report.datasets.filter((d) => d.rejections.length || d.problems.length);
  for (const d of rejected) {
    out.push(`**${d.name}**: ${d.problems.map(esc).join('; ')}`);
    for (const r of d.rejections) out.push(`- ${r.file}${r.line ? `:${r.line}` : r.record ? `#${r.record}` : ''}: ${esc(r.reason)}`);
    out.push('');
  }
  out.push('## ATT&CK coverage', '', '| Technique | Name | Tactics | Rules | Passing |', '|---|---|---|---|---|');
  for (const c of report.coverage) out.push(`| ${c.technique} | ${esc(c.name)} | ${c.tactics.join(', ')} | ${c.rules.length} | ${c.passing.length} |`);
  out.push('');
  if (report.repoDiagnostics.length) {
    out.push('## Repository problems', '');
    for (const d of report.repoDiagnostics) out.push(`- \`${d.location}\` ${d.severity} \`${d.code}\`: ${esc(d.message)}`);
    out.push('');
  }
  if (report.timings) {
    const tm = report.timings;
    out.push('## Timings (wall clock; varies between runs)', '', `Total ${tm.totalMs.toFixed(0)} ms; ${Math.round(tm.eventsPerSecond)} events/s in integration.`, '');
    for (const [k, v] of Object.entries(tm.phases)) out.push(`- ${k}: ${v.toFixed(0)} ms`);
    out.push('');
  }
  return out.join('\n');
}
