/**
 * Rule metadata every back-end needs in one shape: ATT&CK (tactic → techniques, with names from
 * the catalogue), severity, risk score, dates. Targets format these; they never re-read the file.
 */
import { createHash } from 'node:crypto';
import type { AttackCatalogue, Tactic } from '../attack/catalogue.ts';
import type { Rule, Severity } from '../rule/model.ts';

export interface TechniqueRef { readonly id: string; readonly name: string; readonly parent?: { readonly id: string; readonly name: string } }
export interface ThreatEntry { readonly tactic: Tactic; readonly techniques: readonly TechniqueRef[] }

export const techniqueUrl = (id: string): string => `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`;
export const tacticUrl = (id: string): string => `https://attack.mitre.org/tactics/${id}/`;

/** Tactics for a technique: the rule's own pairing, else its Sigma tactic tags that fit, else every tactic ATT&CK lists. */
export function threat(rule: Rule, attack: AttackCatalogue): ThreatEntry[] {
  const tagTactics = (rule.attackTags ?? []).filter((t) => t.kind === 'tactic').map((t) => attack.tacticByShortname(t.name)?.id).filter((x): x is string => Boolean(x));
  const byTactic = new Map<string, TechniqueRef[]>();
  for (const m of rule.attack) {
    const t = attack.technique(m.technique.id);
    const id = m.technique.id.toUpperCase();
    const parentId = id.includes('.') ? id.split('.')[0] : undefined;
    const ref: TechniqueRef = {
      id, name: t?.name ?? m.technique.name ?? id,
      ...(parentId ? { parent: { id: parentId, name: attack.technique(parentId)?.name ?? parentId } } : {}),
    };
    const own = m.tactic?.id ? [m.tactic.id] : m.tactic?.name ? [attack.tacticByShortname(m.tactic.name.replace(/ /g, '-'))?.id].filter((x): x is string => Boolean(x)) : [];
    const listed = (t?.tactics ?? []).map((s) => attack.tacticByShortname(s)?.id).filter((x): x is string => Boolean(x));
    const fromTags = tagTactics.filter((x) => listed.includes(x));
    const tactics = own.length ? own : fromTags.length ? fromTags : listed;
    for (const tac of tactics) {
      const list = byTactic.get(tac) ?? [];
      if (!list.some((r) => r.id === ref.id)) list.push(ref);
      byTactic.set(tac, list);
    }
  }
  const out: ThreatEntry[] = [];
  for (const [id, techniques] of byTactic) {
    const tactic = attack.tactic(id);
    if (tactic) out.push({ tactic, techniques });
  }
  return out;
}

/** Every technique id the rule maps to, sub-techniques included, sorted. */
export function techniqueIds(rule: Rule): string[] {
  return [...new Set(rule.attack.map((m) => m.technique.id.toUpperCase()))].sort();
}

/** Severity: the rule's own, else from its risk score (Elastic's bands), else medium. */
export function severityOf(rule: Rule): Severity {
  if (rule.severity) return rule.severity;
  const r = rule.riskScore;
  if (r === undefined) return 'medium';
  return r >= 99 ? 'critical' : r >= 73 ? 'high' : r >= 47 ? 'medium' : r >= 21 ? 'low' : 'informational';
}

export function riskScoreOf(rule: Rule): number {
  if (rule.riskScore !== undefined) return rule.riskScore;
  return { informational: 21, low: 21, medium: 47, high: 73, critical: 99 }[severityOf(rule)];
}

/** A date as YYYY-MM-DD from the formats rule files use (2020/11/20, 2024-09-30, Date). */
export function isoDate(v: unknown): string | undefined {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4})[-/](\d{2})[-/](\d{2})/.exec(v);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** A deterministic UUID (version-5 layout, SHA-1 of a namespace string) for ids a target requires as UUIDs. */
export function stableUuid(seed: string): string {
  const h = createHash('sha1').update(`dac:${seed}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const isUuid = (s: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
