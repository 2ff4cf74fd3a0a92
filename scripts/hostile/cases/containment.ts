/** Issue 15 item 1 and the `--changed` option injection of item 3. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../../../engine/events/dataset.ts';
import { readDataset } from '../../../engine/events/replay.ts';
import { loadRepo } from '../../../engine/rule/repo.ts';
import { changedFiles } from '../../../engine/harness/changed.ts';
import type { HostileCase } from '../case.ts';
import { manifest, sigmaRule, writeTree } from '../fixture.ts';

async function datasetObservation(dir: string, name: string) {
  const load = loadDataset(dir, `datasets/${name}`);
  const read = load.dataset ? await readDataset(load.dataset, { root: dir }) : undefined;
  return {
    diagnostics: load.diagnostics.map((d) => ({ code: d.code, message: d.message, located: d.span !== undefined })),
    rejections: read?.stats.files.flatMap((f) => f.rejections.map((r) => r.reason)) ?? [],
    used: read?.stats.used ?? 0,
  };
}

export const containmentCases: HostileCase[] = [
  {
    id: 'dataset-dotdot-passwd', item: '15.1 dataset files: ../../../../etc/passwd',
    build: (d) => writeTree(d, { 'datasets/x/dataset.yml': manifest('x', ['../../../../../../../../etc/passwd']) }),
    run: (d) => datasetObservation(d, 'x'),
  },
  {
    id: 'dataset-proc-environ', item: '15.1 dataset files: /proc/self/environ',
    build: (d) => writeTree(d, { 'datasets/x/dataset.yml': manifest('x', ['/proc/self/environ']) }),
    run: (d) => datasetObservation(d, 'x'),
  },
  {
    id: 'dataset-symlink-out', item: '15.1 dataset file is a symlink to /etc/passwd',
    build: (d) => writeTree(d, { 'datasets/x/dataset.yml': manifest('x', ['events.xml']), 'datasets/x/events.xml': { symlink: '/etc/passwd' } }),
    run: (d) => datasetObservation(d, 'x'),
  },
  {
    id: 'dataset-format-on-directory', item: '15.4 `format:` on a directory',
    build: (d) => writeTree(d, { 'datasets/x/dataset.yml': 'name: x\ndescription: d\nkind: attack\nfiles:\n  - path: sub\n    format: xml\nprovenance: p\n', 'datasets/x/sub/a.xml': '<Event/>' }),
    run: (d) => datasetObservation(d, 'x'),
  },
  {
    id: 'rule-symlink-passwd', item: '15.1 a rule file symlinked to /etc/passwd',
    build: (d) => writeTree(d, { 'rules/ok.yml': sigmaRule(), 'rules/evil.yml': { symlink: '/etc/passwd' } }),
    run: async (d) => {
      const r = loadRepo(d);
      return { rules: r.rules.length, diagnostics: r.diagnostics.map((x) => ({ code: x.code, file: x.file, message: x.message })), readPasswd: [...r.sources.values()].some((t) => t.includes('root:')) };
    },
  },
  {
    id: 'rule-tree-broken-link-and-loop', item: '15.1 a broken symlink and a loop in rules/',
    build: (d) => writeTree(d, { 'rules/ok.yml': sigmaRule(), 'rules/gone.yml': { symlink: 'nowhere.yml' }, 'rules/sub/loop': { symlink: '..' }, 'rules/self': { symlink: 'self' } }),
    run: async (d) => {
      const r = loadRepo(d);
      return { rules: r.rules.length, diagnostics: r.diagnostics.map((x) => ({ code: x.code, file: x.file, message: x.message })) };
    },
  },
  {
    id: 'rule-invalid-utf8', item: '15 minor: invalid UTF-8 in a rule',
    build: (d) => writeTree(d, { 'rules/bad.yml': Buffer.concat([Buffer.from(sigmaRule().slice(0, 20)), Buffer.from([0xff, 0xfe]), Buffer.from(sigmaRule().slice(20))]) }),
    run: async (d) => {
      const r = loadRepo(d);
      return { rules: r.rules.length, diagnostics: r.diagnostics.map((x) => ({ code: x.code, file: x.file, message: x.message, span: x.span })) };
    },
  },
  {
    id: 'changed-option-injection', item: '15.3 --changed=--output=FILE passed to git',
    build: (d) => {
      writeTree(d, { 'rules/ok.yml': sigmaRule() });
      const git = (...a: string[]) => execFileSync('git', a, { cwd: d, stdio: 'ignore' });
      git('init', '-q'); git('-c', 'user.email=h@x', '-c', 'user.name=h', 'add', '.'); git('-c', 'user.email=h@x', '-c', 'user.name=h', 'commit', '-qm', 'x');
    },
    run: async (d) => {
      let error = '';
      try { changedFiles(d, `--output=${join(d, 'pwned')}`); } catch (e) { error = (e as Error).message; }
      return { error, wrote: existsSync(join(d, 'pwned')) };
    },
  },
];
