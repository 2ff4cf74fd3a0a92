/** dac validate checks datasets: a broken dataset.yml or a missing event file fails validation, located, and is named on the rules that use it. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineCol } from '../../engine/diag/render.ts';
import { validateRepo } from '../../engine/validate/validate-repo.ts';
import { REPO_ROOT } from '../support/shared.ts';

function copyRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'dac-validate-ds-'));
  cpSync(join(REPO_ROOT, 'rules'), join(root, 'rules'), { recursive: true });
  cpSync(join(REPO_ROOT, 'datasets'), join(root, 'datasets'), { recursive: true });
  return root;
}

describe('dataset validation in dac validate', () => {
  it('the bundled repo has no dataset problem', () => {
    const v = validateRepo(REPO_ROOT);
    expect(v.fileDiagnostics.filter((d) => d.file?.startsWith('datasets/'))).toEqual([]);
  });
  it('an invalid kind fails validation at its line and column, and on every rule testing with it', () => {
    const root = copyRepo();
    const file = join(root, 'datasets/schtasks_run/dataset.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^kind: attack$/m, 'kind: bening'));
    const v = validateRepo(root);
    const d = v.fileDiagnostics.find((x) => x.file === 'datasets/schtasks_run/dataset.yml');
    expect(d?.code).toBe('schema/enum');
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith('kind:')) + 1;
    expect(lineCol(d!, (f) => v.sources.get(f))).toEqual({ line, col: 7 });
    const onRules = v.results.flatMap((r) => r.diagnostics).filter((x) => x.code === 'rule/invalid-dataset');
    expect(onRules.length).toBeGreaterThan(0);
    expect(onRules[0].message).toContain(`datasets/schtasks_run/dataset.yml:${line}:7`);
  });
  it('a missing event file is an error on the dataset and on its rules', () => {
    const root = copyRepo();
    rmSync(join(root, 'datasets/schtasks_run/sysmon.xml'));
    const v = validateRepo(root);
    expect(v.fileDiagnostics.map((x) => x.code)).toContain('dataset/missing-file');
    expect(v.results.some((r) => !r.valid && r.diagnostics.some((x) => x.code === 'rule/invalid-dataset' && x.message.includes('file not found')))).toBe(true);
  });
  it('a test naming a path instead of a dataset is refused', () => {
    const root = copyRepo();
    const rule = join(root, 'rules/windows/schtasks_run_task_on_demand.yml');
    writeFileSync(rule, readFileSync(rule, 'utf8').replace('- dataset: schtasks_run\n', '- dataset: ../../etc\n'));
    const v = validateRepo(root);
    expect(v.results.flatMap((r) => r.diagnostics).some((x) => x.code === 'rule/unknown-dataset' && x.message.includes('is not a dataset name'))).toBe(true);
  });
});
