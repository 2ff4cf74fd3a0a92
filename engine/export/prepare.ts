/**
 * Builds the export context from a repo on disk: load and compile every rule once (through the
 * same front-ends the harness uses), the ATT&CK catalogue, and reports/report.json if present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attackCatalogue } from '../attack/catalogue.ts';
import { isError } from '../diag/diagnostic.ts';
import { formatOneLine } from '../diag/render.ts';
import type { RunReport } from '../harness/types.ts';
import { frontEndFor } from '../lang/registry.ts';
import type { CompileEnv, CompileResult } from '../lang/types.ts';
import type { Rule } from '../rule/model.ts';
import { validateRepo } from '../validate/validate-repo.ts';
import { loadStories } from './splunk/stories.ts';
import type { ExportContext, ExportRule, ExportSettings } from './types.ts';

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

/** Where detection-rules keeps its version lock, relative to the repo root. */
export const VERSION_LOCK_PATH = 'detection_rules/etc/version.lock.json';

/**
 * rule_id → version from a detection-rules version.lock.json ({rule_id: {version, …}}). A missing
 * or malformed file is an error the caller reports; entries without a positive integer version are skipped.
 */
export function readVersionLock(file: string): Map<string, number> {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const out = new Map<string, number>();
  if (!parsed || typeof parsed !== 'object') throw new Error(`${file}: a version lock is a JSON object keyed by rule_id`);
  for (const [id, entry] of Object.entries(parsed as Record<string, unknown>)) {
    const version = entry && typeof entry === 'object' ? (entry as Record<string, unknown>).version : undefined;
    if (typeof version === 'number' && Number.isInteger(version) && version > 0) out.set(id, version);
  }
  return out;
}

export interface ExportContextOptions {
  /** A version.lock.json; default: detection_rules/etc/version.lock.json under the root when present. */
  readonly versionLock?: string;
  readonly settings?: ExportSettings;
}

export function exportContext(root: string, paths?: readonly string[], options: ExportContextOptions = {}): ExportContext {
  // Sigma correlations refer to rules elsewhere in the repo: index the whole repo when paths narrow it.
  const v = validateRepo(root, paths, { indexWholeRepo: true });
  const report = readReport(root);
  const compiled = compileForExport(v.rules, v.env, v.compiled);
  const lookup = (file: string): string | undefined => v.sources.get(file);
  const errors = new Map(v.results.map((r) => [r.rule, r.diagnostics.filter(isError).map((d) => formatOneLine(d, lookup))]));
  const rules = compiled.map((er) => ({ ...er, validationErrors: errors.get(er.rule) ?? [] }));
  const lockFile = options.versionLock ?? (existsSync(join(root, VERSION_LOCK_PATH)) ? join(root, VERSION_LOCK_PATH) : undefined);
  const versionLock = lockFile ? readVersionLock(lockFile) : undefined;
  const { stories, problems } = loadStories(root);
  return { rules, macros: v.macros, attack: attackCatalogue(), stories, storyProblems: problems, ...(report ? { report } : {}), ...(versionLock ? { versionLock } : {}), ...(options.settings ? { settings: options.settings } : {}) };
}

/**
 * Holds back rules that fail `dac validate` (issue 20: nothing invalid is exported unless asked):
 * `held` lists them with their first error; with `force` they stay in and `forced` lists them.
 */
export function gateInvalid(ctx: ExportContext, force: boolean): { ctx: ExportContext; held: ExportRule[]; forced: ExportRule[] } {
  const invalid = ctx.rules.filter((r) => (r.validationErrors?.length ?? 0) > 0);
  if (force) return { ctx, held: [], forced: invalid };
  const held = new Set(invalid);
  return { ctx: { ...ctx, rules: ctx.rules.filter((r) => !held.has(r)) }, held: invalid, forced: [] };
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
