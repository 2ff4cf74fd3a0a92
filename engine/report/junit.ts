/** junit.xml: one testsuite per status kind, one testcase per rule, failures with their reasons. */
import type { RuleResult, RunReport, StatusEntry } from '../harness/types.ts';
import { xmlEscape } from './escape/xml.ts';

const xml = xmlEscape;

function testcase(kind: string, r: RuleResult, s: StatusEntry, seconds: number | undefined): string {
  const head = `    <testcase classname="dac.${kind}" name="${xml(r.name)} [${xml(r.id)}]" file="${xml(r.file)}"${seconds !== undefined ? ` time="${seconds.toFixed(3)}"` : ''}`;
  const msg = xml(s.reasons.join('\n'));
  switch (s.status) {
    case 'pass': return `${head}/>`;
    case 'fail': return `${head}>\n      <failure message="${xml(s.reasons[0] ?? 'failed')}">${msg}</failure>\n    </testcase>`;
    case 'error': return `${head}>\n      <error message="${xml(s.reasons[0] ?? 'error')}">${msg}</error>\n    </testcase>`;
    case 'skipped':
    case 'untested': case 'cannot-run': return `${head}>\n      <skipped message="${xml(s.reasons[0] ?? s.status)}"/>\n    </testcase>`;
  }
}

export function renderJunit(report: RunReport): string {
  const kinds: [string, (r: RuleResult) => StatusEntry][] = [['validation', (r) => r.validation], ['unit', (r) => r.unit], ['integration', (r) => r.integration]];
  const suites = kinds.map(([kind, get]) => {
    const entries = report.rules.map((r) => get(r));
    const n = (s: string) => entries.filter((e) => e.status === s).length;
    const time = (r: RuleResult) => (kind === 'unit' ? report.timings?.rules[r.id]?.unitMs : undefined);
    const cases = report.rules.map((r) => { const t = time(r); return testcase(kind, r, get(r), t === undefined ? undefined : t / 1000); });
    return `  <testsuite name="${kind}" tests="${entries.length}" failures="${n('fail')}" errors="${n('error')}" skipped="${n('skipped') + n('untested') + n('cannot-run')}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const total = report.rules.length * 3;
  const fail = report.rules.reduce((a, r) => a + [r.validation, r.unit, r.integration].filter((s) => s.status === 'fail').length, 0);
  const err = report.rules.reduce((a, r) => a + [r.validation, r.unit, r.integration].filter((s) => s.status === 'error').length, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="dac" tests="${total}" failures="${fail}" errors="${err}">\n${suites.join('\n')}\n</testsuites>\n`;
}
