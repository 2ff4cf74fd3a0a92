/**
 * The standard throwaway repo of the e2e suite: two tiny datasets (an attack one and a benign
 * baseline) and one rule per status path. Names say what each rule is for.
 */
import { sigmaRule, TempRepo, type ProcessEvent } from './repo.ts';

const SCHTASKS = 'C:\\Windows\\System32\\schtasks.exe';

export const ATTACK_EVENTS: readonly ProcessEvent[] = [
  { time: '2024-03-01T10:00:00.000Z', host: 'WKS-01.corp.example.com', image: SCHTASKS, commandLine: 'schtasks /run /tn \\Updater\\Sync' },
  { time: '2024-03-01T10:00:05.000Z', host: 'WKS-01.corp.example.com', image: 'C:\\Windows\\System32\\notepad.exe', commandLine: 'notepad.exe' },
  { time: '2024-03-01T10:01:00.000Z', host: 'WKS-02.corp.example.com', image: SCHTASKS, commandLine: 'schtasks /run /s SRV-01 /tn \\Maint' },
];

export const BENIGN_EVENTS: readonly ProcessEvent[] = [
  { time: '2024-03-01T09:00:00.000Z', host: 'WKS-03.corp.example.com', image: 'C:\\Windows\\System32\\whoami.exe', commandLine: 'whoami /all' },
  { time: '2024-03-01T09:30:00.000Z', host: 'WKS-03.corp.example.com', image: SCHTASKS, commandLine: 'schtasks /query' },
];

/** Rule ids by purpose. */
export const ID = {
  pass: '00000000-0000-4000-8000-000000000001',
  tooMany: '00000000-0000-4000-8000-000000000002',
  tooFew: '00000000-0000-4000-8000-000000000003',
  field: '00000000-0000-4000-8000-000000000004',
  falsePositive: '00000000-0000-4000-8000-000000000005',
  invalid: '00000000-0000-4000-8000-000000000006',
  noTests: '00000000-0000-4000-8000-000000000007',
  untested: '00000000-0000-4000-8000-000000000008',
} as const;

const cases = (attack: number, extra = '') =>
  `tests:\n  - dataset: attack_one\n    description: two schtasks /run on two hosts\n    expect:\n      alerts: ${attack}${extra}\n  - dataset: benign_one\n    expect:\n      alerts: 0`;

/** Writes the datasets and the rules (all, or those named) into a fresh temp repo. */
export function standardRepo(only?: readonly (keyof typeof ID)[]): TempRepo {
  const repo = new TempRepo();
  repo.dataset({ name: 'attack_one', kind: 'attack', events: ATTACK_EVENTS, techniques: ['T1053.005'] });
  repo.dataset({ name: 'benign_one', kind: 'benign', events: BENIGN_EVENTS });
  const want = (k: keyof typeof ID) => !only || only.includes(k);
  const run = { image: '\\schtasks.exe', commandContains: '/run' };
  if (want('pass')) {
    repo.rule('pass.yml', sigmaRule({
      id: ID.pass, title: 'Schtasks Run Passes', ...run, tags: ['attack.execution', 'attack.t1053.005', 'attack.t1059'],
      tests: cases(2, '\n      process.name: schtasks.exe'),
    }));
  }
  if (want('tooMany')) repo.rule('too_many.yml', sigmaRule({ id: ID.tooMany, title: 'Expects Too Few', ...run, tests: cases(1) }));
  if (want('tooFew')) repo.rule('too_few.yml', sigmaRule({ id: ID.tooFew, title: 'Expects Too Many', ...run, tests: cases(3) }));
  if (want('field')) repo.rule('field.yml', sigmaRule({ id: ID.field, title: 'Wrong Host Asserted', ...run, tests: cases(2, '\n      host.name: SRV-99.corp.example.com') }));
  if (want('falsePositive')) {
    repo.rule('false_positive.yml', sigmaRule({
      id: ID.falsePositive, title: 'Whoami Fires On Baseline', image: '\\whoami.exe', tags: ['attack.discovery', 'attack.t1033'],
      tests: 'tests:\n  - dataset: attack_one\n    expect:\n      alerts: 0',
    }));
  }
  if (want('invalid')) repo.rule('invalid.yml', sigmaRule({ id: ID.invalid, title: 'Bad Level', image: '\\cmd.exe', tests: cases(0) }).replace('level: medium', 'level: severe'));
  if (want('noTests')) repo.rule('no_tests.yml', sigmaRule({ id: ID.noTests, title: 'Has No Tests', image: '\\mimikatz.exe' }));
  if (want('untested')) repo.rule('untested.yml', sigmaRule({ id: ID.untested, title: 'Opted Out', image: '\\psexec.exe', tests: 'tests: []\ntests_skip_reason: needs a live domain controller to replay' }));
  return repo;
}
