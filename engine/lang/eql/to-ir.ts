/**
 * EQL tree → IR, making Elasticsearch's per-operator case rules explicit:
 *   ==, !=, <, <=, >, >=   case-sensitive        :            case-insensitive, * and ? wildcards
 *   like / like~            sensitive / insensitive wildcards
 *   regex / regex~          sensitive / insensitive, Lucene syntax, anchored (whole value)
 *   in / in~ / not in       sensitive / insensitive membership
 *   f~(…)                   the function's case-insensitive variant
 * `<category> where` becomes the query's source: origin `{ lang: 'eql', category }`, selecting
 * `event.category == "<category>"` (the runtime matches any element of the ECS array); `any where`
 * has no source.
 *
 * Nulls (NullLogic 'kleene'), as Elasticsearch EQL evaluates them: `field == null` and
 * `field != null` are existence tests (the documented way to check a field is present/absent);
 * every other comparison, pattern or function with a null/missing operand is null (unknown), and
 * and/or/not are three-valued, so `missing_field != "x"` does NOT match and neither does
 * `not (missing_field == "x")`; an event matches only when its condition is true. Join keys that
 * are null drop the event from a sequence unless the key is written `?field` (FieldExpr.optional).
 */
import type { CompareOp, EventQuery, Expr, IrQuery, Predicate, Scalar, SequenceStep, Stage } from '../../ir/types.ts';
import type { EventQueryAst, Node, QueryAst, StepAst } from './ast.ts';
import { EqlError } from './errors.ts';
import { canonicalFunction } from './functions.ts';
import { luceneToJs, toGlob } from './pattern.ts';

export const CATEGORY_FIELD = 'event.category';

const ARITH_FN = { '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide', '%': 'modulo' } as const;

export function queryToIr(q: QueryAst): IrQuery {
  const b = q.body;
  let source: IrQuery & { kind: 'event' | 'sequence' | 'sample' };
  if (b.kind === 'event') source = eventToIr(b);
  else {
    const by = b.by.map(expr);
    const steps = b.steps.map(stepToIr);
    source = b.kind === 'sample'
      ? { kind: 'sample', by, steps, span: b.span }
      : { kind: 'sequence', ordered: true, by, ...(b.maxspanMs !== undefined ? { maxspanMs: b.maxspanMs } : {}), steps, ...(b.until ? { until: stepToIr(b.until) } : {}), span: b.span };
  }
  if (!q.pipes.length) return source;
  const stages: Stage[] = q.pipes.map((p) => ({ kind: p.kind, n: p.n }));
  return { kind: 'pipeline', source, stages, span: q.span };
}

function stepToIr(s: StepAst): SequenceStep {
  return { filter: eventToIr(s.query), by: s.by.map(expr), runs: s.runs, missing: s.missing, span: s.span };
}

export function eventToIr(e: EventQueryAst): EventQuery {
  const filter = predicate(e.cond);
  if (e.category === null) return { kind: 'event', filter, logic: 'kleene', span: e.span };
  const select: Predicate = {
    kind: 'compare', op: '==', caseInsensitive: false, span: e.categorySpan,
    left: { kind: 'field', name: CATEGORY_FIELD, span: e.categorySpan },
    right: { kind: 'literal', value: e.category, span: e.categorySpan },
  };
  return { kind: 'event', source: { origin: { lang: 'eql', category: e.category }, select }, filter, logic: 'kleene', span: e.span };
}

const unparen = (n: Node): Node => (n.kind === 'paren' ? unparen(n.inner) : n);

export function predicate(n0: Node): Predicate {
  const n = unparen(n0);
  switch (n.kind) {
    case 'and': case 'or': {
      // A chain `a or b or … ` is a deep binary tree: walk it with an explicit stack, so 5,000
      // ORed conditions neither overflow the call stack nor copy arguments quadratically.
      const args: Predicate[] = [];
      const todo: Node[] = [n];
      while (todo.length) {
        const m = unparen(todo.pop()!);
        if (m.kind === n.kind) { todo.push(m.right, m.left); continue; }
        const p = predicate(m);
        if (p.kind === n.kind) for (const a of p.args) args.push(a); else args.push(p);
      }
      return { kind: n.kind, args };
    }
    case 'not': return { kind: 'not', arg: predicate(n.arg) };
    case 'bool': return { kind: 'const', value: n.value };
    case 'cmp': return compare(n);
    case 'match': {
      const pats = n.patterns.map((p) => (p.kind === 'string' ? p.value : ''));
      if (n.op === 'regex' || n.op === 'regex~') {
        return { kind: 'regex', left: expr(n.left), patterns: n.patterns.map((p, i) => luceneToJs(pats[i], p.span)), anchored: true, caseInsensitive: n.op === 'regex~', dotAll: true, span: n.span };
      }
      return { kind: 'glob', left: expr(n.left), patterns: pats.map(toGlob), caseInsensitive: n.op !== 'like', span: n.span };
    }
    case 'in': {
      const left = expr(n.left);
      const vals = n.values.map(unparen);
      const isLit = (v: Node) => v.kind === 'string' || v.kind === 'number' || v.kind === 'bool';
      // literals become one membership test; fields/expressions one equality each (same case rule)
      const parts: Predicate[] = [];
      const lits = vals.filter(isLit);
      if (lits.length) parts.push({ kind: 'in', left, values: lits.map(literalValue), caseInsensitive: n.insensitive, span: n.span });
      for (const v of vals.filter((x) => !isLit(x))) parts.push({ kind: 'compare', op: '==', left, right: expr(v), caseInsensitive: n.insensitive, span: v.span });
      const p: Predicate = parts.length === 1 ? parts[0] : { kind: 'or', args: parts };
      return n.negated ? { kind: 'not', arg: p } : p;
    }
    case 'field': case 'call': return { kind: 'truthy', expr: expr(n), span: n.span };
    default:
      throw new EqlError('type-mismatch', n.span, 'this value is not a condition', 'compare it, e.g. field == value');
  }
}

function compare(n: Extract<Node, { kind: 'cmp' }>): Predicate {
  const l = unparen(n.left); const r = unparen(n.right);
  const nullSide = l.kind === 'null' ? r : r.kind === 'null' ? l : undefined;
  if (nullSide && nullSide.kind === 'field' && (n.op === '==' || n.op === '!=')) {
    const ex: Predicate = { kind: 'exists', field: nullSide.name, span: n.span };
    return n.op === '!=' ? ex : { kind: 'not', arg: ex };
  }
  return { kind: 'compare', op: n.op as CompareOp, left: expr(l), right: expr(r), caseInsensitive: false, span: n.span };
}

function literalValue(n: Node): Scalar {
  switch (n.kind) {
    case 'string': case 'number': case 'bool': return n.value;
    default: return null;
  }
}

const isFloatLiteral = (n: Node): boolean => { const u = unparen(n); return u.kind === 'number' && u.float; };

export function expr(n0: Node): Expr {
  const n = unparen(n0);
  switch (n.kind) {
    case 'field': return { kind: 'field', name: n.name, ...(n.optional ? { optional: true } : {}), span: n.span };
    case 'string': case 'number': case 'bool': return { kind: 'literal', value: n.value, span: n.span };
    case 'null': return { kind: 'literal', value: null, span: n.span };
    case 'neg': return { kind: 'call', fn: 'eql.multiply', args: [expr(n.arg), { kind: 'literal', value: -1 }], caseInsensitive: false, span: n.span };
    case 'arith': {
      const fn = n.op === '/' && (isFloatLiteral(n.left) || isFloatLiteral(n.right)) ? 'fdivide' : ARITH_FN[n.op];
      return { kind: 'call', fn: `eql.${fn}`, args: [expr(n.left), expr(n.right)], caseInsensitive: false, span: n.span };
    }
    case 'call': {
      const name = canonicalFunction(n.name) ?? n.name;
      const fn = name === 'divide' && n.args.some(isFloatLiteral) ? 'fdivide' : name;
      return { kind: 'call', fn: `eql.${fn}`, args: n.args.map(expr), caseInsensitive: n.insensitive, span: n.span };
    }
    default:
      throw new EqlError('unsupported', n.span, 'a condition used as a value (e.g. null == (a > b)) is not supported', 'test the condition directly');
  }
}
