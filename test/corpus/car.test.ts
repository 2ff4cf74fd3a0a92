/**
 * MITRE CAR as CAR writes it (../shared/corpora/mitre-car/analytics, 102 analytics): ≥ 90%
 * validate under CAR's own schema (scripts/analytic_schema.yaml) and dac's checks, every failure
 * pinned with its reason; the analytics whose implementation dac runs are pinned by id, and every
 * other valid analytic carries a located `car/not-executable` warning saying why.
 */
import { beforeAll, expect, it } from 'vitest';
import { validateRepo, type RepoValidation } from '../../engine/validate/validate-repo.ts';
import { describeShared, REPO_ROOT, sharedPath } from '../support/shared.ts';

const CORPUS = ['corpora', 'mitre-car', 'analytics'];

/** file → first error code. All are ATT&CK checks: CAR maps these techniques under a tactic ATT&CK does not list for them. */
const EXPECTED_FAILURES: Record<string, string> = {
  'CAR-2013-01-002.yaml': 'attack/tactic-mismatch',
  'CAR-2013-02-012.yaml': 'attack/tactic-mismatch',
  'CAR-2013-04-002.yaml': 'attack/tactic-mismatch',
  'CAR-2013-07-001.yaml': 'attack/tactic-mismatch',
  'CAR-2013-07-005.yaml': 'attack/tactic-mismatch',
  'CAR-2014-04-003.yaml': 'attack/tactic-mismatch',
  'CAR-2020-11-001.yaml': 'attack/tactic-mismatch',
};

/** Analytics whose chosen implementation dac runs: file:language (car = pseudocode). */
const RUNS = [
  'CAR-2013-02-003.yaml:car', 'CAR-2013-05-004.yaml:car', 'CAR-2013-05-009.yaml:spl', 'CAR-2013-08-001.yaml:car', 'CAR-2014-03-006.yaml:car',
  'CAR-2014-05-002.yaml:car', 'CAR-2014-11-007.yaml:car', 'CAR-2014-11-008.yaml:car', 'CAR-2015-04-002.yaml:car', 'CAR-2016-03-002.yaml:car',
  'CAR-2019-04-002.yaml:car', 'CAR-2019-07-002.yaml:car', 'CAR-2019-08-001.yaml:car', 'CAR-2019-08-002.yaml:car', 'CAR-2020-09-001.yaml:car',
  'CAR-2020-09-003.yaml:car', 'CAR-2020-09-004.yaml:car', 'CAR-2020-11-008.yaml:car', 'CAR-2020-11-009.yaml:car', 'CAR-2021-01-001.yaml:spl',
  'CAR-2021-01-003.yaml:spl', 'CAR-2021-01-004.yaml:spl', 'CAR-2021-01-007.yaml:car', 'CAR-2021-01-009.yaml:spl', 'CAR-2021-05-002.yaml:car',
];

describeShared('MITRE CAR analytics', CORPUS, () => {
  let v: RepoValidation;
  const base = (f: string): string => f.split('/').pop() as string;

  beforeAll(() => {
    // The corpus is its own repo root: containment refuses rule paths outside the root.
    v = validateRepo(sharedPath(...CORPUS.slice(0, -1)), [sharedPath(...CORPUS)]);
  }, 120_000);

  it('loads all 102 analytics', () => {
    expect(v.results).toHaveLength(102);
    expect(v.fileDiagnostics).toEqual([]);
  });

  it('validates at least 90%, failing exactly the pinned analytics', () => {
    const failures: Record<string, string> = {};
    for (const r of v.results) if (!r.valid) failures[base(r.rule.file)] = r.diagnostics.find((d) => d.severity === 'error')?.code ?? '?';
    expect(failures).toEqual(EXPECTED_FAILURES);
    expect((v.results.length - Object.keys(failures).length) / v.results.length).toBeGreaterThanOrEqual(0.9);
  });

  it('runs the pinned implementations and says, with a location, why each other valid one is not executable', () => {
    const runs: string[] = [];
    const unexplained: string[] = [];
    for (const r of v.results) {
      if (!r.valid) continue;
      if (v.compiled.get(r.rule)?.query) { runs.push(`${base(r.rule.file)}:${r.rule.language}`); continue; }
      const d = r.diagnostics.find((x) => x.code === 'car/not-executable');
      if (!d || !d.span || !d.message.startsWith('not executable: ')) unexplained.push(base(r.rule.file));
    }
    expect(runs).toEqual(RUNS);
    expect(unexplained).toEqual([]);
    process.stdout.write(`CAR: ${v.results.length - Object.keys(EXPECTED_FAILURES).length}/102 validate; ${runs.length}/102 run (${runs.filter((x) => x.endsWith(':car')).length} pseudocode)\n`);
  });
});
