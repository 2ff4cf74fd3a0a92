/**
 * One detection item, `Field|mod|mod: value(s)` → a predicate. Values of a list are OR'ed (AND with
 * `|all`), strings are case-insensitive unless `|cased`, and plain values become one `in`, wildcard
 * values one `glob`, so a long list stays one node for the runtime.
 */
import type { Span } from '../../diag/diagnostic.ts';
import type { Expr, Glob, Predicate, Scalar } from '../../ir/types.ts';
import type { KeyPath } from '../../rule/model.ts';
import type { Report } from './codes.ts';
import type { FieldMapper } from './logsources.ts';
import { planChain, type ModifierPlan } from './modifiers.ts';
import { checkRegex } from './regex-safety.ts';
import { applyTransforms } from './value-transforms.ts';
import { asGlob, concat, hasWildcard, plainText, scalarToSigmaString, type SigmaString } from './values.ts';
import { table } from '../../source/own.ts';

export interface ItemCtx {
  readonly mapField: FieldMapper;
  readonly report: Report;
  readonly at: (path: KeyPath, which?: 'key' | 'value') => Span | undefined;
  readonly placeholders?: ReadonlyMap<string, readonly string[]>;
}

const STAR: SigmaString = [{ kind: 'star' }];

function wrap(s: SigmaString, match: string | undefined): SigmaString {
  if (match === 'contains') return concat(STAR, s, STAR);
  if (match === 'startswith') return concat(s, STAR);
  if (match === 'endswith') return concat(STAR, s);
  return s;
}

export const or = (args: Predicate[]): Predicate => (args.length === 1 ? args[0] : { kind: 'or', args });
export const and = (args: Predicate[]): Predicate => (args.length === 1 ? args[0] : { kind: 'and', args });

/** Plain and wildcard strings of one OR group → at most one `in` and one `glob`. */
function stringPredicates(left: Expr | undefined, strings: SigmaString[], extra: Scalar[], ci: boolean, span?: Span): Predicate[] {
  const plain: Scalar[] = [...extra];
  const globs: Glob[] = [];
  for (const s of strings) {
    if (hasWildcard(s)) globs.push(asGlob(s));
    else plain.push(plainText(s));
  }
  if (!left) {
    // Keywords: a value anywhere in any field's text.
    const all = [...globs, ...plain.map((p) => asGlob([{ kind: 'lit', text: String(p) }]))].map((g) => concat(STAR, g, STAR));
    return [{ kind: 'keyword', patterns: all, caseInsensitive: ci, ...(span ? { span } : {}) }];
  }
  const out: Predicate[] = [];
  if (plain.length) out.push({ kind: 'in', left, values: plain, caseInsensitive: ci, ...(span ? { span } : {}) });
  if (globs.length) out.push({ kind: 'glob', left, patterns: globs, caseInsensitive: ci, ...(span ? { span } : {}) });
  return out;
}

const CMP: Readonly<Record<string, '>' | '>=' | '<' | '<='>> = table({ gt: '>', gte: '>=', lt: '<', lte: '<=' });

/** One value → the predicates any of which must hold (alternatives from transforms). */
function valuePredicates(field: string | undefined, value: unknown, plan: ModifierPlan, path: KeyPath, ctx: ItemCtx): Predicate[] | undefined {
  const span = ctx.at(path);
  const left: Expr | undefined = field === undefined ? undefined : { kind: 'field', name: field };
  const bad = (msg: string): undefined => { ctx.report('bad-modifier-value', msg, span); return undefined; };
  const m = plan.match;
  if (value === null) {
    if (!field || plan.transforms.length || m) return bad('null matches a missing field and takes no modifiers');
    return [{ kind: 'not', arg: { kind: 'exists', field } }];
  }
  if (typeof value === 'object') return bad('a value must be a string, number, boolean or null');
  const v = value as string | number | boolean;
  if (m === 'exists') {
    if (typeof v !== 'boolean' || !field) return bad("'exists' takes true or false");
    return [v ? { kind: 'exists', field } : { kind: 'not', arg: { kind: 'exists', field } }];
  }
  if (m && m in CMP) {
    const n = typeof v === 'number' ? v : Number(v);
    if (!left || typeof v === 'boolean' || !Number.isFinite(n)) return bad(`'${m}' compares numbers; '${String(v)}' is not one`);
    return [{ kind: 'compare', op: CMP[m], left, right: { kind: 'literal', value: n }, caseInsensitive: false, span }];
  }
  if (m === 'fieldref') {
    if (!left || typeof v !== 'string') return bad("'fieldref' takes a field name");
    return [{ kind: 'compare', op: '==', left, right: { kind: 'field', name: ctx.mapField(v) }, caseInsensitive: !plan.cased, span }];
  }
  if (m === 'cidr') {
    if (!left || typeof v !== 'string' || !/^[0-9a-fA-F:.]+\/\d{1,3}$/.test(v)) return bad(`'cidr' takes a network such as 10.0.0.0/8; got '${String(v)}'`);
    return [{ kind: 'cidr', left, cidrs: [v], span }];
  }
  if (m === 're') {
    if (typeof v !== 'string') return bad("'re' takes a regular expression string");
    const r = checkRegex(v, plan.reFlags);
    if (!r.ok) { ctx.report(r.code, r.message, span); return undefined; }
    const base = { patterns: [r.source], anchored: false, caseInsensitive: r.caseInsensitive, ...(r.multiline ? { multiline: true } : {}), ...(r.dotAll ? { dotAll: true } : {}), span };
    if (!left) return bad("'re' needs a field");
    return [{ kind: 'regex', left, ...base }];
  }
  const t = applyTransforms(scalarToSigmaString(v), plan.transforms, ctx.placeholders);
  if ('error' in t) {
    ctx.report(t.placeholder ? 'unknown-placeholder' : 'bad-modifier-value', t.error, span, t.placeholder ? 'configure the placeholder (CompileEnv.placeholders)' : undefined);
    return undefined;
  }
  // A bare number also matches a numeric field value.
  const extra: Scalar[] = typeof v === 'number' && !m && !plan.transforms.length ? [v] : [];
  return stringPredicates(left, t.values.map((s) => wrap(s, m)), extra, !plan.cased, span);
}

/** `key` is the map key as written ('' for a field-less item, e.g. keywords with modifiers). */
export function compileItem(key: string, value: unknown, path: KeyPath, ctx: ItemCtx): Predicate | undefined {
  const [rawField, ...mods] = key.split('|');
  const plan = planChain(mods);
  if ('error' in plan) {
    ctx.report(plan.unknown ? 'unknown-modifier' : 'bad-modifier-chain', `${key}: ${plan.error}`, ctx.at(path, 'key'));
    return undefined;
  }
  const field = rawField === '' ? undefined : ctx.mapField(rawField);
  const values = Array.isArray(value) ? value : [value];
  if (!values.length) { ctx.report('bad-detection', `${key}: an empty list matches nothing`, ctx.at(path)); return undefined; }
  const groups: Predicate[][] = [];
  let failed = false;
  values.forEach((v, i) => {
    const p = valuePredicates(field, v, plan, Array.isArray(value) ? [...path, i] : path, ctx);
    if (p) groups.push(p); else failed = true;
  });
  if (failed) return undefined;
  if (plan.all && values.length > 1) return and(groups.map(or));
  return or(mergeOr(groups.flat()));
}

/** Joins sibling `in`/`glob`/`keyword` nodes on the same field and case rule into one. */
export function mergeOr(preds: Predicate[]): Predicate[] {
  const out: Predicate[] = [];
  const lists = new Map<string, { index: number; items: unknown[] }>();
  for (const p of preds) {
    const key = mergeKey(p);
    const prev = key === undefined ? undefined : lists.get(key);
    if (prev) { prev.items.push(...(p.kind === 'in' ? p.values : p.kind === 'glob' || p.kind === 'keyword' ? p.patterns : [])); continue; }
    if (key !== undefined) lists.set(key, { index: out.length, items: [...(p.kind === 'in' ? p.values : p.kind === 'glob' || p.kind === 'keyword' ? p.patterns : [])] });
    out.push(p);
  }
  for (const { index, items } of lists.values()) {
    const p = out[index];
    if (p.kind === 'in') out[index] = { ...p, values: items as Scalar[] };
    else if (p.kind === 'glob' || p.kind === 'keyword') out[index] = { ...p, patterns: items as Glob[] };
  }
  return out;
}

function mergeKey(p: Predicate): string | undefined {
  if (p.kind === 'keyword') return `k|${p.caseInsensitive}`;
  if ((p.kind === 'in' || p.kind === 'glob') && p.left.kind === 'field') return `${p.kind}|${p.caseInsensitive}|${p.left.name}`;
  return undefined;
}
