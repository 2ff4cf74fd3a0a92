/** report.html — placeholder until the HTML view lands; it links the other views honestly. */
import type { RunReport } from '../harness/types.ts';

export function renderHtml(report: RunReport): string {
  return `<!doctype html><meta charset="utf-8"><title>dac report</title><p>The HTML view is not built yet; see report.md and report.json. ${report.totals.rules} rules.</p>\n`;
}
