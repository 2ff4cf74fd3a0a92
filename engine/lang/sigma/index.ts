/**
 * The Sigma front-end: a rule document (detection or correlation) → IR. `compileText` takes a
 * whole Sigma file (for `dac run --language sigma rule.yml`): its correlation if it has one (the
 * rules it references are in the file or the repo), else its detection rules OR'ed.
 */
import type { Diagnostic } from '../../diag/diagnostic.ts';
import { effectiveFilter } from '../../ir/source.ts';
import type { IrQuery, Predicate } from '../../ir/types.ts';
import type { Rule, RuleIndex } from '../../rule/model.ts';
import { parseYamlSource } from '../../source/yaml-source.ts';
import type { CompileEnv, CompileResult, FrontEnd } from '../types.ts';
import { sigmaDiag } from './codes.ts';
import { compileCorrelationDoc } from './correlation.ts';
import { compileDetectionDoc, isMap, type SigmaDoc } from './rule-to-ir.ts';

export { MODIFIERS } from './modifiers.ts';

const isCorrelation = (d: SigmaDoc): boolean => isMap(d.value) && 'correlation' in d.value;

/** Compiles one document of a file; `siblings` are all the file's documents (for correlations). */
export function compileSigmaDoc(doc: SigmaDoc, siblings: readonly SigmaDoc[], env: CompileEnv): CompileResult {
  if (isCorrelation(doc)) return compileCorrelationDoc(doc, { siblings, ...(env.repo ? { repo: env.repo } : {}), ...(env.placeholders ? { placeholders: env.placeholders } : {}) });
  return compileDetectionDoc(doc, env.placeholders);
}

function ruleDoc(rule: Rule): SigmaDoc {
  return { value: rule.document, locate: rule.locate, source: rule.source, file: rule.file };
}

function withRuleId(ds: readonly Diagnostic[], ruleId: string): Diagnostic[] {
  return ds.map((d) => (d.ruleId ? d : { ...d, ruleId }));
}

export function compileSigmaRule(rule: Rule, env: CompileEnv): CompileResult {
  const siblings = env.repo?.rules.filter((r) => r.file === rule.file && r.language === 'sigma').map(ruleDoc) ?? [];
  const r = compileSigmaDoc(ruleDoc(rule), siblings, env);
  return { ...(r.query ? { query: r.query } : {}), diagnostics: withRuleId(r.diagnostics, rule.id) };
}

export function compileSigmaText(text: string, origin: string, env: CompileEnv): CompileResult {
  const parsed = parseYamlSource(text, origin);
  const docs: SigmaDoc[] = parsed.docs.map((d) => ({ value: d.value, locate: d.locate, source: text, file: origin }));
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  if (!docs.length) {
    diagnostics.push(sigmaDiag('not-a-rule', 'the file holds no Sigma rule', origin));
    return { diagnostics };
  }
  const correlations = docs.filter(isCorrelation);
  if (correlations.length) {
    const r = compileSigmaDoc(correlations[correlations.length - 1], docs, env);
    return { ...(r.query ? { query: r.query } : {}), diagnostics: [...diagnostics, ...r.diagnostics] };
  }
  const results = docs.map((d) => compileSigmaDoc(d, docs, env));
  for (const r of results) diagnostics.push(...r.diagnostics);
  if (results.some((r) => !r.query)) return { diagnostics };
  const queries = results.map((r) => r.query as IrQuery);
  if (queries.length === 1) return { query: queries[0], diagnostics };
  const filters: Predicate[] = queries.flatMap((q) => (q.kind === 'event' ? [effectiveFilter(q)] : []));
  return { query: { kind: 'event', filter: { kind: 'or', args: filters }, logic: 'boolean' }, diagnostics };
}

/**
 * Whether a loaded Sigma rule raises alerts of its own: a detection rule referenced by a
 * correlation does not, unless that correlation says `generate: true` (Sigma specification).
 */
export function sigmaRuleAlerts(rule: Rule, repo: RuleIndex): boolean {
  if (rule.language !== 'sigma' || 'correlation' in rule.document) return true;
  const doc = rule.document;
  for (const r of repo.rules) {
    const c = r.language === 'sigma' ? r.document.correlation : undefined;
    if (!isMap(c) || !Array.isArray(c.rules)) continue;
    const refs = c.rules.map(String);
    if ((refs.includes(String(doc.name)) || refs.includes(rule.id)) && c.generate !== true) return false;
  }
  return true;
}

export const frontEnd: FrontEnd = {
  language: 'sigma',
  compileRule: compileSigmaRule,
  compileText: compileSigmaText,
  raisesAlerts: sigmaRuleAlerts,
};
