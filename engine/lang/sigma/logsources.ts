/**
 * A rule's `logsource` → the event sources it selects, each with a predicate that picks its events
 * and the field mapper for its names. The tables (tables/*.ts) hold the facts; this file only
 * looks them up. Several sources (Sysmon 1 and Security 4688) make the rule an OR over them.
 */
import type { Predicate, Scalar } from '../../ir/types.ts';
import { sigmaWindowsField } from './tables/ecs-fields.ts';
import { scopeOfChannel } from '../../ir/windows-ecs/index.ts';
import { PRODUCT_SERVICES } from './tables/other-logsources.ts';
import { WINDOWS_CATEGORIES, WINDOWS_SERVICES, type EventSource } from './tables/windows-logsources.ts';
import { own } from '../../source/own.ts';

export interface Logsource { readonly product?: string; readonly category?: string; readonly service?: string }

export type FieldMapper = (sigmaField: string) => string;

export interface SelectedSource {
  /** Picks the source's events; `const true` when the log source names no constraint. */
  readonly select: Predicate;
  readonly mapField: FieldMapper;
  readonly label: string;
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

export function resolveLogsource(ls: Logsource): LogsourceResult {
  const product = ls.product?.toLowerCase();
  if (product === 'windows' || (!product && (ls.category || ls.service))) {
    let channelsOfService: readonly string[] | undefined;
    if (ls.service) {
      channelsOfService = WINDOWS_SERVICES[ls.service];
      if (!channelsOfService) return { error: `unknown Windows log source service '${ls.service}'`, key: 'service' };
    }
    if (ls.category) {
      const cats = WINDOWS_CATEGORIES[ls.category];
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
          };
        }),
      };
    }
    if (channelsOfService) return { sources: [{ select: channelPredicate(channelsOfService, []), mapField: windowsMapper(channelsOfService), label: channelsOfService[0] }] };
    return { sources: [{ select: { kind: 'const', value: true }, mapField: windowsMapper([]), label: 'windows' }] };
  }
  const key = `${product}/${ls.service ?? ls.category ?? ''}`;
  const ps = PRODUCT_SERVICES[key];
  if (!ps) return { error: `unknown log source ${product ?? '(no product)'}${ls.service ? ` service '${ls.service}'` : ''}${ls.category ? ` category '${ls.category}'` : ''}`, key: ls.service ? 'service' : ls.category ? 'category' : 'product' };
  const selectors: Predicate[] = [
    ...ps.selectIfAny.map((field): Predicate => ({ kind: 'exists', field })),
    { kind: 'in', left: { kind: 'field', name: 'event.dataset' }, values: [...ps.datasets], caseInsensitive: true },
  ];
  return {
    sources: [{
      select: selectors.length === 1 ? selectors[0] : { kind: 'or', args: selectors },
      mapField: (f) => own(ps.fields, f) ?? `${ps.fallbackPrefix}${f}`,
      label: key,
    }],
  };
}
