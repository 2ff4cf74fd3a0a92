/**
 * IR predicate (two-valued, see two-valued.ts) → a Sigma detection: named selections and a
 * condition over them. An `and` gathers its simple tests into one selection map; an `or` of tests
 * on one field with one modifier chain becomes a value list; everything else nests in the
 * condition with `and`/`or`/`not` and parentheses. A construct Sigma cannot write throws
 * SigmaUnsupported with the reason, and the rule is not exported.
 */
import { irEqual } from '../ir/equal.ts';
import type { Glob, Predicate, Scalar } from '../ir/types.ts';

export class SigmaUnsupported extends Error {}

type Value = string | number | boolean;
interface Item { readonly key: string; readonly values: readonly Value[] }
export interface Detection { readonly selections: ReadonlyArray<readonly [string, Record<string, Value | readonly Value[]> | readonly Value[]]>; readonly condition: string }

/** Sigma string escaping: `*` `?` are wildcards; `\` escapes `*`, `?` and `\` only. */
export function sigmaGlob(g: Glob): string {
  const tokens: string[] = [];
  for (const part of g) {
    if (part.kind === 'star') tokens.push('*');
    else if (part.kind === 'one') tokens.push('?');
    else for (const ch of part.text) tokens.push(ch === '*' || ch === '?' ? `\\${ch}` : ch === '\\' ? 'BS' : ch);
  }
  // A literal backslash is doubled only where Sigma would read it as an escape.
  return tokens.map((t, i) => (t === 'BS' ? (/^[*?\\]|^BS$/.test(tokens[i + 1] ?? '') ? '\\\\' : '\\') : t)).join('');
}

const literal = (text: string): Glob => [{ kind: 'lit', text }];

/** A glob's modifier form: contains / startswith / endswith read better than explicit wildcards. */
function globItem(field: string, g: Glob, cased: string): { key: string; value: string } {
  const inner = g.slice(1, -1);
  const plain = (x: Glob) => x.every((p) => p.kind === 'lit');
  const n = g.length;
  if (n >= 3 && g[0].kind === 'star' && g[n - 1].kind === 'star' && plain(inner)) return { key: `${field}|contains${cased}`, value: sigmaGlob(g).slice(1, -1) };
  if (n >= 2 && g[0].kind === 'star' && plain(g.slice(1))) return { key: `${field}|endswith${cased}`, value: sigmaGlob(g).slice(1) };
  if (n >= 2 && g[n - 1].kind === 'star' && plain(g.slice(0, -1))) return { key: `${field}|startswith${cased}`, value: sigmaGlob(g).slice(0, -1) };
  return { key: `${field}${cased}`, value: sigmaGlob(g) };
}

function scalar(v: Scalar): Value {
  if (v === null) throw new SigmaUnsupported('a comparison with null has no Sigma value form');
  return v;
}

const numeric = { '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' } as const;

/** One test → one selection item (a key with OR'ed values), or undefined for a compound. */
function item(p: Predicate, name: (ecs: string) => string): Item | undefined {
  if (!('left' in p) && p.kind !== 'exists') return undefined;
  if ('left' in p && p.left.kind !== 'field') throw new SigmaUnsupported(`Sigma tests fields only; this ${p.kind} tests a computed value`);
  const field = p.kind === 'exists' ? name(p.field) : name((p.left as { name: string }).name);
  switch (p.kind) {
    case 'exists': return { key: `${field}|exists`, values: [true] };
    case 'compare': {
      if (p.right.kind !== 'literal') throw new SigmaUnsupported('Sigma cannot compare two fields with this operator');
      const v = scalar(p.right.value);
      if (p.op === '==') {
        if (typeof v !== 'string') return { key: field, values: [v] };
        const g = globItem(field, literal(v), p.caseInsensitive ? '' : '|cased');
        return { key: g.key, values: [g.value] };
      }
      if (p.op === '!=') throw new SigmaUnsupported('internal: != should have been rewritten');
      if (typeof v !== 'number') throw new SigmaUnsupported(`Sigma compares only numbers with ${p.op}`);
      return { key: `${field}|${numeric[p.op]}`, values: [v] };
    }
    case 'in': {
      const cased = p.caseInsensitive ? '' : '|cased';
      if (cased && p.values.some((v) => typeof v !== 'string')) throw new SigmaUnsupported('a case-sensitive list mixing numbers and strings');
      return { key: `${field}${p.values.some((v) => typeof v === 'string') ? cased : ''}`, values: p.values.map((v) => (typeof v === 'string' ? sigmaGlob(literal(v)) : scalar(v))) };
    }
    case 'glob': {
      const cased = p.caseInsensitive ? '' : '|cased';
      const items = p.patterns.map((g) => globItem(field, g, cased));
      // One key for the list: if the patterns need different modifiers, write them all as wildcards.
      if (items.every((i) => i.key === items[0].key)) return { key: items[0].key, values: items.map((i) => i.value) };
      return { key: `${field}${cased}`, values: p.patterns.map(sigmaGlob) };
    }
    case 'regex': {
      const flags = `${p.caseInsensitive ? '|i' : ''}${p.multiline ? '|m' : ''}${p.dotAll ? '|s' : ''}`;
      return { key: `${field}|re${flags}`, values: p.patterns.map((r) => (p.anchored ? `^(?:${r})$` : r)) };
    }
    case 'cidr': return { key: `${field}|cidr`, values: [...p.cidrs] };
    default: return undefined;
  }
}

export function toDetection(filter: Predicate, name: (ecs: string) => string): Detection {
  const selections: [string, Record<string, Value | readonly Value[]> | readonly Value[]][] = [];
  const add = (sel: Record<string, Value | readonly Value[]> | readonly Value[]): string => {
    const id = `selection_${selections.length + 1}`;
    selections.push([id, sel]);
    return id;
  };
  const one = (vs: readonly Value[]): Value | readonly Value[] => (vs.length === 1 ? vs[0] : vs);

  /** Precedence: or 1, and 2, not/atom 3. */
  const cond = (p: Predicate, min: number): string => {
    const wrap = (prec: number, s: string) => (prec < min ? `(${s})` : s);
    switch (p.kind) {
      case 'const': throw new SigmaUnsupported(`a constant ${p.value} test has no Sigma form`);
      case 'keyword': {
        if (!p.caseInsensitive) throw new SigmaUnsupported('Sigma keywords are case-insensitive; this one is case-sensitive');
        return add(p.patterns.map(sigmaGlob));
      }
      case 'truthy': throw new SigmaUnsupported('a function call or boolean field test has no Sigma form');
      case 'not': return wrap(3, `not ${cond(p.arg, 3)}`);
      case 'or': {
        const items = p.args.map((a) => item(a, name));
        if (items.every((i) => i && i.key === items[0]!.key)) return add({ [items[0]!.key]: one(items.flatMap((i) => i!.values)) });
        return wrap(1, p.args.map((a) => cond(a, 2)).join(' or '));
      }
      case 'and': {
        const map: Record<string, Value | readonly Value[]> = {};
        const rest: Predicate[] = [];
        for (const a of p.args) {
          const it = item(a, name);
          // A key appears once per map (a list value means OR, as `in` and glob lists want); a repeated key goes to its own selection.
          if (it && !(it.key in map)) map[it.key] = one(it.values);
          else if (!(it && irEqual(map[it.key]!, one(it.values)))) rest.push(a);
        }
        const parts = [...(Object.keys(map).length ? [add(map)] : []), ...rest.map((a) => cond(a, 3))];
        return wrap(2, parts.join(' and '));
      }
      default: {
        const it = item(p, name);
        if (!it) throw new SigmaUnsupported(`no Sigma form for ${p.kind}`);
        return add({ [it.key]: one(it.values) });
      }
    }
  };
  const condition = cond(filter, 0);
  return { selections, condition };
}
