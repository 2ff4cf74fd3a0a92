/**
 * Search terms and eval/where expressions → IR. Search semantics are Splunk's: values compare
 * case-insensitively, `*` is a wildcard, `f=*` means "f exists", `f!=v` needs f to exist, and a
 * bare word matches any field. Eval/where semantics: strings compare case-sensitively, literals
 * are literal, functions are spl.* of the registry.
 */
import type { Span } from '../../diag/diagnostic.ts';
import { getFunction } from '../../ir/functions/index.ts';
import type { Expr, Glob, Predicate, Scalar } from '../../ir/types.ts';
import type { EvalExpr, SearchExpr, Value } from './ast.ts';
import { WINDOWS_SOURCETYPES } from './cim.ts';
import type { Scope, SplDiag } from './scope.ts';
import { table } from '../../source/own.ts';

type Report = (d: SplDiag) => void;
const TRUE: Predicate = { kind: 'const', value: true };
const FALSE: Predicate = { kind: 'const', value: false };

export function splGlob(text: string): Glob {
  const parts: Glob[number][] = [];
  let lit = '';
  for (const ch of text) {
    if (ch === '*') {
      if (lit) parts.push({ kind: 'lit', text: lit });
      lit = '';
      if (parts[parts.length - 1]?.kind !== 'star') parts.push({ kind: 'star' });
    } else lit += ch;
  }
  if (lit) parts.push({ kind: 'lit', text: lit });
  return parts;
}

const isNumeric = (s: string): boolean => /^-?\d+(\.\d+)?$/.test(s);
const presence = (e: Expr, span?: Span): Predicate => (e.kind === 'field'
  ? { kind: 'exists', field: e.name, span }
  : { kind: 'truthy', expr: { kind: 'call', fn: 'spl.isnotnull', args: [e], caseInsensitive: false }, span });

/** `field=value` (and the other operators) for one resolved field. */
export function valuePredicate(left: Expr, op: string, value: Value, span: Span): Predicate {
  const text = value.text;
  if (op === '=' || op === '!=') {
    let match: Predicate;
    if (text === '*') match = presence(left, span);
    else if (text.includes('*')) match = { kind: 'glob', left, patterns: [splGlob(text)], caseInsensitive: true, span };
    else {
      const values: Scalar[] = isNumeric(text) ? [text, Number(text)] : [text];
      match = { kind: 'in', left, values, caseInsensitive: true, span };
    }
    if (op === '=') return match;
    return { kind: 'and', args: [presence(left, span), { kind: 'not', arg: match }] };
  }
  const right: Expr = { kind: 'literal', value: isNumeric(text) ? Number(text) : text, span: value.span };
  return { kind: 'compare', op: op as '<' | '<=' | '>' | '>=', left, right, caseInsensitive: false, span };
}

/** Index-level fields of a raw search (sourcetype, source, index) become constraints on the event. */
function metaPredicate(field: string, op: string, value: Value, span: Span): Predicate | undefined {
  const f = field.toLowerCase();
  let p: Predicate | undefined;
  if (f === 'index') p = TRUE; // datasets are not split into indexes
  else if (f === 'sourcetype') {
    const t = value.text.toLowerCase().replace(/:.*$/, '');
    const windows = WINDOWS_SOURCETYPES.some((w) => globMatches(t, w));
    p = windows ? { kind: 'exists', field: 'winlog.event_id', span } : FALSE;
  } else if (f === 'source') {
    // XmlWinEventLog:<Channel> → the channel; other sources do not occur in dac datasets.
    const m = /^(?:Xml)?WinEventLog:(.*)$/i.exec(value.text);
    p = m ? { kind: 'glob', left: { kind: 'field', name: 'winlog.channel' }, patterns: [splGlob(m[1]!)], caseInsensitive: true, span }
      : value.text === '*' ? TRUE : FALSE;
  }
  if (!p) return undefined;
  return op === '!=' ? { kind: 'not', arg: p } : p;
}

function globMatches(s: string, pattern: string): boolean {
  return s === pattern || (s.includes('*') && new RegExp(`^${s.split('*').map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(pattern));
}

export function searchToPredicate(e: SearchExpr, scope: Scope, report: Report): Predicate {
  const go = (x: SearchExpr): Predicate => searchToPredicate(x, scope, report);
  switch (e.kind) {
    case 'and': return { kind: 'and', args: e.args.map(go) };
    case 'or': return { kind: 'or', args: e.args.map(go) };
    case 'not': return { kind: 'not', arg: go(e.arg) };
    case 'term':
      if (e.value.text === '*') return TRUE;
      return { kind: 'keyword', patterns: [splGlob(`*${e.value.text}*`)], caseInsensitive: true, span: e.span };
    case 'cmp': {
      if (scope.kind === 'raw') { const m = metaPredicate(e.field.name, e.op, e.value, e.span); if (m) return m; }
      const left = scope.resolve(e.field.name, e.field.span);
      return left ? valuePredicate(left, e.op, e.value, e.span) : FALSE;
    }
    case 'in': {
      const left = scope.resolve(e.field.name, e.field.span);
      if (!left) return FALSE;
      return { kind: 'or', args: e.values.map((v) => valuePredicate(left, '=', v, v.span)) };
    }
  }
}

const BINARY_FN: Readonly<Record<string, string>> = table({
  '+': 'spl.plus', '-': 'spl.sub', '*': 'spl.mul', '/': 'spl.div', '%': 'spl.mod', '.': 'spl.concat',
  '=': 'spl.eq', '==': 'spl.eq', '!=': 'spl.ne', '<': 'spl.lt', '<=': 'spl.le', '>': 'spl.gt', '>=': 'spl.ge',
  AND: 'spl.and', OR: 'spl.or', XOR: 'spl.xor', LIKE: 'spl.like',
});
const call = (fn: string, args: Expr[], span?: Span): Expr => ({ kind: 'call', fn, args, caseInsensitive: false, span });

export function evalToExpr(e: EvalExpr, scope: Scope, report: Report): Expr {
  const go = (x: EvalExpr): Expr => evalToExpr(x, scope, report);
  switch (e.kind) {
    case 'field': return scope.resolve(e.name, e.span) ?? { kind: 'literal', value: null, span: e.span };
    case 'string': return { kind: 'literal', value: e.value, span: e.span };
    case 'number': return { kind: 'literal', value: e.value, span: e.span };
    case 'bool': return { kind: 'literal', value: e.value, span: e.span };
    case 'null': return { kind: 'literal', value: null, span: e.span };
    case 'not': return call('spl.not', [go(e.arg)], e.span);
    case 'neg': return call('spl.neg', [go(e.arg)], e.span);
    case 'binary': return call(BINARY_FN[e.op]!, [go(e.left), go(e.right)], e.span);
    case 'call': {
      const fn = `spl.${e.name}`;
      const def = getFunction(fn);
      if (!def || e.name.startsWith('cim_')) {
        report({ code: 'unknown-function', message: `unknown or unsupported eval function \`${e.name}()\``, span: e.span });
        return { kind: 'literal', value: null, span: e.span };
      }
      if (e.args.length < def.minArgs || e.args.length > def.maxArgs) {
        report({ code: 'syntax', message: `${e.name}() takes ${def.minArgs === def.maxArgs ? def.minArgs : `${def.minArgs}–${def.maxArgs}`} arguments, got ${e.args.length}`, span: e.span });
      }
      return call(fn, e.args.map(go), e.span);
    }
  }
}

const CMP: Readonly<Record<string, '==' | '!=' | '<' | '<=' | '>' | '>='>> = table({ '=': '==', '==': '==', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' });

/** `where` expressions as predicates, so the runtime can compile comparisons, LIKE and match directly. */
export function evalToPredicate(e: EvalExpr, scope: Scope, report: Report): Predicate {
  const go = (x: EvalExpr): Predicate => evalToPredicate(x, scope, report);
  if (e.kind === 'binary' && (e.op === 'AND' || e.op === 'OR')) return { kind: e.op === 'AND' ? 'and' : 'or', args: [go(e.left), go(e.right)] };
  if (e.kind === 'not') return { kind: 'not', arg: go(e.arg) };
  if (e.kind === 'binary' && CMP[e.op]) {
    return { kind: 'compare', op: CMP[e.op]!, left: evalToExpr(e.left, scope, report), right: evalToExpr(e.right, scope, report), caseInsensitive: false, span: e.span };
  }
  const isLike = (e.kind === 'binary' && e.op === 'LIKE') || (e.kind === 'call' && e.name === 'like' && e.args.length === 2);
  if (isLike) {
    const [l, r] = e.kind === 'binary' ? [e.left, e.right] : [e.args[0]!, e.args[1]!];
    if (r.kind === 'string') return { kind: 'glob', left: evalToExpr(l, scope, report), patterns: [likeGlob(r.value)], caseInsensitive: false, span: e.span };
  }
  if (e.kind === 'call' && e.name === 'match' && e.args.length === 2 && e.args[1]!.kind === 'string') {
    return { kind: 'regex', left: evalToExpr(e.args[0]!, scope, report), patterns: [e.args[1].value], anchored: false, caseInsensitive: false, span: e.span };
  }
  if (e.kind === 'call' && (e.name === 'isnull' || e.name === 'isnotnull') && e.args.length === 1) {
    const x = evalToExpr(e.args[0]!, scope, report);
    const p = presence(x, e.span);
    return e.name === 'isnull' ? { kind: 'not', arg: p } : p;
  }
  return { kind: 'truthy', expr: evalToExpr(e, scope, report), span: e.span };
}

function likeGlob(p: string): Glob {
  const parts: Glob[number][] = [];
  let lit = '';
  for (const ch of p) {
    if (ch === '%' || ch === '_') {
      if (lit) parts.push({ kind: 'lit', text: lit });
      lit = '';
      parts.push(ch === '%' ? { kind: 'star' } : { kind: 'one' });
    } else lit += ch;
  }
  if (lit) parts.push({ kind: 'lit', text: lit });
  return parts;
}
