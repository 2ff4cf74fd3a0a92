/** Console views of a test report: the summary table, and GitHub workflow annotations. */
import pc from 'picocolors';
import type { RunReport, Status } from '../harness/types.ts';
import { annotation } from './github.ts';
import { consoleText } from '../report/escape/console.ts';

const MARK: Record<Status, string> = { pass: 'pass', fail: 'FAIL', skipped: 'skip', error: 'ERROR', untested: 'untested', 'cannot-run': 'cannot-run' };

export function renderSummary(report: RunReport, color: boolean): string {
  const paint = (s: Status, text: string) => (!color ? text : s === 'pass' ? pc.green(text) : s === 'untested' || s === 'skipped' || s === 'cannot-run' ? pc.yellow(text) : pc.red(text));
  const rows = report.rules.map((r) => [consoleText(r.name), consoleText(r.language), r.validation.status, r.unit.status, r.integration.status] as const);
  const w = Math.min(60, rows.reduce((m, r) => Math.max(m, r[0].length), 4));
  const lines = [`${'rule'.padEnd(w)}  lang   validation  unit      integration`];
  for (const [name, lang, v, u, i] of rows) {
    const nm = name.length > w ? name.slice(0, w - 1) + '…' : name.padEnd(w);
    lines.push(`${nm}  ${lang.padEnd(5)}  ${paint(v, MARK[v].padEnd(10))}  ${paint(u, MARK[u].padEnd(8))}  ${paint(i, MARK[i])}`);
  }
  for (const r of report.rules) {
    const problems = [['validation', r.validation], ['unit', r.unit], ['integration', r.integration]] as const;
    for (const [kind, s] of problems) {
      if (s.status === 'pass') continue;
      // A skip says why in one line (the reasons of a skip are all the same cause).
      const reasons = s.status === 'skipped' ? s.reasons.slice(0, 1) : s.reasons.slice(0, 8);
      for (const reason of reasons) lines.push(`  ${consoleText(r.file)}: ${kind}${s.status === 'skipped' ? ' skipped' : ''}: ${consoleText(reason)}`);
    }
  }
  const t = report.totals;
  const tally = (c: Readonly<Record<Status, number>>) =>
    (['pass', 'fail', 'error', 'skipped', 'untested', 'cannot-run'] as const).filter((s) => c[s]).map((s) => `${c[s]} ${s}`).join(', ') || 'none';
  lines.push(
    `${t.rules} rules, ${t.passing} pass all three; validation: ${tally(t.validation)}; unit: ${tally(t.unit)}; integration: ${tally(t.integration)}; ` +
    `${t.datasets} datasets, ${t.events.read} events read, ${t.events.rejected} rejected`,
  );
  if (!t.ok) lines.push(...failureCauses(report));
  lines.push(t.ok ? 'result: ok' : 'result: FAILED');
  return lines.join('\n') + '\n';
}

/** Why a run failed beyond the rules listed above: repository problems and datasets that read differently from their manifest. */
function failureCauses(report: RunReport): string[] {
  const out: string[] = [];
  for (const d of report.repoDiagnostics) if (d.severity === 'error') out.push(`  ${d.location}: ${d.code}: ${d.message}`);
  for (const ds of report.datasets) for (const p of ds.problems) out.push(`  dataset ${ds.name}: ${p}`);
  const failing = report.rules.filter((r) => [r.validation, r.unit, r.integration].some((s) => s.status === 'fail' || s.status === 'error')).length;
  if (failing) out.unshift(`  ${failing} rule(s) failed (reasons above)`);
  return out.length ? ['why the run failed:', ...out] : [];
}

export function renderGithub(report: RunReport, _sources: ReadonlyMap<string, string>): string {
  const out: string[] = [];
  for (const r of report.rules) {
    for (const d of r.validation.diagnostics) {
      if (d.severity === 'info') continue;
      out.push(annotation({ level: d.severity === 'error' ? 'error' : 'warning', file: r.file, line: d.line, col: d.col, title: d.code, message: d.message }));
    }
    for (const [kind, s] of [['unit', r.unit], ['integration', r.integration]] as const) {
      if (s.status !== 'fail' && s.status !== 'error') continue;
      // Point at the first failing `tests` entry when there is one (false positives have none).
      const line = s.cases.find((c) => c.status === 'fail' || c.status === 'error')?.line;
      out.push(annotation({ level: 'error', file: r.file, line, title: `${kind} ${s.status}: ${r.name}`, message: s.reasons.join('\n') }));
    }
  }
  for (const d of report.repoDiagnostics) {
    out.push(annotation({ level: d.severity === 'error' ? 'error' : 'warning', file: d.location.split(':')[0], line: d.line, col: d.col, title: d.code, message: d.message }));
  }
  return out.length ? out.join('\n') + '\n' : '';
}
