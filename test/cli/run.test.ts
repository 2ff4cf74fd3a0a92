/** `dac run` end to end: table and ndjson output, exit codes 0/1/2, rejected records reported. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand, type RunOptions } from '../../engine/cli/run.ts';
import { REPO_ROOT } from '../support/shared.ts';

const dir = mkdtempSync(join(tmpdir(), 'dac-run-'));
const data = join(dir, 'events.ndjson');
writeFileSync(data, [
  '{"@timestamp":"2024-01-01T00:00:00Z","event":{"category":["process"]},"host":{"name":"ws1"},"process":{"name":"cmd.exe","command_line":"cmd /c whoami"}}',
  '{"@timestamp":"2024-01-01T00:00:01Z","event":{"category":["process"]},"host":{"name":"ws1"},"process":{"name":"notepad.exe"}}',
  'not json',
].join('\n') + '\n');

async function dac(query: string, opts: Partial<RunOptions> = {}) {
  let out = '';
  let err = '';
  const code = await runCommand(query, { language: 'eql', data: [data], format: 'auto', ...opts }, { out: (s) => { out += s; }, err: (s) => { err += s; } });
  return { code, out, err };
}

const SEQ = 'sequence [process where process.name == "cmd.exe"] [process where process.name == "notepad.exe"]';

describe('dac run', () => {
  it('prints matching events as a table and reports rejected records', async () => {
    const r = await dac('process where process.name : "CMD.EXE"');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^timestamp\s+host\s+category/);
    expect(r.out).toContain('process.command_line=cmd /c whoami');
    expect(r.out).not.toContain('notepad');
    expect(r.err).toMatch(/2 event\(s\) read from 1 file\(s\), 1 rejected/);
    expect(r.err).toMatch(/events\.ndjson:3: malformed JSON/);
  });

  it('groups sequences in the table and prints ndjson with --json', async () => {
    const j = await dac(SEQ, { json: true });
    expect(j.code).toBe(0);
    const lines = j.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0].events.map((e: Record<string, unknown>) => e['process.name'])).toEqual(['cmd.exe', 'notepad.exe']);
    expect((await dac(SEQ)).out).toMatch(/sequence 1\s+\(2 events\)/);
  });

  it('exits 1 with a located, excerpted error for an invalid query', async () => {
    const r = await dac('process where process.name = "x"');
    expect(r.code).toBe(1);
    expect(r.err).toContain('<query>:1:28: error eql/endgame-only');
    expect(r.err).toContain('                           ^');
    expect(r.err).toContain('hint:');
  });

  it('exits 2 on usage errors', async () => {
    expect((await dac('process where true', { data: [join(dir, 'absent.ndjson')] })).code).toBe(2);
    expect((await dac('absent.yml', { language: 'sigma' })).code).toBe(2);
    // commander wiring: a missing --data and an unknown language are usage errors
    const cli = (...a: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'engine/cli/main.ts'), 'run', ...a], { cwd: REPO_ROOT, encoding: 'utf8' }).status;
    expect(cli('process where true', '--language', 'cobol', '--data', data)).toBe(2);
  });
});
