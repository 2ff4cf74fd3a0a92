/** Printing predicates and expressions in SPL's two expression syntaxes (search terms, eval/where). */
import type { Expr, Glob, Predicate } from '../../ir/types.ts';
import type { CimDataset } from './cim.ts';

/** Maps an IR field name to the name the printed SPL uses at that point of the pipeline. */
export type Namer = (ecsOrColumn: string) => string;

/** The CIM name (`Processes.process_name`) of an expression, or undefined. */
export function reverseCim(ds: CimDataset, e: Expr): string | undefined {
  if (e.kind === 'call' && e.fn === 'spl.epoch' && e.args.length === 1 && e.args[0]!.kind === 'field' && e.args[0].name === '@timestamp') return '_time';
  for (const [name, src] of Object.entries(ds.fields)) {
    if (typeof src === 'string' ? e.kind === 'field' && e.name === src
      : e.kind === 'call' && e.fn === src.fn && e.args.length === src.args.length && e.args.every((a, i) => a.kind === 'field' && a.name === src.args[i])) {
      return `${ds.dataset}.${name}`;
    }
  }
  if (e.kind === 'field' && e.name === 'host.name') return 'host';
  return undefined;
}

/** A name is left bare when SPL reads it as one word; a value is always quoted. */
export function quote(s: string, name: boolean): string {
  if (name && /^[A-Za-z0-9_.:@*{}-]+$/.test(s)) return s;
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function globText(g: Glob, problems: string[]): string {
  return g.map((p) => {
    if (p.kind === 'star') return '*';
    if (p.kind === 'one') { problems.push('a single-character wildcard has no SPL search form'); return '*'; }
    if (p.text.includes('*')) problems.push(`a literal * in "${p.text}" has no SPL search form`);
    return p.text;
  }).join('');
}

/**
 * Search-term syntax. `exprName` names an expression (tstats: CIM names); without it, fields go
 * through `names` and computed expressions are problems. `raw`: the source of a raw search.
 */
export function printSearch(p: Predicate, names: Namer | undefined, problems: string[], raw: boolean, exprName?: (e: Expr) => string | undefined): string {
  const field = (e: Expr): string => {
    const n = exprName ? exprName(e) : e.kind === 'field' && names ? names(e.name) : undefined;
    if (n === undefined) { problems.push('a computed value cannot be searched'); return '?'; }
    return quote(n, true);
  };
  const go = (x: Predicate, nested: boolean): string => {
    switch (x.kind) {
      case 'and': {
        const ne = notEqual(x);
        if (ne) return `${field(ne.left)}!=${ne.value}`;
        const s = x.args.map((a) => go(a, true)).join(' ');
        return nested ? `(${s})` : s;
      }
      case 'or': { const s = x.args.map((a) => go(a, true)).join(' OR '); return nested ? `(${s})` : s; }
      case 'not': return `NOT ${go(x.arg, true)}`;
      case 'const': if (!x.value) problems.push('an always-false condition has no SPL search form'); return '*';
      case 'exists':
        if (raw && x.field === 'winlog.event_id') return 'sourcetype=XmlWinEventLog';
        return `${field({ kind: 'field', name: x.field })}=*`;
      case 'in': {
        const vals = dedupNumeric(x.values).map((v) => `${field(x.left)}=${quote(String(v), false)}`);
        return vals.length === 1 ? vals[0]! : `(${vals.join(' OR ')})`;
      }
      case 'glob': {
        if (raw && x.left.kind === 'field' && x.left.name === 'winlog.channel' && x.patterns.length === 1) {
          return `source=${quote(`XmlWinEventLog:${globText(x.patterns[0]!, problems)}`, false)}`;
        }
        const vals = x.patterns.map((g) => `${field(x.left)}=${quote(globText(g, problems), false)}`);
        return vals.length === 1 ? vals[0]! : `(${vals.join(' OR ')})`;
      }
      case 'compare': {
        if (x.right.kind !== 'literal') { problems.push('a field-to-field comparison needs where'); return '?'; }
        const op = x.op === '==' ? '=' : x.op;
        const v = typeof x.right.value === 'number' ? String(x.right.value) : quote(String(x.right.value), false);
        return `${field(x.left)}${op}${v}`;
      }
      case 'keyword': {
        const texts = x.patterns.map((g) => {
          const inner = g.length === 3 && g[0]!.kind === 'star' && g[2]!.kind === 'star' && g[1]!.kind === 'lit' ? g[1].text : undefined;
          if (inner === undefined) { problems.push('a keyword pattern must be *text*'); return '?'; }
          return quote(inner, false);
        });
        return texts.length === 1 ? texts[0]! : `(${texts.join(' OR ')})`;
      }
      default:
        problems.push(`a ${x.kind} condition has no SPL search form`);
        return '?';
    }
  };
  return go(p, false);
}

/** `f!=v` lowers to and(exists f, not(match on f)); recognise it to print it back. */
function notEqual(x: Extract<Predicate, { kind: 'and' }>): { left: Expr; value: string } | undefined {
  if (x.args.length !== 2) return undefined;
  const [ex, neg] = x.args;
  if (ex!.kind !== 'exists' || neg!.kind !== 'not') return undefined;
  const m = neg.arg;
  if (!((m.kind === 'in' || m.kind === 'glob') && m.left.kind === 'field' && m.left.name === ex.field)) return undefined;
  if (m.kind === 'in') { const vs = dedupNumeric(m.values); return vs.length === 1 ? { left: m.left, value: quote(String(vs[0]), false) } : undefined; }
  return m.patterns.length === 1 ? { left: m.left, value: quote(globText(m.patterns[0]!, []), false) } : undefined;
}

/** ["4", 4] (how `f=4` lowers) prints once. */
function dedupNumeric(vs: readonly (string | number | boolean | null)[]): (string | number | boolean | null)[] {
  return vs.filter((v, i) => !(typeof v === 'number' && vs.slice(0, i).some((w) => w === String(v))));
}

const INFIX: Readonly<Record<string, string>> = {
  'spl.plus': '+', 'spl.sub': '-', 'spl.mul': '*', 'spl.div': '/', 'spl.mod': '%', 'spl.concat': '.',
  'spl.eq': '==', 'spl.ne': '!=', 'spl.lt': '<', 'spl.le': '<=', 'spl.gt': '>', 'spl.ge': '>=',
  'spl.and': 'AND', 'spl.or': 'OR', 'spl.xor': 'XOR',
};

export function printEvalExpr(e: Expr, names: Namer, problems: string[]): string {
  const go = (x: Expr): string => printEvalExpr(x, names, problems);
  switch (e.kind) {
    case 'field': { const n = names(e.name); return /^[A-Za-z_][\w.]*$/.test(n) ? n : `'${n}'`; }
    case 'literal':
      if (e.value === null) return 'null()';
      return typeof e.value === 'string' ? quote(e.value, false) : String(e.value);
    case 'call': {
      if (!e.fn.startsWith('spl.') || e.fn.startsWith('spl.cim_')) { problems.push(`function ${e.fn} has no SPL form`); return '?'; }
      const op = INFIX[e.fn];
      if (op && e.args.length === 2) return `(${go(e.args[0]!)} ${op} ${go(e.args[1]!)})`;
      if (e.fn === 'spl.not') return `NOT ${go(e.args[0]!)}`;
      if (e.fn === 'spl.neg') return `- ${go(e.args[0]!)}`;
      return `${e.fn.slice(4)}(${e.args.map(go).join(', ')})`;
    }
  }
}

/** eval-syntax predicate, for `| where`. */
export function printWhere(p: Predicate, names: Namer, problems: string[]): string {
  const go = (x: Predicate): string => printWhere(x, names, problems);
  const ex = (x: Expr): string => printEvalExpr(x, names, problems);
  switch (p.kind) {
    case 'and': return p.args.map((a) => `(${go(a)})`).join(' AND ');
    case 'or': return p.args.map((a) => `(${go(a)})`).join(' OR ');
    case 'not': return `NOT (${go(p.arg)})`;
    case 'const': return p.value ? 'true' : 'false';
    case 'compare': return `${ex(p.left)} ${p.op === '==' ? '=' : p.op} ${ex(p.right)}`;
    case 'exists': return `isnotnull(${ex({ kind: 'field', name: p.field })})`;
    case 'truthy': return ex(p.expr);
    case 'glob': return p.patterns.map((g) => `like(${ex(p.left)}, ${quote(likeText(g, problems), false)})`).join(' OR ');
    case 'regex':
      if (p.anchored || p.caseInsensitive) problems.push('an anchored or case-insensitive regex is printed as plain match()');
      return p.patterns.map((r) => `match(${ex(p.left)}, ${quote(r, false)})`).join(' OR ');
    case 'in': return p.values.map((v) => `${ex(p.left)} = ${typeof v === 'string' ? quote(v, false) : String(v)}`).join(' OR ');
    default:
      problems.push(`a ${p.kind} condition has no SPL where form`);
      return 'false';
  }
}

function likeText(g: Glob, problems: string[]): string {
  return g.map((x) => {
    if (x.kind === 'star') return '%';
    if (x.kind === 'one') return '_';
    if (/[%_]/.test(x.text)) problems.push(`like() cannot match a literal % or _ in "${x.text}"`);
    return x.text;
  }).join('');
}
