/**
 * Builds the export context from a repo on disk: load and compile every rule once (through the
 * same front-ends the harness uses), the ATT&CK catalogue, and reports/report.json if present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attackCatalogue } from '../attack/catalogue.ts';
import { isError } from '../diag/diagnostic.ts';
import type { RunReport } from '../harness/types.ts';
import { frontEndFor } from '../lang/registry.ts';
import type { CompileEnv, CompileResult } from '../lang/types.ts';
import type { Rule } from '../rule/model.ts';
import { validateRepo } from '../validate/validate-repo.ts';
import type { ExportContext, ExportRule } from './types.ts';

/** `precompiled`: validation's compile results (made with the same `env`); a rule missing there is compiled here. */
export function compileForExport(rules: readonly Rule[], env: CompileEnv, precompiled?: ReadonlyMap<Rule, CompileResult>): ExportRule[] {
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
  // Sigma correlations refer to rules elsewhere in the repo: index the whole repo when paths narrow it.
  const v = validateRepo(root, paths, { indexWholeRepo: true });
  const report = readReport(root);
  return { rules: compileForExport(v.rules, v.env, v.compiled), macros: v.macros, attack: attackCatalogue(), ...(report ? { report } : {}) };
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
