/**
 * `dac validate` and `dac attack info`: exit codes, text grouping, JSON shape. Commands run
 * in-process (fast); one spawn checks the real entry point end to end.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register as registerAttack } from '../../engine/cli/attack.ts';
import { register as registerValidate } from '../../engine/cli/validate.ts';
import { REPO_ROOT } from '../support/shared.ts';

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  const program = new Command('dac').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  registerValidate(program);
  registerAttack(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const cwd = process.cwd();
  process.chdir(REPO_ROOT);
  process.exitCode = 0;
  let code: number;
  try {
    await program.parseAsync(['node', 'dac', ...args]);
    code = Number(process.exitCode ?? 0);
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    code = 2;
  } finally {
    spy.mockRestore(); err.mockRestore(); process.chdir(cwd); process.exitCode = 0;
  }
  return { code, out };
}

afterEach(() => { process.exitCode = 0; });

describe('dac validate', () => {
  it('exits 1 with located problems grouped by file for broken rules', async () => {
    const r = await run('validate', '--root', 'test/fixtures', 'test/fixtures/rules/elastic_bad_severity.toml', 'test/fixtures/rules/sigma_bad_tag.yml');
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('rules/elastic_bad_severity.toml');
    expect(lines).toContainEqual(expect.stringMatching(/^ {4}rules\/elastic_bad_severity\.toml:14:12: error schema\/enum: /));
    expect(lines).toContainEqual(expect.stringMatching(/^ {4}rules\/sigma_bad_tag\.yml:8:5: error attack\/bad-tag: /));
    expect(lines.at(-1)).toMatch(/^2 rule\(s\) in 2 file\(s\): 0 valid, 2 invalid; 2 error\(s\)/);
  });

  it('exits 0 for valid rules and writes JSON', async () => {
    const r = await run('validate', '--root', 'test/fixtures', '--format', 'json', 'test/fixtures/rules/sigma_valid.yml');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { summary: { rules: number; valid: number }; rules: Array<{ valid: boolean; dialect: string }> };
    expect(j.summary).toMatchObject({ rules: 1, valid: 1, invalid: 0 });
    expect(j.rules[0]).toMatchObject({ valid: true, dialect: 'sigma' });
  });

  it('annotates a pull request with --format github', async () => {
    const r = await run('validate', '--root', 'test/fixtures', '--format', 'github', 'test/fixtures/rules/sigma_bad_tag.yml');
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toMatch(/^::error file=rules\/sigma_bad_tag\.yml,line=8,col=5,title=attack\/bad-tag::'attack\.lateral_move' names no ATT&CK tactic/);
  });

  it('exits 2 for usage errors', async () => {
    expect((await run('validate', 'no/such/path.yml')).code).toBe(2);
    expect((await run('validate', '--format', 'xml')).code).toBe(2);
  });
});

describe('dac attack info', () => {
  it('prints the ATT&CK version and counts through the real entry point', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'engine/cli/main.ts'), 'attack', 'info'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^MITRE ATT&CK Enterprise \d+\.\d+/);
    expect(r.stdout).toMatch(/sub-techniques: +\d+/);
  });
});
