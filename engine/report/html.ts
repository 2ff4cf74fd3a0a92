/**
 * report.html: one self-contained page (inline CSS and JS, no network, works from file://),
 * rendered server-side from the report so it reads without JS; the script only sorts the rule
 * table and opens rule details. Every report string is escaped (rule text is untrusted). Same
 * report → same bytes; wall-clock timings appear only when present, in their own last section.
 */
import type { DiagnosticEntry, RunReport, Status, Timings, Totals } from '../harness/types.ts';
import { CSS, SCRIPT } from './html/assets.ts';
import { attackMatrix } from './html/attack.ts';
import { datasetTable } from './html/datasets.ts';
import { esc } from './html/escape.ts';
import { ruleTable } from './html/rules.ts';

/** No fetches of any kind: inline style and script only. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

function statusCounts(c: Readonly<Record<Status, number>>): string {
  const order: Status[] = ['pass', 'fail', 'error', 'skipped', 'untested', 'cannot-run'];
  return order.filter((s) => c[s] > 0).map((s) => `<span class="st st-${s}">${c[s]} ${s}</span>`).join(' ') || '<span class="muted">—</span>';
}

function card(key: string, value: string, id?: string): string {
  return `<div class="card"${id ? ` id="${id}"` : ''}><div class="v">${value}</div><div class="k">${key}</div></div>`;
}

function header(report: RunReport): string {
  const t: Totals = report.totals;
  const meta = `${esc(report.tool.name)} ${esc(report.tool.version)} · report format ${report.tool.reportFormat}` +
    (report.attackVersion ? ` · ATT&amp;CK ${esc(report.attackVersion)}` : '');
  return `<header><h1>dac test report</h1><div class="muted">${meta}</div>` +
    `<div id="result" class="banner ${t.ok ? 'ok' : 'failed'}">Result: ${t.ok ? 'ok' : 'FAILED'} — ${t.passing} of ${t.rules} rules pass all three</div>` +
    `<div class="totals">` +
    card('rules', String(t.rules), 'total-rules') +
    card('pass all three', String(t.passing), 'total-passing') +
    card('validation', statusCounts(t.validation)) +
    card('unit', statusCounts(t.unit)) +
    card('integration', statusCounts(t.integration)) +
    card('datasets', String(t.datasets)) +
    card('events read / used / rejected', `${t.events.read} / ${t.events.used} / <span${t.events.rejected ? ' class="bad"' : ''}>${t.events.rejected}</span>`) +
    `</div><nav><a href="#rules">Rules</a><a href="#datasets">Datasets</a><a href="#attack">ATT&amp;CK coverage</a>` +
    `${report.repoDiagnostics.length ? '<a href="#repo-diagnostics">Repo diagnostics</a>' : ''}${report.timings ? '<a href="#timings">Timings</a>' : ''}` +
    ` <button type="button" id="expand-all">open all rules</button> <button type="button" id="collapse-all">close all</button></nav></header>`;
}

function repoDiagnostics(list: readonly DiagnosticEntry[]): string {
  if (!list.length) return '';
  return `<section id="repo-diagnostics"><h2>Repo diagnostics</h2><table><thead><tr><th>severity</th><th>code</th><th>location</th><th>message</th></tr></thead><tbody>` +
    list.map((d) => `<tr class="sev-${esc(d.severity)}"><td>${esc(d.severity)}</td><td class="mono">${esc(d.code)}</td><td class="mono">${esc(d.location)}</td><td>${esc(d.message)}</td></tr>`).join('') +
    '</tbody></table></section>';
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

function timings(t: Timings | undefined): string {
  if (!t) return '';
  const phases = Object.keys(t.phases).sort().map((k) => `<tr><td>${esc(k)}</td><td class="num">${esc(k === 'events' ? String(t.phases[k]) : ms(t.phases[k]))}</td></tr>`).join('');
  const rules = Object.keys(t.rules).sort().map((k) => `<tr><td class="mono">${esc(k)}</td><td class="num">${ms(t.rules[k].unitMs)}</td></tr>`).join('');
  return `<section id="timings" class="timings"><h2>Timings <span class="muted">(wall-clock: differs between runs; <code>--no-timings</code> leaves this out)</span></h2>` +
    `<p>total ${ms(t.totalMs)} · ${Math.round(t.eventsPerSecond)} events/s in integration</p>` +
    `<table><thead><tr><th>phase</th><th>time</th></tr></thead><tbody>${phases}</tbody></table>` +
    (rules ? `<h4>Unit time per rule</h4><table><thead><tr><th>rule</th><th>unit</th></tr></thead><tbody>${rules}</tbody></table>` : '') +
    '</section>';
}

export function renderHtml(report: RunReport): string {
  const title = `dac test report — ${report.totals.ok ? 'ok' : 'FAILED'}`;
  return '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${esc(title)}</title><style>${CSS}</style></head>\n<body>\n` +
    header(report) + '\n' +
    ruleTable(report.rules, report.coverage) + '\n' +
    datasetTable(report.datasets) + '\n' +
    attackMatrix(report.coverage, report.rules) + '\n' +
    repoDiagnostics(report.repoDiagnostics) + '\n' +
    timings(report.timings) + '\n' +
    `<script>${SCRIPT}</script>\n</body></html>\n`;
}
