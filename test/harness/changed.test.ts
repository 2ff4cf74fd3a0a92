/** `--changed REF` selection: changed files from git, and which rules they touch. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFiles, changedSelector } from '../../engine/harness/changed.ts';
import { validateRepo } from '../../engine/validate/validate-repo.ts';
import { ID, standardRepo } from '../e2e/fixtures.ts';

function gitRepo(dir: string) {
  const git = (...a: string[]) => execFileSync('git', ['-c', 'user.name=dac', '-c', 'user.email=dac@example.invalid', '-c', 'commit.gpgsign=false', ...a], { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  return git;
}

const selectedIds = (root: string, files: readonly string[]) => {
  const select = changedSelector(files);
  return validateRepo(root).results.map((r) => r.rule).filter(select).map((r) => r.id).sort();
};

describe('changedSelector', () => {
  const repo = standardRepo(['pass', 'falsePositive', 'noTests']);
  it('selects a rule by its own file', () => {
    expect(selectedIds(repo.root, ['rules/pass.yml'])).toEqual([ID.pass]);
  });
  it('selects the rules whose tests replay a changed dataset', () => {
    expect(selectedIds(repo.root, ['datasets/benign_one/sysmon.xml'])).toEqual([ID.pass]);
    expect(selectedIds(repo.root, ['datasets/attack_one/dataset.yml'])).toEqual([ID.pass, ID.falsePositive].sort());
  });
  it('selects everything when the engine or the dependencies change, nothing for unrelated files', () => {
    expect(selectedIds(repo.root, ['engine/runtime/engine.ts'])).toHaveLength(3);
    expect(selectedIds(repo.root, ['package-lock.json'])).toHaveLength(3);
    expect(selectedIds(repo.root, ['README.md', 'docs/x.md'])).toEqual([]);
  });
});

describe('changedFiles', () => {
  it('lists tracked changes and untracked files, repo-relative and sorted', () => {
    const repo = standardRepo(['pass']);
    const git = gitRepo(repo.root);
    git('add', '.');
    git('commit', '-q', '-m', 'seed');
    repo.write('rules/pass.yml', readFileSync(join(repo.root, 'rules/pass.yml'), 'utf8') + '# edited\n');
    repo.write('rules/new.yml', 'title: x\n');
    expect(changedFiles(repo.root, 'HEAD')).toEqual(['rules/new.yml', 'rules/pass.yml']);
    expect(() => changedFiles(repo.root, 'no-such-ref')).toThrow();
  });

  // Regression: `git diff --name-only` prints paths relative to the git top level, while rule
  // files are relative to --root; with --root a subfolder of the work tree nothing was selected
  // and `dac test --changed` graded 0 rules. changed.ts now asks git for --relative paths.
  it('paths are relative to --root when it is a subfolder of the git work tree', () => {
    const top = mkdtempSync(join(tmpdir(), 'dac-git-'));
    const root = join(top, 'content');
    mkdirSync(root);
    cpSync(standardRepo(['pass']).root, root, { recursive: true });
    const git = gitRepo(top);
    git('add', '.');
    git('commit', '-q', '-m', 'seed');
    writeFileSync(join(root, 'rules/pass.yml'), readFileSync(join(root, 'rules/pass.yml'), 'utf8') + '# edited\n');
    expect(changedFiles(root, 'HEAD')).toEqual(['rules/pass.yml']);
  });
});
