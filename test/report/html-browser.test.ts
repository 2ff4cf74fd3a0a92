/**
 * report.html in a real browser (Debian's chromium through playwright-core): loaded from file://
 * with no network, the rule table sorts on a header click, a row opens its detail, and a
 * screenshot is taken. Skips with a message when /usr/bin/chromium is absent (CI installs it).
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../engine/harness/types.ts';
import { renderHtml } from '../../engine/report/html.ts';
import { STATUS_RANK } from '../../engine/report/html/escape.ts';
import { ID } from '../e2e/fixtures.ts';
import { HOSTILE_TITLE, makeReport } from './report-fixture.ts';

const CHROMIUM = process.env.DAC_CHROMIUM ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present) process.stderr.write(`[skip] report.html in headless Chromium: ${CHROMIUM} is absent (apt-get install -y chromium; CI's .ci/run installs it)\n`);

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!present)('report.html in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let report: RunReport;
  let url: string;
  const problems: string[] = [];
  const requests: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'dac-html-'));

  const names = () => page.$$eval('#rule-table tbody.rule', (bodies) => bodies.map((b) => b.getAttribute('data-name') ?? ''));
  const column = (key: string) => page.$$eval('#rule-table tbody.rule', (bodies, k) => bodies.map((b) => b.getAttribute(`data-${k}`) ?? ''), key);
  const rowOf = (id: string) => page.locator(`#rule-${report.rules.findIndex((r) => r.id === id)} tr.row`);
  const detailOf = (id: string) => page.locator(`#detail-${report.rules.findIndex((r) => r.id === id)}`);

  beforeAll(async () => {
    report = await makeReport();
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(report));
    url = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    await page.goto(url);
  }, 60_000);

  afterAll(async () => { await browser?.close(); });

  it('loads from file:// without errors, network requests or injected script running', async () => {
    expect(await page.title()).toBe('dac test report — FAILED');
    expect(await page.locator('#result').innerText()).toContain('FAILED');
    expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
    // the hostile rule title shows as text
    expect(await page.locator('#rule-table').innerText()).toContain(HOSTILE_TITLE);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('sorts the rule table by name, then reverses on a second click', async () => {
    const before = await names();
    const ascending = [...before].sort();
    expect(before).not.toEqual(ascending); // the file order is by path, so sorting must move rows
    await page.click('th[data-sort="name"]');
    expect(await names()).toEqual(ascending);
    expect(await page.getAttribute('th[data-sort="name"]', 'aria-sort')).toBe('ascending');
    // the visible first row follows
    expect(await page.locator('#rule-table tbody.rule').first().locator('td.name').innerText()).toContain(report.rules.find((r) => r.name.toLowerCase() === ascending[0])?.name ?? '?');
    await page.click('th[data-sort="name"]');
    expect(await names()).toEqual([...ascending].reverse());
    expect(await page.getAttribute('th[data-sort="name"]', 'aria-sort')).toBe('descending');
  });

  it('sorts by unit status worst first, ties in file order', async () => {
    await page.click('th[data-sort="unit"]');
    const ranks = (await column('unit')).map(Number);
    const indexes = (await column('index')).map(Number);
    const expected = report.rules.map((r, i) => ({ rank: STATUS_RANK[r.unit.status], i })).sort((a, b) => a.rank - b.rank || a.i - b.i);
    expect(ranks).toEqual(expected.map((e) => e.rank));
    expect(indexes).toEqual(expected.map((e) => e.i));
    // what the reader sees: failing unit statuses on top, the passing ones at the bottom
    const badges = await page.locator('#rule-table tbody.rule tr.row td:nth-child(4)').allInnerTexts();
    expect(badges[0]).toBe('fail');
    expect(badges[badges.length - 1]).toBe('pass');
    expect(await page.getAttribute('th[data-sort="name"]', 'aria-sort')).toBe('none');
  });

  it('opens a rule detail on click showing statuses, expected vs actual and the alert events; closes on a second click', async () => {
    const detail = detailOf(ID.tooMany);
    expect(await detail.isVisible()).toBe(false);
    await rowOf(ID.tooMany).click();
    expect(await detail.isVisible()).toBe(true);
    expect(await rowOf(ID.tooMany).getAttribute('aria-expanded')).toBe('true');
    const text = await detail.innerText();
    expect(text).toContain('attack_one: expected 1 alert, got 2 (too many)');
    expect(text).toContain('two schtasks /run on two hosts');
    // the failing case's alerts are listed (unit and integration), each event located in its file
    const located = detail.getByText('datasets/attack_one/sysmon.xml:3', { exact: true });
    expect(await located.count()).toBe(2);
    expect(await located.first().isVisible()).toBe(true);
    expect(await detail.getByText('Microsoft-Windows-Sysmon 1 schtasks /run /s SRV-01 /tn \\Maint', { exact: true }).first().isVisible()).toBe(true);
    await rowOf(ID.tooMany).click();
    expect(await detail.isVisible()).toBe(false);
  });

  it('opens a detail from the keyboard and from a #rule-N link, showing false positives', async () => {
    await rowOf(ID.falsePositive).focus();
    await page.keyboard.press('Enter');
    const fp = detailOf(ID.falsePositive);
    expect(await fp.isVisible()).toBe(true);
    expect(await fp.innerText()).toContain('False positives (1)');
    expect(await fp.getByText('datasets/benign_one/sysmon.xml:1', { exact: true }).isVisible()).toBe(true);
    const i = report.rules.findIndex((r) => r.id === ID.invalid);
    await page.goto(`${url}#rule-${i}`);
    expect(await detailOf(ID.invalid).isVisible()).toBe(true);
    expect(await detailOf(ID.invalid).innerText()).toContain('skipped: validation failed');
  });

  it('shows the dataset table and the ATT&CK matrix, and takes a screenshot', async () => {
    expect(await page.locator('#datasets tr.dataset').count()).toBe(report.datasets.length);
    expect(await page.locator('#attack table.matrix .cov-pass').first().innerText()).toContain('T1059');
    await rowOf(ID.tooMany).click();
    const shot = join(dir, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    const png = readFileSync(shot);
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('fits 1280 px with wide content: no horizontal page overflow; the ATT&CK matrix scrolls inside its own box', async () => {
    const wide: RunReport = {
      ...report,
      datasets: [...report.datasets, {
        name: 'wide_dataset_with_a_long_name', kind: 'benign', files: Array.from({ length: 4 }, (_, i) => `datasets/wide_dataset_with_a_long_name/security_and_sysmon_part_${i}.xml.gz`),
        events: { read: 123456, used: 123456, rejected: 0 }, rejections: [], hosts: Array.from({ length: 6 }, (_, i) => `WORKSTATION-${i}.some.long.domain.example.com`),
        timeRange: { start: '2026-10-05T00:00:00.000Z', end: '2026-10-06T01:00:00.000Z' }, eventIds: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [String(4600 + i), i + 1])),
        techniques: ['T1021.002', 'T1053.005', 'T1059.001'], problems: [],
      }],
    };
    const file = join(dir, 'wide.html');
    writeFileSync(file, renderHtml(wide));
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await p.goto(pathToFileURL(file).href);
    await p.locator('#rule-table tbody.rule tr.row').first().click();
    // A string expression: the test compiles without DOM types.
    const m = await p.evaluate(`({
      page: document.documentElement.scrollWidth,
      matrixBox: document.querySelector('.matrix-wrap')?.getBoundingClientRect().right ?? 0,
      rules: document.getElementById('rule-table')?.getBoundingClientRect().right ?? 0,
    })`) as { page: number; matrixBox: number; rules: number };
    await p.close();
    expect(m.page).toBeLessThanOrEqual(1280);
    expect(m.matrixBox).toBeLessThanOrEqual(1280);
    expect(m.rules).toBeLessThanOrEqual(1280);
  });
});
