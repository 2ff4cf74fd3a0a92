/**
 * Sentinel target: one scheduled analytics rule per file, in the YAML layout of Azure-Sentinel's
 * Detections folder (id, name, description, severity, requiredDataConnectors, queryFrequency,
 * queryPeriod, triggerOperator, triggerThreshold, tactics, relevantTechniques, query,
 * entityMappings, version, kind). The query is KQL over the Sysmon parser (kql.ts).
 */
import { stringify } from 'yaml';
import type { AttackCatalogue } from '../attack/catalogue.ts';
import type { Expr, IrQuery } from '../ir/types.ts';
import { visitExpr } from '../ir/walk.ts';
import { fieldsUsed } from './fields-used.ts';
import { toKql } from './kql.ts';
import { isUuid, severityOf, stableUuid, techniqueIds, threat } from './meta.ts';
import { fileStem } from './prepare.ts';
import { ResultBuilder, ok, unsupported, type Converted, type ExportRule, type ExportTarget } from './types.ts';

/** Sentinel tactic names are the ATT&CK names without spaces (LateralMovement). */
const tacticName = (name: string) => name.replace(/[^A-Za-z]/g, '');

function isoDuration(ms: number): string {
  const h = Math.ceil(ms / 3_600_000);
  return h % 24 === 0 ? `${h / 24}d` : `${h}h`;
}

/** The look-back a query needs: an hour, or its window / maxspan if longer (runs overlap by that much). */
function period(q: IrQuery): number {
  const hour = 3_600_000;
  if (q.kind === 'sequence') return hour + (q.maxspanMs ?? 0);
  if (q.kind === 'pipeline') return Math.max(hour, ...q.stages.map((s) => (s.kind === 'aggregate' ? s.windowMs ?? 0 : 0)));
  return hour;
}

const HOST_FIELDS = new Set(['host.name', 'winlog.computer_name']);
function readsHost(e: Expr): boolean {
  let found = false;
  visitExpr(e, (x) => { if (x.kind === 'field' && HOST_FIELDS.has(x.name)) found = true; });
  return found;
}

function hostColumn(q: IrQuery): string | undefined {
  if (q.kind === 'event') return 'Computer';
  if (q.kind === 'sequence') return 'Computer1';
  if (q.kind === 'pipeline') {
    let name: string | undefined;
    for (const s of q.stages) {
      if (s.kind === 'aggregate') name = s.groupBy.find((g) => readsHost(g.expr))?.name;
      if (s.kind === 'rename' && name) name = s.pairs.find((p) => p.from === name)?.to ?? name;
    }
    return name;
  }
  return undefined;
}

export function toSentinel(er: ExportRule, attack: AttackCatalogue): Converted<string> {
  if (!er.query) return unsupported(`the rule does not compile: ${er.compileErrors.join('; ')}`);
  if (fieldsUsed(er.query).some((f) => f.startsWith('dce_rpc.'))) {
    return unsupported('dce_rpc.* fields (the RPC interface) have no Sentinel equivalent: Sysmon does not log DCE/RPC interfaces, so the Sysmon parser has no such column, and Sentinel has no built-in table for Zeek dce_rpc logs');
  }
  const kql = toKql(er.query);
  if ('unsupported' in kql) return unsupported(kql.unsupported);
  const r = er.rule;
  const sev = severityOf(r);
  const host = hostColumn(er.query);
  const doc = {
    id: isUuid(r.id) ? r.id.toLowerCase() : stableUuid(r.id),
    name: r.name,
    description: r.description,
    severity: sev === 'critical' ? 'High' : sev[0].toUpperCase() + sev.slice(1),
    requiredDataConnectors: [],
    queryFrequency: '1h',
    queryPeriod: isoDuration(period(er.query)),
    triggerOperator: 'gt',
    triggerThreshold: 0,
    tactics: [...new Set(threat(r, attack).map((t) => tacticName(t.tactic.name)))],
    relevantTechniques: techniqueIds(r),
    query: `${kql.text}\n`,
    ...(host ? { entityMappings: [{ entityType: 'Host', fieldMappings: [{ identifier: 'HostName', columnName: host }] }] } : {}),
    version: '1.0.0',
    kind: 'Scheduled',
  };
  const notes = [...kql.notes, 'requiredDataConnectors is empty: the query reads the Sysmon parser function over the Event table, which no single Sentinel connector id names'];
  if (!isUuid(r.id)) notes.push(`Sentinel ids are GUIDs: ${r.id} is written as ${doc.id}`);
  return ok(stringify(doc, { lineWidth: 0 }), notes);
}

export const sentinelTarget: ExportTarget = {
  name: 'sentinel',
  description: 'Microsoft Sentinel scheduled analytics rules (Azure-Sentinel Detections YAML), KQL over the Sysmon parser, one file per rule',
  shape: 'per-rule',
  run(ctx) {
    const out = new ResultBuilder();
    for (const er of ctx.rules) {
      const c = toSentinel(er, ctx.attack);
      if (!c.ok) { out.skip(er, c.unsupported); continue; }
      out.note(er, c.notes);
      out.file(er, fileStem(er.rule), '.yaml', c.value);
    }
    return out.result();
  },
};
