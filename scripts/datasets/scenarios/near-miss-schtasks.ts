/** Near misses for the schtasks and local-registration paths: no /run, and no incoming connection. */
import { ACCOUNTS, DOMAIN, HOSTS } from '../hosts.ts';
import type { Scenario } from '../scenario.ts';
import { CMD, interactiveSession, openConsole, POWERSHELL, runCommand, SCHTASKS } from '../shell.ts';
import { deleteTask, registerTask } from '../schedule-service.ts';
import { bootTree } from '../boot.ts';
import { at } from '../time.ts';
import type { TaskDefinition } from '../taskxml.ts';

export const nearMissSchtasksNoRun: Scenario = {
  name: 'near_miss_schtasks_no_run',
  kind: 'benign',
  techniques: [],
  source: 'scripts/datasets/scenarios/near-miss-schtasks.ts',
  summary:
    'Administrative schtasks.exe use without /run: on SRV-01, in an RDP session from WKS-03, CORP\\adm-jsmith runs ' +
    'schtasks /query (list and single task), /create (daily backup task, /ru SYSTEM), /change (new start time) and ' +
    '/delete; the Schedule service logs the local registration (TaskCache, 4698/106), the update (4702/140) and the ' +
    'deletion (4699/141). No command line contains "/run" and no connection reaches the Schedule service.',
  expected: { elastic: 0, car: 0, splunk: 0 },
  build(rec) {
    const srv = HOSTS.SRV01;
    const s = interactiveSession(rec, srv, ACCOUNTS.admin, at('2026-10-06T10:58:12.301Z'), 10, true);
    const cmd = openConsole(rec, s, CMD, `"${CMD}" `, at('2026-10-06T11:00:03.118Z'));
    const task = { host: srv, uri: '\\Contoso\\NightlyBackup', guid: '{B5E0F3A2-7C14-4E98-A1D6-2F04C8B97E13}' };
    const def: TaskDefinition = {
      uri: task.uri, author: 'CORP\\adm-jsmith', registeredMs: at('2026-10-06T11:01:10Z'), command: 'C:\\Scripts\\backup.cmd',
      runAs: 'S-1-5-18', trigger: { kind: 'daily', startMs: at('2026-10-07T02:00:00Z') },
    };
    runCommand(rec, cmd, SCHTASKS, 'schtasks  /query /fo LIST /v', at('2026-10-06T11:00:21.640Z'), 2_300);
    const c1 = at('2026-10-06T11:01:09.882Z');
    runCommand(rec, cmd, SCHTASKS, `schtasks  /create /tn "${task.uri}" /tr "C:\\Scripts\\backup.cmd" /sc daily /st 02:00 /ru SYSTEM`, c1, 400);
    registerTask(rec, { task, def, by: ACCOUNTS.admin, byLogonId: s.logon.logonId, atMs: c1 + 160 });
    const c2 = at('2026-10-06T11:03:44.205Z');
    runCommand(rec, cmd, SCHTASKS, `schtasks  /change /tn "${task.uri}" /st 03:00`, c2, 350);
    registerTask(rec, { task, def: { ...def, trigger: { kind: 'daily', startMs: at('2026-10-07T03:00:00Z') } }, by: ACCOUNTS.admin, byLogonId: s.logon.logonId, atMs: c2 + 140, update: true });
    runCommand(rec, cmd, SCHTASKS, `schtasks  /query /tn "${task.uri}"`, at('2026-10-06T11:04:02.771Z'));
    const old = { host: srv, uri: '\\Contoso\\OldReport', guid: '{6A93C1F8-0B2D-4C57-9E3A-D1F27B84A609}' };
    const c3 = at('2026-10-06T11:05:30.019Z');
    runCommand(rec, cmd, SCHTASKS, `schtasks  /delete /tn "${old.uri}" /f`, c3, 300);
    deleteTask(rec, old, { ...def, uri: old.uri, command: 'C:\\Scripts\\report.cmd' }, ACCOUNTS.admin, s.logon.logonId, c3 + 120);
  },
};

const machine = (short: string) => ({ domain: DOMAIN, name: `${short.replace('-', '')}$`, sid: 'S-1-5-18' });

export const nearMissTaskLocal: Scenario = {
  name: 'near_miss_task_local',
  kind: 'benign',
  techniques: [],
  source: 'scripts/datasets/scenarios/near-miss-schtasks.ts',
  summary:
    'Local task registration on SRV-01 with no incoming connection: CORP\\adm-jsmith registers \\Contoso\\LogCleanup ' +
    'with Register-ScheduledTask (PowerShell through the WMI provider host), and Defender\'s platform update ' +
    're-registers its scheduled scan as SYSTEM. The Schedule svchost writes TaskCache\\Tasks\\{GUID}\\Actions each time ' +
    '(4698/106 and 4702/140); nothing connects to it over the network.',
  expected: { elastic: 0, car: 0, splunk: 0 },
  build(rec) {
    const srv = HOSTS.SRV01;
    const boot = bootTree(srv);
    const s = interactiveSession(rec, srv, ACCOUNTS.admin, at('2026-10-06T11:29:40.512Z'), 10, true);
    const ps = openConsole(rec, s, POWERSHELL, `"${POWERSHELL}" `, at('2026-10-06T11:30:02.880Z'));
    const wmi = rec.host(srv).spawn({ parent: boot.dcomLaunch, image: 'C:\\Windows\\System32\\wbem\\WmiPrvSE.exe', commandLine: 'C:\\Windows\\system32\\wbem\\wmiprvse.exe -Embedding', startMs: at('2026-10-06T11:31:15.227Z'), logon: boot.rpcss.logon, integrity: 'System' });
    rec.start(wmi, 6);
    const task = { host: srv, uri: '\\Contoso\\LogCleanup', guid: '{D2C84B16-5F3E-4A07-8C9B-61E0A7F3D258}' };
    const def: TaskDefinition = {
      uri: task.uri, author: 'CORP\\adm-jsmith', registeredMs: at('2026-10-06T11:31:16Z'), command: 'C:\\Scripts\\cleanup.cmd',
      runAs: 'S-1-5-18', trigger: { kind: 'daily', startMs: at('2026-10-07T04:00:00Z') },
    };
    registerTask(rec, { task, def, by: ACCOUNTS.admin, byLogonId: s.logon.logonId, atMs: at('2026-10-06T11:31:16.402Z') });
    const mp = rec.host(srv).spawn({ parent: boot.msmpeng, image: 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25080.5-0\\MpCmdRun.exe', commandLine: '"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25080.5-0\\MpCmdRun.exe" -IdleTask -TaskName WdConfigureScheduledTasks', startMs: at('2026-10-06T11:34:50.090Z'), integrity: 'System' });
    rec.start(mp, 5, ['C:\\Windows\\System32\\taskschd.dll']);
    const scan = { host: srv, uri: '\\Microsoft\\Windows\\Windows Defender\\Windows Defender Scheduled Scan', guid: '{0B8D1C3F-2E64-4B9A-8D57-C4A1E93F6D20}' };
    registerTask(rec, {
      task: scan, by: machine(srv.short), byLogonId: '0x3e7', atMs: at('2026-10-06T11:34:51.318Z'), update: true,
      def: { uri: scan.uri, author: 'Microsoft Corporation', registeredMs: at('2026-10-06T11:34:51Z'), command: 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25080.5-0\\MpCmdRun.exe', arguments: 'Scan -ScheduleJob -ScanTrigger 55 -IdleScheduledJob', runAs: 'S-1-5-18', trigger: { kind: 'daily', startMs: at('2026-10-07T01:30:00Z') } },
    });
    rec.exit(mp, at('2026-10-06T11:34:52.771Z'));
  },
};
