/**
 * EQL functions with Elasticsearch semantics, registered as 'eql.<name>'. Null in → null out
 * (ES functions are null-safe). Arithmetic follows Java: integer operands give integer results
 * (divide truncates), so `divide(4, 3)` is 1 while `divide(4, 3.0)` is 1.33…; because JS numbers
 * cannot say "4.0", the front-end emits 'eql.fdivide' when an operand was written as a float literal.
 * `~` variants fold case (caseInsensitive) for the string functions that have one.
 */
import type { FieldValue, Scalar } from '../values.ts';
import { registerFunctions, type FunctionDef, type ValueType } from './registry.ts';
import { inNetwork, parseCidr, parseIp } from '../cidr.ts';

type Args = readonly FieldValue[];
const S: readonly ValueType[] = ['string'];
const N: readonly ValueType[] = ['number'];
const ANY: readonly ValueType[] = ['any'];

const scalar = (v: FieldValue | undefined): Scalar => (v === undefined ? null : Array.isArray(v) ? (v.length ? (v[0] as Scalar) : null) : (v as Scalar));
const str = (v: FieldValue | undefined): string | null => { const s = scalar(v); return s === null ? null : typeof s === 'string' ? s : String(s); };
const num = (v: FieldValue | undefined): number | null => {
  const s = scalar(v);
  if (s === null || typeof s === 'boolean') return null;
  const n = typeof s === 'number' ? s : Number(s);
  return Number.isFinite(n) ? n : null;
};
const fold = (s: string, ci: boolean) => (ci ? s.toLowerCase() : s);

function arith(name: string, op: (a: number, b: number) => number | null): FunctionDef {
  return {
    name: `eql.${name}`, minArgs: 2, maxArgs: 2, argType: () => N, returns: 'number', caseVariant: false,
    run: (a: Args) => { const x = num(a[0]); const y = num(a[1]); return x === null || y === null ? null : op(x, y); },
  };
}

const intDivide = (x: number, y: number) => (y === 0 ? null : Number.isInteger(x) && Number.isInteger(y) ? Math.trunc(x / y) : x / y);

function between(a: Args, ci: boolean): FieldValue {
  const src = str(a[0]); const left = str(a[1]); const right = str(a[2]);
  if (src === null || left === null || right === null) return null;
  const greedy = scalar(a[3]) === true;
  const hay = fold(src, ci); const l = fold(left, ci); const r = fold(right, ci);
  const i = hay.indexOf(l);
  if (i < 0) return '';
  const start = i + l.length;
  const end = greedy ? hay.lastIndexOf(r) : hay.indexOf(r, start);
  return end < start ? '' : src.slice(start, end);
}

/** CIDR membership for IPv4 and IPv6, as Elasticsearch's cidrMatch (an address never matches the other family). */
export function cidrContains(ip: string, cidr: string): boolean {
  const addr = parseIp(ip);
  const net = parseCidr(cidr);
  return addr !== undefined && net !== undefined && inNetwork(addr, net);
}

function number(a: Args): FieldValue {
  const s0 = str(a[0]);
  if (s0 === null) return null;
  const base = num(a[1]) ?? 10;
  let s = s0.trim();
  let sign = 1;
  if (s.startsWith('+') || s.startsWith('-')) { if (s[0] === '-') sign = -1; s = s.slice(1); }
  if (base === 16 || /^0x/i.test(s)) {
    const h = s.replace(/^0x/i, '');
    return /^[0-9a-f]+$/i.test(h) ? sign * parseInt(h, 16) : null;
  }
  if (base !== 10) return /^[0-9a-z]+$/i.test(s) ? sign * parseInt(s, base) : null;
  return /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? sign * Number(s) : null;
}

function substring(a: Args): FieldValue {
  const s = str(a[0]);
  const st = num(a[1]);
  if (s === null || st === null) return null;
  const len = s.length;
  const norm = (i: number) => Math.max(0, Math.min(len, i < 0 ? len + i : i));
  const e = num(a[2]);
  return s.slice(norm(st), e === null ? len : norm(e));
}

function indexOf(a: Args, ci: boolean): FieldValue {
  const s = str(a[0]); const sub = str(a[1]);
  if (s === null || sub === null) return null;
  let start = 0;
  if (a.length > 2) { const n = num(a[2]); if (n === null) return null; start = Math.max(0, n); }
  if (start > s.length) return null;
  const i = fold(s, ci).indexOf(fold(sub, ci), start);
  return i < 0 ? null : i;
}

function strPred(name: string, test: (s: string, t: string) => boolean): FunctionDef {
  return {
    name: `eql.${name}`, minArgs: 2, maxArgs: 2, argType: () => S, returns: 'boolean', caseVariant: true,
    run: (a, ci) => { const s = str(a[0]); const t = str(a[1]); return s === null || t === null ? null : test(fold(s, ci), fold(t, ci)); },
  };
}

const defs: FunctionDef[] = [
  arith('add', (x, y) => x + y),
  arith('subtract', (x, y) => x - y),
  arith('multiply', (x, y) => x * y),
  arith('divide', intDivide),
  { ...arith('fdivide', (x, y) => (y === 0 ? null : x / y)) },
  arith('modulo', (x, y) => (y === 0 ? null : x % y)),
  {
    name: 'eql.between', minArgs: 3, maxArgs: 4, argType: (i) => (i === 3 ? ['boolean'] : S), returns: 'string', caseVariant: true,
    run: between,
  },
  {
    name: 'eql.cidrMatch', minArgs: 2, maxArgs: Infinity, argType: (i) => (i === 0 ? ['ip', 'string'] : S), returns: 'boolean', caseVariant: false,
    run: (a) => { const ip = str(a[0]); return ip === null ? null : a.slice(1).some((c) => { const t = str(c); return t !== null && cidrContains(ip, t); }); },
  },
  {
    name: 'eql.concat', minArgs: 1, maxArgs: Infinity, argType: () => ANY, returns: 'string', caseVariant: false,
    run: (a) => { let out = ''; for (const v of a) { const s = str(v); if (s === null) return null; out += s; } return out; },
  },
  strPred('endsWith', (s, t) => s.endsWith(t)),
  { name: 'eql.indexOf', minArgs: 2, maxArgs: 3, argType: (i) => (i === 2 ? N : S), returns: 'number', caseVariant: true, run: indexOf },
  { name: 'eql.length', minArgs: 1, maxArgs: 1, argType: () => S, returns: 'number', caseVariant: false, run: (a) => { const s = str(a[0]); return s === null ? null : s.length; } },
  { name: 'eql.number', minArgs: 1, maxArgs: 2, argType: (i) => (i === 0 ? S : N), returns: 'number', caseVariant: false, run: number },
  strPred('startsWith', (s, t) => s.startsWith(t)),
  { name: 'eql.string', minArgs: 1, maxArgs: 1, argType: () => ANY, returns: 'string', caseVariant: false, run: (a) => str(a[0]) },
  // As documented by Elasticsearch: an empty substring is not "contained".
  strPred('stringContains', (s, t) => t.length > 0 && s.includes(t)),
  { name: 'eql.substring', minArgs: 2, maxArgs: 3, argType: (i) => (i === 0 ? S : N), returns: 'string', caseVariant: false, run: substring },
];

registerFunctions(defs);
