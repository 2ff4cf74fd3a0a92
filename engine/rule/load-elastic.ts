/** Elastic detection-rules TOML: `[metadata]`, `[rule]`, `[[rule.threat]]`, plus dac's `[[tests]]`. */
import type { AttackMapping, Language, Severity } from './model.ts';
import type { LoadContext, LoadResult } from './load-context.ts';
import { textQuery } from './load-context.ts';
import { readTests } from './tests-list.ts';
import { asRecord, list, num, str, strList } from '../source/values.ts';

const LANGUAGES: Readonly<Record<string, Language>> = { eql: 'eql', kuery: 'kuery' };

function threatMappings(rule: Readonly<Record<string, unknown>>): AttackMapping[] {
  const out: AttackMapping[] = [];
  list(rule.threat).forEach((t, i) => {
    const threat = asRecord(t);
    if (!threat) return;
    const tac = asRecord(threat.tactic);
    const tactic = tac ? { id: str(tac.id), name: str(tac.name), path: ['rule', 'threat', i, 'tactic'] } : undefined;
    list(threat.technique).forEach((x, j) => {
      const tech = asRecord(x);
      const id = str(tech?.id);
      if (!tech || id === undefined) return;
      const path = ['rule', 'threat', i, 'technique', j];
      out.push({ tactic, technique: { id, name: str(tech.name), path } });
      list(tech.subtechnique).forEach((s, k) => {
        const sub = asRecord(s);
        const sid = str(sub?.id);
        if (!sub || sid === undefined) return;
        out.push({ tactic, technique: { id: sid, name: str(sub.name), path: [...path, 'subtechnique', k] }, parent: { id, path } });
      });
    });
  });
  return out;
}

export function loadElastic(ctx: LoadContext): LoadResult {
  const rule = asRecord(ctx.doc.rule) ?? {};
  const { tests, diagnostics } = readTests(ctx.doc, ctx.locate, ctx.file);
  const language = LANGUAGES[str(rule.language) ?? ''] ?? 'kuery';
  const severity = str(rule.severity) as Severity | undefined;
  return {
    diagnostics,
    rule: {
      file: ctx.file, source: ctx.source, docIndex: ctx.docIndex, dialect: 'elastic',
      id: str(rule.rule_id) ?? '', name: str(rule.name) ?? '', description: str(rule.description) ?? '',
      severity, riskScore: num(rule.risk_score), language,
      query: textQuery(ctx, language === 'eql' ? 'eql' : 'kuery', str(rule.query) ?? '', ['rule', 'query']),
      attack: threatMappings(rule), tests,
      references: strList(rule.references), tags: strList(rule.tags), authors: strList(rule.author),
      falsePositives: strList(rule.false_positives), document: ctx.doc, locate: ctx.locate,
    },
  };
}
