/**
 * The processes a host starts at boot, identical in every dataset (same pids and GUIDs), so the
 * Schedule-service svchost on SRV-01 is one process across the baseline and the attack datasets.
 */
import type { HostSpec } from './hosts.ts';
import { Rng } from './prng.ts';
import { HostState, serviceLogons, type Proc } from './process.ts';
import { SECOND } from './time.ts';

export const SVCHOST = 'C:\\Windows\\System32\\svchost.exe';
const SYS32 = 'C:\\Windows\\system32';

export interface BootTree {
  readonly state: HostState;
  readonly system: Proc;
  readonly services: Proc;
  readonly lsass: Proc;
  readonly rpcss: Proc;
  readonly dcomLaunch: Proc;
  readonly eventLog: Proc;
  readonly schedule: Proc;
  readonly dnscache: Proc;
  readonly gpsvc: Proc;
  readonly winrm: Proc;
  readonly sysmon: Proc;
  readonly msmpeng: Proc;
  readonly searchIndexer?: Proc;
  readonly dnsServer?: Proc;
  /** Every boot process in start order (the ones a boot inside a window would log). */
  readonly ordered: readonly Proc[];
}

const cache = new Map<string, BootTree>();

export function bootTree(host: HostSpec): BootTree {
  const hit = cache.get(host.short);
  if (hit) return hit;
  const state = new HostState(host, new Rng(0xb007, `boot:${host.short}`), 0x10);
  const logons = serviceLogons(host);
  const ordered: Proc[] = [];
  let t = host.bootMs;
  const spawn = (parent: Proc | undefined, image: string, commandLine: string, pid: number, logon = logons.system, dt = 150): Proc => {
    t += dt;
    const p = state.spawn({ parent, image, commandLine, startMs: t, logon, integrity: 'System', currentDirectory: `${SYS32}\\`, pid });
    ordered.push(p);
    return p;
  };
  const system = spawn(undefined, 'System', '', 4, logons.system, 0);
  const smss = spawn(system, `${SYS32}\\smss.exe`.replace('system32', 'System32'), '\\SystemRoot\\System32\\smss.exe', 356);
  const wininit = spawn(smss, 'C:\\Windows\\System32\\wininit.exe', 'wininit.exe', 544, logons.system, 2 * SECOND);
  const services = spawn(wininit, 'C:\\Windows\\System32\\services.exe', `${SYS32}\\services.exe`, 676);
  const lsass = spawn(wininit, 'C:\\Windows\\System32\\lsass.exe', `${SYS32}\\lsass.exe`, host.lsassPid);
  const svc = (group: string, pid: number, logon = logons.system) => spawn(services, SVCHOST, `${SYS32}\\svchost.exe ${group}`, pid, logon);
  const dcomLaunch = svc('-k DcomLaunch -p', 812);
  const rpcss = svc('-k RPCSS -p', 904, logons.networkService);
  const eventLog = svc('-k LocalServiceNetworkRestricted -p -s EventLog', 1236, logons.localService);
  const dnscache = svc('-k NetworkService -p -s Dnscache', 1404, logons.networkService);
  const gpsvc = svc('-k netsvcs -p -s gpsvc', 1468);
  const schedule = svc('-k netsvcs -p -s Schedule', 1532);
  const winrm = svc('-k NetworkService -p -s WinRM', 2216, logons.networkService);
  const sysmon = spawn(services, 'C:\\Windows\\Sysmon64.exe', 'C:\\Windows\\Sysmon64.exe', host.sysmonPid);
  const msmpeng = spawn(services, 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25080.5-0\\MsMpEng.exe',
    '"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25080.5-0\\MsMpEng.exe"', 3620);
  const searchIndexer = host.role === 'workstation'
    ? spawn(services, 'C:\\Windows\\System32\\SearchIndexer.exe', `${SYS32}\\SearchIndexer.exe /Embedding`, 5912) : undefined;
  const dnsServer = host.role === 'dc' ? spawn(services, 'C:\\Windows\\System32\\dns.exe', `${SYS32}\\dns.exe`, 2764) : undefined;
  const tree: BootTree = { state, system, services, lsass, rpcss, dcomLaunch, eventLog, schedule, dnscache, gpsvc, winrm, sysmon, msmpeng, searchIndexer, dnsServer, ordered };
  cache.set(host.short, tree);
  return tree;
}
