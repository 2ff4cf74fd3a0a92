/**
 * Targets such as Sigma and KQL have two-valued logic: a test on a missing field is false, so
 * `not` of it is true. EQL is three-valued (Kleene): a test on a missing field is unknown, and so
 * is its negation. `twoValued` rewrites a predicate into one that is true under two-valued logic
 * exactly when the original is true under the query's own logic, so a negation in an EQL rule
 * keeps its meaning (`source.ip != "::1"` becomes "source.ip exists and is not ::1").
 * `!=` becomes `not ==` first, since the targets write inequality as a negated match.
 */
import type { Expr, NullLogic, Predicate } from '../ir/types.ts';

const fieldsOf = (e: Expr): string[] => (e.kind === 'field' ? [e.name] : e.kind === 'call' ? e.args.flatMap(fieldsOf) : []);

function atomFields(p: Predicate): string[] {
  switch (p.kind) {
    case 'compare': return [...fieldsOf(p.left), ...fieldsOf(p.right)];
    case 'glob': case 'in': case 'regex': case 'cidr': return fieldsOf(p.left);
    case 'truthy': return fieldsOf(p.expr);
    default: return [];
  }
}

const and = (args: Predicate[]): Predicate => (args.length === 1 ? args[0] : { kind: 'and', args });
const or = (args: Predicate[]): Predicate => (args.length === 1 ? args[0] : { kind: 'or', args });

/** `a != b` → `not (a == b)`: the same under Kleene logic, and the form the targets can write. */
function noNe(p: Predicate): Predicate {
  switch (p.kind) {
    case 'and': return { kind: 'and', args: p.args.map(noNe) };
    case 'or': return { kind: 'or', args: p.args.map(noNe) };
    case 'not': return { kind: 'not', arg: noNe(p.arg) };
    case 'compare': return p.op === '!=' ? { kind: 'not', arg: { ...p, op: '==' } } : p;
    default: return p;
  }
}

/** True (two-valued) exactly when `p` is true. */
function whenTrue(p: Predicate): Predicate {
  switch (p.kind) {
    case 'and': return and(p.args.map(whenTrue));
    case 'or': return or(p.args.map(whenTrue));
    case 'not': return whenFalse(p.arg);
    default: return p;
  }
}

/** True (two-valued) exactly when `p` is false (not unknown). */
function whenFalse(p: Predicate): Predicate {
  switch (p.kind) {
    case 'and': return or(p.args.map(whenFalse));
    case 'or': return and(p.args.map(whenFalse));
    case 'not': return whenTrue(p.arg);
    case 'const': return { kind: 'const', value: !p.value };
    case 'exists': case 'keyword': return { kind: 'not', arg: p };
    default: {
      const guards = [...new Set(atomFields(p))].map((field): Predicate => ({ kind: 'exists', field }));
      return and([...guards, { kind: 'not', arg: p }]);
    }
  }
}

/** Under two-valued logic, `not x` is already right; only `!=` needs the guard Kleene logic implies. */
function booleanNe(p: Predicate): Predicate {
  switch (p.kind) {
    case 'and': return { kind: 'and', args: p.args.map(booleanNe) };
    case 'or': return { kind: 'or', args: p.args.map(booleanNe) };
    case 'not': return { kind: 'not', arg: booleanNe(p.arg) };
    case 'compare': {
      if (p.op !== '!=') return p;
      const guards = [...new Set(atomFields(p))].map((field): Predicate => ({ kind: 'exists', field }));
      return and([...guards, { kind: 'not', arg: { ...p, op: '==' } }]);
    }
    default: return p;
  }
}

export function twoValued(p: Predicate, logic: NullLogic): Predicate {
  return logic === 'kleene' ? whenTrue(noNe(p)) : booleanNe(p);
}

/** Flattens nested and/or of the same kind (`and(a, and(b, c))` → `and(a, b, c)`). */
export function flatten(p: Predicate): Predicate {
  if (p.kind === 'and' || p.kind === 'or') {
    const args = p.args.map(flatten).flatMap((a) => (a.kind === p.kind ? (a as typeof p).args : [a]));
    return args.length === 1 ? args[0] : { kind: p.kind, args };
  }
  if (p.kind === 'not') return { kind: 'not', arg: flatten(p.arg) };
  return p;
}

/**
 * The other direction, for EQL output: a predicate that is true under Kleene logic exactly when
 * `p` is true under two-valued logic. A negated test must also hold when its field is missing,
 * so `not x` becomes `x's fields are null or not x`.
 */
export function kleeneOf(p: Predicate, logic: NullLogic): Predicate {
  if (logic === 'kleene') return p;
  const t = (q: Predicate): Predicate => {
    switch (q.kind) {
      case 'and': return and(q.args.map(t));
      case 'or': return or(q.args.map(t));
      case 'not': return f(q.arg);
      default: return q;
    }
  };
  const f = (q: Predicate): Predicate => {
    switch (q.kind) {
      case 'and': return or(q.args.map(f));
      case 'or': return and(q.args.map(f));
      case 'not': return t(q.arg);
      case 'const': return { kind: 'const', value: !q.value };
      case 'exists': case 'keyword': return { kind: 'not', arg: q };
      default: {
        const missing = [...new Set(atomFields(q))].map((field): Predicate => ({ kind: 'not', arg: { kind: 'exists', field } }));
        return or([...missing, { kind: 'not', arg: q }]);
      }
    }
  };
  return t(p);
}
