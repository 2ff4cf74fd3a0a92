/**
 * benign_baseline: 25 hours of ordinary activity on five hosts (2026-10-05 00:00 to 2026-10-06
 * 01:00 UTC). It holds the ingredients of the remote-task detections apart, never combined:
 * svchost accepting high-port connections (the EventLog service, never the Schedule service),
 * the Schedule service writing TaskCache Actions (component maintenance, no connection), and
 * schtasks.exe /query by administrators (never /run).
 */
import { ACCOUNTS, HOSTS } from '../hosts.ts';
import { bootTree } from '../boot.ts';
import type { Scenario } from '../scenario.ts';
import { registerTask, runTask } from '../schedule-service.ts';
import { logonSuccess } from '../security.ts';
import { interactiveSession } from '../shell.ts';
import { at, HOUR, MINUTE, SECOND } from '../time.ts';
import { background, type Window } from './background.ts';
import { adminChecks, dcTraffic, remoteEventViewer, userDay } from './people.ts';

const FROM = at('2026-10-05T00:00:00Z');
const TO = at('2026-10-06T01:00:00Z');
/** Activity rates at scale 1; tuned so the full-size baseline holds a little over 50,000 events. */
const DENSITY = 2.7;

export const benignBaseline: Scenario = {
  name: 'benign_baseline',
  kind: 'benign',
  techniques: [],
  gzip: true,
  source: 'scripts/datasets/baseline/index.ts',
  summary:
    'Ordinary activity on DC-01, SRV-01, WKS-01, WKS-02 and WKS-03 from 2026-10-05 00:00 to 2026-10-06 01:00 UTC: ' +
    'SRV-01 reboots after patching at 00:18 (its boot process tree, including the Schedule svchost, is logged); users ' +
    'log on and work in Chrome/Edge, Teams, Outlook and OneDrive, open file shares on SRV-01; Windows runs maintenance ' +
    'tasks, Defender updates, WMI, group-policy refreshes and search indexing; admins run schtasks /query, ipconfig, ' +
    'whoami and gpupdate and read SRV-01\'s and DC-01\'s event logs remotely (the EventLog svchost accepts on 49665). ' +
    'The Schedule svchost rewrites TaskCache Actions when components re-register their tasks, but never accepts a ' +
    'network connection; nobody runs schtasks /run; no ITaskSchedulerService traffic crosses the wire.',
  expected: { elastic: 0, car: 0, splunk: 0 },
  build(rec, opts) {
    const w: Window = { from: FROM, to: TO, scale: opts.scale * DENSITY };
    const srv = HOSTS.SRV01;
    // SRV-01's boot: every boot process is logged, then SYSTEM's service logons.
    for (const p of bootTree(srv).ordered) if (p.image !== 'System') rec.start(p, 6);
    rec.security(srv, 4624, srv.bootMs + 9 * SECOND, logonSuccess(srv, { type: 5, target: ACCOUNTS.system, targetLogonId: '0x3e7', processId: 676, processName: 'C:\\Windows\\System32\\services.exe' }));
    for (const spec of Object.values(HOSTS)) {
      const from = spec.bootMs > FROM ? spec.bootMs + 2 * MINUTE : FROM;
      background(rec, spec, { ...w, from });
    }
    const days: Array<[typeof HOSTS.WKS01, typeof ACCOUNTS.alice, string, string]> = [
      [HOSTS.WKS01, ACCOUNTS.alice, '2026-10-05T07:41:12.530Z', '2026-10-05T16:58:40.004Z'],
      [HOSTS.WKS02, ACCOUNTS.bob, '2026-10-05T08:12:45.871Z', '2026-10-05T17:31:02.660Z'],
      [HOSTS.WKS03, ACCOUNTS.carol, '2026-10-05T07:55:03.209Z', '2026-10-05T16:20:19.318Z'],
    ];
    for (const [host, who, on, off] of days) userDay(rec, host, who, w, at(on), at(off));
    const admin = interactiveSession(rec, HOSTS.WKS03, ACCOUNTS.admin, at('2026-10-05T08:31:00.120Z'), 2, true);
    adminChecks(rec, admin, { from: at('2026-10-05T08:35:00Z'), to: at('2026-10-05T17:30:00Z'), scale: w.scale });
    const rdp = interactiveSession(rec, srv, ACCOUNTS.admin, at('2026-10-05T10:02:17.433Z'), 10, true);
    adminChecks(rec, rdp, { from: at('2026-10-05T10:05:00Z'), to: at('2026-10-05T15:00:00Z'), scale: w.scale });
    for (const [target, when] of [[srv, '2026-10-05T09:17:30.004Z'], [HOSTS.DC01, '2026-10-05T13:42:05.512Z'], [srv, '2026-10-05T15:06:48.270Z']] as const) {
      remoteEventViewer(rec, admin, target, at(when));
    }
    // Near-ingredients side by side: 15 s after the EventLog svchost accepts a remote reader, the
    // Schedule svchost (a different process) re-registers a task locally.
    const reg = { host: srv, uri: '\\Microsoft\\Windows\\UpdateOrchestrator\\Schedule Scan', guid: '{5B18F4C2-0A9E-4D63-87B1-E3C6A2D05F49}' };
    const t = at('2026-10-05T15:07:05.118Z');
    registerTask(rec, { task: reg, by: { domain: 'CORP', name: 'SRV01$', sid: 'S-1-5-18' }, byLogonId: '0x3e7', atMs: t, update: true,
      def: { uri: reg.uri, author: 'Microsoft Corporation', registeredMs: t, command: 'C:\\Windows\\system32\\usoclient.exe', arguments: 'StartScan', runAs: 'S-1-5-18', trigger: { kind: 'daily', startMs: t + 12 * HOUR } } });
    // Nightly backup on SRV-01 as svc-backup: robocopy writing to the backup volume.
    const backup = { host: srv, uri: '\\Contoso\\NightlyBackup', guid: '{B5E0F3A2-7C14-4E98-A1D6-2F04C8B97E13}' };
    const svcLogon = rec.host(srv).newLogon(ACCOUNTS.backup, at('2026-10-05T02:00:00.010Z'), 0);
    const copy = runTask(rec, { task: backup, atMs: at('2026-10-05T02:00:00.020Z'), image: 'C:\\Windows\\System32\\Robocopy.exe', commandLine: 'robocopy  D:\\Shares E:\\Backup\\Shares /MIR /R:1 /W:1 /NP /LOG:E:\\Backup\\robocopy.log', durationMs: 14 * MINUTE, logon: svcLogon });
    for (let i = 0, n = Math.max(5, Math.round(400 * opts.scale)); i < n; i++) {
      rec.file(copy, copy.startMs + 2000 + i * 2000, `E:\\Backup\\Shares\\${rec.rng.pick(['Finance', 'HR', 'Projects', 'Sales'])}\\${rec.rng.hex(6)}.${rec.rng.pick(['xlsx', 'docx', 'pdf', 'pptx'])}`);
    }
    dcTraffic(rec, w, [HOSTS.SRV01, HOSTS.WKS01, HOSTS.WKS02, HOSTS.WKS03]);
  },
};
