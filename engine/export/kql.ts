/**
 * KQL back-end over Sysmon events as Azure-Sentinel's Sysmon parser exposes them (function alias
 * `Sysmon`: the EventData names as columns — Image, CommandLine, TargetObject, SourceIp … — with
 * Computer, EventID, TimeGenerated, UserName; values are strings, so numbers go through toint()).
 * ECS fields with no column are derived where Sysmon holds the value (process.name from Image),
 * else the rule is unexpressible (dce_rpc.*: Sysmon does not log RPC interfaces).
 * Sequences are joins on the sequence keys with a time bound; see convertSequence for how a join
 * differs from an EQL sequence.
 */
import type { EventQuery, Expr, Glob, PipelineQuery, Scalar, SequenceQuery } from '../ir/types.ts';
import { APPROXIMATE, FIELDS, kqlString, MULTI_VALUED, SYSMON_TABLE } from '../lang/kusto/sysmon-columns.ts';
export { kqlString, SYSMON_TABLE } from '../lang/kusto/sysmon-columns.ts';
import { TextBackend, Unexpressible, type Atom, type Tokens } from './text-backend.ts';
import { BOOLEAN_TARGET, prepareQuery } from './prepare-ir.ts';
import { twoValued } from './two-valued.ts';
import { effectiveFilter } from '../ir/source.ts';
import { IP_FIELDS } from '../events/normalize/ip.ts';
import { nonWindowsSource } from './windows-only.ts';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const globRegex = (g: Glob) => `^${g.map((p) => (p.kind === 'star' ? '.*' : p.kind === 'one' ? '.' : escapeRe(p.text))).join('')}$`;

function durationKql(ms: number): string {
  for (const [u, m] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) if (ms % m === 0) return `${ms / m}${u}`;
  return `${ms}ms`;
}

/** A KQL string literal with no escapes: what FIELDS gives for a column the parser fixes. */
const FIXED = /^"[^"\\]*"$/;

/** `"windows" == "windows"` decided at export time; undefined when either side is not fixed. */
function fixedCompare(l: string, op: string, r: string, ci: boolean): boolean | undefined {
  if (!FIXED.test(l) || !FIXED.test(r) || (op !== '==' && op !== '!=')) return undefined;
  const a = JSON.parse(l) as string;
  const b = JSON.parse(r) as string;
  const same = ci ? a.toLowerCase() === b.toLowerCase() : a === b;
  return op === '==' ? same : !same;
}

export class KqlBackend extends TextBackend {
  protected readonly tokens: Tokens = { and: 'and', or: 'or', not: 'not({x})', groupOpen: '(', groupClose: ')', true: 'true', false: 'false' };
  readonly notes = new Set<string>();

  /** After an aggregate, names are the row's columns, not event fields. */
  private rows = false;

  field(name: string): string {
    if (this.rows) return `['${name}']`;
    const f = FIELDS[name];
    if (f) return f;
    const approx = APPROXIMATE[name];
    if (approx) { this.notes.add(approx[1]); return approx[0]; }
    if (name.startsWith('winlog.event_data.')) return `tostring(${name.slice('winlog.event_data.'.length)})`;
    throw new Unexpressible(`field ${name} has no column in the Sentinel Sysmon parser${name.startsWith('dce_rpc.') ? ' (Sysmon does not log DCE/RPC interfaces, and Sentinel has no built-in Zeek dce_rpc table)' : ''}`);
  }

  /** The ECS categorization field an expression is, when the parser gives it as an array. */
  private multiValued(e: Expr): string | undefined {
    return !this.rows && e.kind === 'field' && MULTI_VALUED.has(e.name) ? e.name : undefined;
  }

  /** ECS categorization values are lower-case: a case-insensitive test compares the lower-cased value. */
  private hasElement(e: Expr, v: string, ci: boolean): string {
    return `set_has_element(${this.convertExpr(e)}, ${kqlString(ci ? v.toLowerCase() : v)})`;
  }

  protected literal(v: Scalar): string {
    if (v === null) return 'dynamic(null)';
    if (typeof v === 'string') return kqlString(v);
    return String(v);
  }

  protected convertExpr(e: Expr): string {
    switch (e.kind) {
      case 'field': return this.field(e.name);
      case 'literal': return this.literal(e.value);
      case 'call': {
        const a = e.args;
        if (e.fn === 'spl.coalesce') return `coalesce(${a.map((x) => this.convertExpr(x)).join(', ')})`;
        if (e.fn === 'spl.epoch' && a[0]?.kind === 'field' && a[0].name === '@timestamp') return 'TimeGenerated';
        // CIM's user is DOMAIN\name, which is exactly Sysmon's User column.
        if (e.fn === 'spl.cim_user') return 'tostring(User)';
        throw new Unexpressible(`function ${e.fn} has no KQL template`);
      }
    }
  }

  protected convertAtom(p: Atom): string {
    switch (p.kind) {
      case 'compare': {
        const multi = this.multiValued(p.left);
        if (multi) {
          if (p.op !== '==' && p.op !== '!=') throw new Unexpressible(`${multi} is multi-valued: a ${p.op} comparison has no KQL form`);
          if (p.right.kind !== 'literal' || typeof p.right.value !== 'string') throw new Unexpressible(`${multi} is compared with a string only`);
          const has = this.hasElement(p.left, p.right.value, p.caseInsensitive);
          return p.op === '==' ? has : `not(${has})`;
        }
        const l = this.convertExpr(p.left);
        const r = this.convertExpr(p.right);
        // A column the parser fixes (host.os.type, the channel) is decided here, as for `in` below.
        const fixed = fixedCompare(l, p.op, r, p.caseInsensitive);
        if (fixed !== undefined) return fixed ? 'true' : 'false';
        // IPv6 text has many spellings (Sysmon writes ::1 as 0:0:0:0:0:0:0:1): compare as addresses.
        if ((p.op === '==' || p.op === '!=') && p.left.kind === 'field' && (IP_FIELDS as readonly string[]).includes(p.left.name)
          && p.right.kind === 'literal' && typeof p.right.value === 'string' && p.right.value.includes(':')) {
          return `ipv6_compare(${l}, ${r}) ${p.op} 0`;
        }
        if (p.caseInsensitive && (p.op === '==' || p.op === '!=')) return `${l} ${p.op === '==' ? '=~' : '!~'} ${r}`;
        if (p.caseInsensitive) throw new Unexpressible(`a case-insensitive ${p.op} comparison`);
        return `${l} ${p.op} ${r}`;
      }
      case 'in': {
        if (this.multiValued(p.left)) {
          const parts = p.values.map((v) => this.hasElement(p.left, String(v), p.caseInsensitive));
          return parts.length === 1 ? parts[0]! : `(${parts.join(' or ')})`;
        }
        const l = this.convertExpr(p.left);
        // A column the parser fixes (the channel) is decided here rather than compared at run time.
        if (FIXED.test(l)) {
          const v = JSON.parse(l) as string;
          return p.values.some((x) => (p.caseInsensitive ? String(x).toLowerCase() === v.toLowerCase() : String(x) === v)) ? 'true' : 'false';
        }
        // Sysmon parser values are strings: a list mixing "1" and 1 is one string list.
        const vals = p.values.some((v) => typeof v === 'string') ? [...new Set(p.values.map((v) => (v === null ? v : String(v))))] : p.values;
        return `${l} ${p.caseInsensitive ? 'in~' : 'in'} (${vals.map((v) => this.literal(v)).join(', ')})`;
      }
      case 'glob': {
        const l = this.convertExpr(p.left);
        const cs = p.caseInsensitive ? '' : '_cs';
        const parts = p.patterns.map((g) => {
          const lit = (x: Glob) => x.every((q) => q.kind === 'lit');
          const text = (x: Glob) => x.map((q) => (q.kind === 'lit' ? q.text : '')).join('');
          const n = g.length;
          if (lit(g)) return `${l} ${p.caseInsensitive ? '=~' : '=='} ${kqlString(text(g))}`;
          if (n >= 3 && g[0].kind === 'star' && g[n - 1].kind === 'star' && lit(g.slice(1, -1))) return `${l} contains${cs} ${kqlString(text(g))}`;
          if (n >= 2 && g[0].kind === 'star' && lit(g.slice(1))) return `${l} endswith${cs} ${kqlString(text(g))}`;
          if (n >= 2 && g[n - 1].kind === 'star' && lit(g.slice(0, -1))) return `${l} startswith${cs} ${kqlString(text(g))}`;
          return `${l} matches regex ${kqlString(`${p.caseInsensitive ? '(?i)' : ''}${globRegex(g)}`)}`;
        });
        return parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`;
      }
      case 'regex': {
        const l = this.convertExpr(p.left);
        const parts = p.patterns.map((r) => `${l} matches regex ${kqlString(`${p.caseInsensitive ? '(?i)' : ''}${p.anchored ? `^(?:${r})$` : r}`)}`);
        return parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`;
      }
      case 'cidr': {
        const l = this.convertExpr(p.left);
        const v4 = p.cidrs.filter((c) => !c.includes(':'));
        const v6 = p.cidrs.filter((c) => c.includes(':'));
        const parts = [
          ...(v4.length ? [`ipv4_is_in_any_range(${l}, dynamic([${v4.map(kqlString).join(', ')}]))`] : []),
          ...(v6.length ? [`ipv6_is_in_any_range(${l}, dynamic([${v6.map(kqlString).join(', ')}]))`] : []),
        ];
        return parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`;
      }
      case 'exists': return `isnotempty(${this.field(p.field)})`;
      case 'keyword': throw new Unexpressible('keyword search over every column has no KQL form in a scheduled rule');
      case 'truthy': throw new Unexpressible('a boolean function call has no KQL template');
    }
  }

  private where(q: EventQuery): string {
    return this.convertPredicate(effectiveFilter(q));
  }

  protected convertEvent(q: EventQuery): string {
    return `${SYSMON_TABLE}\n| where ${this.where(q)}`;
  }

  /**
   * One `let` per step projecting its time and the join keys, joined in order on the keys, each
   * step after the previous and all within maxspan of the first. A join yields every combination
   * of matching events, where an EQL sequence consumes its first event once matched: on bursts the
   * KQL rule can return more rows for the same activity (noted on export).
   */
  protected override convertSequence(q: SequenceQuery): string {
    if (q.until) throw new Unexpressible('`until` has no join form');
    if (q.maxspanMs === undefined) throw new Unexpressible('a sequence without maxspan would join without a time bound');
    if (q.steps.some((s) => s.missing || s.runs !== 1 || s.by.length)) throw new Unexpressible('missing-event steps, runs and per-step keys have no join form');
    const keys = q.by.map((e, i) => [`k${i + 1}`, this.convertExpr(e)] as const);
    const lets = q.steps.map((s, i) => {
      const proj = [`t${i + 1} = TimeGenerated`, ...keys.map(([k, x]) => `${k} = ${x}`), `Computer${i + 1} = Computer`].join(', ');
      const nonEmpty = keys.map(([k]) => ` | where isnotempty(${k})`).join('');
      return `let step${i + 1} = ${SYSMON_TABLE}\n| where ${this.where(s.filter)}\n| project ${proj}${nonEmpty};`;
    });
    const on = keys.length ? ` on ${keys.map(([k]) => k).join(', ')}` : '';
    const joins = q.steps.slice(1).map((_, i) => `| join kind=inner step${i + 2}${on}`);
    const span = durationKql(q.maxspanMs);
    const bounds = q.steps.slice(1).map((_, i) => (q.ordered ? `t${i + 2} >= t${i + 1}` : `abs(t${i + 2} - t1) <= ${span}`));
    if (q.ordered) bounds.push(`t${q.steps.length} - t1 <= ${span}`);
    this.notes.add('sequence written as time-bounded joins: a join returns every matching combination, where the EQL sequence uses each first event once');
    return [...lets, 'step1', ...joins, `| where ${bounds.join(' and ')}`].join('\n');
  }

  protected override convertPipeline(q: PipelineQuery): string {
    if (q.source.kind !== 'event') throw new Unexpressible(`a pipeline over a ${q.source.kind}`);
    this.rows = false;
    const lines = [this.convertEvent(q.source)];
    const col = (name: string) => this.field(name);
    for (const s of q.stages) {
      switch (s.kind) {
        case 'aggregate': {
          const fns: Record<string, (a: string) => string> = { count: () => 'count()', values: (a) => `make_set(${a})`, dc: (a) => `dcount(${a})`, min: (a) => `min(${a})`, max: (a) => `max(${a})`, sum: (a) => `sum(${a})`, avg: (a) => `avg(${a})` };
          const aggs = s.aggregates.map((a) => {
            const f = fns[a.fn];
            if (!f) throw new Unexpressible(`aggregate ${a.fn} has no KQL template`);
            return `['${a.name}'] = ${f(a.arg ? this.convertExpr(a.arg) : '')}`;
          });
          const by = s.groupBy.map((g) => `['${g.name}'] = ${this.convertExpr(g.expr)}`);
          if (s.windowMs !== undefined) {
            by.push(`window = bin(TimeGenerated, ${durationKql(s.windowMs)})`);
            this.notes.add('the sliding count window is written as fixed bins (bin(TimeGenerated, …)): a burst across a bin edge can be counted in two bins');
          }
          lines.push(`| summarize ${aggs.join(', ')}${by.length ? ` by ${by.join(', ')}` : ''}`);
          this.rows = true;
          break;
        }
        case 'filter': lines.push(`| where ${this.convertPredicate(twoValued(s.predicate, s.logic))}`); break;
        case 'rename': lines.push(`| project-rename ${s.pairs.map((p) => `['${p.to}'] = ${col(p.from)}`).join(', ')}`); break;
        case 'eval': {
          for (const a of s.assignments) {
            const e = a.expr;
            if (e.kind === 'call' && e.fn === 'spl.ctime' && e.args[0]?.kind === 'field') lines.push(`| extend ['${a.name}'] = format_datetime(${col(e.args[0].name)}, "yyyy-MM-ddTHH:mm:ss")`);
            else throw new Unexpressible('eval of a computed value has no KQL template');
          }
          break;
        }
        case 'project': lines.push(`| project ${s.fields.map(col).join(', ')}`); break;
        case 'head': lines.push(`| take ${s.n}`); break;
        default: throw new Unexpressible(`a ${s.kind} stage has no KQL template`);
      }
    }
    return lines.join('\n');
  }
}

/** KQL for a query, or why there is none; notes say where the KQL departs from dac's semantics. */
export function toKql(q: Parameters<KqlBackend['convertQuery']>[0]): { text: string; notes: string[] } | { unsupported: string } {
  // Sentinel's tables here are Windows ones (Sysmon, SecurityEvent, Event).
  const refused = nonWindowsSource(q, 'Sentinel', 'Sentinel table');
  if (refused) return { unsupported: refused };
  const b = new KqlBackend();
  try {
    const text = b.convertQuery(prepareQuery(q, BOOLEAN_TARGET()));
    return { text, notes: [...b.notes] };
  } catch (e) {
    if (e instanceof Unexpressible) return { unsupported: e.message };
    throw e;
  }
}
