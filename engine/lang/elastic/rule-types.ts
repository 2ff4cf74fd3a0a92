/**
 * Elastic rule types that aggregate over a query's events, as IR pipelines the runtime runs:
 *   threshold  group by up to three fields (`threshold.field`); an alert where the group's count
 *              reaches `threshold.value` (and, with `cardinality`, its distinct count of a field
 *              reaches that value) within the rule's look-back (`from`, default now-6m), taken
 *              as a sliding window over the replay;
 *   new_terms  an alert at the first event of each combination of `new_terms.value` fields
 *              (1–3), and again when a combination comes back after the history window
 *              (`history_window_start`, e.g. now-14d) passed without it. Over a replay the
 *              history is what came before in the replay (nothing before its first event).
 * Events missing a group field take no part, as in Elasticsearch's terms aggregation.
 */
import type { Diagnostic } from '../../diag/diagnostic.ts';
import type { EventQuery, IrQuery, Predicate, Stage } from '../../ir/types.ts';
import type { Rule } from '../../rule/model.ts';
import { asRecord, list, num, str, strList } from '../../source/values.ts';

const UNIT_MS: ReadonlyMap<string, number> = new Map([
  ['s', 1000], ['m', 60_000], ['h', 3_600_000], ['d', 86_400_000], ['w', 604_800_000], ['M', 2_592_000_000], ['y', 31_536_000_000],
]);

/** `now-6m` → 360000; undefined when not of that form. */
export function lookbackMs(dateMath: string | undefined): number | undefined {
  const m = dateMath === undefined ? null : /^now-(\d+)([smhdwMy])$/.exec(dateMath);
  return m ? Number(m[1]) * UNIT_MS.get(m[2])! : undefined;
}

const field = (name: string) => ({ kind: 'field' as const, name });
const atLeast = (column: string, n: number): Predicate => ({ kind: 'compare', op: '>=', left: field(column), right: { kind: 'literal', value: n }, caseInsensitive: false });

function withFields(q: EventQuery, fields: readonly string[]): EventQuery {
  if (!fields.length) return q;
  const exists: Predicate[] = fields.map((f) => ({ kind: 'exists', field: f }));
  return { ...q, filter: { kind: 'and', args: [q.filter, ...exists] } };
}

/**
 * The query the rule type runs: `q` itself for query rules, a pipeline for threshold and
 * new_terms. Diagnostics point at the rule's keys (the schema has checked their shapes).
 */
export function forRuleType(rule: Rule, q: EventQuery): { query?: IrQuery; diagnostics: Diagnostic[] } {
  const r = asRecord(rule.document.rule) ?? {};
  const type = str(r.type);
  const diag = (path: (string | number)[], message: string): Diagnostic => ({ code: 'rule/bad-rule-type', severity: 'error', message, file: rule.file, span: rule.locate(['rule', ...path]), ruleId: rule.id });
  if (type === 'threshold') {
    const t = asRecord(r.threshold) ?? {};
    const groupBy = typeof t.field === 'string' ? (t.field ? [t.field] : []) : strList(t.field);
    const value = num(t.value) ?? 1;
    const card = asRecord(list(t.cardinality)[0]);
    const cardField = str(card?.field);
    const windowMs = lookbackMs(str(r.from) ?? 'now-6m');
    if (windowMs === undefined) return { diagnostics: [diag(['from'], `from '${str(r.from)}' is not now-<n><unit>; dac needs it for the threshold window`)] };
    const stages: Stage[] = [
      {
        kind: 'aggregate', windowMs,
        groupBy: groupBy.map((f) => ({ name: f, expr: field(f) })),
        aggregates: [{ name: 'count', fn: 'count' }, ...(cardField ? [{ name: 'cardinality', fn: 'dc' as const, arg: field(cardField) }] : [])],
      },
      { kind: 'filter', logic: 'boolean', predicate: cardField ? { kind: 'and', args: [atLeast('count', value), atLeast('cardinality', num(card?.value) ?? 1)] } : atLeast('count', value) },
    ];
    return { query: { kind: 'pipeline', source: withFields(q, groupBy), stages, ...(q.span ? { span: q.span } : {}) }, diagnostics: [] };
  }
  if (type === 'new_terms') {
    const nt = asRecord(r.new_terms) ?? {};
    const terms = strList(nt.value);
    const history = str(asRecord(list(nt.history_window_start)[0])?.value);
    const windowMs = lookbackMs(history);
    if (!terms.length) return { diagnostics: [diag(['new_terms', 'value'], 'new_terms names no field')] };
    if (windowMs === undefined) return { diagnostics: [diag(['new_terms', 'history_window_start'], `history_window_start '${history}' is not now-<n><unit>`)] };
    const stages: Stage[] = [{ kind: 'aggregate', windowMs, groupBy: terms.map((f) => ({ name: f, expr: field(f) })), aggregates: [{ name: 'count', fn: 'count' }] }];
    return { query: { kind: 'pipeline', source: withFields(q, terms), stages, ...(q.span ? { span: q.span } : {}) }, diagnostics: [] };
  }
  return { query: q, diagnostics: [] };
}
