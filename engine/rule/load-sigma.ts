/** Sigma rule or correlation YAML. The detection stays in `document`; the Sigma front-end reads it. */
import type { AttackMapping, AttackTag, Severity } from './model.ts';
import type { LoadContext, LoadResult } from './load-context.ts';
import { readTests } from './tests-list.ts';
import { authorList, list, str, strList } from '../source/values.ts';

const TECHNIQUE_TAG = /^attack\.(t\d{4}(?:\.\d{3})?)$/i;
/** Groups, software, campaigns, data sources, mitigations: not checked as tactics or techniques. */
const OTHER_TAG = /^attack\.(g\d{4}|s\d{4}|c\d{4}|ds\d{4}|m\d{4})$/i;

/**
 * The one reading of Sigma's `attack.*` tags: `attack.t1053.005` → technique T1053.005; any other
 * `attack.x` that is no group/software is a tactic tag (or a malformed technique, `attack.t12`).
 * The ATT&CK checks, the harness and the exports all start from this.
 */
export function sigmaAttackTags(tags: unknown): { attack: AttackMapping[]; attackTags: AttackTag[] } {
  const attack: AttackMapping[] = [];
  const attackTags: AttackTag[] = [];
  list(tags).forEach((t, i) => {
    if (typeof t !== 'string' || !t.toLowerCase().startsWith('attack.') || OTHER_TAG.test(t)) return;
    const m = TECHNIQUE_TAG.exec(t);
    const name = t.slice(7);
    if (m) attack.push({ technique: { id: m[1].toUpperCase(), path: ['tags', i] } });
    else attackTags.push({ kind: /^t\d/i.test(name) ? 'malformed-technique' : 'tactic', name, path: ['tags', i] });
  });
  return { attack, attackTags };
}

export function loadSigma(ctx: LoadContext): LoadResult {
  const doc = ctx.doc;
  const { attack, attackTags } = sigmaAttackTags(doc.tags);
  const { tests, diagnostics } = readTests(doc, ctx.locate, ctx.file);
  const level = str(doc.level);
  return {
    diagnostics,
    rule: {
      file: ctx.file, source: ctx.source, docIndex: ctx.docIndex, dialect: 'sigma',
      id: str(doc.id) ?? '', name: str(doc.title) ?? '', description: str(doc.description) ?? '',
      severity: level as Severity | undefined, language: 'sigma', query: { kind: 'sigma', language: 'sigma' },
      attack, attackTags, tests,
      references: strList(doc.references), tags: strList(doc.tags), authors: authorList(doc.author),
      falsePositives: strList(doc.falsepositives), document: doc, locate: ctx.locate,
    },
  };
}
