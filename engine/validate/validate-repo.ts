/**
 * Validation of a rule repo: load, then every check on every rule, then the cross-rule checks.
 * A rule is valid when none of its diagnostics is an error. The result is the validated repo the
 * harness and the exports start from: rules, diagnostics, the compile environment and each rule's
 * compile result, so neither compiles again nor builds an environment of its own.
 */
import { resolve } from 'node:path';
import type { Diagnostic } from '../diag/diagnostic.ts';
import { isError } from '../diag/diagnostic.ts';
import type { CompileEnv, CompileResult } from '../lang/types.ts';
import type { MacroDefinition, Rule } from '../rule/model.ts';
import type { LoadOptions } from '../rule/load.ts';
import { listDatasets } from '../events/dataset.ts';
import { loadRepo } from '../rule/repo.ts';
import { defaultChecks, type CheckContext } from './checks/index.ts';
import { compileEnv } from './compile.ts';

export interface RuleResult {
  readonly rule: Rule;
  /** Sorted by position in the file. */
  readonly diagnostics: Diagnostic[];
  readonly valid: boolean;
}

export interface RepoValidation {
  readonly root: string;
  readonly rules: Rule[];
  readonly results: RuleResult[];
  /** Problems not owned by a loaded rule (syntax errors, unknown dialects, macros, missing paths). */
  readonly fileDiagnostics: Diagnostic[];
  readonly macros: Map<string, MacroDefinition>;
  readonly sources: Map<string, string>;
  /** The one compile environment of the run: the harness and the exports compile with it. */
  readonly env: CompileEnv;
  /** Each rule's compile result from the compile check (absent where it did not compile, e.g. an empty query). */
  readonly compiled: ReadonlyMap<Rule, CompileResult>;
}

export interface ValidateOptions extends LoadOptions {
  /** Overrides for the compile environment (placeholders, EQL dialect). */
  readonly env?: Partial<CompileEnv>;
  /**
   * Index every rule of the repo for cross-rule references (Sigma correlations) even when `paths`
   * narrow the rules validated; the exports want this, so a narrowed export compiles as a whole one.
   */
  readonly indexWholeRepo?: boolean;
}

const byPosition = (a: Diagnostic, b: Diagnostic): number => (a.span?.start ?? -1) - (b.span?.start ?? -1) || a.code.localeCompare(b.code);

export function validateRepo(root: string, paths?: readonly string[], options: ValidateOptions = {}): RepoValidation {
  const absRoot = resolve(root);
  const repo = loadRepo(absRoot, paths, options);
  const indexed = options.indexWholeRepo && paths?.length ? loadRepo(absRoot, undefined, options).rules : repo.rules;
  const env = compileEnv(indexed, repo.macros, options.env);
  const compiled = new Map<Rule, CompileResult>();
  const ctx: CheckContext = { root: absRoot, env, compiled };
  const checks = defaultChecks();
  const perRule = new Map<Rule, Diagnostic[]>();
  for (const rule of repo.rules) {
    const diags = [...(repo.ruleDiagnostics.get(rule) ?? [])];
    for (const c of checks) diags.push(...c.validate(rule, ctx));
    perRule.set(rule, diags);
  }
  for (const c of checks) for (const f of c.finalize?.(ctx) ?? []) perRule.get(f.rule)?.push(f.diagnostic);
  const results = repo.rules.map((rule) => {
    const diagnostics = (perRule.get(rule) ?? []).sort(byPosition);
    return { rule, diagnostics, valid: !diagnostics.some(isError) };
  });
  // The whole repo's datasets are validated too (schema, files exist): a broken dataset.yml fails
  // `dac validate`, not a later `dac test`. A narrowed run (paths) checks only the datasets its
  // rules' tests name (tests-datasets check).
  const fileDiagnostics = [...repo.diagnostics];
  if (!paths?.length) {
    for (const load of listDatasets(absRoot).loads) {
      if (!load.diagnostics.length) continue;
      fileDiagnostics.push(...load.diagnostics);
      repo.sources.set(load.file, load.text);
    }
  }
  return { root: absRoot, rules: repo.rules, results, fileDiagnostics, macros: repo.macros, sources: repo.sources, env, compiled };
}
