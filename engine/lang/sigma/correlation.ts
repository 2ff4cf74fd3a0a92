/**
 * Sigma correlation rules → IR. Counting types (event_count, value_count, value_sum, value_avg,
 * value_percentile) become a pipeline: the referenced rules' events, an aggregate by the group-by
 * fields over a sliding `timespan` window, and a filter with the condition. temporal and
 * temporal_ordered become a sequence (unordered / ordered) joined on the group-by fields with
 * maxspan = timespan. Referenced rules are found in the same file first (by name or id), then in
 * the repo; `aliases` give a group-by name a different field per referenced rule.
 */
import type { Diagnostic, Span } from '../../diag/diagnostic.ts';
import { irEqual } from '../../ir/equal.ts';
import { effectiveFilter } from '../../ir/source.ts';
import type { AggregateFn, CompareOp, EventQuery, Expr, IrQuery, Predicate, SequenceStep } from '../../ir/types.ts';
import type { RuleIndex } from '../../rule/model.ts';
import type { Report } from './codes.ts';
import { or } from './detection-item.ts';
import { compileDetectionDoc, isMap, reporter, type SigmaDoc } from './rule-to-ir.ts';
import { table } from '../../source/own.ts';

const UNIT_MS: Record<string, number> = table({ s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3, M: 30 * 86400e3, y: 365 * 86400e3 });

export function parseTimespan(t: unknown): number | undefined {
  // At most 9 digits: a 400-digit timespan is not a window (it would be Infinity ms).
  const m = typeof t === 'string' ? /^(\d{1,9})([smhdwMy])$/.exec(t.trim()) : null;
  return m ? Number(m[1]) * UNIT_MS[m[2]]! : undefined;
}

const COUNT_FN: Record<string, { fn: AggregateFn; name: string; needsField: boolean }> = table({
  event_count: { fn: 'count', name: 'event_count', needsField: false },
  value_count: { fn: 'dc', name: 'value_count', needsField: true },
  value_sum: { fn: 'sum', name: 'value_sum', needsField: true },
  value_avg: { fn: 'avg', name: 'value_avg', needsField: true },
  value_percentile: { fn: 'percentile', name: 'value_percentile', needsField: true },
});
const OPS: Record<string, CompareOp> = table({ gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '==', neq: '!=' });

export interface CorrelationEnv {
  readonly siblings: readonly SigmaDoc[];
  readonly repo?: RuleIndex;
  readonly placeholders?: ReadonlyMap<string, readonly string[]>;
}

interface Resolved { readonly ref: string; readonly query: EventQuery; readonly doc: SigmaDoc; readonly mapField: (f: string) => string }

function findDoc(ref: string, env: CorrelationEnv): SigmaDoc | undefined {
  const same = env.siblings.find((d) => isMap(d.value) && (d.value.name === ref || d.value.id === ref));
  if (same) return same;
  const r = env.repo?.byIdOrName(ref);
  if (r?.language === 'sigma') return { value: r.document, locate: r.locate, source: r.source, file: r.file };
  return undefined;
}

export function compileCorrelationDoc(doc: SigmaDoc, env: CorrelationEnv): { query?: IrQuery; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report: Report = reporter(doc, diagnostics);
  const c = (doc.value as Record<string, unknown>).correlation;
  const at = (...p: (string | number)[]): Span | undefined => doc.locate(['correlation', ...p]);
  if (!isMap(c)) { report('bad-correlation', 'correlation must be a map', at()); return { diagnostics }; }
  const type = String(c.type);
  const timespan = parseTimespan(c.timespan);
  if (timespan === undefined) report('bad-correlation', `timespan '${String(c.timespan)}' is not a number and a unit (s m h d w M y)`, at('timespan'));
  const refs = Array.isArray(c.rules) ? c.rules : typeof c.rules === 'string' ? [c.rules] : [];
  if (!refs.length) report('bad-correlation', 'correlation.rules names no rule', at('rules'));
  const resolved: Resolved[] = [];
  refs.forEach((ref, i) => {
    const target = findDoc(String(ref), env);
    if (!target) { report('unknown-rule-ref', `no rule named or with id '${String(ref)}' in this file or the repo`, at('rules', i)); return; }
    if (isMap(target.value) && 'correlation' in target.value) { report('unsupported', `'${String(ref)}' is itself a correlation; chained correlations are not supported`, at('rules', i)); return; }
    const r = compileDetectionDoc(target, env.placeholders);
    diagnostics.push(...r.diagnostics);
    if (!r.query || !r.sources) { report('bad-correlation', `referenced rule '${String(ref)}' does not compile`, at('rules', i)); return; }
    resolved.push({ ref: String(ref), query: r.query, doc: target, mapField: r.sources[0].mapField });
  });
  const groupBy = Array.isArray(c['group-by']) ? c['group-by'].map(String) : [];
  const aliases = isMap(c.aliases) ? c.aliases : {};
  if (diagnostics.some((d) => d.severity === 'error') || timespan === undefined) return { diagnostics };

  /** A group-by name → its field in referenced rule `r` (alias first, else the rule's own mapping). */
  const fieldFor = (name: string, r: Resolved): string => {
    const alias = aliases[name];
    if (isMap(alias)) {
      const own = alias[r.ref] ?? (isMap(r.doc.value) ? alias[String(r.doc.value.name)] ?? alias[String(r.doc.value.id)] : undefined);
      if (typeof own === 'string') return r.mapField(own);
    }
    return r.mapField(name);
  };
  const keysPerRule = resolved.map((r) => groupBy.map((g) => fieldFor(g, r)));
  const uniform = groupBy.map((_, i) => keysPerRule.every((k) => k[i] === keysPerRule[0][i]));
  const field = (name: string): Expr => ({ kind: 'field', name });

  if (type === 'temporal' || type === 'temporal_ordered') {
    const cond = isMap(c.condition) ? c.condition : undefined;
    if (cond && !(Object.keys(cond).length === 1 && cond.gte === resolved.length)) {
      report('unsupported', `a ${type} condition other than 'gte: ${resolved.length}' (all rules) is not supported`, at('condition'));
      return { diagnostics };
    }
    const shared = groupBy.map((_, i) => i).filter((i) => uniform[i]).map((i) => field(keysPerRule[0][i]));
    const steps: SequenceStep[] = resolved.map((r, k) => ({
      filter: r.query,
      by: groupBy.map((_, i) => i).filter((i) => !uniform[i]).map((i) => field(keysPerRule[k][i])),
      runs: 1, missing: false, label: r.ref,
    }));
    return { query: { kind: 'sequence', ordered: type === 'temporal_ordered', by: shared, maxspanMs: timespan, steps, ...(at() ? { span: at() } : {}) }, diagnostics };
  }

  const agg = COUNT_FN[type];
  if (!agg) { report('bad-correlation', `unknown correlation type '${type}'`, at('type')); return { diagnostics }; }
  if (!isMap(c.condition)) { report('bad-correlation', `${type} needs a condition (gt, gte, lt, lte, eq, neq)`, at('condition')); return { diagnostics }; }
  const cond = c.condition;
  const notUniform = groupBy.find((_, i) => !uniform[i]);
  if (notUniform) { report('unsupported', `group-by '${notUniform}' maps to different fields per rule; counting correlations need one field`, at('group-by')); return { diagnostics }; }
  let arg: Expr | undefined;
  if (agg.needsField) {
    const f = Array.isArray(cond.field) ? cond.field[0] : cond.field;
    if (typeof f !== 'string') { report('bad-correlation', `${type} needs condition.field`, at('condition')); return { diagnostics }; }
    arg = field(resolved[0].mapField(f));
  }
  let param: number | undefined;
  if (type === 'value_percentile') {
    param = typeof cond.percentile === 'number' ? cond.percentile : undefined;
    if (param === undefined) { report('bad-correlation', 'value_percentile needs condition.percentile (0–100)', at('condition')); return { diagnostics }; }
  }
  const checks: Predicate[] = [];
  for (const [k, v] of Object.entries(cond)) {
    if (k === 'field' || k === 'percentile') continue;
    const op = OPS[k];
    if (!op || typeof v !== 'number') { report('bad-correlation', `condition '${k}: ${String(v)}' is not one of gt, gte, lt, lte, eq, neq with a number`, at('condition', k)); return { diagnostics }; }
    checks.push({ kind: 'compare', op, left: field(agg.name), right: { kind: 'literal', value: v }, caseInsensitive: false });
  }
  if (!checks.length) { report('bad-correlation', 'the condition has no comparison', at('condition')); return { diagnostics }; }
  // One log source for every referenced rule stays the source; different ones are inlined.
  const first = resolved[0].query.source;
  const shared = first && resolved.every((r) => r.query.source && irEqual(r.query.source, first)) ? first : undefined;
  const source: EventQuery = shared
    ? { kind: 'event', source: shared, filter: or(resolved.map((r) => r.query.filter)), logic: 'boolean' }
    : { kind: 'event', filter: or(resolved.map((r) => effectiveFilter(r.query))), logic: 'boolean' };
  return {
    query: {
      kind: 'pipeline',
      source,
      stages: [
        {
          kind: 'aggregate',
          groupBy: groupBy.map((g, i) => ({ name: g, expr: field(keysPerRule[0][i]) })),
          aggregates: [{ name: agg.name, fn: agg.fn, ...(arg ? { arg } : {}), ...(param !== undefined ? { param } : {}) }],
          windowMs: timespan,
        },
        { kind: 'filter', predicate: checks.length === 1 ? checks[0] : { kind: 'and', args: checks }, logic: 'boolean' },
      ],
      ...(at() ? { span: at() } : {}),
    },
    diagnostics,
  };
}
