/**
 * `dac export`: rules that fail validation are held back and named (exit 1) unless --force, which
 * exports them and names them; --version-lock sets Kibana versions; --splunk-app names stanzas.
 * In-process, on the validation fixtures.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { register } from '../../engine/cli/export.ts';
import { REPO_ROOT } from '../support/shared.ts';

const OUT = mkdtempSync(join(tmpdir(), 'dac-export-'));
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  const program = new Command('dac').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  register(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
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

const FILES = ['test/fixtures/rules/elastic_valid.toml', 'test/fixtures/rules/elastic_bad_severity.toml'];
const lines = (dir: string): Record<string, unknown>[] => readFileSync(join(dir, 'elastic', 'rules.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('dac export and validation', () => {
  it('holds back a rule that fails validation, names it with its error, and exits 1', async () => {
    const dir = join(OUT, 'held');
    const r = await run('export', '--target', 'elastic', '--root', 'test/fixtures', '--out', dir, ...FILES);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/not exported \(fails validation; --force exports it\): .*elastic_bad_severity\.toml.*severity/);
    expect(r.out).toContain('1 rule(s) not exported because they fail validation');
    expect(lines(dir)).toHaveLength(1);
  });
  it('--force exports it and says so', async () => {
    const dir = join(OUT, 'forced');
    const r = await run('export', '--target', 'elastic', '--root', 'test/fixtures', '--out', dir, '--force', ...FILES);
    expect(r.out).toMatch(/exported with --force although it fails validation: .*elastic_bad_severity\.toml/);
    expect(lines(dir)).toHaveLength(2);
  });
  it('--version-lock gives the locked version; a missing lock file is a usage error', async () => {
    const id = String(lines(join(OUT, 'held'))[0]!.rule_id);
    const lock = join(OUT, 'version.lock.json');
    writeFileSync(lock, JSON.stringify({ [id]: { rule_name: 'x', sha256: 'y', type: 'eql', version: 12 } }));
    const dir = join(OUT, 'locked');
    await run('export', '--target', 'elastic', '--root', 'test/fixtures', '--out', dir, '--version-lock', lock, FILES[0]!);
    expect(lines(dir)[0]!.version).toBe(12);
    expect((await run('export', '--target', 'elastic', '--root', 'test/fixtures', '--out', dir, '--version-lock', join(OUT, 'nope.json'), FILES[0]!)).code).toBe(2);
  });
});
