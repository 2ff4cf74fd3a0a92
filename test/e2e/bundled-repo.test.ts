/**
 * The bundled repo itself, as `npm start` grades it: every dataset reads without problems and
 * every rule passes (the seeds in every language they are written in). Catches what a fresh
 * clone would miss, such as a dataset file that never made it into git.
 */
import { describe, expect, it } from 'vitest';
import { repoInputs } from '../../engine/harness/inputs.ts';
import { runHarness } from '../../engine/harness/run.ts';
import { REPO_ROOT } from '../support/shared.ts';

describe('the bundled repo', () => {
  it('passes dac test: every dataset clean, every rule through validation, unit and integration', async () => {
    const inputs = repoInputs(REPO_ROOT);
    expect(inputs.repoDiagnostics.map((d) => `${d.file}: ${d.message}`)).toEqual([]);
    const { report } = await runHarness(inputs, { version: 'test' });
    expect(report.datasets.filter((d) => d.problems.length || d.events.rejected).map((d) => d.name)).toEqual([]);
    const failing = report.rules
      .filter((r) => r.validation.status !== 'pass' || !['pass', 'skipped'].includes(r.unit.status) || !['pass', 'skipped'].includes(r.integration.status))
      .map((r) => `${r.id} ${r.file}: ${[...r.validation.reasons, ...r.unit.reasons, ...r.integration.reasons].join('; ')}`);
    expect(failing).toEqual([]);
    const seeds = ['954ee7c8-5437-49ae-b2d6-2960883898e9', 'bb37061e-af1f-11eb-a159-acde48001122', 'CAR-2015-04-002'];
    for (const id of seeds) {
      const r = report.rules.find((x) => x.id === id);
      expect(r && [r.validation.status, r.unit.status, r.integration.status]).toEqual(['pass', 'pass', 'pass']);
    }
    expect(report.totals.ok).toBe(true);
  }, 120_000);
});
