/**
 * Loads a rule repo: every rules/**\/*.{toml,yml,yaml} except rules/macros/, plus the macros.
 * security_content's own layout loads too: detections/ (the default rule folder when there is no
 * rules/) and macros/ at the root.
 * Paths (files or folders, absolute or relative to `root`) narrow the rule files; macros always
 * come from the whole repo because any rule may use them. Order is sorted, so output is stable.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diag/diagnostic.ts';
import type { MacroDefinition, Rule } from './model.ts';
import { isRuleFileName, loadRuleSource, type LoadOptions } from './load.ts';
import { loadMacroSource } from './macros.ts';

export interface LoadedRepo {
  readonly root: string;
  readonly rules: Rule[];
  /** By the macro's `name` verbatim (`security_content_ctime(1)`). */
  readonly macros: Map<string, MacroDefinition>;
  /** Repo-relative file → text, for every file read (rules and macros). */
  readonly sources: Map<string, string>;
  /** Problems not owned by one rule: syntax errors, unknown dialects, macro files, missing paths. */
  readonly diagnostics: Diagnostic[];
  /** The loader's own diagnostics per rule (same order as `rules`). */
  readonly ruleDiagnostics: Map<Rule, Diagnostic[]>;
}

const MACRO_DIR = 'rules/macros';
/** security_content's layout: macros/ and detections/ at the repo root. */
const ESCU_MACRO_DIR = 'macros';
const ESCU_RULE_DIR = 'detections';

/** The rule folder used when no paths are given: rules/, else security_content's detections/. */
export function defaultRuleDir(root: string): string {
  return !existsSync(resolve(root, 'rules')) && existsSync(resolve(root, ESCU_RULE_DIR)) ? ESCU_RULE_DIR : 'rules';
}

function toRel(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (isRuleFileName(name)) out.push(p);
  }
}

/** Rule files under `paths` (default: rules/), sorted, macros excluded. */
export function ruleFiles(root: string, paths?: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths && paths.length > 0 ? paths : [defaultRuleDir(root)]) {
    const abs = isAbsolute(p) ? p : resolve(root, p);
    if (!existsSync(abs)) { missing.push(p); continue; }
    if (statSync(abs).isDirectory()) walk(abs, files); else files.push(abs);
  }
  const macroDirs = [MACRO_DIR, ESCU_MACRO_DIR].map((d) => resolve(root, d) + sep);
  const unique = [...new Set(files)].filter((f) => !macroDirs.some((m) => f.startsWith(m)));
  return { files: unique.sort(), missing };
}

export function loadMacros(root: string, sources: Map<string, string>, diagnostics: Diagnostic[]): Map<string, MacroDefinition> {
  const macros = new Map<string, MacroDefinition>();
  const files: string[] = [];
  for (const d of [MACRO_DIR, ESCU_MACRO_DIR]) {
    const dir = resolve(root, d);
    if (existsSync(dir) && statSync(dir).isDirectory()) walk(dir, files);
  }
  for (const abs of files) {
    const file = toRel(root, abs);
    const text = readFileSync(abs, 'utf8');
    sources.set(file, text);
    const r = loadMacroSource(text, file);
    diagnostics.push(...r.diagnostics);
    for (const m of r.macros) {
      const prior = macros.get(m.name);
      if (prior) diagnostics.push({ code: 'rule/duplicate-macro', severity: 'error', file, message: `macro '${m.name}' is also defined in ${prior.file}` });
      else macros.set(m.name, m);
    }
  }
  return macros;
}

export function loadRepo(root: string, paths?: readonly string[], options: LoadOptions = {}): LoadedRepo {
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const macros = loadMacros(root, sources, diagnostics);
  const { files, missing } = ruleFiles(root, paths);
  for (const m of missing) diagnostics.push({ code: 'rule/read-failed', severity: 'error', file: m, message: 'no such file or folder' });
  const rules: Rule[] = [];
  const ruleDiagnostics = new Map<Rule, Diagnostic[]>();
  for (const abs of files) {
    const file = toRel(root, abs);
    let text: string;
    try { text = readFileSync(abs, 'utf8'); } catch (e) {
      diagnostics.push({ code: 'rule/read-failed', severity: 'error', file, message: e instanceof Error ? e.message : String(e) });
      continue;
    }
    sources.set(file, text);
    const r = loadRuleSource(text, file, options);
    const owned = new Set(r.perRule.flat());
    r.rules.forEach((rule, i) => { rules.push(rule); ruleDiagnostics.set(rule, r.perRule[i]); });
    diagnostics.push(...r.diagnostics.filter((d) => !owned.has(d)));
  }
  return { root, rules, macros, sources, diagnostics, ruleDiagnostics };
}
