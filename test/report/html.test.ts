/** report.html as text: self-contained, escaped, deterministic, timings apart; content per section. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../engine/harness/types.ts';
import { withTimings } from '../../engine/report/json.ts';
import { renderHtml } from '../../engine/report/html.ts';
import { esc } from '../../engine/report/html/escape.ts';
import { ID } from '../e2e/fixtures.ts';
import { HOSTILE_COMMAND, HOSTILE_ID, HOSTILE_TITLE, makeReport } from './report-fixture.ts';

let report: RunReport;
let html: string;
beforeAll(async () => {
  report = await makeReport();
  html = renderHtml(report);
});

const sectionOf = (id: string) => {
  const m = new RegExp(`<section id="${id}"[\\s\\S]*?</section>`).exec(html);
  if (!m) throw new Error(`no section ${id}`);
  return m[0];
};

describe('renderHtml', () => {
  it('is one self-contained document: inline style and script, no external references', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/);
    expect(html).not.toMatch(/<link\b/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/url\(/);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('escapes rule and event text (they are untrusted)', () => {
    expect(esc(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    expect(report.rules.find((r) => r.id === HOSTILE_ID)?.name).toBe(HOSTILE_TITLE);
    expect(html).not.toContain('<script>window.pwned');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('</td></tr><tr><td>injected');
    expect(html).toContain(esc(HOSTILE_TITLE));
    expect(html).toContain('&lt;img src=x onerror=window.pwned=2&gt;');
    expect(html).toContain('&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;injected');
    expect(HOSTILE_COMMAND).toContain('<img');
  });

  it('is deterministic: same report, same bytes; no timing section without timings', () => {
    expect(renderHtml(JSON.parse(JSON.stringify(report)) as RunReport)).toBe(html);
    expect(html).not.toContain('id="timings"');
    expect(html).not.toContain('href="#timings"');
  });

  it('puts wall-clock timings in their own last section, leaving the rest unchanged', () => {
    const timed = renderHtml(withTimings(report, { totalMs: 1234.5, phases: { integration: 200, unit: 100.25 }, rules: { [ID.pass]: { unitMs: 3.5 } }, eventsPerSecond: 4321.4 }));
    const section = /<section id="timings"[\s\S]*?<\/section>/.exec(timed)?.[0] ?? '';
    expect(section).toContain('total 1234.5 ms · 4321 events/s');
    expect(section).toMatch(/<td>integration<\/td><td class="num">200\.0 ms<\/td><\/tr><tr><td>unit<\/td>/);
    expect(section).toContain('3.5 ms');
    expect(timed.indexOf('id="timings"')).toBeGreaterThan(timed.indexOf('id="attack"'));
    expect(timed.replace(section, '').replace('<a href="#timings">Timings</a>', '')).toBe(html);
  });

  it('header shows the result and totals', () => {
    expect(html).toContain('<title>dac test report — FAILED</title>');
    expect(html).toContain('<div id="result" class="banner failed">');
    expect(html).toMatch(/id="total-rules"><div class="v">9<\/div>/);
    expect(html).toMatch(/id="total-passing"><div class="v">2<\/div>/);
    expect(html).toContain('ATT&amp;CK 18.1');
  });

  it('rule table: one sortable tbody per rule, sort keys in data attributes, detail hidden until opened', () => {
    const rules = sectionOf('rules');
    expect(rules.match(/<tbody class="rule"/g)).toHaveLength(report.rules.length);
    for (const key of ['name', 'language', 'validation', 'unit', 'integration', 'attack']) expect(rules).toContain(`data-sort="${key}"`);
    const tooMany = report.rules.findIndex((r) => r.id === ID.tooMany);
    expect(rules).toMatch(new RegExp(`<tbody class="rule" id="rule-${tooMany}" data-index="${tooMany}" data-name="expects too few" data-language="sigma" data-validation="4" data-unit="1" data-integration="1" data-attack="T1053.005">`));
    expect(rules.match(/<tr class="detail" id="detail-\d+" hidden>/g)).toHaveLength(report.rules.length);
  });

  it('rule detail: statuses with reasons, cases expected vs actual, alert events, false positives, diagnostics', () => {
    const body = (id: string) => {
      const i = report.rules.findIndex((r) => r.id === id);
      return new RegExp(`<tbody class="rule" id="rule-${i}"[\\s\\S]*?</tbody>(?=<tbody|</table></section>)`).exec(html)?.[0] ?? '';
    };
    const tooMany = body(ID.tooMany);
    expect(tooMany).toContain('<li>attack_one: expected 1 alert, got 2 (too many)</li>');
    expect(tooMany).toMatch(/<td>attack_one<\/td><td>two schtasks \/run on two hosts<\/td><td class="num">1<\/td><td><span class="muted">—<\/span><\/td><td class="num">2<\/td><td><span class="st st-fail">fail<\/span>/);
    expect(tooMany).toContain('<td class="mono">datasets/attack_one/sysmon.xml:3</td><td class="mono">2024-03-01T10:01:00.000Z</td><td>WKS-02.corp.example.com</td>');
    const fp = body(ID.falsePositive);
    expect(fp).toContain('False positives (1)');
    expect(fp).toContain('datasets/benign_one/sysmon.xml:1');
    expect(fp).toContain('whoami /all');
    const invalid = body(ID.invalid);
    expect(invalid).toContain('<h4>Diagnostics</h4>');
    expect(invalid).toMatch(/<td class="mono">rules\/invalid\.yml:\d+:\d+<\/td>/);
    expect(body(ID.untested)).toContain('untested: needs a live domain controller to replay');
    expect(body(ID.pass)).toContain('process.name = schtasks.exe');
    // Sigma files tag techniques; their tactics come from the catalogue, and say so
    // The rule's own tactic tag (attack.execution), as the catalogue's id.
    expect(body(ID.pass)).toContain('<dt>ATT&amp;CK tactics</dt><dd>TA0002</dd>');
  });

  it('dataset table: counts, hosts, time range and the event-id histogram', () => {
    const ds = sectionOf('datasets');
    expect(ds.match(/<tr class="dataset">/g)).toHaveLength(3);
    expect(ds).toMatch(/<strong>attack_one<\/strong>[\s\S]*?<td class="num">3<\/td><td class="num">3<\/td><td class="num">0<\/td><td class="hosts">WKS-01.corp.example.com<br>WKS-02.corp.example.com<\/td>/);
    expect(ds).toContain('2024-03-01T10:00:00.000Z</span><br><span class="mono">2024-03-01T10:01:00.000Z');
    expect(ds).toContain('<span class="hid mono">1</span><span class="hbar"><span style="width:100%"></span></span><span class="hn num">3</span>');
  });

  it('ATT&CK matrix: tactics as columns in kill-chain order, techniques coloured by passing rules', () => {
    const m = sectionOf('attack');
    const heads = [...m.matchAll(/<th>([^<]+)<\/th>/g)].map((x) => x[1]);
    expect(heads.slice(0, 5)).toEqual(['Reconnaissance', 'Resource Development', 'Initial Access', 'Execution', 'Persistence']);
    expect(heads).toContain('Discovery');
    // T1059: only the passing rule; T1053.005: many rules, one passing; T1033: one failing rule
    expect(m).toMatch(/<div class="cov cov-pass depth-1" title="T1059 [^"]*"><div class="mono">T1059<\/div>/);
    expect(m).toMatch(/<div class="cov cov-part depth-3" title="T1053.005 [^"]*"><div class="mono">T1053.005<\/div>/);
    expect(m).toMatch(/<div class="cov cov-fail depth-1" title="T1033 [^"]*"><div class="mono">T1033<\/div>/);
    // a technique sits under each of its tactics (T1053.005: execution, persistence, privilege escalation)
    expect(m.match(/<div class="mono">T1053\.005<\/div>/g)).toHaveLength(3);
    const passIndex = report.rules.findIndex((r) => r.id === ID.pass);
    expect(m).toContain(`<a href="#rule-${passIndex}" title="${ID.pass}">Schtasks Run Passes</a>`);
  });
});
