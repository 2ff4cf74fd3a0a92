/** report.md from a harness-made report: the rule table, and untrusted text kept inert. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../engine/harness/types.ts';
import { renderMarkdown } from '../../engine/report/markdown.ts';
import { ID } from '../e2e/fixtures.ts';
import { makeReport } from './report-fixture.ts';

let report: RunReport;
let md: string;
beforeAll(async () => {
  report = await makeReport();
  md = renderMarkdown(report);
});

describe('renderMarkdown', () => {
  it('has one table row per rule with the three statuses, and is deterministic', () => {
    expect(md).toContain('| Schtasks Run Passes | sigma | ✅ pass | ✅ pass | ✅ pass |');
    expect(md).toContain('| Bad Level | sigma | ❌ fail | ⏭️ skipped | ⏭️ skipped |');
    expect(md).toContain('| Opted Out | sigma | ✅ pass | ⚠️ untested | ✅ pass |');
    expect(renderMarkdown(JSON.parse(JSON.stringify(report)) as RunReport)).toBe(md);
    expect(report.rules.some((r) => r.id === ID.falsePositive)).toBe(true);
    expect(md).toContain('whoami /all');
  });

  // Regression: markup in a rule name or an event's command line went into report.md as live HTML
  // (GitHub renders report.md and job summaries as HTML-capable Markdown); text cells now escape
  // `<`, `>` and `&`.
  it('markup in rule text is escaped', () => {
    expect(md).not.toContain('<script>window.pwned=1</script>');
  });
});
