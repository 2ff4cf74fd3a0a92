/**
 * SPL eval functions, registered as 'spl.<name>'. Semantics follow Splunk's eval: null in → null out
 * for most functions, booleans are real booleans, string comparison is case-sensitive. Operators
 * of eval expressions are functions here too (spl.add, spl.eq …) so the IR needs no new node.
 * The spl.cim_* functions compute CIM fields from ECS ones (see lang/spl/cim.ts).
 */
import type { FieldValue, Scalar } from '../values.ts';
import { registerFunctions, type FunctionDef, type ValueType } from './registry.ts';
import { strftimeUtc, toEpochSeconds } from './spl-time.ts';
import { safeRegExp } from '../regex/safety.ts';
import { globTest } from '../glob-match.ts';
import type { GlobPart } from '../types.ts';

const any = (): readonly ValueType[] => ['any'];
const first = (v: FieldValue | undefined): Scalar => (Array.isArray(v) ? (v[0] ?? null) : (v as Scalar | undefined) ?? null);
const str = (v: FieldValue | undefined): string | null => { const s = first(v); return s === null ? null : String(s); };
const num = (v: FieldValue | undefined): number | null => {
  const s = first(v);
  if (s === null || s === '' || typeof s === 'boolean') return null;
  const n = Number(s);
  return Number.isNaN(n) ? null : n;
};
export const splTruthy = (v: FieldValue | undefined): boolean => first(v) === true;

function def(name: string, minArgs: number, maxArgs: number, returns: ValueType, run: (a: readonly FieldValue[]) => FieldValue): FunctionDef {
  return { name: `spl.${name}`, minArgs, maxArgs, argType: any, returns, caseVariant: false, run: (a) => run(a) };
}
const strFn = (name: string, f: (s: string) => FieldValue): FunctionDef => def(name, 1, 1, 'string', (a) => { const s = str(a[0]); return s === null ? null : f(s); });
const numOp = (name: string, f: (x: number, y: number) => number | null): FunctionDef =>
  def(name, 2, 2, 'number', (a) => { const x = num(a[0]), y = num(a[1]); return x === null || y === null ? null : f(x, y); });

/** Splunk compares numerically when both sides are numbers, else as strings (case-sensitive). */
function cmp(a: FieldValue, b: FieldValue): number | null {
  const x = first(a), y = first(b);
  if (x === null || y === null) return null;
  const nx = num(x), ny = num(y);
  if (nx !== null && ny !== null) return nx - ny;
  const sx = String(x), sy = String(y);
  return sx < sy ? -1 : sx > sy ? 1 : 0;
}
const cmpOp = (name: string, f: (c: number) => boolean): FunctionDef =>
  def(name, 2, 2, 'boolean', (a) => { const c = cmp(a[0]!, a[1]!); return c === null ? null : f(c); });

/**
 * SQL LIKE: `%` any run, `_` one character; everything else literal. Matched by the linear glob
 * matcher, not a `.*` regex (`like(x, "%a%a%a%a%a%b")` backtracked for seconds).
 */
const likeCache = new Map<string, (s: string) => boolean>();
export function likeTest(pattern: string): (s: string) => boolean {
  let t = likeCache.get(pattern);
  if (!t) {
    t = globTest([...pattern].map((ch): GlobPart => (ch === '%' ? { kind: 'star' } : ch === '_' ? { kind: 'one' } : { kind: 'lit', text: ch })));
    if (likeCache.size > 1000) likeCache.clear();
    likeCache.set(pattern, t);
  }
  return t;
}
/** `match()`/`replace()` patterns: invalid → null (SPL's own behaviour); one that can backtrack throws, failing the rule. */
const regexCache = new Map<string, RegExp | null>();
function regex(src: string): RegExp | null {
  if (!regexCache.has(src)) {
    const re = safeRegExp(src);
    if (re instanceof Error && !re.message.startsWith('invalid')) throw re;
    if (regexCache.size > 1000) regexCache.clear();
    regexCache.set(src, re instanceof Error ? null : re);
  }
  return regexCache.get(src)!;
}

const defs: FunctionDef[] = [
  def('if', 3, 3, 'any', (a) => (splTruthy(a[0]) ? a[1]! : a[2]!)),
  def('case', 2, 64, 'any', (a) => { for (let i = 0; i + 1 < a.length; i += 2) if (splTruthy(a[i])) return a[i + 1]!; return null; }),
  def('like', 2, 2, 'boolean', (a) => { const s = str(a[0]), p = str(a[1]); return s === null || p === null ? null : likeTest(p)(s); }),
  def('match', 2, 2, 'boolean', (a) => { const s = str(a[0]), p = str(a[1]); const r = p === null ? null : regex(p); return s === null || !r ? null : r.test(s); }),
  strFn('lower', (s) => s.toLowerCase()),
  strFn('upper', (s) => s.toUpperCase()),
  strFn('trim', (s) => s.trim()),
  strFn('ltrim', (s) => s.trimStart()),
  strFn('rtrim', (s) => s.trimEnd()),
  strFn('len', (s) => s.length),
  def('replace', 3, 3, 'string', (a) => {
    const s = str(a[0]), p = str(a[1]), r = str(a[2]);
    const re = p === null ? null : regex(p);
    // Splunk writes back-references as \1; JavaScript as $1.
    return s === null || r === null || !re ? null : s.replace(new RegExp(re.source, 'g'), r.replace(/\$/g, '$$$$').replace(/\\(\d)/g, '$$$1'));
  }),
  def('substr', 2, 3, 'string', (a) => {
    const s = str(a[0]), start = num(a[1]);
    if (s === null || start === null) return null;
    const from = start > 0 ? start - 1 : Math.max(0, s.length + start);
    const n = a.length > 2 ? num(a[2]) : null;
    return n === null ? s.slice(from) : s.slice(from, from + n);
  }),
  def('mvindex', 2, 3, 'any', (a) => {
    const v = a[0];
    const list: readonly Scalar[] = v === null || v === undefined ? [] : Array.isArray(v) ? v : [v as Scalar];
    const norm = (i: number): number => (i < 0 ? list.length + i : i);
    const s = num(a[1]);
    if (s === null || !list.length) return null;
    const from = norm(s);
    if (a.length < 3) return list[from] ?? null;
    const e = num(a[2]);
    if (e === null) return null;
    const out = list.slice(from, norm(e) + 1);
    return out.length === 0 ? null : out.length === 1 ? out[0]! : out;
  }),
  def('mvcount', 1, 1, 'number', (a) => (a[0] === null ? null : Array.isArray(a[0]) ? a[0].length : 1)),
  def('split', 2, 2, 'any', (a) => { const s = str(a[0]), d = str(a[1]); return s === null || d === null ? null : s.split(d); }),
  def('tostring', 1, 2, 'string', (a) => { const s = first(a[0]); return s === null ? null : typeof s === 'boolean' ? (s ? 'True' : 'False') : String(s); }),
  def('tonumber', 1, 2, 'number', (a) => {
    const s = str(a[0]);
    if (s === null) return null;
    const base = a.length > 1 ? num(a[1]) ?? 10 : 10;
    const n = base === 10 ? Number(s) : parseInt(s, base);
    return s.trim() === '' || Number.isNaN(n) ? null : n;
  }),
  def('coalesce', 1, 64, 'any', (a) => a.find((v) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)) ?? null),
  def('isnull', 1, 1, 'boolean', (a) => a[0] === null || a[0] === undefined),
  def('isnotnull', 1, 1, 'boolean', (a) => a[0] !== null && a[0] !== undefined),
  def('isnum', 1, 1, 'boolean', (a) => typeof first(a[0]) === 'number'),
  def('isstr', 1, 1, 'boolean', (a) => typeof first(a[0]) === 'string'),
  def('null', 0, 0, 'any', () => null),
  def('abs', 1, 1, 'number', (a) => { const n = num(a[0]); return n === null ? null : Math.abs(n); }),
  def('round', 1, 2, 'number', (a) => { const n = num(a[0]), p = a.length > 1 ? num(a[1]) ?? 0 : 0; return n === null ? null : Math.round(n * 10 ** p) / 10 ** p; }),
  def('strftime', 2, 2, 'string', (a) => { const t = num(a[0]), f = str(a[1]); return t === null || f === null ? null : strftimeUtc(t, f); }),
  // `convert ctime(x)`: like strftime, but a value that is not a number is left as it is (as convert does).
  def('ctime', 2, 2, 'any', (a) => { const t = num(a[0]), f = str(a[1]); return t === null || f === null ? a[0]! : strftimeUtc(t, f); }),
  def('epoch', 1, 1, 'number', (a) => toEpochSeconds(first(a[0]))),
  numOp('add', (x, y) => x + y),
  def('plus', 2, 2, 'any', (a) => {
    const x = num(a[0]), y = num(a[1]);
    if (x !== null && y !== null) return x + y;
    const s = str(a[0]), t = str(a[1]);
    return s === null || t === null ? null : s + t; // `+` concatenates strings in eval
  }),
  numOp('sub', (x, y) => x - y),
  numOp('mul', (x, y) => x * y),
  numOp('div', (x, y) => (y === 0 ? null : x / y)),
  numOp('mod', (x, y) => (y === 0 ? null : x % y)),
  def('neg', 1, 1, 'number', (a) => { const n = num(a[0]); return n === null ? null : -n; }),
  def('concat', 2, 2, 'string', (a) => { const s = str(a[0]), t = str(a[1]); return s === null || t === null ? null : s + t; }),
  cmpOp('eq', (c) => c === 0), cmpOp('ne', (c) => c !== 0), cmpOp('lt', (c) => c < 0),
  cmpOp('le', (c) => c <= 0), cmpOp('gt', (c) => c > 0), cmpOp('ge', (c) => c >= 0),
  def('and', 2, 2, 'boolean', (a) => splTruthy(a[0]) && splTruthy(a[1])),
  def('or', 2, 2, 'boolean', (a) => splTruthy(a[0]) || splTruthy(a[1])),
  def('xor', 2, 2, 'boolean', (a) => splTruthy(a[0]) !== splTruthy(a[1])),
  def('not', 1, 1, 'boolean', (a) => !splTruthy(a[0])),
  // CIM fields computed from ECS (lang/spl/cim.ts documents why).
  def('cim_user', 2, 2, 'string', (a) => { const d = str(a[0]), n = str(a[1]); return n === null ? null : d ? `${d}\\${n}` : n; }),
  def('cim_direction', 1, 1, 'string', (a) => {
    const s = str(a[0])?.toLowerCase();
    return s === undefined ? null : s === 'egress' || s === 'outbound' ? 'outbound' : s === 'ingress' || s === 'inbound' ? 'inbound' : s;
  }),
  def('cim_registry_action', 1, 1, 'string', (a) => {
    const s = str(a[0]);
    if (s === null) return null;
    return /^Create/i.test(s) ? 'created' : /^Delete/i.test(s) ? 'deleted' : 'modified';
  }),
  def('cim_file_action', 1, 1, 'string', (a) => {
    const id = num(a[0]);
    return id === 11 ? 'created' : id === 23 || id === 26 ? 'deleted' : id === 2 ? 'modified' : null;
  }),
];

registerFunctions(defs);
