/**
 * The simulated network: five domain hosts and one Linux admin box (seen only by Zeek). Long-lived
 * processes (services, svchost groups, lsass …) have fixed pids and ProcessGuids per host, so the
 * same Schedule-service svchost appears with the same GUID in every dataset.
 */
import { at } from './time.ts';

export const DOMAIN = 'CORP';
export const DNS_SUFFIX = 'corp.example.com';
export const DOMAIN_SID = 'S-1-5-21-3312741221-2418561102-1893651127';

export interface HostSpec {
  readonly short: string;
  readonly fqdn: string;
  readonly ip: string;
  readonly role: 'workstation' | 'server' | 'dc';
  /** First 8 hex digits of every ProcessGuid/LogonGuid Sysmon writes on this host. */
  readonly guidPrefix: string;
  /** Trailing 4 hex digits Sysmon keeps constant for one boot. */
  readonly bootTag: string;
  readonly bootMs: number;
  readonly sysmonPid: number;
  readonly lsassPid: number;
  /** Where record ids start per channel (they only grow afterwards). */
  readonly recordBase: Readonly<Record<'sysmon' | 'security' | 'taskscheduler', number>>;
}

const host = (short: string, ip: string, role: HostSpec['role'], guidPrefix: string, bootTag: string, boot: string, sysmonPid: number, lsassPid: number, base: number): HostSpec => ({
  short, fqdn: `${short}.${DNS_SUFFIX}`, ip, role, guidPrefix, bootTag, bootMs: at(boot), sysmonPid, lsassPid,
  recordBase: { sysmon: base * 7, security: base * 3, taskscheduler: base },
});

export const HOSTS = {
  DC01: host('DC-01', '10.0.1.5', 'dc', '4c1f0e3a', '5a02', '2026-09-28T22:41:09Z', 3092, 688, 41213),
  // SRV-01 reboots for patching inside the baseline window, so its boot process tree is logged.
  SRV01: host('SRV-01', '10.0.1.10', 'server', '7b3e52c8', '1f04', '2026-10-05T00:18:05Z', 2964, 704, 28517),
  WKS01: host('WKS-01', '10.0.1.21', 'workstation', 'a81d3c90', '3e01', '2026-10-01T07:42:31Z', 3348, 748, 19062),
  WKS02: host('WKS-02', '10.0.1.22', 'workstation', 'b2c47e15', '6c03', '2026-10-02T08:03:58Z', 3412, 752, 22871),
  WKS03: host('WKS-03', '10.0.1.23', 'workstation', 'c0955a7d', '0d02', '2026-09-30T07:55:12Z', 3280, 740, 17455),
} as const satisfies Record<string, HostSpec>;

export type HostKey = keyof typeof HOSTS;

/** Not a Windows host: a Linux admin jump box whose ephemeral ports sit below 49152. */
export const LINUX_ADMIN = { short: 'LNX-ADM-01', ip: '10.0.1.40' } as const;

export interface Account {
  readonly domain: string;
  readonly name: string;
  readonly sid: string;
}

const user = (name: string, rid: number): Account => ({ domain: DOMAIN, name, sid: `${DOMAIN_SID}-${rid}` });

export const ACCOUNTS = {
  system: { domain: 'NT AUTHORITY', name: 'SYSTEM', sid: 'S-1-5-18' },
  localService: { domain: 'NT AUTHORITY', name: 'LOCAL SERVICE', sid: 'S-1-5-19' },
  networkService: { domain: 'NT AUTHORITY', name: 'NETWORK SERVICE', sid: 'S-1-5-20' },
  alice: user('alice.m', 1104),
  bob: user('bob.k', 1105),
  carol: user('carol.d', 1106),
  admin: user('adm-jsmith', 1120),
  backup: user('svc-backup', 1131),
} as const satisfies Record<string, Account>;

export const userString = (a: Account): string => `${a.domain}\\${a.name}`;
