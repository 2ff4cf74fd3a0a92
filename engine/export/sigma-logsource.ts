/**
 * Which Sigma log source an IR filter can be written under, and the Sigma name of each ECS field
 * there. Field names are checked against the Sigma front-end's own mapping (resolveLogsource), so
 * an exported name always reads back as the same ECS field.
 *
 * 1. A query whose source is a Sigma log source (a rule that came from Sigma) gets that log source
 *    back, read from the source's origin; the filter is the detection.
 * 2. Otherwise the source is inlined. A rule over dce_rpc.* fields is written as Zeek's dce_rpc log, which implies a DCE/RPC network
 *    event (event.category network, network.protocol dcerpc): those two tests are dropped.
 * 3. Anything else is `product: windows` with no category: it selects every event, and the ECS
 *    names with no Sigma equivalent pass through as dotted names, so nothing is narrowed or widened.
 */
import { canonicalPredicate } from '../ir/canonical.ts';
import { irEqual } from '../ir/equal.ts';
import { effectiveFilter } from '../ir/source.ts';
import type { EventQuery, Predicate } from '../ir/types.ts';
import { predicateFields, visitPredicate } from '../ir/walk.ts';
import { resolveLogsource, type Logsource, type SelectedSource } from '../lang/sigma/logsources.ts';
import { ECS_FIELD_MAP, ECS_VARIABLE_FIELDS } from '../lang/sigma/tables/ecs-fields.ts';
import { PRODUCT_SERVICES } from '../lang/sigma/tables/other-logsources.ts';
import { flatten } from './two-valued.ts';

export interface ChosenLogsource {
  readonly logsource: Logsource;
  readonly rest: Predicate;
  /** ECS field → Sigma name under this log source, or undefined when it has none. */
  readonly name: (ecs: string) => string | undefined;
  readonly notes: readonly string[];
}

function selectionOf(sources: readonly SelectedSource[]): Predicate {
  return sources.length === 1 ? sources[0].select : { kind: 'or', args: sources.map((s) => s.select) };
}

/** ECS → Sigma names: the names pySigma's table lists for it, in table order, then the raw EventData name, then ECS. */
const INVERSE = new Map<string, string[]>();
// Log-source-dependent names first (CommandLine), so the usual name wins over an alias (HostApplication).
for (const [sigma, pairs] of Object.entries(ECS_VARIABLE_FIELDS)) for (const [, ecs] of pairs) INVERSE.set(ecs, [...(INVERSE.get(ecs) ?? []), sigma]);
for (const [sigma, ecs] of Object.entries(ECS_FIELD_MAP)) INVERSE.set(ecs, [...(INVERSE.get(ecs) ?? []), sigma]);

function namer(ls: Logsource): (ecs: string) => string | undefined {
  const r = resolveLogsource(ls);
  if ('error' in r) return () => undefined;
  const product = ls.product && PRODUCT_SERVICES[`${ls.product}/${ls.service ?? ls.category ?? ''}`];
  return (ecs) => {
    const candidates = product
      ? Object.entries(product.fields).filter(([, e]) => e === ecs).map(([s]) => s)
      : [...(INVERSE.get(ecs) ?? []), ...(ecs.startsWith('winlog.event_data.') ? [ecs.slice('winlog.event_data.'.length)] : []), ecs];
    return candidates.find((c) => r.sources.every((s) => s.mapField(c) === ecs));
  };
}

/** Drops the top-level equality tests the log source implies (values compared case-insensitively). */
function dropImplied(filter: Predicate, implied: Readonly<Record<string, string>>): Predicate {
  const p = flatten(filter);
  const args = p.kind === 'and' ? p.args : [p];
  const isImplied = (a: Predicate): boolean => {
    if (!('left' in a) || a.left.kind !== 'field') return false;
    const want = implied[a.left.name];
    if (want === undefined) return false;
    if (a.kind === 'compare') return a.op === '==' && a.right.kind === 'literal' && String(a.right.value).toLowerCase() === want;
    if (a.kind === 'in') return a.values.length === 1 && String(a.values[0]).toLowerCase() === want;
    if (a.kind === 'glob') return a.patterns.length === 1 && a.patterns[0].length === 1 && a.patterns[0][0].kind === 'lit' && a.patterns[0][0].text.toLowerCase() === want;
    return false;
  };
  const kept = args.filter((a) => !isImplied(a));
  return kept.length === 1 ? kept[0] : { kind: 'and', args: kept };
}

/** A Sigma origin whose selection is exactly what its log source selects, so it can be named again. */
function sigmaOrigin(q: EventQuery): { ls: Logsource; sources: readonly SelectedSource[] } | undefined {
  const o = q.source?.origin;
  if (o?.lang !== 'sigma') return undefined;
  const ls: Logsource = { ...(o.product ? { product: o.product } : {}), ...(o.category ? { category: o.category } : {}), ...(o.service ? { service: o.service } : {}) };
  const r = resolveLogsource(ls);
  if ('error' in r || !irEqual(canonicalPredicate(selectionOf(r.sources)), q.source!.select)) return undefined;
  return { ls, sources: r.sources };
}

/** Whether the filter repeats a source's selector (its event sources name fields differently). */
function pairsSelectors(filter: Predicate, sources: readonly SelectedSource[]): boolean {
  const sels = sources.map((s) => canonicalPredicate(s.select)).filter((s) => s.kind !== 'const');
  let found = false;
  visitPredicate(filter, (p) => { if (!found && sels.some((s) => irEqual(s, p))) found = true; });
  return found;
}

export function chooseLogsource(q: EventQuery): ChosenLogsource {
  const own = sigmaOrigin(q);
  if (own && !pairsSelectors(q.filter, own.sources)) return { logsource: own.ls, rest: q.filter, name: namer(own.ls), notes: [] };
  // A filter that pairs each selector with its own detection implies the selection by itself.
  const filter = own ? q.filter : effectiveFilter(q);
  if (predicateFields(filter).some((f) => f.startsWith('dce_rpc.'))) {
    const ls: Logsource = { product: 'zeek', service: 'dce_rpc' };
    return {
      logsource: ls,
      rest: dropImplied(filter, { 'event.category': 'network', 'network.protocol': 'dcerpc' }),
      name: namer(ls),
      notes: ["written as Zeek's dce_rpc log (product zeek, service dce_rpc): every record of it is a DCE/RPC network event, so the tests of event.category and network.protocol are implied by the log source"],
    };
  }
  const ls: Logsource = { product: 'windows' };
  return {
    logsource: ls, rest: filter, name: namer(ls),
    notes: ['log source product windows with no category (the query does not select a Sigma category exactly); ECS names with no Sigma name are kept as dotted ECS names, which pySigma ECS pipelines pass through'],
  };
}
