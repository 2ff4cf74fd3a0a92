/**
 * The canonical form every front-end's IR is brought to (lang/registry.ts runs it after each
 * compile), so back-ends and structural equality see one spelling of each meaning:
 *   - nested and/or of the same kind are flattened; a one-argument and/or is its argument;
 *   - constants fold: `true` drops out of an `and`, `false` out of an `or`, `false` absorbs an
 *     `and` and `true` an `or`, `not` of a constant is the other constant, `not not x` is x
 *     (the same under two- and three-valued logic);
 *   - an `in` list loses exact duplicates; the "3"/3 twins Sigma and SPL write (a string and its
 *     number, for sources that store either) are kept, string first, and undone for targets with
 *     one type per field by `withoutNumberTwins`.
 * Semantics are unchanged under both NullLogic modes.
 */
import { mapPredicate, mapQuery } from './walk.ts';
import type { IrQuery, Predicate, Scalar } from './types.ts';

const TRUE: Predicate = { kind: 'const', value: true };
const FALSE: Predicate = { kind: 'const', value: false };

function dedupValues(values: readonly Scalar[]): readonly Scalar[] {
  const out: Scalar[] = [];
  for (const v of values) if (!out.some((w) => w === v || (Number.isNaN(w) && Number.isNaN(v)))) out.push(v);
  return out.length === values.length ? values : out;
}

function step(p: Predicate): Predicate {
  switch (p.kind) {
    case 'and': case 'or': {
      const unit = p.kind === 'and'; // the value that drops out
      const args: Predicate[] = [];
      for (const a of p.args) {
        if (a.kind === 'const') { if (a.value === unit) continue; return a.value ? TRUE : FALSE; }
        if (a.kind === p.kind) args.push(...a.args); else args.push(a);
      }
      if (!args.length) return unit ? TRUE : FALSE;
      if (args.length === 1) return args[0];
      return args.length === p.args.length && args.every((a, i) => a === p.args[i]) ? p : { ...p, args };
    }
    case 'not':
      if (p.arg.kind === 'const') return p.arg.value ? FALSE : TRUE;
      if (p.arg.kind === 'not') return p.arg.arg;
      return p;
    case 'in': {
      const values = dedupValues(p.values);
      return values === p.values ? p : { ...p, values };
    }
    default: return p;
  }
}

export function canonicalPredicate(p: Predicate): Predicate {
  return mapPredicate(p, step);
}

export function canonicalQuery<Q extends IrQuery>(q: Q): Q {
  return mapQuery(q, { predicate: canonicalPredicate });
}

/**
 * A value list for a target where a field holds one type: a number whose string form is also
 * listed (Sigma's and SPL's "3"/3 twins) is dropped, the string kept.
 */
export function withoutNumberTwins(values: readonly Scalar[]): Scalar[] {
  const strings = new Set(values.filter((v) => typeof v === 'string'));
  return values.filter((v) => typeof v !== 'number' || !strings.has(String(v)));
}
