/**
 * Elastic detection-rules TOML: `[metadata]`, `[rule]`, `[[rule.threat]]`, `[transform]`, plus
 * dac's `[[tests]]`. Every rule type loads (query, saved_query, eql, esql, threshold, new_terms,
 * machine_learning, threat_match); the whole document is kept in `document` for the exports.
 */
import type { AttackMapping, ExternalRequirement, Language, RuleQuery, Severity } from './model.ts';
import type { LoadContext, LoadResult } from './load-context.ts';
import { textQuery } from './load-context.ts';
import { readTests } from './tests-list.ts';
import { asRecord, list, num, str, strList } from '../source/values.ts';

type QueryLanguage = Exclude<Language, 'sigma' | 'none' | 'spl' | 'car'>;
const LANGUAGES: ReadonlyMap<string, QueryLanguage> = new Map([['eql', 'eql'], ['kuery', 'kuery'], ['esql', 'esql'], ['lucene', 'lucene']]);

/**
 * The rule's language as written; when absent, the one its type implies (detection-rules: eql and
 * esql rules have one language, the other query types default to kuery). An unknown language is
 * the schema's error; the query is then compiled as nothing rather than relabelled.
 */
function languageOf(rule: Readonly<Record<string, unknown>>): QueryLanguage | 'none' {
  const type = str(rule.type);
  if (type === 'machine_learning') return 'none';
  const written = str(rule.language);
  if (written !== undefined) return LANGUAGES.get(written) ?? 'none';
  if (type === 'eql' || type === 'esql') return type;
  return rule.query === undefined ? 'none' : 'kuery';
}

function requirement(rule: Readonly<Record<string, unknown>>): ExternalRequirement | undefined {
  const type = str(rule.type);
  if (type === 'machine_learning') {
    const job = rule.machine_learning_job_id;
    return { kind: 'ml-job', jobs: typeof job === 'string' ? [job] : strList(job) };
  }
  if (type === 'threat_match') return { kind: 'indicator-index', indices: strList(rule.threat_index) };
  return undefined;
}

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
  const language = languageOf(rule);
  const severity = str(rule.severity) as Severity | undefined;
  const query: RuleQuery = language === 'none'
    ? { kind: 'none', language: 'none' }
    : textQuery(ctx, language, str(rule.query) ?? '', ['rule', 'query']);
  const requires = requirement(rule);
  return {
    diagnostics,
    rule: {
      file: ctx.file, source: ctx.source, docIndex: ctx.docIndex, dialect: 'elastic',
      id: str(rule.rule_id) ?? '', name: str(rule.name) ?? '', description: str(rule.description) ?? '',
      severity, riskScore: num(rule.risk_score), language,
      query, ...(requires ? { requires } : {}),
      attack: threatMappings(rule), tests,
      references: strList(rule.references), tags: strList(rule.tags), authors: strList(rule.author),
      falsePositives: strList(rule.false_positives), document: ctx.doc, locate: ctx.locate,
    },
  };
}
