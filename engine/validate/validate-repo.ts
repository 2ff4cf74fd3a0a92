/**
 * Validation of a rule repo: load, then every check on every rule, then the cross-rule checks.
 * A rule is valid when none of its diagnostics is an error. The harness reuses this.
 */
import { resolve } from 'node:path';
import type { Diagnostic } from '../diag/diagnostic.ts';
import { isError } from '../diag/diagnostic.ts';
import { ECS_CATALOG } from '../ir/fields.ts';
import type { CompileEnv, CompileResult } from '../lang/types.ts';
import { defaultChecks, type CheckContext } from './checks/index.ts';
import type { MacroDefinition, Rule, RuleIndex } from '../rule/model.ts';
import type { LoadOptions } from '../rule/load.ts';
import { loadRepo } from '../rule/repo.ts';

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
  /** Each rule's compile result from the compile check (absent where it did not compile, e.g. an empty query). */
  readonly compiled: ReadonlyMap<Rule, CompileResult>;
}

export function ruleIndex(rules: readonly Rule[]): RuleIndex {
  const by = new Map<string, Rule>();
  for (const r of rules) {
    if (r.id && !by.has(r.id)) by.set(r.id, r);
    if (r.name && !by.has(r.name)) by.set(r.name, r);
    const stem = r.file.split('/').pop()?.replace(/\.[^.]+$/, '');
    if (stem && !by.has(stem)) by.set(stem, r);
  }
  return { rules, byIdOrName: (key) => by.get(key) };
}

const byPosition = (a: Diagnostic, b: Diagnostic): number => (a.span?.start ?? -1) - (b.span?.start ?? -1) || a.code.localeCompare(b.code);

export function validateRepo(root: string, paths?: readonly string[], options: LoadOptions & { env?: Partial<CompileEnv> } = {}): RepoValidation {
  const absRoot = resolve(root);
  const repo = loadRepo(absRoot, paths, options);
  const env: CompileEnv = { fields: ECS_CATALOG, macros: repo.macros, repo: ruleIndex(repo.rules), ...options.env };
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
  return { root: absRoot, rules: repo.rules, results, fileDiagnostics: repo.diagnostics, macros: repo.macros, sources: repo.sources, compiled };
}
