/**
 * schtasks /run on demand (T1053.005): locally from cmd.exe (twice) and from powershell.exe on
 * WKS-01 by CORP\alice.m, and remotely with /s SRV-01 from cmd.exe on WKS-03 by CORP\adm-jsmith.
 * The Splunk seed groups by process name, parent name, host and user: exactly three groups.
 */
import { ACCOUNTS, HOSTS } from '../hosts.ts';
import { bootTree } from '../boot.ts';
import type { Scenario } from '../scenario.ts';
import { CMD, interactiveSession, openConsole, POWERSHELL, runCommand, SCHTASKS } from '../shell.ts';
import { runTask } from '../schedule-service.ts';
import { rpcVisit, SCHEDULE_PORT } from '../rpc-client.ts';
import { at } from '../time.ts';

export const USER_TASK = { uri: '\\Updater\\UserSync', guid: '{8C1D5E07-92AF-4B63-8E11-3F6A0C2D7B94}' };
export const SRV_TASK = { uri: '\\Maintenance\\DiskReport', guid: '{1E7B3A28-64C9-4F0D-B5A2-9D83E6F41C05}' };

export const schtasksRun: Scenario = {
  name: 'schtasks_run',
  kind: 'attack',
  techniques: ['T1053.005'],
  source: 'scripts/datasets/scenarios/schtasks-run.ts',
  summary:
    'schtasks.exe /run on demand. On WKS-01 CORP\\alice.m runs the task \\Updater\\UserSync twice from cmd.exe and ' +
    'once from powershell.exe (after one schtasks /query, which must not count); on WKS-03 CORP\\adm-jsmith runs ' +
    '\\Maintenance\\DiskReport on SRV-01 with schtasks /run /s SRV-01 from cmd.exe. Each run leaves TaskScheduler ' +
    '200/201 and the action process on the host that runs the task; the remote run also leaves SRV-01\'s Schedule ' +
    'svchost accepting a high-port connection followed only by a DynamicInfo write (no Actions write). Splunk groups ' +
    '(process, parent, host, user): (schtasks.exe, cmd.exe, WKS-01, CORP\\alice.m) count 2; (schtasks.exe, ' +
    'powershell.exe, WKS-01, CORP\\alice.m) count 1; (schtasks.exe, cmd.exe, WKS-03, CORP\\adm-jsmith) count 1.',
  expected: { elastic: 0, car: 0, splunk: 3 },
  build(rec) {
    const w1 = HOSTS.WKS01, w3 = HOSTS.WKS03, srv = HOSTS.SRV01;
    const alice = interactiveSession(rec, w1, ACCOUNTS.alice, at('2026-10-06T10:01:30.118Z'));
    const cmd = openConsole(rec, alice, CMD, `"${CMD}" `, at('2026-10-06T10:04:41.502Z'));
    const userTask = { host: w1, ...USER_TASK };
    const action = 'C:\\Users\\alice.m\\AppData\\Local\\Updater\\usersync.exe';
    runCommand(rec, cmd, SCHTASKS, `schtasks  /query /tn "${USER_TASK.uri}"`, at('2026-10-06T10:04:58.330Z'));
    for (const when of ['2026-10-06T10:05:12.774Z', '2026-10-06T10:07:41.061Z']) {
      const t = at(when);
      runCommand(rec, cmd, SCHTASKS, `schtasks  /run /tn "${USER_TASK.uri}"`, t);
      runTask(rec, { task: userTask, atMs: t + 95, image: action, commandLine: `"${action}" --sync`, durationMs: 4_200, logon: alice.logon });
    }
    const ps = openConsole(rec, alice, POWERSHELL, `"${POWERSHELL}" `, at('2026-10-06T10:09:02.440Z'));
    const t3 = at('2026-10-06T10:09:30.915Z');
    runCommand(rec, ps, SCHTASKS, `"C:\\Windows\\system32\\schtasks.exe" /run /tn ${USER_TASK.uri}`, t3);
    runTask(rec, { task: userTask, atMs: t3 + 88, image: action, commandLine: `"${action}" --sync`, durationMs: 3_900, logon: alice.logon });

    const admin = interactiveSession(rec, w3, ACCOUNTS.admin, at('2026-10-06T10:10:00.342Z'), 2, true);
    const cmd3 = openConsole(rec, admin, CMD, `"${CMD}" `, at('2026-10-06T10:11:20.007Z'));
    const t4 = at('2026-10-06T10:12:05.530Z');
    const remote = runCommand(rec, cmd3, SCHTASKS, `schtasks /run /s SRV-01 /tn "${SRV_TASK.uri}"`, t4, 900);
    const visit = rpcVisit(rec, { client: remote, server: srv, atMs: t4 + 140, serverProc: bootTree(srv).schedule, serverPort: SCHEDULE_PORT });
    runTask(rec, {
      task: { host: srv, ...SRV_TASK }, atMs: visit.acceptedMs + 310, image: CMD,
      commandLine: 'C:\\Windows\\system32\\cmd.exe /c C:\\Scripts\\diskreport.cmd', durationMs: 2_600,
    });
  },
};
