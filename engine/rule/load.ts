/**
 * One rule file's text → Rules (one per document) + diagnostics. The extension picks the parser,
 * the keys pick the dialect. Schema and semantic checks run later (validate.ts).
 */
import type { Diagnostic } from '../diag/diagnostic.ts';
import type { Rule } from './model.ts';
import { parseTomlSource } from '../source/toml-source.ts';
import { parseYamlSource, type ParsedSource } from '../source/yaml-source.ts';
import { recognise } from './dialect.ts';
import type { LoadContext, LoadResult } from './load-context.ts';
import { loadElastic } from './load-elastic.ts';
import { loadEscu } from './load-escu.ts';
import { loadCar } from './load-car.ts';
import { loadSigma } from './load-sigma.ts';
import type { Doc } from '../source/values.ts';

export interface LoadOptions {
  /** CAR: the implementation to run (name or type), overriding the file's `dac_implementation`. */
  readonly carImplementation?: string;
}

export interface LoadedSource {
  readonly rules: Rule[];
  /** Everything, file-level and per-rule (per-rule ones carry the rule's id when it has one). */
  readonly diagnostics: Diagnostic[];
  /** The loader's diagnostics for rules[i] (also included in `diagnostics`). */
  readonly perRule: Diagnostic[][];
}

export function isRuleFileName(file: string): boolean {
  return /\.(toml|ya?ml)$/i.test(file);
}

export function loadRuleSource(text: string, file: string, options: LoadOptions = {}): LoadedSource {
  const diagnostics: Diagnostic[] = [];
  if (!isRuleFileName(file)) {
    return { rules: [], perRule: [], diagnostics: [{ code: 'rule/unsupported-extension', severity: 'error', file, message: 'rule files end in .toml, .yml or .yaml' }] };
  }
  const parsed: ParsedSource = /\.toml$/i.test(file) ? parseTomlSource(text, file) : parseYamlSource(text, file);
  diagnostics.push(...parsed.diagnostics);
  if (parsed.docs.length === 0 && parsed.diagnostics.length === 0) {
    diagnostics.push({ code: 'rule/empty-file', severity: 'error', file, span: { start: 0, end: 0 }, message: 'the file holds no rule' });
  }
  const rules: Rule[] = [];
  const perRule: Diagnostic[][] = [];
  parsed.docs.forEach((d, docIndex) => {
    const r = recognise(d.value);
    if (!r.ok) {
      const code = r.closest === undefined && (d.value === null || typeof d.value !== 'object' || Array.isArray(d.value)) ? 'rule/not-a-mapping' : 'rule/unknown-dialect';
      diagnostics.push({ code, severity: 'error', file, span: { start: d.span.start, end: Math.min(d.span.end, d.span.start + 1) }, message: r.message });
      return;
    }
    const ctx: LoadContext = { file, source: text, docIndex, doc: d.value as Doc, locate: d.locate };
    let res: LoadResult;
    switch (r.dialect) {
      case 'elastic': res = loadElastic(ctx); break;
      case 'escu': res = loadEscu(ctx); break;
      case 'car': res = loadCar(ctx, options.carImplementation); break;
      case 'sigma': res = loadSigma(ctx); break;
    }
    const own = res.diagnostics.map((x) => (x.ruleId || !res.rule.id ? x : { ...x, ruleId: res.rule.id }));
    rules.push(res.rule);
    perRule.push(own);
    diagnostics.push(...own);
  });
  return { rules, diagnostics, perRule };
}
