/**
 * `dac test` end to end on throwaway repos: exit codes 0/1/2, --rule, --unit-only, --changed on a
 * temp git repo, --format github annotations, reports written and schema-valid, and byte-identical
 * reports across runs with --no-timings. Commands run in-process (fast); a few spawns check the
 * real entry point.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Command, CommanderError } from 'commander';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { register } from '../../engine/cli/test.ts';
import type { RunReport } from '../../engine/harness/types.ts';
import { ID, standardRepo } from '../e2e/fixtures.ts';
import type { TempRepo } from '../e2e/repo.ts';
import { REPO_ROOT } from '../support/shared.ts';

async function dac(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const program = new Command('dac').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  register(program);
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { err += String(s); return true; });
  process.exitCode = 0;
  let code: number;
  try {
    await program.parseAsync(['node', 'dac', 'test', ...args]);
    code = Number(process.exitCode ?? 0);
  } catch (x) {
    if (!(x instanceof CommanderError)) throw x;
    code = 2;
  } finally {
    o.mockRestore(); e.mockRestore(); process.exitCode = 0;
  }
  return { code, out, err };
}

/** The real entry point, as CI runs it (`tsx engine/cli/main.ts test …`). */
function spawnDac(...args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'engine/cli/main.ts'), 'test', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', fail);
    child.on('close', (status) => done({ status, stderr }));
  });
}

const readReport = (dir: string): RunReport => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as RunReport;
const FILES = ['report.json', 'report.md', 'junit.xml', 'report.html'];

afterEach(() => { process.exitCode = 0; });

let full: TempRepo;
beforeAll(() => { full = standardRepo(); });

describe('dac test exit codes', () => {
  it('exits 1 when a rule fails, writes all four reports and prints the summary', async () => {
    const r = await dac('--root', full.root, '--no-timings');
    expect(r.code).toBe(1);
    expect(r.out).toContain('result: FAILED');
    expect(r.out).toMatch(/Expects Too Few\s+sigma\s+pass\s+FAIL\s+FAIL/);
    for (const f of FILES) expect(existsSync(join(full.root, 'reports', f)), f).toBe(true);
    expect(readReport(join(full.root, 'reports')).rules).toHaveLength(8);
  });

  it('exits 0 when every graded rule passes (--rule narrows the grading)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dac-rep-'));
    const r = await dac('--root', full.root, '--rule', ID.pass, '--report-dir', dir, '--no-timings');
    expect(r.code).toBe(0);
    expect(r.out).toContain('result: ok');
    expect(readReport(dir).rules.map((x) => x.id)).toEqual([ID.pass]);
  });

  it('exits 2 for an unknown --rule id and for a bad --format, writing nothing', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'dac-rep-')), 'out');
    const r = await dac('--root', full.root, '--rule', 'no-such-rule', '--report-dir', dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no rule with id no-such-rule');
    expect(existsSync(dir)).toBe(false);
    expect((await dac('--root', full.root, '--format', 'yaml')).code).toBe(2);
  });

  it('the real entry point exits 1 and 2 likewise (0 is checked in-process above)', async () => {
    const dir = (k: string) => mkdtempSync(join(tmpdir(), `dac-rep-${k}-`));
    const [fails, bad] = await Promise.all([
      spawnDac('--root', full.root, '--no-timings', '--report-dir', dir('1')),
      spawnDac('--root', full.root, '--rule', 'nope', '--report-dir', dir('2')),
    ]);
    expect(fails.status).toBe(1);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('no rule with id nope');
  }, 60_000);
});

describe('dac test options', () => {
  it('--unit-only skips the integration replay, so a rule failing only there passes', async () => {
    const repo = standardRepo(['falsePositive']);
    const both = await dac('--root', repo.root, '--no-timings');
    expect(both.code).toBe(1);
    expect(readReport(join(repo.root, 'reports')).rules[0].integration.status).toBe('fail');
    const unit = await dac('--root', repo.root, '--no-timings', '--unit-only');
    expect(unit.code).toBe(0);
    const rep = readReport(join(repo.root, 'reports'));
    expect(rep.rules[0].unit.status).toBe('pass');
    expect(rep.rules[0].integration).toMatchObject({ status: 'skipped', reasons: ['skipped: --unit-only'] });
  });

  it('--format github prints ::error annotations with file and line for located problems', async () => {
    const r = await dac('--root', full.root, '--no-timings', '--format', 'github');
    // The human summary is wrapped in ::stop-commands::TOKEN … ::TOKEN:: so rule text cannot run as a command.
    const guard = r.out.match(/^::stop-commands::([0-9a-f]{32})$/m);
    expect(guard).not.toBeNull();
    expect(r.out).toContain(`\n::${guard![1]}::\n`);
    const lines = r.out.split('\n').filter((l) => l.startsWith('::') && !l.startsWith('::stop-commands::') && l !== `::${guard![1]}::`);
    // validation: located at the offending key
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=rules\/invalid\.yml,line=\d+,col=\d+,title=[^:]+::.*level/));
    // unit and integration failures name the rule file and say why
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=rules\/too_many\.yml,line=\d+,title=unit fail%3A Expects Too Few::attack_one: expected 1 alert, got 2 \(too many\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=rules\/false_positive\.yml,.*title=integration fail.*::1 false positive on benign_one$/));
    // passing and untested rules are not annotated as errors
    expect(lines.some((l) => l.includes('rules/pass.yml') || l.includes('rules/untested.yml'))).toBe(false);
    // multi-line messages stay on one annotation line
    for (const l of lines) expect(l).toMatch(/^::(error|warning) file=[^,:]+(,line=\d+(,col=\d+)?)?,title=[^:]*::/);
  });

  // GAP (engine/cli/test-output.ts + report): unit/integration failures are annotated with the
  // rule file only; the report carries no line for a test case, so the PR annotation cannot sit
  // on the failing `tests` entry (rule.locate(['tests', i]) knows it). Flip to `it` once added.
  it('a unit failure annotation points at the failing tests entry line', async () => {
    const r = await dac('--root', full.root, '--no-timings', '--format', 'github');
    const text = readFileSync(join(full.root, 'rules/too_many.yml'), 'utf8');
    const line = text.slice(0, text.indexOf('- dataset: attack_one')).split('\n').length;
    expect(r.out).toContain(`::error file=rules/too_many.yml,line=${line},`);
  });

  it('--format json prints the report on stdout and nothing else', async () => {
    const r = await dac('--root', full.root, '--no-timings', '--format', 'json');
    const rep = JSON.parse(r.out) as RunReport;
    expect(rep.totals.rules).toBe(8);
    expect(rep.timings).toBeUndefined();
  });

  it('--changed grades only the rules touched since the ref (rule file, or a dataset it replays)', async () => {
    const repo = standardRepo(['pass', 'tooMany', 'falsePositive']);
    const git = (...a: string[]) => execFileSync('git', ['-c', 'user.name=dac', '-c', 'user.email=dac@example.invalid', '-c', 'commit.gpgsign=false', ...a], { cwd: repo.root, encoding: 'utf8' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'seed');
    // nothing changed: exits early, says so, and writes no report
    const none = await dac('--root', repo.root, '--changed', 'HEAD', '--no-timings');
    expect(none.code).toBe(0);
    expect(none.out).toContain('nothing graded');
    expect(existsSync(join(repo.root, 'reports'))).toBe(false);
    // one rule edited: only it is graded (and it passes), though others in the repo fail
    repo.rule('pass.yml', readFileSync(join(repo.root, 'rules/pass.yml'), 'utf8').replace('level: medium', 'level: high'));
    const one = await dac('--root', repo.root, '--changed', 'HEAD', '--no-timings');
    expect(readReport(join(repo.root, 'reports')).rules.map((r) => r.id)).toEqual([ID.pass]);
    expect(one.code).toBe(0);
    // a dataset changed: every rule that replays it is graded
    git('commit', '-q', '-am', 'level');
    repo.write('datasets/benign_one/dataset.yml', readFileSync(join(repo.root, 'datasets/benign_one/dataset.yml'), 'utf8').replace('test dataset benign_one', 'baseline'));
    await dac('--root', repo.root, '--changed', 'HEAD', '--no-timings');
    expect(readReport(join(repo.root, 'reports')).rules.map((r) => r.id).sort()).toEqual([ID.pass, ID.tooMany]);
    // an unknown ref is a usage error
    expect((await dac('--root', repo.root, '--changed', 'no-such-ref')).code).toBe(2);
  });
});

describe('dac test reports', () => {
  it('report.json validates against engine/report/schema.json, with and without timings', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'engine/report/schema.json'), 'utf8')));
    for (const extra of [['--no-timings'], []]) {
      const dir = mkdtempSync(join(tmpdir(), 'dac-rep-'));
      await dac('--root', full.root, '--report-dir', dir, ...extra);
      const rep = readReport(dir);
      expect(rep.timings === undefined).toBe(extra.length > 0);
      const ok = validate(rep);
      expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('the schema rejects a report that breaks it (the check can fail)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'engine/report/schema.json'), 'utf8')));
    expect(validate({ tool: { name: 'dac' }, rules: 'none' })).toBe(false);
  });

  it('two runs with --no-timings write byte-identical reports; with timings only the timing section differs', async () => {
    const a = mkdtempSync(join(tmpdir(), 'dac-rep-a-'));
    const b = mkdtempSync(join(tmpdir(), 'dac-rep-b-'));
    await dac('--root', full.root, '--report-dir', a, '--no-timings');
    await dac('--root', full.root, '--report-dir', b, '--no-timings');
    for (const f of FILES) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    expect(readFileSync(join(a, 'report.html'), 'utf8')).not.toContain('id="timings"');
    const c = mkdtempSync(join(tmpdir(), 'dac-rep-c-'));
    await dac('--root', full.root, '--report-dir', c);
    const withT = readReport(c);
    expect(withT.timings?.totalMs).toBeGreaterThan(0);
    const { timings: _t, ...rest } = withT;
    expect(JSON.stringify(rest, null, 2) + '\n').toBe(readFileSync(join(a, 'report.json'), 'utf8'));
    const html = readFileSync(join(c, 'report.html'), 'utf8');
    expect(html).toContain('id="timings"');
    // the page before the timing section is the same bytes as without timings (nav link aside)
    const strip = (s: string) => s.replace(/<section id="timings"[\s\S]*?<\/section>/, '').replace('<a href="#timings">Timings</a>', '');
    expect(strip(html)).toBe(strip(readFileSync(join(a, 'report.html'), 'utf8')));
  });
});
