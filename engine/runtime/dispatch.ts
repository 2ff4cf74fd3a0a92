/**
 * Finds, for an event query, the literal values of a dispatch field (event.category, event.code,
 * winlog.event_id …) that every match must carry, so the engine hands each event only to the rules
 * that can match it. Absent keys mean "any event".
 */
import type { Scalar } from '../events/types.ts';
import type { Predicate } from '../ir/types.ts';
import { lower } from './values.ts';

export const DISPATCH_FIELDS = ['event.category', 'winlog.event_id', 'event.code', 'event.dataset', 'network.protocol'] as const;

export interface DispatchKey { readonly field: string; readonly values: readonly string[] }

const norm = (v: Scalar) => String(v).toLowerCase();

function literalKey(p: Predicate): DispatchKey | undefined {
  if (p.kind === 'compare' && p.op === '==' && p.left.kind === 'field' && p.right.kind === 'literal' && p.right.value !== null) {
    return { field: p.left.name, values: [norm(p.right.value)] };
  }
  if (p.kind === 'in' && p.left.kind === 'field') return { field: p.left.name, values: p.values.filter((v) => v !== null).map(norm) };
  if (p.kind === 'glob' && p.left.kind === 'field' && p.patterns.every((g) => g.length === 1 && g[0].kind === 'lit')) {
    return { field: p.left.name, values: p.patterns.map((g) => norm((g[0] as { text: string }).text)) };
  }
  if (p.kind === 'or') {
    const keys = p.args.map(keyOf);
    const first = keys[0];
    if (first && keys.every((k) => k && k.field === first.field)) {
      return { field: first.field, values: keys.flatMap((k) => (k as DispatchKey).values) };
    }
  }
  return undefined;
}

function keyOf(p: Predicate): DispatchKey | undefined {
  const k = literalKey(p);
  if (k) return (DISPATCH_FIELDS as readonly string[]).includes(k.field) ? k : undefined;
  if (p.kind === 'and') {
    // Prefer the most selective field in DISPATCH_FIELDS order.
    const found = p.args.map(keyOf).filter((x): x is DispatchKey => x !== undefined);
    found.sort((a, b) => DISPATCH_FIELDS.indexOf(a.field as never) - DISPATCH_FIELDS.indexOf(b.field as never));
    return found[0];
  }
  return undefined;
}

export function dispatchKey(filter: Predicate): DispatchKey | undefined {
  return keyOf(filter);
}

/** The dispatch value of one field value, as the index stores it. */
export function dispatchValue(v: Scalar): string {
  return typeof v === 'string' ? lower(v) : String(v).toLowerCase();
}
