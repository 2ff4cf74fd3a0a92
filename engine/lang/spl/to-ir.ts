/**
 * SPL pipeline → IR. The first command is the source: tstats (a CIM data model, its constraint
 * and `where`) or a search over raw events; later commands become stages. Field names are
 * resolved by the scope of the point in the pipeline (see scope.ts): CIM or raw names before the
 * first aggregation, row columns after it.
 */
import type { EventQuery, Expr, IrQuery, Predicate, Stage } from '../../ir/types.ts';
import type { Span } from '../../diag/diagnostic.ts';
import type { Agg, Command, FieldRef, Pipeline, SearchExpr } from './ast.ts';
import { CIM_DATASETS, findDataset } from './cim.ts';
import { cimScope, rawScope, rowScope, type Scope, type SplDiag } from './scope.ts';
import { evalToExpr, evalToPredicate, searchToPredicate } from './search-to-ir.ts';

type AggStage = Extract<Stage, { kind: 'aggregate' }>;

export function pipelineToIr(p: Pipeline, report: (d: SplDiag) => void): IrQuery | undefined {
  const [head, ...rest] = p.commands;
  if (!head) return undefined;
  const stages: Stage[] = [];
  let scope: Scope;
  let source: EventQuery;
  /** Row columns once known (after an aggregation), for wildcard rename and table. */
  let columns: string[] | undefined;

  if (head.kind === 'tstats') {
    const ds = findDataset(head.model, head.dataset);
    if (!ds) {
      report({ code: 'unknown-datamodel', span: head.modelSpan, message: `unknown data model ${head.model}.${head.dataset} (known: ${CIM_DATASETS.map((d) => `${d.model}.${d.dataset}`).join(', ')})` });
      return undefined;
    }
    scope = cimScope(ds, report);
    const constraint: Predicate[] = ds.constraint.map((c) => ({ kind: 'in', left: { kind: 'field', name: c.field }, values: c.values, caseInsensitive: false }));
    const select: Predicate = constraint.length === 1 ? constraint[0]! : { kind: 'and', args: constraint };
    const filter: Predicate = head.where ? searchToPredicate(head.where, scope, report) : { kind: 'const', value: true };
    source = { kind: 'event', source: { origin: { lang: 'spl', datamodel: ds.model, dataset: ds.dataset }, select }, filter, logic: 'boolean', span: head.span };
    const agg = aggregate(head.aggs, head.by, scope, head.options.get('fillnull_value'));
    stages.push(agg);
    columns = [...agg.groupBy.map((g) => g.name), ...agg.aggregates.map((a) => a.name)];
    scope = rowScope();
  } else if (head.kind === 'search') {
    scope = rawScope();
    source = rawSource(head.expr, scope, report, head.span);
  } else {
    report({ code: 'unknown-command', span: head.span, message: `a search must start with search terms or \`| tstats\`, not \`${head.kind}\`` });
    return undefined;
  }

  for (const cmd of rest) {
    const stage = commandToStages(cmd, scope, columns, report);
    if (!stage) continue;
    for (const s of stage) {
      stages.push(s);
      columns = nextColumns(s, columns);
      if (s.kind === 'aggregate') scope = rowScope();
      if (s.kind === 'eval') s.assignments.forEach((a) => scope.define(a.name));
      if (s.kind === 'rename') s.pairs.forEach((x) => scope.define(x.to));
    }
  }
  return stages.length ? { kind: 'pipeline', source, stages, span: source.span } : source;
}

/** Index-level terms of a raw search (index, sourcetype, source) at its top level. */
const META = new Set(['index', 'sourcetype', 'source']);
const isMeta = (e: SearchExpr): e is Extract<SearchExpr, { kind: 'cmp' }> => e.kind === 'cmp' && e.op === '=' && META.has(e.field.name.toLowerCase());

/**
 * A raw search: its top-level index/sourcetype/source terms are the source (origin: their values;
 * select: what they pick among dac's events), the other terms the filter.
 */
function rawSource(expr: SearchExpr | undefined, scope: Scope, report: (d: SplDiag) => void, span: Span): EventQuery {
  const top = !expr ? [] : expr.kind === 'and' ? expr.args : [expr];
  const meta = top.filter(isMeta);
  const rest = top.filter((e) => !isMeta(e));
  const filter: Predicate = !expr ? { kind: 'const', value: true }
    : !meta.length ? searchToPredicate(expr, scope, report)
    : rest.length ? searchToPredicate(rest.length === 1 ? rest[0]! : { ...expr, kind: 'and', args: rest } as SearchExpr, scope, report) : { kind: 'const', value: true };
  if (!meta.length) return { kind: 'event', filter, logic: 'boolean', span };
  const sel = meta.map((m) => searchToPredicate(m, scope, report));
  const value = (k: string): string | undefined => meta.find((m) => m.field.name.toLowerCase() === k)?.value.text;
  const origin = { lang: 'spl' as const, ...Object.fromEntries(['index', 'sourcetype', 'source'].flatMap((k) => (value(k) !== undefined ? [[k, value(k)]] : []))) };
  return { kind: 'event', source: { origin, select: sel.length === 1 ? sel[0]! : { kind: 'and', args: sel } }, filter, logic: 'boolean', span };
}

function aggregate(aggs: readonly Agg[], by: readonly FieldRef[], scope: Scope, fillnull: string | undefined): AggStage {
  const groupBy = by.map((f) => {
    let expr: Expr = scope.resolve(f.name, f.span) ?? { kind: 'literal', value: null };
    // tstats fillnull_value: a missing group-by value becomes this string instead of dropping the event.
    if (fillnull !== undefined) expr = { kind: 'call', fn: 'spl.coalesce', args: [expr, { kind: 'literal', value: fillnull }], caseInsensitive: false };
    return { name: f.name, expr };
  });
  const aggregates = aggs.map((a) => {
    const arg = a.arg ? scope.resolve(a.arg.name, a.arg.span) : undefined;
    return arg ? { name: a.as, fn: a.fn, arg } : { name: a.as, fn: a.fn };
  });
  return { kind: 'aggregate', groupBy, aggregates };
}

function commandToStages(cmd: Command, scope: Scope, columns: string[] | undefined, report: (d: SplDiag) => void): Stage[] | undefined {
  const names = (fs: readonly FieldRef[]): string[] => fs.flatMap((f) => expandWild(f.name, columns).map((n) => fieldName(n, f, scope, report)));
  switch (cmd.kind) {
    case 'tstats':
      report({ code: 'bad-tstats', span: cmd.span, message: 'tstats must be the first command of the search' });
      return undefined;
    case 'search':
      if (!cmd.expr) return [];
      {
        const predicate = searchToPredicate(cmd.expr, scope, report);
        return predicate.kind === 'const' && predicate.value ? [] : [{ kind: 'filter', predicate, logic: 'boolean' }];
      }
    case 'where':
      return [{ kind: 'filter', predicate: evalToPredicate(cmd.expr, scope, report), logic: 'boolean' }];
    case 'eval':
      // Splunk evaluates the assignments of one eval left to right, each seeing the previous ones.
      return cmd.assignments.map((a) => {
        const expr = evalToExpr(a.expr, scope, report);
        scope.define(a.name);
        return { kind: 'eval', assignments: [{ name: a.name, expr }] };
      });
    case 'stats':
      return [aggregate(cmd.aggs, cmd.by, scope, undefined)];
    case 'rename': {
      const pairs: { from: string; to: string }[] = [];
      for (const p of cmd.pairs) {
        if (!p.from.includes('*')) { pairs.push({ from: fieldName(p.from, { name: p.from, span: p.span }, scope, report), to: p.to }); continue; }
        if (!columns) {
          report({ code: 'unsupported', span: p.span, message: 'a wildcard rename is supported only after stats/tstats, where the columns are known' });
          continue;
        }
        const re = wildRegExp(p.from);
        for (const c of columns) {
          const m = re.exec(c);
          if (!m) continue;
          let k = 1;
          pairs.push({ from: c, to: p.to.replace(/\*/g, () => m[k++] ?? '') });
        }
      }
      return pairs.length ? [{ kind: 'rename', pairs }] : [];
    }
    case 'table':
      return [{ kind: 'project', fields: names(cmd.fields) }];
    case 'fields':
      return [{ kind: cmd.remove ? 'drop' : 'project', fields: names(cmd.fields) }];
    case 'dedup':
      return [{ kind: 'dedup', fields: names(cmd.fields) }];
    case 'convert':
      return cmd.conversions.map((cv) => {
        const from = scope.resolve(cv.field.name, cv.field.span) ?? { kind: 'literal', value: null };
        const name = cv.as ?? cv.field.name;
        return { kind: 'eval', assignments: [{ name, expr: { kind: 'call', fn: 'spl.ctime', args: [from, { kind: 'literal', value: cmd.timeformat }], caseInsensitive: false } }] };
      });
    case 'head': case 'tail':
      return [{ kind: cmd.kind, n: cmd.n }];
    case 'sort':
      return [{ kind: 'sort', keys: cmd.keys.map((k) => ({ field: fieldName(k.field.name, k.field, scope, report), desc: k.desc })) }];
  }
}

/** The row key a stage names: the resolved ECS field before aggregation, the column after. */
function fieldName(name: string, ref: FieldRef, scope: Scope, report: (d: SplDiag) => void): string {
  const e = scope.resolve(name, ref.span);
  if (!e) return name;
  if (e.kind === 'field') return e.name;
  report({ code: 'unsupported', span: ref.span, message: `\`${name}\` is computed, so it cannot be used here before an aggregation` });
  return name;
}

function expandWild(name: string, columns: string[] | undefined): string[] {
  if (!name.includes('*') || !columns) return [name];
  const re = wildRegExp(name);
  return columns.filter((c) => re.test(c));
}

function wildRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('(.*)')}$`);
}

function nextColumns(s: Stage, cols: string[] | undefined): string[] | undefined {
  switch (s.kind) {
    case 'aggregate': return [...s.groupBy.map((g) => g.name), ...s.aggregates.map((a) => a.name)];
    case 'rename': return cols?.map((c) => s.pairs.find((p) => p.from === c)?.to ?? c);
    case 'eval': return cols && [...cols, ...s.assignments.map((a) => a.name).filter((n) => !cols.includes(n))];
    case 'project': return cols && [...s.fields];
    case 'drop': return cols?.filter((c) => !s.fields.includes(c));
    default: return cols;
  }
}
