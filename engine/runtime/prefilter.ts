/**
 * A necessary condition for an event query, as literals: the query can be true only if some field
 * value contains (case-insensitively) one of them. The engine tests all rules' literals at once
 * (aho-corasick.ts) and evaluates a rule only when one of its literals occurs, which is what lets
 * thousands of Sigma rules run together. Anything not provably necessary yields `undefined`
 * ("always evaluate"): regexes, negations, keywords, numbers, CIDRs, existence tests.
 */
import type { IrQuery, Predicate } from '../ir/types.ts';
import { DISPATCH_FIELDS } from './dispatch.ts';
import { asNumber } from './values.ts';

export interface Atom { readonly field: string; readonly literal: string }

/** Longest literal run of a glob: any match must contain it. */
function longestLiteral(parts: readonly { kind: string; text?: string }[]): string {
  let best = '';
  for (const p of parts) if (p.kind === 'lit' && (p.text ?? '').length > best.length) best = p.text ?? '';
  return best;
}

/** Numeric-looking strings can equal differently written numbers (10 = "1e1"): not literal-safe. */
const literalSafe = (s: string) => s.length > 0 && asNumber(s) === undefined;

function atomsOf(p: Predicate): Atom[] | undefined {
  switch (p.kind) {
    case 'glob': {
      if (p.left.kind !== 'field') return undefined;
      const field = p.left.name;
      const out: Atom[] = [];
      for (const g of p.patterns) {
        const lit = longestLiteral(g);
        if (!lit) return undefined;
        out.push({ field, literal: lit.toLowerCase() });
      }
      return out;
    }
    case 'compare':
      if (p.op !== '==' || p.left.kind !== 'field' || p.right.kind !== 'literal' || typeof p.right.value !== 'string' || !literalSafe(p.right.value)) return undefined;
      return [{ field: p.left.name, literal: p.right.value.toLowerCase() }];
    case 'in': {
      if (p.left.kind !== 'field' || !p.values.length) return undefined;
      const field = p.left.name;
      const out: Atom[] = [];
      for (const v of p.values) {
        if (typeof v !== 'string' || !literalSafe(v)) return undefined;
        out.push({ field, literal: v.toLowerCase() });
      }
      return out;
    }
    case 'or': {
      const out: Atom[] = [];
      for (const a of p.args) {
        const s = atomsOf(a);
        if (!s) return undefined;
        out.push(...s);
      }
      return out;
    }
    case 'and': {
      // Any one conjunct's condition is necessary for the whole; pick the most selective.
      let best: Atom[] | undefined;
      for (const a of p.args) {
        const s = atomsOf(a);
        if (s && (!best || score(s) > score(best))) best = s;
      }
      return best;
    }
    default:
      return undefined;
  }
}

/**
 * Fields that say where an event came from (channel, provider, module) or are dispatched on
 * already: every event of a log source carries the same value, so they select nothing.
 */
const SOURCE_FIELDS: ReadonlySet<string> = new Set([
  ...DISPATCH_FIELDS, 'winlog.channel', 'winlog.provider_name', 'winlog.provider_guid', 'event.module', 'event.provider', 'event.kind', 'host.os.type', 'host.os.family',
]);

/** Longer shortest literal is better; log-source fields filter nothing. */
function score(atoms: readonly Atom[]): number {
  if (atoms.some((a) => SOURCE_FIELDS.has(a.field))) return 0;
  return Math.min(...atoms.map((a) => a.literal.length)) * 1000 - atoms.length;
}

/** The prefilter of a query, or undefined when it must see every event. */
export function prefilterAtoms(q: IrQuery): Atom[] | undefined {
  const source = q.kind === 'pipeline' ? q.source : q;
  if (source.kind !== 'event') return undefined;
  const atoms = atomsOf(source.filter);
  // Log-source fields select nothing, and one-character literals too little to pay for themselves.
  if (!atoms || atoms.some((a) => SOURCE_FIELDS.has(a.field) || a.literal.length < 2)) return undefined;
  return atoms;
}
