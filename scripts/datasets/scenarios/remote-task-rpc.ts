/**
 * Remote scheduled task creation over RPC (T1053.005 via T1021): a PowerShell script on WKS-02
 * drives the Schedule.Service COM API against SRV-01. SRV-01's Schedule svchost accepts the
 * dynamic-port connection, then registers the task (TaskCache writes incl. Actions, 4698, 106) and,
 * three seconds later on the same connection, updates it (Actions again, 4702, 140).
 */
import { ACCOUNTS, HOSTS } from '../hosts.ts';
import { bootTree } from '../boot.ts';
import type { Scenario } from '../scenario.ts';
import { interactiveSession, openConsole, POWERSHELL } from '../shell.ts';
import { registerTask } from '../schedule-service.ts';
import { rpcVisit, SCHEDULE_PORT } from '../rpc-client.ts';
import { at } from '../time.ts';
import type { TaskDefinition } from '../taskxml.ts';

export const REMOTE_TASK_GUID = '{4F2A9C61-3B7E-4D15-9A0C-7E52B1D8C340}';
export const REMOTE_TASK_URI = '\\Microsoft\\Windows\\WDI\\SrvHostCheck';

export const remoteTaskRpc: Scenario = {
  name: 'remote_task_rpc',
  kind: 'attack',
  techniques: ['T1053.005', 'T1021'],
  source: 'scripts/datasets/scenarios/remote-task-rpc.ts',
  summary:
    'Remote scheduled task creation over RPC. On WKS-02 (10.0.1.22) CORP\\adm-jsmith runs a PowerShell script that ' +
    'uses the Schedule.Service COM API against SRV-01 (10.0.1.10): endpoint mapper on 135, then ' +
    `ITaskSchedulerService on SRV-01's dynamic port ${SCHEDULE_PORT} from a client port >= 49152. On SRV-01 the Schedule ` +
    'svchost (svchost.exe -k netsvcs -p -s Schedule, child of services.exe) accepts the connection (Sysmon 3, Initiated ' +
    `false) and 0.4 s later writes TaskCache\\Tasks\\${REMOTE_TASK_GUID}\\Actions, Path, Triggers and DynamicInfo ` +
    '(Sysmon 12/13), with Security 4698 and TaskScheduler 106; 3 s later the same connection updates the task ' +
    '(Actions rewritten, 4702, 140). Zeek conn.log and dce_rpc.log hold the same exchange: one epmapper flow and one ' +
    'ITaskSchedulerService flow with three calls (SchRpcHighestVersion, SchRpcRegisterTask twice). Sysmon logs the ' +
    'network events about 20 s late, so on the record clock the connection follows the registry write.',
  expected: { elastic: 1, elasticRecordClock: 0, car: 3, splunk: 0 },
  build(rec) {
    const wks = HOSTS.WKS02;
    const srv = HOSTS.SRV01;
    const t0 = at('2026-10-06T09:14:04.650Z');
    const session = interactiveSession(rec, wks, ACCOUNTS.admin, at('2026-10-06T09:02:11.204Z'), 2, true);
    const ps = openConsole(rec, session, POWERSHELL,
      `"${POWERSHELL}" -NoProfile -ExecutionPolicy Bypass -File C:\\Users\\adm-jsmith\\Documents\\Deploy-SrvCheck.ps1`,
      at('2026-10-06T09:13:58.031Z'), 'C:\\Users\\adm-jsmith\\Documents\\');
    rec.load(ps, t0 - 420, 'C:\\Windows\\System32\\taskschd.dll');
    const schedule = bootTree(srv).schedule;
    const visit = rpcVisit(rec, {
      client: ps, server: srv, atMs: t0 - 40, serverProc: schedule, serverPort: SCHEDULE_PORT, serverLagMs: 21_437,
      endpointForZeek: 'ITaskSchedulerService',
      zeekCalls: [
        { atMs: 9, endpoint: 'ITaskSchedulerService', operation: 'SchRpcHighestVersion', rttMs: 1 },
        { atMs: 441, endpoint: 'ITaskSchedulerService', operation: 'SchRpcRegisterTask', rttMs: 38 },
        { atMs: 3_452, endpoint: 'ITaskSchedulerService', operation: 'SchRpcRegisterTask', rttMs: 27 },
      ],
    });
    const def: TaskDefinition = {
      uri: REMOTE_TASK_URI, author: 'CORP\\adm-jsmith', registeredMs: t0 + 400, command: 'C:\\Windows\\Temp\\svchelper.exe',
      runAs: 'S-1-5-18', trigger: { kind: 'time', startMs: at('2026-10-06T23:59:00Z') }, hidden: true,
    };
    const task = { host: srv, uri: REMOTE_TASK_URI, guid: REMOTE_TASK_GUID };
    registerTask(rec, { task, def, by: ACCOUNTS.admin, byLogonId: visit.serverLogon.logonId, atMs: visit.acceptedMs + 436 });
    registerTask(rec, {
      task, def: { ...def, arguments: '-k netsvc -p 8443' }, by: ACCOUNTS.admin, byLogonId: visit.serverLogon.logonId,
      atMs: visit.acceptedMs + 3_447, update: true,
    });
    rec.exit(ps, t0 + 5_120);
  },
};
