/**
 * The `detection` section → one predicate: search identifiers (maps are AND, lists of maps OR,
 * lists of plain values are keywords) combined by the condition. Runs once per event source,
 * since field names map per source.
 */
import type { Span } from '../../diag/diagnostic.ts';
import type { Predicate } from '../../ir/types.ts';
import type { KeyPath } from '../../rule/model.ts';
import type { Report } from './codes.ts';
import { parseCondition, type CondNode } from './condition-parser.ts';
import { and, compileItem, mergeOr, or, type ItemCtx } from './detection-item.ts';

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface DetectionCtx extends ItemCtx {
  /** The file's text, to turn condition offsets into file offsets. */
  readonly source: string;
}

function compileMap(map: Record<string, unknown>, path: KeyPath, ctx: ItemCtx): Predicate | undefined {
  const keys = Object.keys(map);
  if (!keys.length) { ctx.report('bad-detection', 'an empty map matches nothing', ctx.at(path)); return undefined; }
  const parts = keys.map((k) => compileItem(k, map[k], [...path, k], ctx));
  return parts.every((p): p is Predicate => p !== undefined) ? and(parts) : undefined;
}

export function compileIdentifier(name: string, value: unknown, ctx: ItemCtx): Predicate | undefined {
  const path: KeyPath = ['detection', name];
  if (isMap(value)) return compileMap(value, path, ctx);
  if (Array.isArray(value)) {
    if (!value.length) { ctx.report('bad-detection', `'${name}' is an empty list`, ctx.at(path)); return undefined; }
    if (value.every(isMap)) {
      const parts = value.map((m, i) => compileMap(m, [...path, i], ctx));
      return parts.every((p): p is Predicate => p !== undefined) ? or(mergeOr(parts)) : undefined;
    }
    if (value.some((v) => typeof v === 'object' && v !== null)) {
      ctx.report('bad-detection', `'${name}' mixes maps and plain values; a list is either maps (OR) or keywords`, ctx.at(path));
      return undefined;
    }
    return compileItem('', value, path, ctx);
  }
  if (typeof value === 'string' || typeof value === 'number') return compileItem('', value, path, ctx);
  ctx.report('bad-detection', `'${name}' must be a map, a list of maps or a list of keywords`, ctx.at(path));
  return undefined;
}

/** Offset of a YAML scalar's text: past the opening quote when quoted. */
function scalarStart(source: string, span: Span | undefined): number {
  if (!span) return 0;
  const c = source[span.start];
  return c === '"' || c === "'" ? span.start + 1 : span.start;
}

function globToRegex(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

export function compileDetection(detection: unknown, ctx: DetectionCtx): Predicate | undefined {
  if (!isMap(detection)) { ctx.report('bad-detection', 'detection must be a map of search identifiers and a condition', ctx.at(['detection'])); return undefined; }
  const cond = detection.condition;
  if (cond === undefined) { ctx.report('missing-condition', 'detection has no condition', ctx.at(['detection'], 'key')); return undefined; }
  const names = Object.keys(detection).filter((k) => k !== 'condition' && k !== 'timeframe');
  const cache = new Map<string, Predicate | undefined>();
  let failed = false;
  const ident = (name: string): Predicate | undefined => {
    if (!cache.has(name)) cache.set(name, compileIdentifier(name, detection[name], ctx));
    const p = cache.get(name);
    if (!p) failed = true;
    return p;
  };
  const conds = Array.isArray(cond) ? cond : [cond];
  const out: Predicate[] = [];
  conds.forEach((c, i) => {
    const path: KeyPath = Array.isArray(cond) ? ['detection', 'condition', i] : ['detection', 'condition'];
    const span = ctx.at(path);
    if (typeof c !== 'string') { ctx.report('condition-syntax', 'a condition is a string', span); failed = true; return; }
    const base = scalarStart(ctx.source, span);
    const at = (s: number, e: number): Span => ({ start: base + s, end: base + Math.max(e, s + 1) });
    const ast = parseCondition(c);
    if ('error' in ast) {
      ctx.report(ast.deprecated ? 'deprecated-aggregation' : 'condition-syntax', ast.error, at(ast.start, ast.end), ast.deprecated ? 'write a correlation rule (event_count, value_count …) instead' : undefined);
      failed = true;
      return;
    }
    const walk = (n: CondNode): Predicate | undefined => {
      switch (n.kind) {
        case 'and': case 'or': {
          const l = walk(n.left); const r = walk(n.right);
          if (!l || !r) return undefined;
          const flat = (p: Predicate): Predicate[] => (p.kind === n.kind ? [...p.args] : [p]);
          return { kind: n.kind, args: [...flat(l), ...flat(r)] };
        }
        case 'not': { const a = walk(n.arg); return a ? { kind: 'not', arg: a } : undefined; }
        case 'ident':
          if (!names.includes(n.name)) { ctx.report('unknown-identifier', `'${n.name}' is not a search identifier of this detection`, at(n.start, n.end)); failed = true; return undefined; }
          return ident(n.name);
        case 'of': {
          const matched = n.pattern === undefined ? names.filter((x) => !x.startsWith('_')) : names.filter((x) => globToRegex(n.pattern as string).test(x));
          if (!matched.length) { ctx.report('no-identifier-match', `'${n.pattern ?? 'them'}' matches no search identifier`, at(n.start, n.end)); failed = true; return undefined; }
          const ps = matched.map(ident);
          if (!ps.every((p): p is Predicate => p !== undefined)) return undefined;
          return n.quantifier === 'one' ? or(ps) : and(ps);
        }
      }
    };
    const p = walk(ast);
    if (p) out.push(p);
  });
  if (failed || !out.length) return undefined;
  return or(out);
}
