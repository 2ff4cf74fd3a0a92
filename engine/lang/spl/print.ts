/**
 * IR → SPL text (for exports and round-trip checks). A query whose source matches a CIM data
 * model's constraint, whose fields all map back to CIM and which aggregates first is printed as
 * `| tstats … from datamodel=…`; otherwise as a raw `sourcetype=XmlWinEventLog` search over the
 * Windows TA's field names. What cannot be said in SPL is listed in `problems` (text is still
 * given, best effort); an export should refuse a query with problems.
 */
import { own as ownKey } from '../../source/own.ts';
import { irEqual } from '../../ir/equal.ts';
import { effectiveFilter } from '../../ir/source.ts';
import type { EventQuery, Expr, IrQuery, Predicate, Stage } from '../../ir/types.ts';
import { CIM_DATASETS, RAW_SYSTEM_FIELDS, type CimDataset } from './cim.ts';
import { cimExpr, TIME_EXPR } from './scope.ts';
import { reverseCim, quote, printSearch, printWhere, printEvalExpr, type Namer } from './print-expr.ts';

export interface Printed { readonly text: string; readonly problems: readonly string[] }

/** ECS fields with an exact Sysmon EventData equivalent, for raw searches. */
const ECS_TO_RAW: Readonly<Record<string, string>> = {
  'process.executable': 'Image', 'process.command_line': 'CommandLine', 'process.pid': 'ProcessId',
  'process.entity_id': 'ProcessGuid', 'process.parent.executable': 'ParentImage', 'process.parent.command_line': 'ParentCommandLine',
  'process.parent.pid': 'ParentProcessId', 'process.parent.entity_id': 'ParentProcessGuid', 'process.working_directory': 'CurrentDirectory',
  'process.pe.original_file_name': 'OriginalFileName', 'registry.path': 'TargetObject', 'file.path': 'TargetFilename',
  'destination.ip': 'DestinationIp', 'destination.port': 'DestinationPort', 'source.ip': 'SourceIp', 'source.port': 'SourcePort',
  'dns.question.name': 'QueryName', 'dll.path': 'ImageLoaded',
  // Windows events carry the same number in event.code and winlog.event_id; the TA calls it EventCode.
  'event.code': 'EventCode',
};
const RAW_BACK: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(RAW_SYSTEM_FIELDS).filter(([k]) => !['EventID', 'ComputerName', 'EventRecordID'].includes(k)).map(([k, v]) => [v, k]));

export function printSpl(q: IrQuery): Printed {
  const problems: string[] = [];
  if (q.kind === 'sequence' || q.kind === 'sample') return { text: '', problems: [`a ${q.kind} query has no SPL form in dac's subset`] };
  const source = q.kind === 'pipeline' ? q.source : q;
  const stages = q.kind === 'pipeline' ? q.stages : [];
  if (source.kind !== 'event') return { text: '', problems: [`a pipeline over a ${source.kind} has no SPL form in dac's subset`] };
  const t = tryTstats(source, stages);
  const lines = t ? [t.head] : [printRaw(source, problems)];
  let rows = Boolean(t);
  for (const s of t ? stages.slice(1) : stages) {
    const names: Namer = rows ? (n) => n : (n) => rawName(n, problems);
    lines.push(printStage(s, names, problems));
    if (s.kind === 'aggregate') rows = true;
  }
  return { text: lines.join('\n| '), problems };
}

function rawName(ecs: string, problems: string[]): string {
  if (ecs.startsWith('winlog.event_data.')) return ecs.slice('winlog.event_data.'.length);
  const n = RAW_BACK[ecs] ?? ECS_TO_RAW[ecs];
  if (n) return n;
  if (ecs === '@timestamp') return '_time';
  problems.push(`field ${ecs} has no Windows TA name`);
  return ecs;
}

function printRaw(source: EventQuery, problems: string[]): string {
  const body = printSearch(effectiveFilter(source), (n) => rawName(n, problems), problems, true);
  // An exists(winlog.event_id) at the top is how `sourcetype=XmlWinEventLog` lowers; do not repeat it.
  return /^sourcetype=/.test(body) ? `search ${body}` : `search sourcetype=XmlWinEventLog ${body === '*' ? '' : body}`.trimEnd();
}

function tryTstats(source: EventQuery, stages: readonly Stage[]): { head: string } | undefined {
  const agg = stages[0];
  if (!agg || agg.kind !== 'aggregate' || agg.windowMs !== undefined) return undefined;
  const o = source.source?.origin;
  const own = o?.lang === 'spl' && o.datamodel ? CIM_DATASETS.find((d) => d.model === o.datamodel && d.dataset === o.dataset) : undefined;
  const effective = effectiveFilter(source);
  const top = effective.kind === 'and' ? effective.args : [effective];
  for (const ds of own ? [own] : CIM_DATASETS) {
    // A data-model source names its data set; any other source is recognised by its constraint.
    const rest = own ? (source.filter.kind === 'const' && source.filter.value ? [] : source.filter.kind === 'and' ? [...source.filter.args] : [source.filter]) : matchConstraint(ds, top);
    if (!rest) continue;
    const problems: string[] = [];
    const name = (e: Expr): string | undefined => reverseCim(ds, e);
    const where = rest.length ? printSearch(rest.length === 1 ? rest[0]! : { kind: 'and', args: rest }, undefined, problems, false, name) : '';
    let fill: string | undefined;
    const by: string[] = [];
    for (const g of agg.groupBy) {
      let e = g.expr;
      if (e.kind === 'call' && e.fn === 'spl.coalesce' && e.args.length === 2 && e.args[1]!.kind === 'literal') {
        const v = String(e.args[1].value);
        if (fill !== undefined && fill !== v) return undefined;
        fill = v;
        e = e.args[0]!;
      } else if (fill !== undefined) return undefined;
      // Several CIM names can share one ECS source (src, src_ip): keep the group's own name when it fits.
      const own = g.name.startsWith(`${ds.dataset}.`) ? ownKey(ds.fields, g.name.slice(ds.dataset.length + 1)) : undefined;
      if (own === undefined || !sameExpr(cimExpr(own), e)) return undefined;
      by.push(g.name);
    }
    const aggs: string[] = [];
    for (const a of agg.aggregates) {
      const n = a.arg ? name(a.arg) : undefined;
      if (a.arg && !n) return undefined;
      if (!['count', 'values', 'dc', 'min', 'max', 'latest', 'earliest', 'sum', 'avg'].includes(a.fn)) return undefined;
      const def = n ? `${a.fn}(${n})` : a.fn;
      aggs.push(def === a.name ? def : `${def} as ${quote(a.name, true)}`);
    }
    if (problems.length) return undefined;
    const opts = fill !== undefined ? `summariesonly=false allow_old_summaries=true fillnull_value=${quote(fill, true)} ` : '';
    return { head: `| tstats ${opts}${aggs.join(' ')} from datamodel=${ds.model}.${ds.dataset}${where ? ` where ${where}` : ''}${by.length ? ` by ${by.join(' ')}` : ''}` };
  }
  return undefined;
}

const sameExpr = (a: Expr, b: Expr): boolean => irEqual(a, b);
const isTime = (e: Expr): boolean => sameExpr(e, TIME_EXPR());

/** The predicates left after removing the data set's constraint, or undefined if it is not all there. */
function matchConstraint(ds: CimDataset, top: readonly Predicate[]): Predicate[] | undefined {
  const rest = [...top];
  for (const c of ds.constraint) {
    const i = rest.findIndex((p) => p.kind === 'in' && p.left.kind === 'field' && p.left.name === c.field && p.values.length === c.values.length && p.values.every((v, k) => v === c.values[k]));
    if (i < 0) return undefined;
    rest.splice(i, 1);
  }
  if (rest.length === 1 && rest[0]!.kind === 'and') return [...rest[0].args];
  return rest;
}

function printStage(s: Stage, names: Namer, problems: string[]): string {
  const list = (fs: readonly string[]): string => fs.map((f) => quote(names(f), true)).join(' ');
  switch (s.kind) {
    case 'filter': return printWhereOrSearch(s.predicate, names, problems);
    case 'eval': return s.assignments.map((a) => {
      const e = a.expr;
      if (e.kind === 'call' && e.fn === 'spl.ctime' && e.args[0]?.kind === 'field' && e.args[1]?.kind === 'literal') {
        const from = names(e.args[0].name);
        return `convert timeformat=${quote(String(e.args[1].value), false)} ctime(${from})${from === a.name ? '' : ` AS ${a.name}`}`;
      }
      return `eval ${a.name}=${printEvalExpr(e, names, problems)}`;
    }).join('\n| ');
    case 'aggregate': {
      if (s.windowMs !== undefined) problems.push('a windowed aggregation has no SPL form in dac\'s subset');
      const aggs = s.aggregates.map((a) => {
        const arg = a.arg ? (a.arg.kind === 'field' ? names(a.arg.name) : isTime(a.arg) ? '_time' : (problems.push('stats over a computed value'), '?')) : undefined;
        const def = arg ? `${a.fn}(${arg})` : a.fn;
        return def === a.name ? def : `${def} as ${quote(a.name, true)}`;
      });
      const by = s.groupBy.map((g) => (g.expr.kind === 'field' && names(g.expr.name) === g.name ? g.name : (problems.push(`group ${g.name} is computed`), g.name)));
      return `stats ${aggs.join(' ')}${by.length ? ` by ${by.map((b) => quote(b, true)).join(' ')}` : ''}`;
    }
    case 'rename': return `rename ${s.pairs.map((p) => `${quote(names(p.from), true)} AS ${quote(p.to, true)}`).join(', ')}`;
    case 'project': return `table ${list(s.fields)}`;
    case 'drop': return `fields - ${list(s.fields)}`;
    case 'dedup': return `dedup ${list(s.fields)}`;
    case 'sort': return `sort ${s.keys.map((k) => `${k.desc ? '-' : ''}${names(k.field)}`).join(', ')}`;
    case 'head': case 'tail': return `${s.kind} ${s.n}`;
  }
}

/** Search syntax where the predicate is case-insensitive (as search is), `where` otherwise. */
function printWhereOrSearch(p: Predicate, names: Namer, problems: string[]): string {
  return hasCaseInsensitive(p) ? `search ${printSearch(p, names, problems, false)}` : `where ${printWhere(p, names, problems)}`;
}

function hasCaseInsensitive(p: Predicate): boolean {
  switch (p.kind) {
    case 'and': case 'or': return p.args.some(hasCaseInsensitive);
    case 'not': return hasCaseInsensitive(p.arg);
    case 'in': case 'glob': case 'keyword': return p.caseInsensitive;
    case 'compare': return p.caseInsensitive;
    default: return false;
  }
}
