/**
 * Builds the export context from a repo on disk: load and compile every rule once (through the
 * same front-ends the harness uses), the ATT&CK catalogue, and reports/report.json if present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attackCatalogue } from '../attack/catalogue.ts';
import { isError } from '../diag/diagnostic.ts';
import type { RunReport } from '../harness/types.ts';
import { ECS_CATALOG } from '../ir/fields.ts';
import { frontEndFor } from '../lang/registry.ts';
import type { CompileEnv, CompileResult } from '../lang/types.ts';
import type { MacroDefinition, Rule } from '../rule/model.ts';
import { ruleIndex, validateRepo } from '../validate/validate-repo.ts';
import type { ExportContext, ExportRule } from './types.ts';

/** `precompiled`: validation's compile results, reused when they were made with the same rule index. */
export function compileForExport(rules: readonly Rule[], macros: ReadonlyMap<string, MacroDefinition>, allRules: readonly Rule[] = rules, precompiled?: ReadonlyMap<Rule, CompileResult>): ExportRule[] {
  const env: CompileEnv = { fields: ECS_CATALOG, macros, repo: ruleIndex(allRules) };
  return rules.map((rule) => {
    const fe = frontEndFor(rule.language);
    if (!fe) return { rule, compileErrors: [`dac has no front-end for ${rule.language}`] };
    const c = precompiled?.get(rule) ?? fe.compileRule(rule, env);
    const errors = c.diagnostics.filter(isError).map((d) => d.message);
    return c.query && !errors.length ? { rule, query: c.query, compileErrors: [] } : { rule, compileErrors: errors.length ? errors : ['no query'] };
  });
}

export function readReport(root: string): RunReport | undefined {
  const p = join(root, 'reports', 'report.json');
  if (!existsSync(p)) return undefined;
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as RunReport;
  } catch {
    return undefined;
  }
}

export function exportContext(root: string, paths?: readonly string[]): ExportContext {
  const v = validateRepo(root, paths);
  // Sigma correlations refer to rules elsewhere in the repo: index the whole repo when paths narrow it.
  const all = paths?.length ? validateRepo(root).rules : v.rules;
  const report = readReport(root);
  // Validation compiled every rule against the same index unless paths narrowed it.
  const rules = compileForExport(v.rules, v.macros, all, paths?.length ? undefined : v.compiled);
  return { rules, macros: v.macros, attack: attackCatalogue(), ...(report ? { report } : {}) };
}

/** The document a rule was written as, minus `tests` (exports never carry dac's test cases). */
export function withoutTests(doc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { tests: _tests, ...rest } = doc;
  return rest;
}

/** File-name stem for a rule: its id, made safe. */
export function fileStem(r: Rule): string {
  return (r.id || r.name || 'rule').replace(/[^A-Za-z0-9._-]+/g, '_');
}
