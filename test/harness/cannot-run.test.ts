/**
 * machine_learning and threat_match rules: valid, and graded `cannot-run` with what they need
 * (issue 20 item 3) — never pass, never error — while `ok` is not spoiled by them.
 */
import { describe, expect, it } from 'vitest';
import { repoInputs } from '../../engine/harness/inputs.ts';
import { runHarness } from '../../engine/harness/run.ts';
import { TempRepo } from '../e2e/repo.ts';

const rule = (id: string, body: string) => `[metadata]
creation_date = "2024/01/01"
maturity = "production"
updated_date = "2024/01/02"

[rule]
author = ["Elastic"]
description = "d"
license = "Elastic License v2"
name = "Rule ${id.slice(-1)}"
risk_score = 21
rule_id = "${id}"
severity = "low"
${body}
`;

describe('cannot-run status', () => {
  it('names the ML job and the indicator index, in unit and integration', async () => {
    const r = new TempRepo('dac-cannot-run-');
    r.dataset({ name: 'one', kind: 'benign', events: [{ time: '2024-03-01T10:00:00.000Z', image: 'C:\\t\\a.exe', commandLine: 'a' }] });
    r.rule('ml.toml', rule('00000000-0000-4000-8000-00000000000a', 'type = "machine_learning"\nanomaly_threshold = 50\nmachine_learning_job_id = "rare_process"\n'));
    r.rule('tm.toml', rule('00000000-0000-4000-8000-00000000000b', 'type = "threat_match"\nlanguage = "kuery"\nquery = "file.hash.sha256:*"\nthreat_index = ["logs-ti_*"]\n[[rule.threat_mapping]]\n[[rule.threat_mapping.entries]]\nfield = "file.hash.sha256"\ntype = "mapping"\nvalue = "threat.indicator.file.hash.sha256"\n'));
    const { report } = await runHarness(repoInputs(r.root), { version: 'test' });
    const by = new Map(report.rules.map((x) => [x.file, x]));
    const ml = by.get('rules/ml.toml')!;
    expect([ml.validation.status, ml.unit.status, ml.integration.status]).toEqual(['pass', 'cannot-run', 'cannot-run']);
    expect(ml.unit.reasons[0]).toMatch(/^cannot run locally: needs ML job rare_process/);
    const tm = by.get('rules/tm.toml')!;
    expect([tm.validation.status, tm.unit.status, tm.integration.status]).toEqual(['pass', 'cannot-run', 'cannot-run']);
    expect(tm.integration.reasons[0]).toMatch(/^cannot run locally: needs indicator index logs-ti_\*/);
    expect(report.totals.unit['cannot-run']).toBe(2);
    expect(report.totals.ok).toBe(true);
  });
});
