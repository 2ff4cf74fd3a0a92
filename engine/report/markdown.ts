/** report.md: a Detection Testing table per rule (as Splunk's content pages show), then every failure. */
import type { CaseResult, RuleResult, RunReport, Status } from '../harness/types.ts';
import { capMarkdown, mdCode, mdText as esc } from './escape/markdown.ts';

const ICON: Record<Status, string> = { pass: '✅ pass', fail: '❌ fail', skipped: '⏭️ skipped', error: '💥 error', untested: '⚠️ untested', 'cannot-run': '🔌 cannot run locally' };

/** Every value from a rule, a dataset or a log goes through esc (mdText) or mdCode: markup is shown, never rendered. */
const escList = (xs: readonly string[]) => xs.map(esc).join(', ');

function caseLine(c: CaseResult): string {
  return `| ${esc(c.dataset)} | ${c.expected.alerts} | ${c.actual.alerts} | ${ICON[c.status]} | ${esc(c.reasons.join('; '))} |`;
}

function ruleSection(r: RuleResult): string[] {
  const out = [`### ${esc(r.name)}`, '', `${mdCode(r.id)} · ${esc(r.file)} · ${esc(r.dialect)}/${esc(r.language)}${r.severity ? ` · ${esc(r.severity)}` : ''}`, ''];
  if (r.attack.techniques.length) out.push(`ATT&amp;CK: ${escList(r.attack.techniques)}${r.attack.tactics.length ? ` (${escList(r.attack.tactics)})` : ''}`, '');
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
    for (const d of warnings) out.push(`- ${mdCode(d.location)} ${esc(d.severity)} ${mdCode(d.code)}: ${esc(d.message)}`);
    out.push('', '</details>');
  }
  for (const [title, list] of [['False positives', r.integration.falsePositives], ['Alerts mixing datasets', r.integration.mixedAlerts]] as const) {
    if (!list.length) continue;
    out.push('', `**${title}**`, '');
    for (const a of list) {
      out.push(`- ${esc(a.timestamp)} on ${escList(a.datasets)}`);
      for (const e of a.events) out.push(`  - ${esc(`${e.dataset}/${e.file}${e.line ? `:${e.line}` : e.record ? `#${e.record}` : ''}`)} — ${esc(e.summary)}`);
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
    `${t.rules} rules · ${t.passing} passing all three · ${t.datasets} datasets · ${t.events.read} events read, ${t.events.rejected} rejected · ATT&amp;CK ${esc(report.attackVersion ?? 'n/a')}`,
    '',
    `**Result: ${resultLine(report)}**`,
    '',
    '| Rule | Language | Validation | Unit | Integration |',
    '|---|---|---|---|---|',
    ...report.rules.map((r) => `| ${esc(r.name)} | ${esc(r.language)} | ${ICON[r.validation.status]} | ${ICON[r.unit.status]} | ${ICON[r.integration.status]} |`),
    '',
    '## Rules',
    '',
    ...report.rules.flatMap(ruleSection),
    '## Datasets',
    '',
    '| Dataset | Kind | Read | Used | Rejected | Hosts | From | To |',
    '|---|---|---|---|---|---|---|---|',
    ...report.datasets.map((d) => `| ${esc(d.name)} | ${esc(d.kind)} | ${d.events.read} | ${d.events.used} | ${d.events.rejected} | ${d.hosts.length} | ${esc(d.timeRange.start ?? '')} | ${esc(d.timeRange.end ?? '')} |`),
    '',
  ];
  const rejected = report.datasets.filter((d) => d.rejections.length || d.problems.length);
  for (const d of rejected) {
    out.push(`**${esc(d.name)}**: ${d.problems.map(esc).join('; ')}`);
    for (const r of d.rejections) out.push(`- ${esc(`${r.file}${r.line ? `:${r.line}` : r.record ? `#${r.record}` : ''}`)}: ${esc(r.reason)}`);
    out.push('');
  }
  out.push('## ATT&amp;CK coverage', '', '| Technique | Name | Tactics | Rules | Passing |', '|---|---|---|---|---|');
  for (const c of report.coverage) out.push(`| ${esc(c.technique)} | ${esc(c.name)} | ${escList(c.tactics)} | ${c.rules.length} | ${c.passing.length} |`);
  out.push('');
  if (report.repoDiagnostics.length) {
    out.push('## Repository problems', '');
    for (const d of report.repoDiagnostics) out.push(`- ${mdCode(d.location)} ${esc(d.severity)} ${mdCode(d.code)}: ${esc(d.message)}`);
    out.push('');
  }
  if (report.timings) {
    const tm = report.timings;
    out.push('## Timings (wall clock; varies between runs)', '', `Total ${tm.totalMs.toFixed(0)} ms; ${Math.round(tm.eventsPerSecond)} events/s in integration.`, '');
    for (const [k, v] of Object.entries(tm.phases)) out.push(`- ${esc(k)}: ${v.toFixed(0)} ms`);
    out.push('');
  }
  return capMarkdown(out.join('\n'));
}
