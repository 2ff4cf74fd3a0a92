/**
 * Elastic target: Kibana detection-rule NDJSON (one rule object per line, as Kibana's rule export
 * writes and "Import rules" reads). EQL rules keep the query as written (it is the Rule model's
 * query text) and the TOML's [rule] metadata; rules in other languages get EQL printed from the IR
 * (null logic made explicit, see two-valued.ts) and metadata from the Rule model. Aggregations have
 * no EQL form (Kibana's threshold rules take KQL, which dac does not write): reported unsupported.
 */
import type { AttackCatalogue } from '../attack/catalogue.ts';
import { withoutNumberTwins } from '../ir/canonical.ts';
import { ECS_FIELDS } from '../ir/fields.ts';
import { inlineSources } from '../ir/source.ts';
import type { IrQuery, NullLogic, Predicate, SequenceStep } from '../ir/types.ts';
import { printEql } from '../lang/eql/print.ts';
import { fieldsUsed } from './fields-used.ts';
import { riskScoreOf, severityOf, tacticUrl, techniqueUrl, threat } from './meta.ts';
import type { Severity } from '../rule/model.ts';
import { kibanaFromToml } from './kibana/from-toml.ts';
import { requiredFields } from './kibana/integrations.ts';
import { kleeneOf } from './two-valued.ts';
import { ResultBuilder, ok, unsupported, type Converted, type ExportContext, type ExportRule, type ExportTarget } from './types.ts';

type Obj = Record<string, unknown>;

const WINDOWS_INDEX = ['winlogbeat-*', 'logs-windows.sysmon_operational-*', 'logs-system.security-*'];
const ZEEK_INDEX = ['logs-zeek.dce_rpc-*', 'filebeat-*'];

/** Tests EQL writes another way: case-insensitive equality is `:`, a CIDR test is cidrMatch(). */
function eqlForms(p: Predicate): Predicate {
  switch (p.kind) {
    case 'and': case 'or': return { kind: p.kind, args: p.args.map(eqlForms) };
    case 'not': return { kind: 'not', arg: eqlForms(p.arg) };
    case 'in': {
      // Sigma lists an event code as "3" and 3 (for sources that store numbers); EQL rejects mixed
      // lists. On a keyword field only the string can occur, so the number twin is dropped.
      if (p.left.kind !== 'field' || ECS_FIELDS[p.left.name] !== 'keyword') return p;
      const values = withoutNumberTwins(p.values);
      return values.length === p.values.length ? p : { ...p, values };
    }
    case 'cidr': return { kind: 'truthy', expr: { kind: 'call', fn: 'eql.cidrMatch', args: [p.left, ...p.cidrs.map((c) => ({ kind: 'literal' as const, value: c }))], caseInsensitive: false } };
    case 'compare': {
      if (!p.caseInsensitive || (p.op !== '==' && p.op !== '!=') || p.right.kind !== 'literal' || typeof p.right.value !== 'string') return p;
      const g: Predicate = { kind: 'glob', left: p.left, patterns: [[{ kind: 'lit', text: p.right.value }]], caseInsensitive: true };
      return p.op === '==' ? g : { kind: 'not', arg: g };
    }
    default: return p;
  }
}

const kleene = (p: Predicate, logic: NullLogic): Predicate => eqlForms(kleeneOf(p, logic));

/** The IR with every filter in Kleene form, so EQL's three-valued logic reads it as written. */
function forEql(q0: IrQuery): IrQuery {
  // A source EQL has no name for (a Sigma log source, a CAR object) is written as its selection.
  const q = inlineSources(q0, (o) => o.lang === 'eql');
  const step = (s: SequenceStep): SequenceStep => ({ ...s, filter: { ...s.filter, filter: kleene(s.filter.filter, s.filter.logic), logic: 'kleene' } });
  switch (q.kind) {
    case 'event': return { ...q, filter: kleene(q.filter, q.logic), logic: 'kleene' };
    case 'sequence': return { ...q, steps: q.steps.map(step), ...(q.until ? { until: step(q.until) } : {}) };
    case 'sample': return { ...q, steps: q.steps.map(step) };
    case 'pipeline': return { ...q, source: forEql(q.source) as typeof q.source };
  }
}

/** EQL text for a rule: its own for EQL rules, else printed from the IR; or why it has none. */
export function toEql(er: ExportRule): Converted<string> {
  if (!er.query) return unsupported(`the rule does not compile: ${er.compileErrors.join('; ')}`);
  if (er.rule.query.kind === 'text' && er.rule.query.language === 'eql') return ok(er.rule.query.text.trim());
  const q = er.query;
  if (q.kind === 'pipeline' && q.stages.some((s) => s.kind !== 'head' && s.kind !== 'tail')) {
    return unsupported(`EQL has no ${q.stages.find((s) => s.kind !== 'head' && s.kind !== 'tail')!.kind} stage; a Kibana threshold rule would need KQL, which dac does not write`);
  }
  try {
    return ok(printEql(forEql(q)));
  } catch (e) {
    return unsupported(`no EQL form: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const DAC_ONLY = ['dce_rpc.'];

/** Typed from ECS (kibana/catalogue.json); names outside it keep dac's own type for them, else `unknown`. */
function requiredFieldsOf(q: IrQuery): Obj[] {
  return requiredFields(fieldsUsed(q)).map((f) => ({ ...f, type: f.type === 'unknown' ? ECS_FIELDS[f.name] ?? 'unknown' : f.type }));
}

function threatOf(er: ExportRule, attack: AttackCatalogue): Obj[] {
  return threat(er.rule, attack).map((t) => {
    const parents = new Map<string, { id: string; name: string; subs: { id: string; name: string }[] }>();
    for (const tech of t.techniques) {
      const top = tech.parent ?? { id: tech.id, name: tech.name };
      const entry = parents.get(top.id) ?? { ...top, subs: [] };
      if (tech.parent) entry.subs.push({ id: tech.id, name: tech.name });
      parents.set(top.id, entry);
    }
    return {
      framework: 'MITRE ATT&CK',
      tactic: { id: t.tactic.id, name: t.tactic.name, reference: tacticUrl(t.tactic.id) },
      technique: [...parents.values()].map((p) => ({
        id: p.id, name: p.name, reference: techniqueUrl(p.id),
        ...(p.subs.length ? { subtechnique: p.subs.map((s) => ({ id: s.id, name: s.name, reference: techniqueUrl(s.id) })) } : {}),
      })),
    };
  });
}

/** Kibana's severity enum has no `informational` (Sigma's lowest level): it becomes low, as its risk band. */
const kibanaSeverity = (s: Severity): Exclude<Severity, 'informational'> => (s === 'informational' ? 'low' : s);

/**
 * The Kibana rule object for one rule. Elastic TOML rules are exported as detection-rules exports
 * them (kibana/from-toml.ts), whatever their type; other dialects become EQL rules printed from the IR.
 */
export function toKibanaRule(er: ExportRule, attack: AttackCatalogue, lockedVersion?: number): Converted<Obj> {
  if (er.rule.dialect === 'elastic') {
    const t = kibanaFromToml(er.rule, er.query, lockedVersion);
    return ok(t.value, t.notes);
  }
  const eql = toEql(er);
  if (!eql.ok) return eql;
  const rule = er.rule;
  const notes: string[] = [];
  const fields = requiredFieldsOf(er.query!);
  const dacOnly = fields.filter((f) => DAC_ONLY.some((p) => (f.name as string).startsWith(p))).map((f) => f.name);
  if (dacOnly.length) notes.push(`fields ${dacOnly.join(', ')} are dac's DCE/RPC fields: no ECS field holds them (Elastic's Zeek integration has zeek.dce_rpc.endpoint/operation); the index must carry them under these names`);
  const index = dacOnly.length ? ZEEK_INDEX : WINDOWS_INDEX;
  const obj: Obj = {
    author: [...rule.authors],
    description: rule.description,
    enabled: false,
    false_positives: [...rule.falsePositives],
    from: 'now-9m',
    index,
    interval: '5m',
    language: 'eql',
    license: typeof rule.document.license === 'string' ? rule.document.license : '',
    max_signals: 100,
    name: rule.name,
    query: eql.value,
    references: [...rule.references],
    required_fields: fields,
    risk_score: riskScoreOf(rule),
    risk_score_mapping: [],
    rule_id: rule.id,
    severity: kibanaSeverity(severityOf(rule)),
    severity_mapping: [],
    tags: [...rule.tags],
    threat: threatOf(er, attack),
    to: 'now',
    type: 'eql',
    version: typeof rule.document.version === 'number' ? rule.document.version : 1,
  };
  return ok(obj, notes);
}

export const elasticTarget: ExportTarget = {
  name: 'elastic',
  description: 'Kibana detection rules as NDJSON (Security → Rules → Import rules), one bundle file',
  shape: 'bundle',
  run(ctx: ExportContext) {
    const out = new ResultBuilder();
    const lines: string[] = [];
    for (const er of ctx.rules) {
      const c = toKibanaRule(er, ctx.attack, ctx.versionLock?.get(er.rule.id));
      if (!c.ok) { out.skip(er, c.unsupported); continue; }
      out.note(er, c.notes);
      lines.push(JSON.stringify(c.value));
    }
    out.artefacts.push({ path: 'rules.ndjson', content: lines.length ? `${lines.join('\n')}\n` : '' });
    return out.result();
  },
};
