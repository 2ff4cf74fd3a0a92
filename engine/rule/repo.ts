/**
 * Loads a rule repo: every rules/**\/*.{toml,yml,yaml} except rules/macros/, plus the macros.
 * security_content's own layout loads too: detections/ (the default rule folder when there is no
 * rules/) and macros/ at the root.
 * Paths (files or folders, absolute or relative to `root`) narrow the rule files; macros always
 * come from the whole repo because any rule may use them. Order is sorted, so output is stable.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diag/diagnostic.ts';
import { containPath } from '../source/contain.ts';
import { decodeUtf8 } from '../source/utf8.ts';
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

/** A path the walk refused (outside the root, broken symlink, loop, unreadable), with the reason. */
export interface RefusedPath { readonly path: string; readonly reason: string }

/**
 * Every rule file under `dir`, sorted. Symlinks are followed only when their target stays inside
 * the root; broken links, loops (a real folder seen twice) and unreadable entries become refusals,
 * never exceptions (issue 15 item 1).
 */
function walk(root: string, dir: string, out: string[], refused: RefusedPath[], seen = new Set<string>()): void {
  const here = containPath({ root }, dir);
  if (!here.ok) { refused.push({ path: toRel(root, dir), reason: here.reason }); return; }
  if (seen.has(here.real)) { refused.push({ path: toRel(root, dir), reason: 'folder already walked (symlink loop)' }); return; }
  seen.add(here.real);
  let names: string[];
  try { names = readdirSync(dir).sort(); } catch (e) {
    refused.push({ path: toRel(root, dir), reason: (e as NodeJS.ErrnoException).code ?? String(e) });
    return;
  }
  for (const name of names) {
    const p = join(dir, name);
    const c = containPath({ root }, p);
    if (!c.ok) {
      if (isRuleFileName(name) || !c.missing) refused.push({ path: toRel(root, p), reason: c.missing ? 'broken symlink' : c.reason });
      continue;
    }
    let isDir: boolean;
    try { isDir = statSync(c.real).isDirectory(); } catch (e) {
      refused.push({ path: toRel(root, p), reason: (e as NodeJS.ErrnoException).code ?? String(e) });
      continue;
    }
    if (isDir) walk(root, p, out, refused, seen);
    else if (isRuleFileName(name)) out.push(p);
  }
}

/** Rule files under `paths` (default: rules/), sorted, macros excluded. */
export function ruleFiles(root: string, paths?: readonly string[]): { files: string[]; missing: string[]; refused: RefusedPath[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const refused: RefusedPath[] = [];
  for (const p of paths && paths.length > 0 ? paths : [defaultRuleDir(root)]) {
    const c = containPath({ root }, p);
    if (!c.ok) { if (c.missing) missing.push(p); else refused.push({ path: p, reason: c.reason }); continue; }
    if (statSync(c.real).isDirectory()) walk(root, c.abs, files, refused); else files.push(c.abs);
  }
  const macroDirs = [MACRO_DIR, ESCU_MACRO_DIR].map((d) => resolve(root, d) + sep);
  const unique = [...new Set(files)].filter((f) => !macroDirs.some((m) => f.startsWith(m)));
  return { files: unique.sort(), missing, refused };
}

/** A rule or macro file's text; invalid UTF-8 is a located error, never silently replaced. */
function readText(abs: string, file: string): { ok: true; text: string } | { ok: false; diagnostic: Diagnostic } {
  let bytes: Buffer;
  try { bytes = readFileSync(abs); } catch (e) {
    return { ok: false, diagnostic: { code: 'rule/read-failed', severity: 'error', file, message: e instanceof Error ? e.message : String(e) } };
  }
  const d = decodeUtf8(bytes);
  if (!d.ok) return { ok: false, diagnostic: { code: 'rule/invalid-utf8', severity: 'error', file, span: { start: d.charOffset, end: d.charOffset + 1 }, message: `invalid UTF-8 at byte ${d.byteOffset}`, hint: 'save the file as UTF-8' } };
  return { ok: true, text: d.text };
}

export function loadMacros(root: string, sources: Map<string, string>, diagnostics: Diagnostic[]): Map<string, MacroDefinition> {
  const macros = new Map<string, MacroDefinition>();
  const files: string[] = [];
  const refused: RefusedPath[] = [];
  for (const d of [MACRO_DIR, ESCU_MACRO_DIR]) {
    const dir = containPath({ root }, d);
    if (dir.ok && statSync(dir.real).isDirectory()) walk(root, dir.abs, files, refused);
    else if (!dir.ok && !dir.missing) refused.push({ path: d, reason: dir.reason });
  }
  for (const r of refused) diagnostics.push({ code: 'rule/path-refused', severity: 'error', file: r.path, message: r.reason });
  for (const abs of files) {
    const file = toRel(root, abs);
    const read = readText(abs, file);
    if (!read.ok) { diagnostics.push(read.diagnostic); continue; }
    const text = read.text;
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
  const { files, missing, refused } = ruleFiles(root, paths);
  for (const m of missing) diagnostics.push({ code: 'rule/read-failed', severity: 'error', file: m, message: 'no such file or folder' });
  for (const r of refused) diagnostics.push({ code: 'rule/path-refused', severity: 'error', file: r.path, message: r.reason });
  const rules: Rule[] = [];
  const ruleDiagnostics = new Map<Rule, Diagnostic[]>();
  for (const abs of files) {
    const file = toRel(root, abs);
    const read = readText(abs, file);
    if (!read.ok) { diagnostics.push(read.diagnostic); continue; }
    const text = read.text;
    sources.set(file, text);
    const r = loadRuleSource(text, file, options);
    const owned = new Set(r.perRule.flat());
    r.rules.forEach((rule, i) => { rules.push(rule); ruleDiagnostics.set(rule, r.perRule[i]); });
    diagnostics.push(...r.diagnostics.filter((d) => !owned.has(d)));
  }
  return { root, rules, macros, sources, diagnostics, ruleDiagnostics };
}
