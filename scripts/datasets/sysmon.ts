/**
 * Sysmon EventData builders, one per event id, with the field names and order Sysmon 15 writes
 * (schema 4.90). Each returns the <Data> pairs; the recorder adds the System block and clocks.
 */
import { userString } from './hosts.ts';
import { binaryInfo, hashesFor, DLL_DESCRIPTIONS } from './catalog.ts';
import { baseName, type Proc } from './process.ts';
import { sysmonUtc } from './time.ts';

export type DataPairs = Array<readonly [string, string]>;

const user = (p: Proc): string => userString(p.logon.account);
const head = (p: Proc, ms: number): DataPairs => [
  ['RuleName', '-'], ['UtcTime', sysmonUtc(ms)], ['ProcessGuid', p.guid], ['ProcessId', String(p.pid)], ['Image', p.image],
];

/** Event 1, process creation. */
export function processCreate(p: Proc): DataPairs {
  const info = binaryInfo(p.image);
  const parent = p.parent;
  return [
    ...head(p, p.startMs),
    ['FileVersion', info.fileVersion], ['Description', info.description], ['Product', info.product],
    ['Company', info.company], ['OriginalFileName', info.originalFileName], ['CommandLine', p.commandLine],
    ['CurrentDirectory', p.currentDirectory], ['User', user(p)], ['LogonGuid', p.logon.logonGuid],
    ['LogonId', p.logon.logonId], ['TerminalSessionId', String(p.logon.session)], ['IntegrityLevel', p.integrity],
    ['Hashes', hashesFor(p.image)],
    ['ParentProcessGuid', parent?.guid ?? '-'], ['ParentProcessId', parent ? String(parent.pid) : '-'],
    ['ParentImage', parent?.image ?? '-'], ['ParentCommandLine', parent?.commandLine ?? '-'],
    ['ParentUser', parent ? user(parent) : '-'],
  ];
}

/** Event 5, process terminated. */
export function processTerminate(p: Proc, ms: number): DataPairs {
  return [...head(p, ms), ['User', user(p)]];
}

export interface Connection {
  readonly protocol: 'tcp' | 'udp';
  /** true when this process opened the connection (outbound), false for accepted (inbound). */
  readonly initiated: boolean;
  readonly srcIp: string;
  readonly srcHost: string;
  readonly srcPort: number;
  readonly dstIp: string;
  readonly dstHost: string;
  readonly dstPort: number;
}

const PORT_NAMES: Record<number, string> = {
  53: 'domain', 80: 'http', 88: 'kerberos', 135: 'epmap', 389: 'ldap', 443: 'https', 445: 'microsoft-ds',
  3268: 'msft-gc', 5985: 'wsman', 137: 'netbios-ns', 5355: 'llmnr',
};

const isV6 = (ip: string): boolean => ip.includes(':');

/** Event 3, network connection detected. */
export function networkConnect(p: Proc, ms: number, c: Connection): DataPairs {
  return [
    ...head(p, ms), ['User', user(p)], ['Protocol', c.protocol], ['Initiated', String(c.initiated)],
    ['SourceIsIpv6', String(isV6(c.srcIp))], ['SourceIp', c.srcIp], ['SourceHostname', c.srcHost],
    ['SourcePort', String(c.srcPort)], ['SourcePortName', PORT_NAMES[c.srcPort] ?? '-'],
    ['DestinationIsIpv6', String(isV6(c.dstIp))], ['DestinationIp', c.dstIp], ['DestinationHostname', c.dstHost],
    ['DestinationPort', String(c.dstPort)], ['DestinationPortName', PORT_NAMES[c.dstPort] ?? '-'],
  ];
}

/** Event 7, image loaded. */
export function imageLoad(p: Proc, ms: number, dll: string): DataPairs {
  const base = baseName(dll);
  const ms_ = dll.toLowerCase().startsWith('c:\\windows\\');
  return [
    ...head(p, ms), ['ImageLoaded', dll],
    ['FileVersion', ms_ ? '10.0.20348.2849 (WinBuild.160101.0800)' : '-'],
    ['Description', DLL_DESCRIPTIONS[base.toLowerCase()] ?? '-'],
    ['Product', ms_ ? 'Microsoft\u00ae Windows\u00ae Operating System' : '-'],
    ['Company', ms_ ? 'Microsoft Corporation' : '-'], ['OriginalFileName', base], ['Hashes', hashesFor(dll)],
    ['Signed', 'true'], ['Signature', ms_ ? 'Microsoft Windows' : 'Microsoft Corporation'], ['SignatureStatus', 'Valid'],
    ['User', user(p)],
  ];
}

/** Event 11, file created. */
export function fileCreate(p: Proc, ms: number, target: string, creationMs = ms): DataPairs {
  return [...head(p, ms), ['TargetFilename', target], ['CreationUtcTime', sysmonUtc(creationMs)], ['User', user(p)]];
}

/** Event 12, registry key/value create or delete: EventType CreateKey | DeleteKey | DeleteValue. */
export function registryKey(p: Proc, ms: number, eventType: 'CreateKey' | 'DeleteKey' | 'DeleteValue', target: string): DataPairs {
  const [rule, ...rest] = head(p, ms);
  return [rule, ['EventType', eventType], ...rest, ['TargetObject', target], ['User', user(p)]];
}

/** Event 13, registry value set. Details as Sysmon renders them: 'Binary Data', 'DWORD (0x…)', or the string. */
export function registrySet(p: Proc, ms: number, target: string, details: string): DataPairs {
  const [rule, ...rest] = head(p, ms);
  return [rule, ['EventType', 'SetValue'], ...rest, ['TargetObject', target], ['Details', details], ['User', user(p)]];
}

/** Event 22, DNS query. QueryResults as Sysmon writes them: '::ffff:1.2.3.4;' per A record. */
export function dnsQuery(p: Proc, ms: number, name: string, answers: readonly string[], status = 0): DataPairs {
  const results = answers.length ? answers.map((a) => (a.startsWith('type:') ? a : `::ffff:${a}`)).join(';') + ';' : '-';
  return [
    ['RuleName', '-'], ['UtcTime', sysmonUtc(ms)], ['ProcessGuid', p.guid], ['ProcessId', String(p.pid)],
    ['QueryName', name], ['QueryStatus', String(status)], ['QueryResults', results], ['Image', p.image], ['User', user(p)],
  ];
}
