/**
 * MITRE CAR analytic YAML. A CAR analytic lists several implementations; dac runs exactly one,
 * chosen by the optional top-level `dac_implementation` (an implementation's name or type,
 * case-insensitive), default the pseudocode one. Its type sets the language dac compiles.
 */
import type { Diagnostic } from '../diag/diagnostic.ts';
import type { AttackMapping, Language } from './model.ts';
import type { LoadContext, LoadResult } from './load-context.ts';
import { textQuery } from './load-context.ts';
import { readTests } from './tests-list.ts';
import { asRecord, authorList, list, str, strList } from '../source/values.ts';

export const CAR_CHOICE_KEY = 'dac_implementation';

/** Implementation types dac can compile, by lower-cased CAR `type`. */
const RUNNABLE: Readonly<Record<string, Exclude<Language, 'sigma' | 'kuery' | 'esql' | 'lucene' | 'none'>>> = { pseudocode: 'car', eql: 'eql', splunk: 'spl', spl: 'spl' };

function coverage(doc: Readonly<Record<string, unknown>>): AttackMapping[] {
  const out: AttackMapping[] = [];
  list(doc.coverage).forEach((c, i) => {
    const cov = asRecord(c);
    const id = str(cov?.technique);
    if (!cov || id === undefined) return;
    const path = ['coverage', i, 'technique'];
    const tactics = list(cov.tactics).map((t, k) => (typeof t === 'string' ? { id: t, path: ['coverage', i, 'tactics', k] } : undefined));
    const each = tactics.length > 0 ? tactics : [undefined];
    for (const tactic of each) {
      out.push({ tactic, technique: { id, path } });
      list(cov.subtechniques).forEach((s, k) => {
        if (typeof s === 'string') out.push({ tactic, technique: { id: s, path: ['coverage', i, 'subtechniques', k] }, parent: { id, path } });
      });
    }
  });
  return out;
}

export function loadCar(ctx: LoadContext, choice?: string): LoadResult {
  const doc = ctx.doc;
  const want = (choice ?? str(doc[CAR_CHOICE_KEY]) ?? 'pseudocode').toLowerCase();
  const impls = list(doc.implementations).map((x) => asRecord(x));
  let idx = impls.findIndex((m) => str(m?.name)?.toLowerCase() === want);
  if (idx < 0) idx = impls.findIndex((m) => str(m?.type)?.toLowerCase() === want);
  const { tests, diagnostics } = readTests(doc, ctx.locate, ctx.file);
  const diags: Diagnostic[] = [...diagnostics];
  const impl = idx >= 0 ? impls[idx] : undefined;
  const type = str(impl?.type)?.toLowerCase() ?? '';
  const language = RUNNABLE[type];
  if (!impl) {
    diags.push({
      code: 'rule/car-no-implementation', severity: 'error', file: ctx.file, span: ctx.locate(['implementations'], 'key'),
      message: `no implementation named or typed '${want}' (found: ${impls.map((m) => str(m?.type) ?? '?').join(', ') || 'none'})`,
      hint: `set ${CAR_CHOICE_KEY} to one of the implementations' names or types`,
    });
  } else if (!language) {
    diags.push({
      code: 'rule/car-not-runnable', severity: 'error', file: ctx.file, span: ctx.locate(['implementations', idx, 'type']),
      message: `implementation type '${str(impl.type)}' is not one dac runs (pseudocode, EQL, Splunk)`,
    });
  }
  const lang = language ?? 'car';
  const codePath = ['implementations', Math.max(0, idx), 'code'];
  return {
    diagnostics: diags,
    rule: {
      file: ctx.file, source: ctx.source, docIndex: ctx.docIndex, dialect: 'car',
      id: str(doc.id) ?? '', name: str(doc.title) ?? '', description: str(doc.description) ?? '',
      language: lang, query: textQuery(ctx, lang, str(impl?.code) ?? '', codePath),
      attack: coverage(doc), tests,
      references: strList(doc.references), tags: strList(doc.analytic_types), authors: authorList(doc.contributors),
      falsePositives: [], document: doc, locate: ctx.locate,
    },
  };
}
