/**
 * A rule's `logsource` → the event sources it selects, each with a predicate that picks its events
 * and the field mapper for its names. The tables (tables/*.ts) hold the facts; this file only
 * looks them up. Several sources (Sysmon 1 and Security 4688) make the rule an OR over them.
 * A log source without a product is not Windows: it selects the category's events on every
 * platform dac has a table for (proxy, dns, webserver … from Zeek and ECS sources; process_creation
 * on Windows, Linux and macOS).
 */
import type { Predicate, Scalar } from '../../ir/types.ts';
import { sigmaWindowsField } from './tables/ecs-fields.ts';
import { scopeOfChannel } from '../../ir/windows-ecs/index.ts';
import { PRODUCT_SOURCES } from './tables/products.ts';
import type { SourceSpec } from './tables/source-spec.ts';
import { zeekServiceSource } from './tables/zeek.ts';
import { WINDOWS_CATEGORIES, WINDOWS_SERVICES, type EventSource } from './tables/windows-logsources.ts';
import { own } from '../../source/own.ts';

export interface Logsource { readonly product?: string; readonly category?: string; readonly service?: string }

export type FieldMapper = (sigmaField: string) => string;

export interface SelectedSource {
  /** Picks the source's events; `const true` when the log source names no constraint. */
  readonly select: Predicate;
  readonly mapField: FieldMapper;
  readonly label: string;
  /** A Windows event-log source (channels), as opposed to a non-Windows table entry. */
  readonly windows: boolean;
}

/** Event codes are keywords in ECS ("4688"); the number is kept too for sources that store one. */
export function codeValues(ids: readonly number[]): Scalar[] {
  return ids.flatMap((id) => [String(id), id]);
}

/** Names → fields over the events of `channels` (event IDs from the source), per the Windows ↔ ECS table. */
function windowsMapper(channels: readonly string[], src?: EventSource): FieldMapper {
  const scopes = channels.map((ch) => scopeOfChannel(ch, src?.eventIds ?? []));
  const raw = src?.rawFields;
  return (f) => sigmaWindowsField(f, (raw && Object.prototype.hasOwnProperty.call(raw, f) ? raw[f] : undefined) ?? f, scopes);
}

function channelPredicate(channels: readonly string[], eventIds: readonly number[]): Predicate {
  const ch: Predicate = { kind: 'in', left: { kind: 'field', name: 'winlog.channel' }, values: [...channels], caseInsensitive: true };
  if (!eventIds.length) return ch;
  return { kind: 'and', args: [{ kind: 'in', left: { kind: 'field', name: 'event.code' }, values: codeValues(eventIds), caseInsensitive: false }, ch] };
}

export type LogsourceResult = { readonly sources: readonly SelectedSource[] } | { readonly error: string; readonly key: 'category' | 'service' | 'product' };

function resolveWindows(ls: Logsource): LogsourceResult {
  let channelsOfService: readonly string[] | undefined;
  if (ls.service) {
    channelsOfService = Object.hasOwn(WINDOWS_SERVICES, ls.service) ? WINDOWS_SERVICES[ls.service] : undefined;
    if (!channelsOfService) return { error: `unknown Windows log source service '${ls.service}'`, key: 'service' };
  }
  if (ls.category) {
    const cats = Object.hasOwn(WINDOWS_CATEGORIES, ls.category) ? WINDOWS_CATEGORIES[ls.category] : undefined;
    if (!cats) return { error: `unknown Windows log source category '${ls.category}'`, key: 'category' };
    const picked = channelsOfService ? cats.filter((c) => c.channels.some((x) => channelsOfService?.includes(x))) : cats;
    if (!picked.length) return { error: `category '${ls.category}' has no events on service '${ls.service}'`, key: 'service' };
    return {
      sources: picked.map((src) => {
        const channels = channelsOfService ? src.channels.filter((x) => channelsOfService?.includes(x)) : src.channels;
        return {
          select: channelPredicate(channels, src.eventIds),
          mapField: windowsMapper(channels, src),
          label: `${src.channels[0]}${src.eventIds.length ? ` ${src.eventIds.join('/')}` : ''}`,
          windows: true,
        };
      }),
    };
  }
  if (channelsOfService) return { sources: [{ select: channelPredicate(channelsOfService, []), mapField: windowsMapper(channelsOfService), label: channelsOfService[0], windows: true }] };
  return { sources: [{ select: { kind: 'const', value: true }, mapField: windowsMapper([]), label: 'windows', windows: true }] };
}

const keyOf = (p?: string, c?: string, s?: string): string => `${p ?? ''}/${c ?? ''}/${s ?? ''}`.toLowerCase();

/** Table entries by product/category/service (lower-case; '*' product = any). */
const BY_KEY = new Map<string, SourceSpec>();
for (const spec of PRODUCT_SOURCES) {
  const k = keyOf(spec.product, spec.category, spec.service);
  if (BY_KEY.has(k)) throw new Error(`two Sigma log source table entries for ${k}`);
  BY_KEY.set(k, spec);
}

/** Exact entry, then without service, without category, any-product, product only. */
function findSpec(ls: Logsource): SourceSpec | undefined {
  const p = ls.product?.toLowerCase();
  const tries = [keyOf(p, ls.category, ls.service)];
  if (ls.category && ls.service) tries.push(keyOf(p, undefined, ls.service), keyOf(p, ls.category, undefined));
  if (p) tries.push(keyOf('*', ls.category, ls.service), keyOf('*', ls.category, undefined));
  if (p && (ls.category || ls.service)) tries.push(keyOf(p, undefined, undefined));
  for (const k of tries) {
    const hit = BY_KEY.get(k);
    if (hit) return hit;
  }
  if (p === 'zeek' && ls.service && !ls.category) return zeekServiceSource(ls.service.toLowerCase());
  return undefined;
}

function specMapper(spec: SourceSpec): FieldMapper {
  return (f) => {
    if (Object.hasOwn(spec.fields, f)) return spec.fields[f];
    for (const [from, to] of spec.prefixes ?? []) if (f.startsWith(from)) return to + f.slice(from.length);
    return `${spec.fallbackPrefix ?? ''}${f}`;
  };
}

function fromSpec(spec: SourceSpec, ls: Logsource): SelectedSource {
  const select = typeof spec.select === 'function' ? spec.select(ls.product?.toLowerCase()) : spec.select;
  return { select, mapField: specMapper(spec), label: keyOf(spec.product === '*' ? ls.product : spec.product, spec.category, spec.service), windows: false };
}

/** Categories every endpoint OS shares: without a product they select Windows, Linux and macOS events. */
function anyOsCategory(ls: Logsource): LogsourceResult | undefined {
  if (!ls.category || ls.service || !WINDOWS_CATEGORIES[ls.category]) return undefined;
  const win = resolveWindows({ product: 'windows', category: ls.category });
  const others = ['linux', 'macos'].map((p) => BY_KEY.get(keyOf(p, ls.category))).filter((s): s is SourceSpec => s !== undefined);
  if ('error' in win) return others.length ? { sources: others.map((s) => fromSpec(s, ls)) } : win;
  return { sources: [...win.sources, ...others.map((s) => fromSpec(s, ls))] };
}

export function resolveLogsource(ls: Logsource): LogsourceResult {
  const product = ls.product?.toLowerCase();
  if (product === 'windows') return resolveWindows(ls);
  const spec = findSpec(ls);
  if (spec) return { sources: [fromSpec(spec, ls)] };
  if (!product) {
    const any = anyOsCategory(ls);
    if (any) return any;
    if (ls.service && WINDOWS_SERVICES[ls.service]) return resolveWindows(ls);
  }
  const what = `${product ?? '(no product)'}${ls.category ? ` category '${ls.category}'` : ''}${ls.service ? ` service '${ls.service}'` : ''}`;
  return { error: `unknown log source ${what}: dac has no table entry for it (engine/lang/sigma/tables/)`, key: ls.service ? 'service' : ls.category ? 'category' : 'product' };
}

/** Every log source the tables name (for back-ends that recognise a selection). */
export function knownLogsources(): Logsource[] {
  return PRODUCT_SOURCES.filter((s) => s.product !== '*').map((s) => ({
    ...(s.product ? { product: s.product } : {}), ...(s.category ? { category: s.category } : {}), ...(s.service ? { service: s.service } : {}),
  }));
}

/** The Sigma names a non-Windows log source's table gives each ECS field, and its fallback prefix (for back-ends). */
export function productFieldNames(ls: Logsource): { readonly fields: Readonly<Record<string, string>>; readonly fallbackPrefix: string } | undefined {
  if (ls.product?.toLowerCase() === 'windows') return undefined;
  const spec = findSpec(ls);
  return spec ? { fields: spec.fields, fallbackPrefix: spec.fallbackPrefix ?? '' } : undefined;
}
