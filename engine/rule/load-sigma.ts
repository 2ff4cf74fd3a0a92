/** Sigma rule or correlation YAML. The detection stays in `document`; the Sigma front-end reads it. */
import type { AttackMapping, Severity } from './model.ts';
import type { LoadContext, LoadResult } from './load-context.ts';
import { readTests } from './tests-list.ts';
import { authorList, list, str, strList } from '../source/values.ts';

/** `attack.t1053.005` → `T1053.005`; tactic tags (`attack.execution`) are checked from `tags`. */
export const SIGMA_TECHNIQUE_TAG = /^attack\.(t\d{4}(?:\.\d{3})?)$/i;

export function loadSigma(ctx: LoadContext): LoadResult {
  const doc = ctx.doc;
  const attack: AttackMapping[] = [];
  list(doc.tags).forEach((t, i) => {
    const m = typeof t === 'string' ? SIGMA_TECHNIQUE_TAG.exec(t) : null;
    if (m) attack.push({ technique: { id: m[1].toUpperCase(), path: ['tags', i] } });
  });
  const { tests, diagnostics } = readTests(doc, ctx.locate, ctx.file);
  const level = str(doc.level);
  return {
    diagnostics,
    rule: {
      file: ctx.file, source: ctx.source, docIndex: ctx.docIndex, dialect: 'sigma',
      id: str(doc.id) ?? '', name: str(doc.title) ?? '', description: str(doc.description) ?? '',
      severity: level as Severity | undefined, language: 'sigma', query: { kind: 'sigma', language: 'sigma' },
      attack, tests,
      references: strList(doc.references), tags: strList(doc.tags), authors: authorList(doc.author),
      falsePositives: strList(doc.falsepositives), document: doc, locate: ctx.locate,
    },
  };
}
