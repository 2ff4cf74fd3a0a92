/** Splunk ESCU detection YAML (contentctl v5; v4 files load, with a migration warning from checks). */
import type { AttackMapping } from './model.ts';
import type { LoadContext, LoadResult } from './load-context.ts';
import { textQuery } from './load-context.ts';
import { readTests } from './tests-list.ts';
import { asRecord, authorList, list, num, str, strList } from '../source/values.ts';

/** v5 puts scores on rba.risk_objects; v4 had tags.risk_score. The highest is the rule's score. */
function riskScore(doc: Readonly<Record<string, unknown>>): number | undefined {
  const scores = list(asRecord(doc.rba)?.risk_objects).map((o) => num(asRecord(o)?.score)).filter((n): n is number => n !== undefined);
  if (scores.length > 0) return Math.max(...scores);
  return num(asRecord(doc.tags)?.risk_score);
}

export function loadEscu(ctx: LoadContext): LoadResult {
  const doc = ctx.doc;
  const tags = asRecord(doc.tags) ?? {};
  const attack: AttackMapping[] = [];
  list(tags.mitre_attack_id).forEach((id, i) => {
    if (typeof id === 'string') attack.push({ technique: { id, path: ['tags', 'mitre_attack_id', i] } });
  });
  const { tests, diagnostics } = readTests(doc, ctx.locate, ctx.file);
  const fp = str(doc.known_false_positives);
  return {
    diagnostics,
    rule: {
      file: ctx.file, source: ctx.source, docIndex: ctx.docIndex, dialect: 'escu',
      id: str(doc.id) ?? '', name: str(doc.name) ?? '', description: str(doc.description) ?? '',
      riskScore: riskScore(doc), language: 'spl',
      query: textQuery(ctx, 'spl', str(doc.search) ?? '', ['search']),
      attack, tests,
      references: strList(doc.references), tags: strList(tags.analytic_story), authors: authorList(doc.author),
      falsePositives: fp ? [fp] : [], document: doc, locate: ctx.locate,
    },
  };
}
