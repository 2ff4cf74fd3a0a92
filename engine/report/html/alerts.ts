/** Alerts and the events behind them, as the rule detail lists them. */
import type { AlertEntry, EventRef } from '../../harness/types.ts';
import { esc, plural, showValue } from './escape.ts';

/** Beyond this many alerts in one list, the rest are counted and left to report.json. */
export const MAX_ALERTS_SHOWN = 50;

function where(e: EventRef): string {
  if (e.line !== undefined) return `${e.file}:${e.line}`;
  if (e.record !== undefined) return `${e.file}#${e.record}`;
  return e.file;
}

function eventRow(e: EventRef): string {
  return `<tr><td>${esc(e.dataset)}</td><td class="mono">${esc(where(e))}</td><td class="mono">${esc(e.timestamp)}</td>` +
    `<td>${esc(e.host ?? '')}</td><td class="num">${esc(e.eventId ?? '')}</td><td class="num">${esc(e.recordId ?? '')}</td><td class="summary">${esc(e.summary)}</td></tr>`;
}

function fieldList(fields: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(fields).sort();
  if (!keys.length) return '';
  return `<dl class="fields">${keys.map((k) => `<dt>${esc(k)}</dt><dd>${esc(showValue(fields[k]))}</dd>`).join('')}</dl>`;
}

function alertBlock(a: AlertEntry, n: number): string {
  const mixed = a.datasets.length > 1 ? ' <span class="st st-fail">mixed datasets</span>' : '';
  const more = a.moreEvents ? `<p class="muted">+ ${plural(a.moreEvents, 'more event')} not listed</p>` : '';
  return `<div class="alert"><div class="alert-head">alert ${n} · <span class="mono">${esc(a.timestamp)}</span> · ${esc(a.datasets.join(', '))}${mixed}</div>` +
    fieldList(a.fields) +
    `<table class="events"><thead><tr><th>dataset</th><th>file:line</th><th>timestamp</th><th>host</th><th>event id</th><th>record id</th><th>summary</th></tr></thead>` +
    `<tbody>${a.events.map(eventRow).join('')}</tbody></table>${more}</div>`;
}

export function alertList(alerts: readonly AlertEntry[]): string {
  if (!alerts.length) return '<p class="muted">no alerts</p>';
  const shown = alerts.slice(0, MAX_ALERTS_SHOWN).map((a, i) => alertBlock(a, i + 1)).join('');
  const rest = alerts.length - MAX_ALERTS_SHOWN;
  return shown + (rest > 0 ? `<p class="muted">+ ${plural(rest, 'more alert')} (see report.json)</p>` : '');
}
