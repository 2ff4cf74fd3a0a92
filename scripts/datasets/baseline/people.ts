/** People at work: a user's day on a workstation, an admin's checks, file shares, the DC's logons. */
import { ACCOUNTS, HOSTS, type Account, type HostSpec } from '../hosts.ts';
import { bootTree } from '../boot.ts';
import type { Recorder } from '../recorder.ts';
import { logonSuccess } from '../security.ts';
import { CMD, interactiveSession, openConsole, POWERSHELL, runCommand, type Session } from '../shell.ts';
import { rpcVisit } from '../rpc-client.ts';
import { plainFlow } from '../zeek.ts';
import { MINUTE, SECOND } from '../time.ts';
import { ADMIN_COMMANDS, WEB } from './catalog.ts';
import { ticks, type Window } from './background.ts';

const CHROME = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
const EDGE = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
const TEAMS = 'C:\\Program Files\\WindowsApps\\MSTeams_25255.703.3873.1236_x64__8wekyb3d8bbwe\\ms-teams.exe';
const ONEDRIVE = 'C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe';
const OUTLOOK = 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE';

/** One file-share access: SMB from the workstation to SRV-01 (System on both ends) and a network logon. */
export function shareAccess(rec: Recorder, from: HostSpec, who: Account, t: number): void {
  const srv = HOSTS.SRV01;
  const port = rec.rng.int(49700, 65000);
  const c = { protocol: 'tcp' as const, srcIp: from.ip, srcHost: from.fqdn, srcPort: port, dstIp: srv.ip, dstHost: srv.fqdn, dstPort: 445 };
  rec.net(bootTree(from).system, t, { ...c, initiated: true });
  rec.net(bootTree(srv).system, t + 1, { ...c, initiated: false });
  const l = rec.host(srv).newLogon(who, t + 4, 0);
  rec.security(srv, 4624, t + 4, logonSuccess(srv, { type: 3, target: who, targetLogonId: l.logonId, ip: from.ip, port, kerberos: true, logonGuid: rec.rng.guid() }));
  plainFlow(rec, t, { origIp: from.ip, origPort: port, respIp: srv.ip, respPort: 445 }, 'tcp', 'smb,gssapi', rec.rng.int(200, 9000), [rec.rng.int(2000, 90000), rec.rng.int(4000, 900000)]);
}

function browse(rec: Recorder, s: Session, browser: { proc: ReturnType<Recorder['start']> }, t: number): void {
  const host = s.host;
  const hits = rec.rng.int(1, 3);
  for (let i = 0; i < hits; i++) {
    const [name, ip] = rec.rng.pick(WEB);
    rec.dns(browser.proc, t + i * 900, name, [ip]);
    rec.net(browser.proc, t + i * 900 + 60, { protocol: 'tcp', initiated: true, srcIp: host.ip, srcHost: host.fqdn, srcPort: rec.rng.int(49700, 65000), dstIp: ip, dstHost: '-', dstPort: 443 });
  }
  if (rec.rng.chance(0.5)) rec.file(browser.proc, t + 2500, `C:\\Users\\${s.logon.account.name}\\AppData\\Local\\Google\\Chrome\\User Data\\Default\\Cache\\Cache_Data\\f_${rec.rng.hex(6)}`);
  if (rec.rng.chance(0.25)) {
    const r = rec.host(host).spawn({ parent: browser.proc, image: browser.proc.image, commandLine: `"${browser.proc.image}" --type=renderer --lang=en-US --renderer-client-id=${rec.rng.int(5, 400)} --field-trial-handle=${rec.rng.int(1000, 9000)},i,${rec.rng.hex(16)} /prefetch:1`, startMs: t + 100, integrity: 'Low' });
    rec.start(r, 10);
    rec.exit(r, t + rec.rng.int(30, 900) * SECOND);
  }
}

export function userDay(rec: Recorder, host: HostSpec, who: Account, w: Window, logonMs: number, logoffMs: number): Session {
  const s = interactiveSession(rec, host, who, logonMs);
  const st = rec.host(host);
  const app = (image: string, cmd: string, at: number, loads: number) => rec.start(st.spawn({ parent: s.explorer, image, commandLine: cmd, startMs: at }), loads);
  const browser = rec.rng.chance(0.5) ? CHROME : EDGE;
  const chrome = app(browser, `"${browser}" `, logonMs + 40 * SECOND, 18);
  const teams = app(TEAMS, `"${TEAMS}" msteams:system-initiated`, logonMs + 8 * SECOND, 16);
  const onedrive = app(ONEDRIVE, `"${ONEDRIVE}" /background`, logonMs + 6 * SECOND, 14);
  const outlook = app(OUTLOOK, `"${OUTLOOK}" `, logonMs + 70 * SECOND, 20);
  const day: Window = { from: logonMs + 2 * MINUTE, to: logoffMs, scale: w.scale };
  for (const t of ticks(rec, day, 1 * MINUTE, 4 * MINUTE)) browse(rec, s, { proc: chrome }, t);
  for (const t of ticks(rec, day, 4 * MINUTE, 12 * MINUTE)) {
    const p = rec.rng.pick([teams, onedrive, outlook]);
    const [name, ip] = rec.rng.pick(WEB.slice(1, 5));
    rec.dns(p, t, name, [ip]);
    rec.net(p, t + 50, { protocol: 'tcp', initiated: true, srcIp: host.ip, srcHost: host.fqdn, srcPort: rec.rng.int(49700, 65000), dstIp: ip, dstHost: '-', dstPort: 443 });
    rec.regSet(p, t + 400, `HKU\\${who.sid}\\SOFTWARE\\Microsoft\\Office\\16.0\\Common\\Identity\\Identities\\${rec.rng.hex(8)}_ADAL\\LastSignInTime`, 'QWORD (0x01dc3f2e-0x' + rec.rng.hex(8) + ')');
    rec.file(p, t + 900, `C:\\Users\\${who.name}\\AppData\\Local\\Temp\\${rec.rng.hex(8)}.tmp`);
  }
  for (const t of ticks(rec, day, 8 * MINUTE, 20 * MINUTE)) {
    rec.regSet(s.explorer, t, `HKU\\${who.sid}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Explorer\\UserAssist\\{CEBFF5CD-ACE2-4F4F-9178-9926F41749EA}\\Count\\${rec.rng.pick(['{1NP14R77-02R7-4R5Q-O744-2RO1NR5198O7}\\pzq.rkr', 'Zvpebfbsg.Bssvpr.BHGYBBX.RKR.15', '{6Q809377-6NS0-444O-8957-N3773S02200R}\\Tbbtyr\\Puebzr\\Nccyvpngvba\\puebzr.rkr'])}`, 'Binary Data');
    if (rec.rng.chance(0.4)) shareAccess(rec, host, who, t + 5000);
  }
  if (host.role === 'workstation' && bootTree(host).searchIndexer) {
    const idx = bootTree(host).searchIndexer!;
    for (const t of ticks(rec, w, 15 * MINUTE, 35 * MINUTE)) {
      const ph = st.spawn({ parent: idx, image: 'C:\\Windows\\System32\\SearchProtocolHost.exe', commandLine: `"C:\\Windows\\system32\\SearchProtocolHost.exe" Global\\UsGthrFltPipeMssGthrPipe${rec.rng.int(1, 99)} Global\\UsGthrCtrlFltPipeMssGthrPipe${rec.rng.int(1, 99)} 1 -2147483646 "Software\\Microsoft\\Windows Search" "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT; MS Search 4.0 Robot)" "C:\\ProgramData\\Microsoft\\Search\\Data\\Temp\\usgthrsvc" "DownLevelDaemon"`, startMs: t, logon: bootTree(host).services.logon, integrity: 'System' });
      rec.start(ph, 12);
      rec.exit(ph, t + rec.rng.int(60, 200) * SECOND);
    }
    for (const t of ticks(rec, day, 20 * MINUTE, 40 * MINUTE)) {
      const bg = st.spawn({ parent: bootTree(host).dcomLaunch, image: 'C:\\Windows\\System32\\backgroundTaskHost.exe', commandLine: `"C:\\Windows\\system32\\backgroundTaskHost.exe" -ServerName:BackgroundTaskHost.WebAccountProvider`, startMs: t, logon: s.logon, integrity: 'AppContainer' });
      rec.start(bg, 10);
      rec.exit(bg, t + rec.rng.int(5, 40) * SECOND);
    }
  }
  return s;
}

/** An administrator's routine checks in a console (schtasks /query among them, never /run). */
export function adminChecks(rec: Recorder, s: Session, w: Window): void {
  for (const t of ticks(rec, w, 50 * MINUTE, 110 * MINUTE)) {
    const shell = openConsole(rec, s, rec.rng.chance(0.5) ? CMD : POWERSHELL, rec.rng.chance(0.5) ? `"${CMD}" ` : `"${POWERSHELL}" `, t);
    let u = t + 8 * SECOND;
    for (let i = rec.rng.int(1, 4); i > 0; i--) {
      const [image, cmd] = rec.rng.pick(ADMIN_COMMANDS);
      runCommand(rec, shell, image, cmd, u, rec.rng.int(100, 2500), 6);
      u += rec.rng.int(5, 60) * SECOND;
    }
    rec.exit(shell, u + 20 * SECOND);
  }
}

/** Remote Event Viewer from an admin workstation: the EventLog svchost (not Schedule) accepts on 49665. */
export function remoteEventViewer(rec: Recorder, s: Session, target: HostSpec, t: number): void {
  const mmc = runCommand(rec, s.explorer, 'C:\\Windows\\System32\\mmc.exe', `"C:\\Windows\\system32\\mmc.exe" "C:\\Windows\\system32\\eventvwr.msc" /computer=${target.short}`, t, 4 * MINUTE, 10);
  rpcVisit(rec, { client: mmc, server: target, atMs: t + 2 * SECOND, serverProc: bootTree(target).eventLog, serverPort: 49665, zeekCalls: [
    { atMs: 10, endpoint: 'IEventService', operation: 'EvtRpcRegisterLogQuery', rttMs: 2 }, { atMs: 40, endpoint: 'IEventService', operation: 'EvtRpcQueryNext', rttMs: 9 },
  ] });
}

/** Kerberos and LDAP from every host to the DC (lsass accepts), and DNS to the DC's dns.exe. */
export function dcTraffic(rec: Recorder, w: Window, clients: readonly HostSpec[]): void {
  const dc = HOSTS.DC01;
  const boot = bootTree(dc);
  for (const t of ticks(rec, w, 40 * SECOND, 3 * MINUTE)) {
    const from = rec.rng.pick(clients);
    const kind = rec.rng.pick([88, 389, 53, 53] as const);
    const port = kind === 53 ? rec.rng.int(50000, 65000) : rec.rng.int(49700, 65000);
    const proc = kind === 53 ? boot.dnsServer! : boot.lsass;
    rec.net(proc, t, { protocol: kind === 53 ? 'udp' : 'tcp', initiated: false, srcIp: from.ip, srcHost: from.fqdn, srcPort: port, dstIp: dc.ip, dstHost: dc.fqdn, dstPort: kind });
    plainFlow(rec, t, { origIp: from.ip, origPort: port, respIp: dc.ip, respPort: kind }, kind === 53 ? 'udp' : 'tcp', kind === 53 ? 'dns' : kind === 88 ? 'krb_tcp' : 'ldap', rec.rng.int(1, 90), [rec.rng.int(40, 1800), rec.rng.int(90, 4000)]);
    if (kind === 88 && rec.rng.chance(0.5)) {
      const who = rec.rng.pick([ACCOUNTS.alice, ACCOUNTS.bob, ACCOUNTS.carol, ACCOUNTS.admin]);
      const l = rec.host(dc).newLogon(who, t + 5, 0);
      rec.security(dc, 4624, t + 5, logonSuccess(dc, { type: 3, target: who, targetLogonId: l.logonId, ip: from.ip, port, kerberos: true, logonGuid: rec.rng.guid() }));
    }
  }
}
