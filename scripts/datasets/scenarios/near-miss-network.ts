/** Near misses for the network half of the remote-task detections. */
import { ACCOUNTS, HOSTS, LINUX_ADMIN } from '../hosts.ts';
import { bootTree } from '../boot.ts';
import type { Scenario } from '../scenario.ts';
import { CMD, interactiveSession, openConsole, POWERSHELL, runCommand, SCHTASKS } from '../shell.ts';
import { registerTask, runTask } from '../schedule-service.ts';
import { rpcVisit, SCHEDULE_PORT } from '../rpc-client.ts';
import { logonSuccess } from '../security.ts';
import { rpcFlow } from '../zeek.ts';
import { at } from '../time.ts';
import type { Recorder } from '../recorder.ts';
import type { TaskDefinition } from '../taskxml.ts';

const adminDef = (uri: string, registeredMs: number, command: string): TaskDefinition =>
  ({ uri, author: 'CORP\\adm-jsmith', registeredMs, command, runAs: 'S-1-5-18', trigger: { kind: 'daily', startMs: at('2026-10-07T05:00:00Z') } });

export const nearMissSvchostNoTaskcache: Scenario = {
  name: 'near_miss_svchost_no_taskcache',
  kind: 'benign',
  techniques: [],
  source: 'scripts/datasets/scenarios/near-miss-network.ts',
  summary:
    'svchost.exe accepting high-port connections from other hosts with no TaskCache Actions write by the same process ' +
    'within a minute: WKS-03 runs schtasks /query /s SRV-01 (SRV-01\'s Schedule svchost accepts on 49668, then only a ' +
    'DynamicInfo write for a scheduled defrag run 20 s later); WKS-03\'s Event Viewer reads SRV-01\'s log through the ' +
    'EventLog svchost on 49665 while, 15 s later, the Schedule svchost (another process) rewrites a Defender task\'s ' +
    'Actions locally; SRV-01 forwards to DC-01\'s EventLog svchost on 49665.',
  expected: { elastic: 0, car: 0, splunk: 0 },
  build(rec) {
    const srv = HOSTS.SRV01, w3 = HOSTS.WKS03, dc = HOSTS.DC01;
    const boot = bootTree(srv);
    const s = interactiveSession(rec, w3, ACCOUNTS.admin, at('2026-10-06T11:58:30.771Z'), 2, true);
    const cmd = openConsole(rec, s, CMD, `"${CMD}" `, at('2026-10-06T11:59:41.306Z'));
    const t1 = at('2026-10-06T12:00:10.448Z');
    const q = runCommand(rec, cmd, SCHTASKS, 'schtasks /query /s SRV-01 /fo LIST', t1, 1_700);
    const v = rpcVisit(rec, { client: q, server: srv, atMs: t1 + 120, serverProc: boot.schedule, serverPort: SCHEDULE_PORT });
    runTask(rec, {
      task: { host: srv, uri: '\\Microsoft\\Windows\\Defrag\\ScheduledDefrag', guid: '{3C5E8A71-D94B-4F26-B0E8-17A6C2F95D43}' },
      atMs: v.acceptedMs + 20_000, image: 'C:\\Windows\\System32\\defrag.exe', commandLine: 'C:\\Windows\\system32\\defrag.exe -c -h -o -$', durationMs: 41_000,
    });
    const mmc = runCommand(rec, s.explorer, 'C:\\Windows\\System32\\mmc.exe', '"C:\\Windows\\system32\\mmc.exe" "C:\\Windows\\system32\\eventvwr.msc" /computer=SRV-01', at('2026-10-06T12:05:00.117Z'), 90_000, 8);
    rpcVisit(rec, { client: mmc, server: srv, atMs: at('2026-10-06T12:05:01.905Z'), serverProc: boot.eventLog, serverPort: 49665 });
    const scan = { host: srv, uri: '\\Microsoft\\Windows\\Windows Defender\\Windows Defender Cache Maintenance', guid: '{A7F2046B-1D8C-4E35-9B2F-80C6D3E15A97}' };
    registerTask(rec, {
      task: scan, by: { domain: 'CORP', name: 'SRV01$', sid: 'S-1-5-18' }, byLogonId: '0x3e7', atMs: at('2026-10-06T12:05:17.630Z'), update: true,
      def: { uri: scan.uri, author: 'Microsoft Corporation', registeredMs: at('2026-10-06T12:05:17Z'), command: 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25080.5-0\\MpCmdRun.exe', arguments: '-IdleTask -TaskName WdCacheMaintenance', runAs: 'S-1-5-18', trigger: { kind: 'daily', startMs: at('2026-10-07T01:00:00Z') } },
    });
    rpcVisit(rec, { client: bootTree(srv).eventLog, server: dc, atMs: at('2026-10-06T12:08:30.550Z'), serverProc: bootTree(dc).eventLog, serverPort: 49665 });
  },
};

/** The client and server sides of one loopback connection, then a local registration through it. */
function loopback(rec: Recorder, client: Parameters<Recorder['net']>[0], ip: string, atMs: number): number {
  const srv = client.host;
  const port = rec.rng.int(50000, 60000);
  const sched = bootTree(srv).schedule;
  const c = { protocol: 'tcp' as const, srcIp: ip, srcHost: srv.fqdn, srcPort: port, dstIp: ip, dstHost: srv.fqdn, dstPort: SCHEDULE_PORT };
  rec.net(client, atMs, { ...c, initiated: true });
  rec.net(sched, atMs + 1, { ...c, initiated: false });
  const logon = rec.host(srv).newLogon(client.logon.account, atMs + 2, 0);
  rec.security(srv, 4624, atMs + 2, logonSuccess(srv, { type: 3, target: client.logon.account, targetLogonId: logon.logonId, ip: ip.includes(':') ? '::1' : ip, port, kerberos: true, logonGuid: rec.rng.guid(), elevated: true }));
  return atMs + 1;
}

export const nearMissLoopback: Scenario = {
  name: 'near_miss_loopback',
  kind: 'benign',
  techniques: [],
  source: 'scripts/datasets/scenarios/near-miss-network.ts',
  summary:
    'A task registered through a loopback RPC connection: on SRV-01 a PowerShell script connects Schedule.Service to ' +
    '127.0.0.1, and later to the IPv6 loopback, which Sysmon writes uncompressed as 0:0:0:0:0:0:0:1 (the same address ' +
    'as ::1; compare as IP addresses, not strings). Each time the Schedule svchost accepts a high-port connection from ' +
    'the loopback address and writes TaskCache\\Tasks\\{GUID}\\Actions within a second.',
  expected: { elastic: 0, car: 0, splunk: 0 },
  build(rec) {
    const srv = HOSTS.SRV01;
    const s = interactiveSession(rec, srv, ACCOUNTS.admin, at('2026-10-06T12:28:55.018Z'), 10, true);
    const ps = openConsole(rec, s, POWERSHELL, `"${POWERSHELL}" -NoProfile -File C:\\Scripts\\Register-Reports.ps1`, at('2026-10-06T12:30:08.612Z'), 'C:\\Scripts\\');
    rec.load(ps, at('2026-10-06T12:30:09.240Z'), 'C:\\Windows\\System32\\taskschd.dll');
    const cases = [
      { ip: '127.0.0.1', when: '2026-10-06T12:30:10.031Z', uri: '\\Contoso\\WeeklyReport', guid: '{E4B1792C-8A3D-4F60-9C15-B2D7083E6F41}' },
      { ip: '0:0:0:0:0:0:0:1', when: '2026-10-06T12:33:40.517Z', uri: '\\Contoso\\MonthlyReport', guid: '{59D0E6A3-C712-4B8E-A4F9-0E3B61C8D725}' },
    ];
    for (const c of cases) {
      const accepted = loopback(rec, ps, c.ip, at(c.when));
      registerTask(rec, { task: { host: srv, uri: c.uri, guid: c.guid }, def: adminDef(c.uri, accepted + 500, 'C:\\Scripts\\report.cmd'), by: ACCOUNTS.admin, byLogonId: s.logon.logonId, atMs: accepted + 480 });
    }
    rec.exit(ps, at('2026-10-06T12:33:45.002Z'));
  },
};

export const nearMissTaskcacheLate: Scenario = {
  name: 'near_miss_taskcache_late',
  kind: 'benign',
  techniques: [],
  source: 'scripts/datasets/scenarios/near-miss-network.ts',
  summary:
    'A remote registration whose TaskCache write comes too late: from WKS-03 an interactive PowerShell session connects ' +
    'Schedule.Service to SRV-01 (the Schedule svchost accepts on 49668 from a port >= 49152) and registers the task ' +
    '101 s later over the same connection, so the Actions write falls outside a 1-minute window on either clock ' +
    '(Sysmon logs the connection 4-12 s late here).',
  expected: { elastic: 0, car: 0, splunk: 0 },
  build(rec) {
    const srv = HOSTS.SRV01, w3 = HOSTS.WKS03;
    const s = interactiveSession(rec, w3, ACCOUNTS.admin, at('2026-10-06T12:58:02.440Z'), 2, true);
    const ps = openConsole(rec, s, POWERSHELL, `"${POWERSHELL}" `, at('2026-10-06T12:59:20.193Z'));
    rec.load(ps, at('2026-10-06T13:00:04.870Z'), 'C:\\Windows\\System32\\taskschd.dll');
    const v = rpcVisit(rec, { client: ps, server: srv, atMs: at('2026-10-06T13:00:05.402Z'), serverProc: bootTree(srv).schedule, serverPort: SCHEDULE_PORT, serverLagMs: rec.rng.int(4_000, 12_000) });
    const uri = '\\Contoso\\InventorySync';
    registerTask(rec, { task: { host: srv, uri, guid: '{7F3A0D95-B6E2-4C18-8A4D-E9125C7B3F60}' }, def: adminDef(uri, v.acceptedMs + 101_000, 'C:\\Scripts\\inventory.cmd'), by: ACCOUNTS.admin, byLogonId: v.serverLogon.logonId, atMs: v.acceptedMs + 101_000 });
    rec.exit(ps, at('2026-10-06T13:02:30.008Z'));
  },
};

export const nearMissRpcOtherInterfaces: Scenario = {
  name: 'near_miss_rpc_other_interfaces',
  kind: 'benign',
  techniques: [],
  source: 'scripts/datasets/scenarios/near-miss-network.ts',
  extraHosts: ['SRV-01 (10.0.1.10)', 'DC-01 (10.0.1.5)', 'WKS-01 (10.0.1.21)', 'WKS-03 (10.0.1.23)', `${LINUX_ADMIN.short} (${LINUX_ADMIN.ip})`],
  summary:
    'Zeek only. DCE/RPC between high ports to other interfaces (svcctl and winreg on SRV-01, samr on DC-01), and ' +
    'ITaskSchedulerService where one port is below 49152: over SMB \\pipe\\atsvc (port 445), from a Linux admin box ' +
    'whose ephemeral port is 40112, and to DC-01 whose RPC dynamic range is restricted to 5000-5100.',
  expected: { elastic: 0, car: 0, splunk: 0 },
  build(rec) {
    const srv = HOSTS.SRV01, dc = HOSTS.DC01, w1 = HOSTS.WKS01, w3 = HOSTS.WKS03;
    const viaMapper = (t: number, origIp: string, origPort: number, respIp: string, port: number, endpoint: string, ops: readonly string[]) => {
      rpcFlow(rec, t, { origIp, origPort, respIp, respPort: 135 }, '135', [{ atMs: 2, endpoint: 'epmapper', operation: 'ept_map', rttMs: 1 }]);
      rpcFlow(rec, t + 45, { origIp, origPort: origPort + 1, respIp, respPort: port }, String(port),
        ops.map((operation, i) => ({ atMs: 8 + i * 30, endpoint, operation, rttMs: 1 + (i % 3) })));
    };
    viaMapper(at('2026-10-06T13:30:04.210Z'), w3.ip, 55120, srv.ip, 49670, 'svcctl', ['OpenSCManagerW', 'EnumServicesStatusW', 'CloseServiceHandle']);
    viaMapper(at('2026-10-06T13:31:12.580Z'), w3.ip, 55208, srv.ip, 49671, 'winreg', ['OpenLocalMachine', 'BaseRegOpenKey', 'BaseRegQueryValue', 'BaseRegCloseKey']);
    viaMapper(at('2026-10-06T13:32:40.006Z'), srv.ip, 61022, dc.ip, 49667, 'samr', ['SamrConnect5', 'SamrEnumerateDomainsInSamServer', 'SamrLookupDomainInSamServer', 'SamrOpenDomain', 'SamrCloseHandle']);
    rpcFlow(rec, at('2026-10-06T13:34:05.733Z'), { origIp: w3.ip, origPort: 55390, respIp: srv.ip, respPort: 445 }, '\\pipe\\atsvc',
      [{ atMs: 60, endpoint: 'ITaskSchedulerService', operation: 'SchRpcHighestVersion', rttMs: 1 }, { atMs: 95, endpoint: 'ITaskSchedulerService', operation: 'SchRpcEnumTasks', rttMs: 4 }], 'smb,dce_rpc');
    viaMapper(at('2026-10-06T13:35:20.118Z'), LINUX_ADMIN.ip, 40111, srv.ip, SCHEDULE_PORT, 'ITaskSchedulerService', ['SchRpcHighestVersion', 'SchRpcEnumTasks']);
    viaMapper(at('2026-10-06T13:36:44.902Z'), w1.ip, 50233, dc.ip, 5001, 'ITaskSchedulerService', ['SchRpcHighestVersion', 'SchRpcGetTaskInfo']);
  },
};
