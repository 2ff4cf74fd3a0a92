/** `dac validate` end to end: exit codes, text grouping and JSON shape. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/shared.ts';

function dac(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'engine/cli/main.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('dac validate', () => {
  it('exits 1 with located problems grouped by file for broken rules', () => {
    const r = dac('validate', '--root', 'test/fixtures', 'test/fixtures/rules/elastic_bad_severity.toml', 'test/fixtures/rules/sigma_bad_tag.yml');
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('rules/elastic_bad_severity.toml');
    expect(lines).toContainEqual(expect.stringMatching(/^ {4}rules\/elastic_bad_severity\.toml:14:12: error schema\/enum: /));
    expect(lines).toContainEqual(expect.stringMatching(/^ {4}rules\/sigma_bad_tag\.yml:8:5: error attack\/bad-tag: /));
    expect(lines.at(-1)).toMatch(/^2 rule\(s\) in 2 file\(s\): 0 valid, 2 invalid; 2 error\(s\)/);
  });

  it('exits 0 for valid rules and writes JSON', () => {
    const r = dac('validate', '--root', 'test/fixtures', '--format', 'json', 'test/fixtures/rules/sigma_valid.yml');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { summary: { rules: number; valid: number }; rules: Array<{ valid: boolean; dialect: string }> };
    expect(j.summary).toMatchObject({ rules: 1, valid: 1, invalid: 0 });
    expect(j.rules[0]).toMatchObject({ valid: true, dialect: 'sigma' });
  });

  it('exits 2 for usage errors', () => {
    expect(dac('validate', 'no/such/path.yml').code).toBe(2);
    expect(dac('validate', '--format', 'xml').code).toBe(2);
  });
});

describe('dac attack info', () => {
  it('prints the ATT&CK version and counts', () => {
    const r = dac('attack', 'info');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^MITRE ATT&CK Enterprise \d+\.\d+/);
    expect(r.out).toMatch(/sub-techniques: +\d+/);
  });
});
