/** The whole rule repo, loaded once: every offender is listed as "file:line:col code message". */
import { describe, expect, it } from 'vitest';
import { formatOneLine } from '../../engine/diag/render.ts';
import { validateRepo } from '../../engine/validate/validate-repo.ts';
import { REPO_ROOT } from '../support/shared.ts';

describe('rules/ (the bundled repo)', () => {
  const v = validateRepo(REPO_ROOT);
  const lookup = (f: string) => v.sources.get(f);

  const SEEDS = [
    'rules/windows/car_2015_04_002_remote_scheduled_tasks_rpc.yml',
    'rules/windows/lateral_movement_remote_scheduled_task_creation.toml',
    'rules/windows/schtasks_run_task_on_demand.yml',
  ];
  const seeds = v.rules.filter((r) => SEEDS.includes(r.file));

  it('has the three seed rules, one per home dialect', () => {
    expect(seeds.map((r) => `${r.dialect}/${r.language}`).sort()).toEqual(['car/car', 'elastic/eql', 'escu/spl']);
    expect(v.macros.has('security_content_ctime(1)')).toBe(true);
    expect(v.macros.has('drop_dm_object_name(1)')).toBe(true);
  });

  it('has no file-level problems', () => {
    expect(v.fileDiagnostics.map((d) => formatOneLine(d, lookup))).toEqual([]);
  });

  it('every rule is valid', () => {
    const offenders = v.results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${r.rule.id} - ${formatOneLine(d, lookup)}`));
    expect(offenders).toEqual([]);
  });

  it('every seed rule has dac tests', () => {
    expect(seeds.filter((r) => r.tests.kind !== 'cases').map((r) => r.file)).toEqual([]);
  });
});
