/**
 * Predicate → closure returning Tri. Under 'kleene' logic a test on a missing value is unknown
 * (null) and and/or/not follow three-valued rules (EQL); under 'boolean' it is false, so `not`
 * of it is true (Sigma, SPL search). Regexes, globs, sets and networks are built here, once.
 */
import type { FieldValue, Scalar } from '../events/types.ts';
import type { CompareOp, NullLogic, Predicate } from '../ir/types.ts';
import { compileExpr, RuntimeCompileError, type ValueFn } from './compile-expr.ts';
import { inNetwork, parseCidr, parseIp } from '../ir/cidr.ts';
import { compileGlobs, type StringTest } from './glob.ts';
import type { Row, Tri } from './row.ts';
import { asNumber, asText, compareScalars, elements, fold, isMissing } from './values.ts';
import { safeRegExp } from '../ir/regex/safety.ts';

export type PredicateFn = (row: Row) => Tri;

const OPS: Record<CompareOp, (c: number) => boolean> = {
  '==': (c) => c === 0, '!=': (c) => c !== 0, '<': (c) => c < 0, '<=': (c) => c <= 0, '>': (c) => c > 0, '>=': (c) => c >= 0,
};

/** Any element of `v` passes `test`; unknown when `v` is missing. Scalars take no allocation. */
function anyElement(v: FieldValue | undefined, test: (s: Scalar) => boolean): Tri {
  if (v === undefined || v === null) return null;
  if (!Array.isArray(v)) return test(v as Scalar);
  if (v.length === 0) return null;
  for (const x of v as readonly Scalar[]) if (x !== null && test(x)) return true;
  return false;
}

function textTest(test: StringTest): (s: Scalar) => boolean {
  return (x) => {
    const s = typeof x === 'string' ? x : asText(x);
    return s !== undefined && test(s);
  };
}

function compileCompare(op: CompareOp, left: ValueFn, right: ValueFn, ci: boolean): PredicateFn {
  const pass = OPS[op];
  if (op === '!=') {
    // a != b is "no element equals b": ECS arrays compare like Elasticsearch's must_not term.
    return (row) => {
      const l = left(row);
      const r = right(row);
      if (isMissing(l) || isMissing(r)) return null;
      for (const a of elements(l)) for (const b of elements(r)) if (compareScalars(a, b, ci) === 0) return false;
      return true;
    };
  }
  return (row) => {
    const l = left(row);
    const r = right(row);
    if (isMissing(l) || isMissing(r)) return null;
    if (!Array.isArray(l) && !Array.isArray(r)) {
      const c = compareScalars(l as Scalar, r as Scalar, ci);
      return c !== undefined && pass(c);
    }
    for (const a of elements(l)) {
      for (const b of elements(r)) {
        const c = compareScalars(a, b, ci);
        if (c !== undefined && pass(c)) return true;
      }
    }
    return false;
  };
}

/** Keys under which a scalar can be found in an `in` set: numbers and numeric strings coerce. */
function setKeys(v: Scalar, ci: boolean): string[] {
  if (v === null) return [];
  if (typeof v === 'number') return ['n' + v];
  if (typeof v === 'boolean') return ['b' + v];
  const n = asNumber(v);
  return n === undefined ? ['s' + fold(v, ci)] : ['s' + fold(v, ci), 'n' + n];
}

function compileIn(left: ValueFn, values: readonly Scalar[], ci: boolean): PredicateFn {
  const set = new Set<string>();
  for (const v of values) {
    if (typeof v === 'string') set.add('s' + fold(v, ci));
    else for (const k of setKeys(v, ci)) set.add(k);
  }
  return (row) => anyElement(left(row), (x) => setKeys(x, ci).some((k) => set.has(k)));
}

function compileKeyword(t: StringTest): PredicateFn {
  const test = textTest(t);
  return (row) => {
    for (const k in row.fields) {
      const v = row.fields[k];
      for (const x of elements(v)) if (typeof x === 'string' && test(x)) return true;
    }
    return false;
  };
}

function compileRaw(p: Predicate): PredicateFn {
  switch (p.kind) {
    case 'const': { const v = p.value; return () => v; }
    case 'and': {
      const fs = p.args.map(compileRaw);
      return (row) => {
        let unknown = false;
        for (const f of fs) { const v = f(row); if (v === false) return false; if (v === null) unknown = true; }
        return unknown ? null : true;
      };
    }
    case 'or': {
      const fs = p.args.map(compileRaw);
      return (row) => {
        let unknown = false;
        for (const f of fs) { const v = f(row); if (v === true) return true; if (v === null) unknown = true; }
        return unknown ? null : false;
      };
    }
    case 'not': { const f = compileRaw(p.arg); return (row) => { const v = f(row); return v === null ? null : !v; }; }
    case 'compare': return compileCompare(p.op, compileExpr(p.left), compileExpr(p.right), p.caseInsensitive);
    case 'glob': {
      const left = compileExpr(p.left);
      const test = textTest(compileGlobs(p.patterns, p.caseInsensitive));
      return (row) => anyElement(left(row), test);
    }
    case 'in': return compileIn(compileExpr(p.left), p.values, p.caseInsensitive);
    case 'regex': {
      const left = compileExpr(p.left);
      const flags = (p.caseInsensitive ? 'i' : '') + (p.multiline ? 'm' : '') + (p.dotAll ? 's' : '');
      // Every language's regexes pass the one backtracking analysis (ir/regex/safety.ts) here,
      // whatever the front-end checked: a refused pattern is that rule's error, not a hang.
      const res = p.patterns.map((src) => {
        const re = safeRegExp(p.anchored ? `^(?:${src})$` : src, flags);
        if (re instanceof Error) throw new RuntimeCompileError(re.message);
        return re;
      });
      return (row) => anyElement(left(row), (x) => { const s = asText(x); return s !== undefined && res.some((r) => r.test(s)); });
    }
    case 'cidr': {
      const left = compileExpr(p.left);
      const nets = p.cidrs.map((c) => {
        const n = parseCidr(c);
        if (!n) throw new RuntimeCompileError(`bad CIDR ${c}`);
        return n;
      });
      return (row) => anyElement(left(row), (x) => {
        const ip = typeof x === 'string' ? parseIp(x) : undefined;
        return ip !== undefined && nets.some((n) => inNetwork(ip, n));
      });
    }
    case 'exists': { const f = p.field; return (row) => !isMissing(Object.hasOwn(row.fields, f) ? row.fields[f] : undefined); }
    case 'truthy': {
      const e = compileExpr(p.expr);
      return (row) => { const v = e(row); return v === true ? true : v === false ? false : null; };
    }
    case 'keyword': return compileKeyword(compileGlobs(p.patterns, p.caseInsensitive));
  }
}

/** Under boolean logic every unknown leaf becomes false before and/or/not see it. */
function compileBoolean(p: Predicate): PredicateFn {
  switch (p.kind) {
    case 'and': { const fs = p.args.map(compileBoolean); return (row) => fs.every((f) => f(row) === true); }
    case 'or': { const fs = p.args.map(compileBoolean); return (row) => fs.some((f) => f(row) === true); }
    case 'not': { const f = compileBoolean(p.arg); return (row) => f(row) !== true; }
    default: { const f = compileRaw(p); return (row) => f(row) === true; }
  }
}

export function compilePredicate(p: Predicate, logic: NullLogic): PredicateFn {
  return logic === 'boolean' ? compileBoolean(p) : compileRaw(p);
}

/** A match test: true only when the predicate is definitely true. */
export function compileMatcher(p: Predicate, logic: NullLogic): (row: Row) => boolean {
  const f = compilePredicate(p, logic);
  return (row) => f(row) === true;
}

export { RuntimeCompileError };
