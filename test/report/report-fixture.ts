/**
 * A report for the HTML tests, made by the real harness: the e2e repo (every status path) plus a
 * rule and a dataset carrying markup in their text, to prove everything is escaped.
 */
import { repoInputs } from '../../engine/harness/inputs.ts';
import { runHarness } from '../../engine/harness/run.ts';
import type { RunReport } from '../../engine/harness/types.ts';
import { standardRepo } from '../e2e/fixtures.ts';
import { sigmaRule } from '../e2e/repo.ts';

export const HOSTILE_ID = '00000000-0000-4000-8000-0000000000ff';
export const HOSTILE_TITLE = `<script>window.pwned=1</script> & "quoted" 'single'`;
export const HOSTILE_COMMAND = `evil.exe "<img src=x onerror=window.pwned=2>"`;

export async function makeReport(): Promise<RunReport> {
  const repo = standardRepo();
  repo.dataset({ name: 'hostile', kind: 'attack', events: [{ time: '2024-03-02T00:00:00.000Z', image: 'C:\\t\\evil.exe', commandLine: HOSTILE_COMMAND }] });
  repo.rule('hostile.yml', sigmaRule({
    id: HOSTILE_ID, title: JSON.stringify(HOSTILE_TITLE), image: '\\evil.exe',
    tests: 'tests:\n  - dataset: hostile\n    description: "</td></tr><tr><td>injected"\n    expect:\n      alerts: 1',
  }));
  return (await runHarness(repoInputs(repo.root), { version: 'test' })).report;
}
