/** The dataset table: what each replay read, used and rejected, its hosts, time span and event ids. */
import type { DatasetResult, Rejection } from '../../harness/types.ts';
import { esc } from './escape.ts';

function histogram(ids: Readonly<Record<string, number>>): string {
  const entries = Object.entries(ids).sort(([a], [b]) => {
    const na = Number(a); const nb = Number(b);
    return Number.isFinite(na) && Number.isFinite(nb) && na !== nb ? na - nb : a < b ? -1 : a > b ? 1 : 0;
  });
  if (!entries.length) return '<span class="muted">—</span>';
  const max = entries.reduce((m, [, n]) => Math.max(m, n), 0);
  return `<div class="hist">${entries.map(([id, n]) =>
    `<div class="hrow"><span class="hid mono">${esc(id)}</span><span class="hbar"><span style="width:${Math.max(1, Math.round((100 * n) / max))}%"></span></span><span class="hn num">${n}</span></div>`).join('')}</div>`;
}

function rejectionLine(r: Rejection): string {
  const at = r.line !== undefined ? `:${r.line}` : r.record !== undefined ? `#${r.record}` : r.offset !== undefined ? `@${r.offset}` : '';
  return `<li><span class="mono">${esc(r.file + at)}</span> ${esc(r.reason)}</li>`;
}

function datasetRow(d: DatasetResult): string {
  const range = d.timeRange.start ? `<span class="mono">${esc(d.timeRange.start)}</span><br><span class="mono">${esc(d.timeRange.end ?? '')}</span>` : '<span class="muted">—</span>';
  const notes = [
    ...d.problems.map((p) => `<li class="bad">${esc(p)}</li>`),
  ].join('');
  const rejections = d.rejections.length
    ? `<details><summary>${d.rejections.length} rejection${d.rejections.length === 1 ? '' : 's'} listed</summary><ul>${d.rejections.map(rejectionLine).join('')}</ul></details>`
    : '';
  return `<tr class="dataset"><td><strong>${esc(d.name)}</strong><div class="file mono">${d.files.map(esc).join('<br>')}</div>${notes ? `<ul class="reasons">${notes}</ul>` : ''}${rejections}</td>` +
    `<td><span class="kind kind-${esc(d.kind)}">${esc(d.kind)}</span></td>` +
    `<td class="num">${d.events.read}</td><td class="num">${d.events.used}</td><td class="num${d.events.rejected ? ' bad' : ''}">${d.events.rejected}</td>` +
    `<td class="hosts">${d.hosts.map(esc).join('<br>') || '<span class="muted">—</span>'}</td><td class="range">${range}</td><td>${histogram(d.eventIds)}</td>` +
    `<td class="mono">${esc(d.techniques.join(' ') || '—')}</td></tr>`;
}

export function datasetTable(datasets: readonly DatasetResult[]): string {
  const body = datasets.length
    ? datasets.map(datasetRow).join('')
    : '<tr><td colspan="9" class="muted">no datasets</td></tr>';
  return `<section id="datasets"><h2>Datasets</h2><div class="table-wrap"><table class="datasets"><thead><tr><th>dataset</th><th>kind</th><th>read</th><th>used</th><th>rejected</th><th>hosts</th><th>time range</th><th>event ids</th><th>techniques</th></tr></thead><tbody>${body}</tbody></table></div></section>`;
}
