/**
 * The sortable rule table: one <tbody> per rule holding its summary row and its (hidden) detail
 * row, so sorting moves both together. Sort keys live in data-* attributes; the script only
 * reorders and toggles, it never builds markup from report text.
 */
import type { CaseResult, CoverageEntry, DiagnosticEntry, RuleResult, StatusEntry } from '../../harness/types.ts';
import { alertList } from './alerts.ts';
import { badge, esc, plural, showValue, STATUS_RANK } from './escape.ts';

export const SORT_COLUMNS = [
  { key: 'name', label: 'Rule' },
  { key: 'language', label: 'Language' },
  { key: 'validation', label: 'Validation' },
  { key: 'unit', label: 'Unit' },
  { key: 'integration', label: 'Integration' },
  { key: 'attack', label: 'ATT&CK' },
] as const;

function reasons(list: readonly string[]): string {
  return list.length ? `<ul class="reasons">${list.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>` : '';
}

function statusTable(r: RuleResult): string {
  const rows: [string, StatusEntry][] = [['Validation', r.validation], ['Unit', r.unit], ['Integration', r.integration]];
  return `<table class="statuses"><tbody>${rows.map(([k, s]) => `<tr><th>${k}</th><td>${badge(s.status)}</td><td>${reasons(s.reasons) || '<span class="muted">—</span>'}</td></tr>`).join('')}</tbody></table>`;
}

function diagnostics(list: readonly DiagnosticEntry[]): string {
  if (!list.length) return '';
  return `<h4>Diagnostics</h4><table class="diags"><thead><tr><th>severity</th><th>code</th><th>location</th><th>message</th></tr></thead><tbody>` +
    list.map((d) => `<tr class="sev-${esc(d.severity)}"><td>${esc(d.severity)}</td><td class="mono">${esc(d.code)}</td><td class="mono">${esc(d.location)}</td><td>${esc(d.message)}</td></tr>`).join('') +
    '</tbody></table>';
}

function expectedFields(fields: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(fields).sort();
  return keys.length ? keys.map((k) => `<div class="mono">${esc(k)} = ${esc(showValue(fields[k]))}</div>`).join('') : '<span class="muted">—</span>';
}

function cases(title: string, list: readonly CaseResult[]): string {
  if (!list.length) return '';
  const table = `<h4>${title}</h4><table class="cases"><thead><tr><th>dataset</th><th>description</th><th>expected alerts</th><th>expected fields</th><th>actual alerts</th><th>status</th><th>reasons</th></tr></thead><tbody>` +
    list.map((c) => `<tr><td>${esc(c.dataset)}</td><td>${esc(c.description ?? '')}</td><td class="num">${c.expected.alerts}</td><td>${expectedFields(c.expected.fields)}</td>` +
      `<td class="num">${c.actual.alerts}</td><td>${badge(c.status)}</td><td>${reasons(c.reasons)}</td></tr>`).join('') + '</tbody></table>';
  const alerts = list.filter((c) => c.alerts.length).map((c) =>
    `<details class="case-alerts"${c.status === 'pass' ? '' : ' open'}><summary>${esc(title.toLowerCase())} alerts on ${esc(c.dataset)} (${c.alerts.length})</summary>${alertList(c.alerts)}</details>`).join('');
  return table + alerts;
}

/** Technique → its catalogue tactics, for rules whose file names techniques only (Sigma tags). */
type TacticLookup = ReadonlyMap<string, readonly string[]>;

function tactics(r: RuleResult, lookup: TacticLookup): string {
  if (r.attack.tactics.length) return esc(r.attack.tactics.join(', '));
  const derived = [...new Set(r.attack.techniques.flatMap((t) => lookup.get(t) ?? []))].sort();
  return derived.length ? `${esc(derived.join(', '))} <span class="muted">(from the ATT&amp;CK catalogue)</span>` : '—';
}

function detail(r: RuleResult, lookup: TacticLookup): string {
  const meta = [
    ['id', `<span class="mono">${esc(r.id)}</span>`],
    ['file', `<span class="mono">${esc(r.file)}</span>`],
    ['dialect / language', `${esc(r.dialect)} / ${esc(r.language)}`],
    ...(r.severity ? [['severity', esc(r.severity)]] : []),
    ['ATT&CK techniques', esc(r.attack.techniques.join(', ') || '—')],
    ['ATT&CK tactics', tactics(r, lookup)],
  ];
  const fp = r.integration.falsePositives;
  const mixed = r.integration.mixedAlerts;
  return `<div class="detail-body"><dl class="meta">${meta.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>` +
    `<h4>Statuses</h4>${statusTable(r)}${diagnostics(r.validation.diagnostics)}` +
    cases('Unit', r.unit.cases) + cases('Integration', r.integration.cases) +
    (fp.length ? `<h4 class="bad">False positives (${fp.length})</h4>${alertList(fp)}` : '') +
    (mixed.length ? `<h4 class="bad">Alerts mixing datasets (${mixed.length})</h4>${alertList(mixed)}` : '') +
    '</div>';
}

function ruleBody(r: RuleResult, i: number, lookup: TacticLookup): string {
  const attack = r.attack.techniques.join(' ');
  const data = `data-index="${i}" data-name="${esc(r.name.toLowerCase())}" data-language="${esc(r.language)}" ` +
    `data-validation="${STATUS_RANK[r.validation.status]}" data-unit="${STATUS_RANK[r.unit.status]}" data-integration="${STATUS_RANK[r.integration.status]}" data-attack="${esc(attack)}"`;
  return `<tbody class="rule" id="rule-${i}" ${data}>` +
    `<tr class="row" tabindex="0" aria-expanded="false" aria-controls="detail-${i}">` +
    `<td class="name"><span class="twisty" aria-hidden="true">▸</span> ${esc(r.name)}<div class="file mono">${esc(r.file)}</div></td>` +
    `<td>${esc(r.language)}</td><td>${badge(r.validation.status, r.validation.reasons[0])}</td><td>${badge(r.unit.status, r.unit.reasons[0])}</td><td>${badge(r.integration.status, r.integration.reasons[0])}</td>` +
    `<td class="mono">${esc(attack || '—')}</td></tr>` +
    `<tr class="detail" id="detail-${i}" hidden><td colspan="6">${detail(r, lookup)}</td></tr></tbody>`;
}

export function ruleTable(rules: readonly RuleResult[], coverage: readonly CoverageEntry[]): string {
  const lookup: TacticLookup = new Map(coverage.map((c) => [c.technique, c.tactics]));
  if (!rules.length) return '<section id="rules"><h2>Rules</h2><p class="muted">no rules graded</p></section>';
  const head = SORT_COLUMNS.map((c) => `<th data-sort="${c.key}" aria-sort="none" tabindex="0" role="columnheader">${esc(c.label)}<span class="arrow" aria-hidden="true"></span></th>`).join('');
  return `<section id="rules"><h2>Rules <span class="muted">(${plural(rules.length, 'rule')}; click a header to sort, a row to open)</span></h2>` +
    `<table id="rule-table" class="rules"><thead><tr>${head}</tr></thead>${rules.map((r, i) => ruleBody(r, i, lookup)).join('')}</table></section>`;
}
