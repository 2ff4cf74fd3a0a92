/**
 * Whole reports fed arbitrary rule text (issue 15 item 3): junit.xml stays well-formed XML 1.0 and
 * report.md renders no link, image or HTML but the report's own <details> blocks.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../engine/harness/types.ts';
import { renderJunit } from '../../engine/report/junit.ts';
import { renderMarkdown } from '../../engine/report/markdown.ts';
import { makeReport } from '../report/report-fixture.ts';

let base: RunReport;
beforeAll(async () => { base = await makeReport(); }, 120_000);

/** The report with every rule's name, id, file and reasons replaced by `s`. */
function poison(s: string): RunReport {
  return {
    ...base,
    rules: base.rules.map((r) => ({
      ...r, name: s, id: s, file: s,
      validation: { ...r.validation, reasons: [s] },
      unit: { ...r.unit, reasons: [s, s] },
      integration: { ...r.integration, reasons: [s] },
    })),
    datasets: base.datasets.map((d) => ({ ...d, name: s, problems: [s] })),
  };
}

const payloads = fc.oneof(
  fc.constantFrom('\n::error::owned', '::stop-commands::x', '`<script>alert(1)</script>`', '[x](javascript:alert(1))', '![i](http://x/y.png)', '\ufffe\uffff\ud800', ']]><!--', '</details><img src=x onerror=1>'),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

describe('reports with hostile rule text', () => {
  it('junit.xml parses with a conformant XML 1.0 parser', () => {
    fc.assert(fc.property(payloads, (s) => {
      const p = new SaxesParser();
      const errors: string[] = [];
      p.on('error', (e) => { errors.push(e.message); });
      p.write(renderJunit(poison(s))).close();
      expect(errors).toEqual([]);
    }), { numRuns: 60 });
  });

  it('report.md renders no link, image or HTML of the rule', () => {
    const md = new MarkdownIt({ html: true });
    fc.assert(fc.property(payloads, (s) => {
      const tokens = md.parse(renderMarkdown(poison(s)), {});
      const all = tokens.flatMap((t) => [t, ...(t.children ?? [])]);
      expect(all.filter((t) => ['link_open', 'image'].includes(t.type))).toEqual([]);
      const html = all.filter((t) => t.type === 'html_block' || t.type === 'html_inline').map((t) => t.content.trim());
      for (const h of html) expect(h).toMatch(/^(<details><summary>Diagnostics<\/summary>|<\/details>)$/);
    }), { numRuns: 40 });
  });
});
