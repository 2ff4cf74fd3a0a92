/**
 * `--changed REF`: the rules a change touches — their own files, the datasets their tests replay,
 * and the macros their searches use. A change to the engine or the dependencies re-grades
 * everything, since it can change any rule's outcome.
 */
import { execFileSync } from 'node:child_process';
import type { Rule } from '../rule/model.ts';

/**
 * A git revision as `--changed` may name it. A leading `-` would make git read it as an option
 * (`--changed=--output=FILE` writes a file), so it is refused here and git is also told where its
 * options end (issue 15 item 3).
 */
export function checkRef(ref: string): string | undefined {
  if (ref === '' || ref.startsWith('-')) return `'${ref}' is not a git revision (it must not start with '-')`;
  if (/[\0-\x20\x7f]/.test(ref)) return `'${ref.replace(/[\0-\x1f\x7f]/g, '?')}' is not a git revision (control characters or spaces)`;
  return undefined;
}

export function changedFiles(root: string, ref: string): string[] {
  const bad = checkRef(ref);
  if (bad) throw new Error(bad);
  const run = (args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // --relative: paths relative to the root, like the rules' own paths, even when the root is a subfolder.
  const tracked = run(['diff', '--name-only', '--relative', '--end-of-options', ref, '--']).split('\n');
  const untracked = run(['ls-files', '--others', '--exclude-standard']).split('\n');
  return [...new Set([...tracked, ...untracked].map((s) => s.trim()).filter(Boolean))].sort();
}

const GLOBAL = [/^engine\//, /^package(-lock)?\.json$/, /^tsconfig\.json$/];

export function changedSelector(files: readonly string[]): (rule: Rule) => boolean {
  if (files.some((f) => GLOBAL.some((g) => g.test(f)))) return () => true;
  const set = new Set(files);
  const datasets = new Set(files.filter((f) => f.startsWith('datasets/')).map((f) => f.split('/')[1]));
  const macroNames = files.filter((f) => f.startsWith('rules/macros/')).map((f) => (f.split('/').pop() ?? '').replace(/\.ya?ml$/, ''));
  return (rule) => {
    if (set.has(rule.file)) return true;
    if (rule.tests.kind === 'cases' && rule.tests.cases.some((c) => datasets.has(c.dataset))) return true;
    const q = rule.query.kind === 'text' ? rule.query.text : '';
    return macroNames.some((m) => q.includes('`' + m));
  };
}
