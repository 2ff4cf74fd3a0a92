/**
 * The ATT&CK coverage matrix: tactics as columns in kill-chain order, the covered techniques
 * under each, coloured by how many rules map them and whether those rules pass all three.
 */
import { attackCatalogue } from '../../attack/catalogue.ts';
import type { CoverageEntry, RuleResult } from '../../harness/types.ts';
import { esc, plural } from './escape.ts';

/** Enterprise kill-chain order (the catalogue lists tactics by id, not by phase). */
const ORDER = [
  'reconnaissance', 'resource-development', 'initial-access', 'execution', 'persistence', 'privilege-escalation',
  'defense-evasion', 'credential-access', 'discovery', 'lateral-movement', 'collection', 'command-and-control',
  'exfiltration', 'impact',
];
const UNKNOWN = '(no tactic known)';

/** pass: every covering rule passes; part: some do; fail: none do. Depth: 1, 2, 3+ rules. */
function cellClass(e: CoverageEntry): string {
  const state = e.passing.length === e.rules.length ? 'pass' : e.passing.length > 0 ? 'part' : 'fail';
  return `cov cov-${state} depth-${Math.min(3, e.rules.length)}`;
}

/** Rule id → its row (the first, when ids repeat) so a matrix entry links to the rule's detail. */
type RuleLinks = ReadonlyMap<string, { index: number; name: string }>;

function ruleLink(id: string, links: RuleLinks): string {
  const r = links.get(id);
  if (!r) return `<li class="mono">${esc(id)}</li>`;
  return `<li><a href="#rule-${r.index}" title="${esc(id)}">${esc(r.name)}</a></li>`;
}

function cell(e: CoverageEntry, links: RuleLinks): string {
  const title = `${e.technique} ${e.name}: ${plural(e.rules.length, 'rule')}, ${e.passing.length} passing`;
  return `<div class="${cellClass(e)}" title="${esc(title)}"><div class="mono">${esc(e.technique)}</div><div>${esc(e.name)}</div>` +
    `<div class="cov-n">${e.passing.length}/${e.rules.length} passing</div><ul class="cov-rules">${e.rules.map((r) => ruleLink(r, links)).join('')}</ul></div>`;
}

export function attackMatrix(coverage: readonly CoverageEntry[], rules: readonly RuleResult[]): string {
  const cat = attackCatalogue();
  const links = new Map<string, { index: number; name: string }>();
  rules.forEach((r, index) => { if (!links.has(r.id)) links.set(r.id, { index, name: r.name }); });
  const columns = new Map<string, CoverageEntry[]>(ORDER.map((t) => [t, []]));
  for (const e of coverage) {
    const tactics = e.tactics.length ? e.tactics : [UNKNOWN];
    for (const t of tactics) {
      const key = t.toLowerCase().replace(/_/g, '-');
      const list = columns.get(key);
      if (list) list.push(e); else columns.set(key, [e]);
    }
  }
  const keys = [...columns.keys()];
  const head = keys.map((k) => `<th>${esc(cat.tacticByShortname(k)?.name ?? k)}</th>`).join('');
  const body = keys.map((k) => {
    const list = (columns.get(k) ?? []).slice().sort((a, b) => (a.technique < b.technique ? -1 : a.technique > b.technique ? 1 : 0));
    return `<td>${list.length ? list.map((e) => cell(e, links)).join('') : '<span class="muted">—</span>'}</td>`;
  }).join('');
  const legend = '<p class="legend"><span class="cov cov-pass depth-1">all covering rules pass</span> <span class="cov cov-part depth-1">some pass</span> <span class="cov cov-fail depth-1">none pass</span> · darker = more rules (1, 2, 3+)</p>';
  const summary = `${plural(coverage.length, 'technique')} covered, ${coverage.filter((e) => e.passing.length > 0).length} by at least one passing rule`;
  return `<section id="attack"><h2>ATT&amp;CK coverage <span class="muted">(${summary})</span></h2>${legend}` +
    `<div class="matrix-wrap"><table class="matrix"><thead><tr>${head}</tr></thead><tbody><tr>${body}</tr></tbody></table></div></section>`;
}
