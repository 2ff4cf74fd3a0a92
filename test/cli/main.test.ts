/** The entry point: version, help on stdout, unknown commands are usage errors. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/shared.ts';

const dac = (...a: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'engine/cli/main.ts'), ...a], { cwd: REPO_ROOT, encoding: 'utf8' });
const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('dac entry point', () => {
  it('prints the version for --version, -V and version', () => {
    for (const flag of ['--version', '-V', 'version']) {
      const r = dac(flag);
      expect(r.status, flag).toBe(0);
      expect(r.stdout.trim(), flag).toBe(version);
    }
  });
  it('prints the help on stdout with exit 0 when called without arguments, listing every command', () => {
    const r = dac();
    expect(r.status).toBe(0);
    for (const c of ['validate', 'test', 'run', 'datasets', 'export', 'attack']) expect(r.stdout).toContain(c);
    expect(r.stderr).toBe('');
  });
  it('exits 2 on an unknown command', () => {
    const r = dac('nosuch');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command 'nosuch'");
  });
});

describe('dac attack lookup', () => {
  it('finds a sub-technique by ID with its tactic and parent, and techniques by name', () => {
    const r = dac('attack', 'lookup', 'T1021.002');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('T1021.002  SMB/Windows Admin Shares');
    expect(r.stdout).toContain('TA0008 Lateral Movement');
    expect(r.stdout).toContain('parent:  T1021 Remote Services');
    const j = JSON.parse(dac('attack', 'lookup', 'Remote', 'Services', '--format', 'json').stdout) as { techniques: { id: string }[] };
    expect(j.techniques.map((t) => t.id)).toContain('T1021');
  });
  it('exits 1 when nothing matches', () => {
    expect(dac('attack', 'lookup', 'zzzqqq').status).toBe(1);
  });
});

describe('dac run: no silent zero matches', () => {
  it('refuses an unknown field with a did-you-mean hint, and --no-field-check lifts it', () => {
    const r = dac('run', 'process where process.nmae == "x"', '--data', 'datasets/schtasks_run/sysmon.xml');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('eql/unknown-field');
    expect(r.stderr).toContain('did you mean process.name?');
    const lifted = dac('run', 'process where process.nmae == "x"', '--no-field-check', '--data', 'datasets/schtasks_run/sysmon.xml');
    expect(lifted.status).toBe(0);
  });
});
