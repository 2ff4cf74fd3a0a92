import { describe, expect, it } from 'vitest';
import { containmentCases as cases } from '../../scripts/hostile/cases/containment.ts';
import { observe } from './run-case.ts';

describe('containment (issue 15 item 1)', () => {
  it.each(['dataset-dotdot-passwd', 'dataset-proc-environ', 'dataset-symlink-out'])('%s: a located error, never read', async (id) => {
    const o = await observe(cases, id) as { diagnostics: { code: string; message: string; located: boolean }[]; rejections: string[]; used: number };
    expect(o.diagnostics).toEqual([expect.objectContaining({ code: 'dataset/path-outside-root', located: true })]);
    expect(o.diagnostics[0]!.message).toMatch(/outside the repo root/);
    expect(o.used).toBe(0);
  });

  it('format: on a directory is a located error', async () => {
    const o = await observe(cases, 'dataset-format-on-directory') as { diagnostics: { code: string; located: boolean }[] };
    expect(o.diagnostics).toEqual([expect.objectContaining({ code: 'dataset/not-a-file', located: true })]);
  });

  it('a rule symlinked to /etc/passwd is refused and not read', async () => {
    const o = await observe(cases, 'rule-symlink-passwd') as { rules: number; diagnostics: { code: string; file: string; message: string }[]; readPasswd: boolean };
    expect(o.readPasswd).toBe(false);
    expect(o.rules).toBe(1);
    expect(o.diagnostics).toEqual([{ code: 'rule/path-refused', file: 'rules/evil.yml', message: expect.stringMatching(/symlink to '\/etc\/passwd', outside the repo root/) }]);
  });

  it('broken symlinks and loops in rules/ are refusals, not crashes', async () => {
    const o = await observe(cases, 'rule-tree-broken-link-and-loop') as { rules: number; diagnostics: { code: string; file: string; message: string }[] };
    expect(o.rules).toBe(1);
    expect(o.diagnostics).toEqual([
      { code: 'rule/path-refused', file: 'rules/gone.yml', message: 'broken symlink' },
      { code: 'rule/path-refused', file: 'rules/self', message: "symlink loop at 'rules/self'" },
      { code: 'rule/path-refused', file: 'rules/sub/loop', message: 'folder already walked (symlink loop)' },
    ]);
  });

  it('invalid UTF-8 in a rule is a located error, not U+FFFD in the query', async () => {
    const o = await observe(cases, 'rule-invalid-utf8') as { rules: number; diagnostics: { code: string; message: string; span: { start: number } }[] };
    expect(o.rules).toBe(0);
    expect(o.diagnostics).toEqual([expect.objectContaining({ code: 'rule/invalid-utf8', message: 'invalid UTF-8 at byte 20', span: { start: 20, end: 21 } })]);
  });

  it('--changed never passes an option to git', async () => {
    const o = await observe(cases, 'changed-option-injection') as { error: string; wrote: boolean };
    expect(o.wrote).toBe(false);
    expect(o.error).toMatch(/is not a git revision/);
  });
});
