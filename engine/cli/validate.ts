/**
 * `dac validate [paths…] [--format text|json|github]`: loads the rules (default: rules/), runs the
 * schema, ATT&CK, semantic and compile checks. Exit 0 all valid, 1 any invalid, 2 usage.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { containedArgs } from './paths.ts';
import type { Diagnostic } from '../diag/diagnostic.ts';
import { formatOneLine, lineCol } from '../diag/render.ts';
import { validateRepo, type RepoValidation } from '../validate/validate-repo.ts';
import { annotation } from './github.ts';

function countBy(ds: readonly Diagnostic[], sev: Diagnostic['severity']): number {
  return ds.filter((d) => d.severity === sev).length;
}

export function renderText(v: RepoValidation): string {
  const lookup = (f: string) => v.sources.get(f);
  const files = [...new Set([...v.results.map((r) => r.rule.file), ...v.fileDiagnostics.map((d) => d.file ?? '')])].sort();
  const out: string[] = [];
  for (const file of files) {
    out.push(file || '(no file)');
    for (const d of v.fileDiagnostics.filter((x) => (x.file ?? '') === file)) out.push(`  ${formatOneLine(d, lookup)}`);
    for (const r of v.results.filter((x) => x.rule.file === file)) {
      const label = `${r.rule.dialect}/${r.rule.language}  ${r.rule.id || '(no id)'}  ${r.rule.name || '(no name)'}`;
      out.push(`  ${r.valid ? 'valid  ' : 'INVALID'}  ${label}`);
      for (const d of r.diagnostics) out.push(`    ${formatOneLine(d, lookup)}`);
    }
  }
  const all = [...v.fileDiagnostics, ...v.results.flatMap((r) => r.diagnostics)];
  const invalid = v.results.filter((r) => !r.valid).length;
  const badFiles = new Set(v.fileDiagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size;
  out.push(`${v.results.length} rule(s) in ${files.length} file(s): ${v.results.length - invalid} valid, ${invalid} invalid` +
    `${badFiles ? `, ${badFiles} file(s) unreadable` : ''}; ${countBy(all, 'error')} error(s), ${countBy(all, 'warning')} warning(s)`);
  return out.join('\n') + '\n';
}

export function renderJson(v: RepoValidation): string {
  const lookup = (f: string) => v.sources.get(f);
  const diag = (d: Diagnostic) => ({ ...d, ...(lineCol(d, lookup) ?? {}) });
  const invalid = v.results.filter((r) => !r.valid).length;
  return JSON.stringify({
    summary: { rules: v.results.length, valid: v.results.length - invalid, invalid, fileErrors: countBy(v.fileDiagnostics, 'error') },
    rules: v.results.map((r) => ({
      file: r.rule.file, docIndex: r.rule.docIndex, id: r.rule.id, name: r.rule.name, dialect: r.rule.dialect,
      language: r.rule.language, valid: r.valid, diagnostics: r.diagnostics.map(diag),
    })),
    files: v.fileDiagnostics.map(diag),
  }, null, 2) + '\n';
}

/** GitHub workflow commands: one `::error file=…,line=…,col=…::` annotation per problem. */
export function renderGithub(v: RepoValidation): string {
  const lookup = (f: string) => v.sources.get(f);
  const all = [...v.fileDiagnostics, ...v.results.flatMap((r) => r.diagnostics)].filter((d) => d.severity !== 'info');
  const lines = all.map((d) => {
    const lc = lineCol(d, lookup);
    return annotation({ level: d.severity === 'error' ? 'error' : 'warning', file: d.file, line: lc?.line, col: lc?.col, title: d.code, message: d.message + (d.hint ? ` (${d.hint})` : '') });
  });
  return lines.length ? lines.join('\n') + '\n' : '';
}

export function register(program: Command): void {
  program.command('validate')
    .description('check rule files: schema, ATT&CK mappings, ids, dates, test datasets, query compile')
    .argument('[paths...]', 'rule files or folders (default: rules/)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .option('--root <dir>', 'repo root (rules/, datasets/)', '.')
    .action((paths: string[], opts: { format: 'text' | 'json' | 'github'; root: string }) => {
      const root = resolve(opts.root);
      const args = containedArgs(root, paths);
      if (!args.ok) {
        process.stderr.write(`dac validate: ${args.message}\n`);
        process.exitCode = 2;
        return;
      }
      const v = validateRepo(root, args.paths);
      process.stdout.write(opts.format === 'json' ? renderJson(v) : opts.format === 'github' ? renderGithub(v) + renderText(v).split('\n').slice(-2).join('\n') : renderText(v));
      const bad = v.results.some((r) => !r.valid) || v.fileDiagnostics.some((d) => d.severity === 'error');
      process.exitCode = bad ? 1 : 0;
    });
}
