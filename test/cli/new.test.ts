/** `dac new`: every dialect's scaffold validates as written, and the CLI refuses unknown techniques and overwrites. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaffold } from '../../engine/rule/scaffold/templates.ts';
import type { ScaffoldDialect } from '../../engine/rule/scaffold/types.ts';
import { validateRepo } from '../../engine/validate/validate-repo.ts';
import { REPO_ROOT } from '../support/shared.ts';

function tempRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'dac-new-'));
  cpSync(join(REPO_ROOT, 'datasets/benign_baseline'), join(root, 'datasets/benign_baseline'), { recursive: true });
  cpSync(join(REPO_ROOT, 'rules/macros'), join(root, 'rules/macros'), { recursive: true });
  return root;
}

const SMB = { id: 'T1021.002', name: 'SMB/Windows Admin Shares', parent: { id: 'T1021', name: 'Remote Services' }, tactics: [{ id: 'TA0008', shortname: 'lateral-movement', name: 'Lateral Movement' }] };

describe('rule scaffolds', () => {
  for (const dialect of ['elastic', 'sigma', 'escu', 'car'] as ScaffoldDialect[]) {
    it(`${dialect}: validates with no error or warning, ATT&CK block included`, () => {
      const root = tempRepo();
      const files = scaffold({ dialect, name: 'Admin Share Write', id: '3b1f7d0e-2c4a-4e5f-9a6b-7c8d9e0f1a2b', date: '2026-12-03', author: 'tester', techniques: [SMB], negativeDataset: 'benign_baseline' });
      for (const f of files) { mkdirSync(dirname(join(root, f.path)), { recursive: true }); writeFileSync(join(root, f.path), f.text); }
      const v = validateRepo(root, [join(root, files[0].path)]);
      expect(v.results).toHaveLength(1);
      expect(v.results[0].diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
      expect(v.results[0].rule.attack.map((a) => a.technique.id)).toContain(dialect === 'elastic' ? 'T1021.002' : 'T1021.002');
      expect(v.results[0].rule.tests).toMatchObject({ kind: 'cases', cases: [{ dataset: 'benign_baseline', alerts: 0 }] });
    });
  }
});

describe('dac new (CLI)', () => {
  const dac = (root: string, ...a: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'engine/cli/main.ts'), 'new', ...a, '--root', root], { cwd: REPO_ROOT, encoding: 'utf8' });
  it('writes an ESCU detection and its filter macro, valid, then refuses to overwrite them', () => {
    const root = tempRepo();
    const r = dac(root, 'escu', '--name', 'WinRM Remote Shell', '-t', 'T1021.006', '--date', '2026-12-03');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 valid, 0 invalid');
    expect(readFileSync(join(root, 'rules/macros/winrm_remote_shell_filter.yml'), 'utf8')).toContain('name: winrm_remote_shell_filter');
    expect(dac(root, 'escu', '--name', 'WinRM Remote Shell', '-t', 'T1021.006').status).toBe(2);
  });
  it('refuses an unknown technique with a pointer to the lookup', () => {
    const r = dac(tempRepo(), 'sigma', '--name', 'x', '-t', 'T1021.099');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('dac attack lookup');
  });
});
