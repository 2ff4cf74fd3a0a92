/**
 * Kusto tree (parser.ts) → IR. Column expressions map back to ECS fields through the one table
 * the back-end writes them from (sysmon-columns.ts), matched on their exact text, so a column the
 * writer derives (process.name from Image) reads back as the same field. The `Sysmon` table is
 * the query's source: the Sysmon parser reads the Sysmon channel only. Operators keep KQL's case
 * rules: `==` `in` `*_cs` case-sensitive; `=~` `in~` `contains` `startswith` `endswith` not.
 */
import type { EventQuery, Expr, Glob, Predicate, Scalar } from '../../ir/types.ts';
import { KustoError, parseKusto, type KNode } from './parser.ts';
import { FIELDS, SYSMON_TABLE } from './sysmon-columns.ts';

const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational';

/** KQL text of a column expression → ECS field; the first ECS field listed for a text wins. */
const REVERSE = new Map<string, string>();
for (const [ecs, kql] of Object.entries(FIELDS)) if (!REVERSE.has(kql)) REVERSE.set(kql, ecs);

export function kustoToIr(text: string): EventQuery {
  const q = parseKusto(text);
  if (q.table !== SYSMON_TABLE) throw new KustoError({ start: 0, end: q.table.length }, `unknown table ${q.table} (dac reads the ${SYSMON_TABLE} parser)`);
  const src = (n: KNode): string => text.slice(n.span.start, n.span.end);

  const expr = (n: KNode): Expr => {
    if (n.kind === 'lit') return { kind: 'literal', value: n.value, span: n.span };
    if (n.kind === 'call' && n.name === 'dynamic' && n.args.length === 1 && n.args[0]!.kind === 'col' && n.args[0].name === 'null') return { kind: 'literal', value: null, span: n.span };
    const field = REVERSE.get(src(n));
    if (field) return { kind: 'field', name: field, span: n.span };
    if (n.kind === 'call' && n.name === 'tostring' && n.args.length === 1 && n.args[0]!.kind === 'col') return { kind: 'field', name: `winlog.event_data.${n.args[0].name}`, span: n.span };
    throw new KustoError(n.span, `\`${src(n)}\` is not a Sysmon parser column dac maps to ECS`);
  };
  const scalar = (n: KNode): Scalar => {
    if (n.kind !== 'lit') throw new KustoError(n.span, 'expected a literal');
    return n.value;
  };
  const str = (n: KNode): string => {
    const v = scalar(n);
    if (typeof v !== 'string') throw new KustoError(n.span, 'expected a string');
    return v;
  };
  const glob = (kind: string, s: string): Glob => {
    const lit = { kind: 'lit' as const, text: s };
    const star = { kind: 'star' as const };
    return kind.startsWith('contains') ? [star, lit, star] : kind.startsWith('startswith') ? [lit, star] : [star, lit];
  };

  const pred = (n: KNode): Predicate => {
    switch (n.kind) {
      case 'not': return { kind: 'not', arg: pred(n.arg) };
      case 'lit': if (typeof n.value === 'boolean') return { kind: 'const', value: n.value }; break;
      case 'call': {
        const [a, b] = n.args;
        // set_has_element(<categorization case()>, "v"): the multi-valued field holds v.
        if (n.name === 'set_has_element' && n.args.length === 2) {
          return { kind: 'compare', op: '==', left: expr(a!), right: expr(b!), caseInsensitive: false, span: n.span };
        }
        if (n.name === 'isnotempty' && n.args.length === 1) {
          const e = expr(a!);
          if (e.kind === 'field') return { kind: 'exists', field: e.name, span: n.span };
        }
        const list = b?.kind === 'call' && b.name === 'dynamic' && b.args[0]?.kind === 'list' ? b.args[0] : undefined;
        if ((n.name === 'ipv4_is_in_any_range' || n.name === 'ipv6_is_in_any_range') && list) {
          return { kind: 'cidr', left: expr(a!), cidrs: list.items.map(str), span: n.span };
        }
        break;
      }
      case 'bin': {
        const { op, left, right } = n;
        if (op === 'and' || op === 'or') return { kind: op, args: [pred(left), pred(right)] };
        if (op === 'in' || op === 'in~') {
          if (right.kind !== 'list') break;
          return { kind: 'in', left: expr(left), values: right.items.map(scalar), caseInsensitive: op === 'in~', span: n.span };
        }
        if (op === 'matches regex') {
          const r = str(right);
          const ci = r.startsWith('(?i)');
          return { kind: 'regex', left: expr(left), patterns: [ci ? r.slice(4) : r], anchored: false, caseInsensitive: ci, span: n.span };
        }
        if (/^(contains|startswith|endswith)(_cs)?$/.test(op)) return { kind: 'glob', left: expr(left), patterns: [glob(op, str(right))], caseInsensitive: !op.endsWith('_cs'), span: n.span };
        if (['==', '!=', '=~', '!~', '<', '<=', '>', '>='].includes(op)) {
          // ipv6_compare(x, "a") == 0: x is the address a (the back-end's spelling of IP equality).
          if (left.kind === 'call' && left.name === 'ipv6_compare' && right.kind === 'lit' && right.value === 0 && (op === '==' || op === '!=')) {
            return { kind: 'compare', op, left: expr(left.args[0]!), right: expr(left.args[1]!), caseInsensitive: false, span: n.span };
          }
          const ci = op === '=~' || op === '!~';
          const c: Predicate = { kind: 'compare', op: ci ? '==' : (op as '=='), left: expr(left), right: expr(right), caseInsensitive: ci, span: n.span };
          return op === '!~' ? { kind: 'not', arg: c } : c;
        }
        break;
      }
      default: break;
    }
    throw new KustoError(n.span, `\`${src(n)}\` is not a condition dac reads`);
  };

  const parts = q.wheres.map(pred);
  const filter: Predicate = parts.length === 0 ? { kind: 'const', value: true } : parts.length === 1 ? parts[0]! : { kind: 'and', args: parts };
  const select: Predicate = { kind: 'in', left: { kind: 'field', name: 'winlog.channel' }, values: [SYSMON_CHANNEL], caseInsensitive: true };
  return { kind: 'event', source: { origin: { lang: 'kusto', table: q.table }, select }, filter, logic: 'boolean' };
}
