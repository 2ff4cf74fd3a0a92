/**
 * Sigma target: one YAML file per rule. A single-event query is a plain Sigma detection; an ordered
 * (unordered) sequence is a temporal_ordered (temporal) correlation over one base rule per step;
 * a windowed count / distinct count with a threshold is an event_count / value_count correlation.
 * Whatever else (no time window, per-step join keys, `until`, missing events, runs, later pipes)
 * has no Sigma form: the rule is reported unsupported with the reason, never written approximately.
 */
import { stringify } from 'yaml';
import type { EventQuery, Expr, IrQuery, Stage } from '../ir/types.ts';
import type { Rule } from '../rule/model.ts';
import type { AttackCatalogue } from '../attack/catalogue.ts';
import { isoDate, isUuid, severityOf, stableUuid, threat } from './meta.ts';
import { fileStem } from './prepare.ts';
import { SigmaUnsupported, toDetection } from './sigma-detection.ts';
import { chooseLogsource } from './sigma-logsource.ts';
import { flatten, twoValued } from './two-valued.ts';
import { ResultBuilder, ok, unsupported, type Converted, type ExportContext, type ExportRule, type ExportTarget } from './types.ts';

type Doc = Record<string, unknown>;

function timespan(ms: number): string {
  for (const [u, m] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) if (ms % m === 0) return `${ms / m}${u}`;
  throw new SigmaUnsupported(`a time window of ${ms} ms is not a whole number of seconds`);
}

function header(rule: Rule, attack: AttackCatalogue, id: string): Doc {
  const tags = [
    ...threat(rule, attack).map((t) => `attack.${t.tactic.shortname}`),
    ...[...new Set(rule.attack.map((m) => m.technique.id.toLowerCase()))].map((t) => `attack.${t}`),
  ];
  const doc = rule.document;
  const date = isoDate(doc.date) ?? isoDate((doc.metadata as Doc | undefined)?.creation_date) ?? isoDate(doc.submission_date);
  const modified = isoDate(doc.modified) ?? isoDate((doc.metadata as Doc | undefined)?.updated_date);
  return {
    title: rule.name,
    id,
    status: typeof doc.status === 'string' && ['stable', 'test', 'experimental', 'deprecated', 'unsupported'].includes(doc.status) ? doc.status : 'experimental',
    description: rule.description,
    ...(rule.references.length ? { references: [...rule.references] } : {}),
    ...(rule.authors.length ? { author: rule.authors.join(', ') } : {}),
    ...(date ? { date } : {}),
    ...(modified ? { modified } : {}),
    ...(tags.length ? { tags: [...new Set(tags)] } : {}),
  };
}

function base(q: EventQuery, title: string, id: string, name?: string): { doc: Doc; notes: readonly string[] } {
  const chosen = chooseLogsource(q);
  const filter = flatten(twoValued(chosen.rest, q.logic));
  const det = toDetection(filter, (ecs) => {
    const n = chosen.name(ecs);
    if (n === undefined) throw new SigmaUnsupported(`field ${ecs} has no name in Sigma log source ${JSON.stringify(chosen.logsource)}`);
    return n;
  });
  const detection: Doc = {};
  for (const [k, v] of det.selections) detection[k] = v;
  detection.condition = det.condition;
  return { doc: { title, id, ...(name ? { name } : {}), status: 'experimental', logsource: { ...chosen.logsource }, detection }, notes: chosen.notes };
}

function groupNames(by: readonly Expr[], q: EventQuery): string[] {
  const chosen = chooseLogsource(q);
  return by.map((e) => {
    if (e.kind !== 'field') throw new SigmaUnsupported('Sigma group-by takes fields, not computed values');
    if (e.optional) throw new SigmaUnsupported(`optional join key ?${e.name} (null keys kept) has no Sigma form`);
    const n = chosen.name(e.name);
    if (n === undefined) throw new SigmaUnsupported(`group-by field ${e.name} has no Sigma name`);
    return n;
  });
}

function correlationOf(q: IrQuery): { steps: EventQuery[]; correlation: (names: string[]) => Doc } {
  if (q.kind === 'sequence') {
    if (q.until) throw new SigmaUnsupported('a sequence with `until` has no Sigma correlation form');
    if (q.maxspanMs === undefined) throw new SigmaUnsupported('Sigma temporal correlations need a timespan; the sequence has no maxspan');
    for (const s of q.steps) {
      if (s.missing) throw new SigmaUnsupported('a missing-event step has no Sigma form');
      if (s.runs !== 1) throw new SigmaUnsupported('`with runs` has no Sigma form');
      if (s.by.length) throw new SigmaUnsupported('per-step join keys have no Sigma form (group-by applies to every rule)');
    }
    const groupBy = groupNames(q.by, q.steps[0].filter);
    for (const s of q.steps.slice(1)) if (groupNames(q.by, s.filter).join() !== groupBy.join()) throw new SigmaUnsupported('the join keys have different Sigma names in different steps');
    const span = timespan(q.maxspanMs);
    return {
      steps: q.steps.map((s) => s.filter),
      correlation: (rules) => ({ type: q.ordered ? 'temporal_ordered' : 'temporal', rules, ...(groupBy.length ? { 'group-by': groupBy } : {}), timespan: span }),
    };
  }
  if (q.kind === 'pipeline') {
    if (q.source.kind !== 'event') throw new SigmaUnsupported(`a pipeline over a ${q.source.kind} has no Sigma form`);
    const [agg, filter, ...more] = q.stages as Stage[];
    if (agg?.kind === 'aggregate' && agg.windowMs === undefined) throw new SigmaUnsupported('the aggregation has no time window (one result per group over the whole search); Sigma correlations always count within a timespan');
    if (!agg || agg.kind !== 'aggregate' || !filter || filter.kind !== 'filter' || more.length) throw new SigmaUnsupported(`only a windowed count with a threshold (aggregate, then filter) has a Sigma correlation form; this pipeline is ${q.stages.map((s) => s.kind).join(' | ')}`);
    if (agg.windowMs === undefined) throw new SigmaUnsupported('the aggregation has no time window');
    if (agg.aggregates.length !== 1) throw new SigmaUnsupported('Sigma correlations compute one aggregate');
    const a = agg.aggregates[0];
    const type = a.fn === 'count' && !a.arg ? 'event_count' : a.fn === 'dc' && a.arg?.kind === 'field' ? 'value_count' : undefined;
    if (!type) throw new SigmaUnsupported(`aggregate ${a.fn} has no Sigma correlation type dac writes`);
    const source = q.source;
    const groupBy = groupNames(agg.groupBy.map((g) => g.expr), source);
    const checks = filter.predicate.kind === 'and' ? filter.predicate.args : [filter.predicate];
    const ops = { '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte', '==': 'eq', '!=': 'neq' } as const;
    const condition: Doc = {};
    for (const c of checks) {
      if (c.kind !== 'compare' || c.left.kind !== 'field' || c.left.name !== a.name || c.right.kind !== 'literal' || typeof c.right.value !== 'number') throw new SigmaUnsupported('the threshold must compare the aggregate with a number');
      condition[ops[c.op]] = c.right.value;
    }
    if (type === 'value_count') condition.field = groupNames([a.arg as Expr], source)[0];
    const span = timespan(agg.windowMs);
    // Rules with different log sources were inlined, each an `or` arm (lang/sigma/correlation.ts); rules
    // sharing one stay one step, the arms OR'ed in its condition.
    const steps = !source.source && source.filter.kind === 'or' ? source.filter.args.map((f): EventQuery => ({ kind: 'event', filter: f, logic: source.logic })) : [source];
    return { steps, correlation: (rules) => ({ type, rules, ...(groupBy.length ? { 'group-by': groupBy } : {}), timespan: span, condition }) };
  }
  throw new SigmaUnsupported(`a ${q.kind} query has no Sigma form`);
}

/** The Sigma YAML for one rule, or why there is none. */
export function toSigma(er: ExportRule, attack: AttackCatalogue): Converted<string> {
  if (!er.query) return unsupported(`the rule does not compile: ${er.compileErrors.join('; ')}`);
  const rule = er.rule;
  const id = isUuid(rule.id) ? rule.id.toLowerCase() : stableUuid(rule.id);
  const notes: string[] = isUuid(rule.id) ? [] : [`Sigma ids are UUIDs: ${rule.id} is written as ${id}`];
  const meta = header(rule, attack, id);
  const tail: Doc = {
    ...(rule.falsePositives.length ? { falsepositives: [...rule.falsePositives] } : {}),
    level: severityOf(rule),
  };
  try {
    const q = er.query;
    if (q.kind === 'event') {
      const b = base(q, rule.name, id);
      const { title: _t, id: _i, status: _s, ...body } = b.doc;
      notes.push(...b.notes);
      return ok(stringify({ ...meta, ...body, ...tail }, { lineWidth: 0 }), notes);
    }
    const stem = fileStem(rule).replace(/[^a-z0-9]+/gi, '_').toLowerCase();
    const c = correlationOf(q);
    const docs = c.steps.map((s, i) => base(s, `${rule.name}: step ${i + 1}`, stableUuid(`${rule.id}/step${i + 1}`), `${stem}_step${i + 1}`));
    for (const d of docs) notes.push(...d.notes);
    const names = docs.map((d) => d.doc.name as string);
    const corr = { ...meta, correlation: c.correlation(names), ...tail };
    return ok([...docs.map((d) => ({ ...d.doc, level: 'informational' })), corr].map((d) => stringify(d, { lineWidth: 0 })).join('---\n'), [...new Set(notes)]);
  } catch (e) {
    if (e instanceof SigmaUnsupported) return unsupported(e.message);
    throw e;
  }
}

export const sigmaTarget: ExportTarget = {
  name: 'sigma',
  description: 'Sigma rule YAML, one file per rule (sequences and counts as correlation rules)',
  shape: 'per-rule',
  run(ctx: ExportContext) {
    const out = new ResultBuilder();
    for (const er of ctx.rules) {
      const c = toSigma(er, ctx.attack);
      if (!c.ok) { out.skip(er, c.unsupported); continue; }
      out.note(er, c.notes);
      out.file(er, fileStem(er.rule), '.yml', c.value);
    }
    return out.result();
  },
};
