/**
 * What every Windows host does on its own all day: maintenance tasks, service DNS and network
 * traffic, Defender, WMI, group-policy refresh, and now and then a component re-registering one
 * of its scheduled tasks (a TaskCache Actions write with no network connection to the service).
 */
import { ACCOUNTS, DOMAIN, HOSTS, type HostSpec } from '../hosts.ts';
import { bootTree } from '../boot.ts';
import type { Recorder } from '../recorder.ts';
import { registerTask, runTask } from '../schedule-service.ts';
import { logonSuccess } from '../security.ts';
import { plainFlow, rpcFlow } from '../zeek.ts';
import { MINUTE, SECOND } from '../time.ts';
import { MAINTENANCE_TASKS, REREGISTERED_TASKS, SERVICE_DNS } from './catalog.ts';

export interface Window { readonly from: number; readonly to: number; readonly scale: number }

/** Steps through a window with random gaps (mean gap divided by scale). */
export function* ticks(rec: Recorder, w: Window, minGap: number, maxGap: number): Generator<number> {
  let t = w.from + rec.rng.int(0, maxGap) / w.scale;
  while (t < w.to) {
    yield Math.floor(t);
    t += rec.rng.int(minGap, maxGap) / w.scale;
  }
}

export function background(rec: Recorder, host: HostSpec, w: Window): void {
  const boot = bootTree(host);
  const st = rec.host(host);
  const dc = HOSTS.DC01;
  for (const t of ticks(rec, w, 20 * MINUTE, 50 * MINUTE)) {
    const task = rec.rng.pick(MAINTENANCE_TASKS);
    runTask(rec, { task: { host, uri: task.uri, guid: task.guid }, atMs: t, image: task.image, commandLine: task.commandLine, durationMs: rec.rng.int(2, 90) * SECOND, viaTaskhost: task.viaTaskhost });
  }
  for (const t of ticks(rec, w, 3 * MINUTE, 9 * MINUTE)) {
    const [name, ip] = rec.rng.pick(SERVICE_DNS);
    rec.dns(boot.dnscache, t, name, [ip]);
    const proc = rec.rng.pick([boot.dnscache, boot.msmpeng, boot.gpsvc]);
    rec.net(proc, t + 40, { protocol: 'tcp', initiated: true, srcIp: host.ip, srcHost: host.fqdn, srcPort: rec.rng.int(49700, 65000), dstIp: ip, dstHost: '-', dstPort: 443 });
  }
  for (const t of ticks(rec, w, 40 * MINUTE, 80 * MINUTE)) {
    const wmi = st.spawn({ parent: boot.dcomLaunch, image: 'C:\\Windows\\System32\\wbem\\WmiPrvSE.exe', commandLine: 'C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding', startMs: t, logon: boot.rpcss.logon, integrity: 'System' });
    rec.start(wmi, 14);
    rec.exit(wmi, t + rec.rng.int(30, 300) * SECOND);
  }
  // Group policy refresh: machine logs on to the DC, reads policy over SMB/LDAP, writes policy keys.
  for (const t of ticks(rec, w, 80 * MINUTE, 100 * MINUTE)) {
    rec.dns(boot.gpsvc, t, `${dc.fqdn}`, [dc.ip]);
    const sport = rec.rng.int(49700, 65000);
    rec.net(boot.system, t + 30, { protocol: 'tcp', initiated: true, srcIp: host.ip, srcHost: host.fqdn, srcPort: sport, dstIp: dc.ip, dstHost: dc.fqdn, dstPort: 445 });
    if (host !== dc) {
      const machine = { domain: DOMAIN, name: `${host.short.replace('-', '')}$`, sid: `S-1-5-21-3312741221-2418561102-1893651127-${1000 + host.ip.length}` };
      const l = rec.host(dc).newLogon(machine, t + 35, 0);
      rec.security(dc, 4624, t + 35, logonSuccess(dc, { type: 3, target: machine, targetLogonId: l.logonId, ip: host.ip, port: sport, kerberos: true, logonGuid: rec.rng.guid() }));
      rec.net(bootTree(dc).system, t + 31, { protocol: 'tcp', initiated: false, srcIp: host.ip, srcHost: host.fqdn, srcPort: sport, dstIp: dc.ip, dstHost: dc.fqdn, dstPort: 445 });
      plainFlow(rec, t + 30, { origIp: host.ip, origPort: sport - 1, respIp: dc.ip, respPort: 389 }, 'tcp', 'ldap', rec.rng.int(20, 400), [rec.rng.int(900, 4000), rec.rng.int(2000, 12000)]);
      rpcFlow(rec, t + 30, { origIp: host.ip, origPort: sport, respIp: dc.ip, respPort: 445 }, '\\pipe\\lsass',
        [{ atMs: 40, endpoint: 'lsarpc', operation: 'LsarOpenPolicy2', rttMs: 1 }, { atMs: 52, endpoint: 'lsarpc', operation: 'LsarQueryInformationPolicy', rttMs: 1 }, { atMs: 60, endpoint: 'lsarpc', operation: 'LsarClose', rttMs: 1 }], 'smb,dce_rpc');
    }
    for (let i = 0; i < 6; i++) {
      rec.regSet(boot.gpsvc, t + 200 + i * 7, `HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Group Policy\\State\\Machine\\Extension-List\\{${['35378EAC-683F-11D2-A89A-00C04FBBCFA2', '827D319E-6EAC-11D2-A4EA-00C04F79F83A', 'B087BE9D-ED37-454F-AF9C-04291E351182'][i % 3]}}\\EndTimeLo`, `DWORD (0x${rec.rng.hex(8)})`);
    }
  }
  // Defender signature update: MpCmdRun writes definition files and registry values.
  for (const t of ticks(rec, w, 200 * MINUTE, 280 * MINUTE)) {
    const mp = st.spawn({ parent: boot.msmpeng, image: 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25080.5-0\\MpCmdRun.exe', commandLine: '"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25080.5-0\\MpCmdRun.exe" SignatureUpdate -MMPC', startMs: t, integrity: 'System' });
    rec.start(mp, 12);
    for (let i = 0; i < 8; i++) rec.file(boot.msmpeng, t + 2000 + i * 90, `C:\\ProgramData\\Microsoft\\Windows Defender\\Definition Updates\\{${rec.rng.guid().slice(1, -1)}}\\mpas${['base', 'dlta', 'eng', 'avdlta'][i % 4]}.vdm`);
    rec.regSet(boot.msmpeng, t + 3000, 'HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Signature Updates\\SignaturesLastUpdated', 'Binary Data');
    rec.regSet(boot.msmpeng, t + 3004, 'HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Signature Updates\\AVSignatureVersion', `1.439.${rec.rng.int(100, 400)}.0`);
    rec.exit(mp, t + 9000);
  }
  // Components re-register their own tasks: TaskCache Actions writes with no network involved.
  for (const t of ticks(rec, w, 5 * 60 * MINUTE, 7 * 60 * MINUTE)) {
    const task = rec.rng.pick(REREGISTERED_TASKS);
    registerTask(rec, {
      task: { host, uri: task.uri, guid: task.guid }, by: { domain: DOMAIN, name: `${host.short.replace('-', '')}$`, sid: ACCOUNTS.system.sid }, byLogonId: '0x3e7', atMs: t, update: true,
      def: { uri: task.uri, author: 'Microsoft Corporation', registeredMs: t, command: task.image, arguments: task.commandLine, runAs: 'S-1-5-18', trigger: { kind: 'daily', startMs: t + 20 * 60 * MINUTE } },
    });
  }
}
