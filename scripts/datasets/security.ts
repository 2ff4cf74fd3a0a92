/** Windows Security log EventData builders (4624 logon; 4698/4699/4702 scheduled-task audit). */
import type { Account, HostSpec } from './hosts.ts';
import { DOMAIN } from './hosts.ts';
import type { DataPairs } from './sysmon.ts';

export interface LogonInfo {
  readonly type: 2 | 3 | 5 | 7 | 10 | 11;
  readonly target: Account;
  readonly targetLogonId: string;
  readonly ip?: string;
  readonly port?: number;
  readonly workstation?: string;
  readonly kerberos?: boolean;
  readonly processId?: number;
  readonly processName?: string;
  readonly logonGuid?: string;
  readonly elevated?: boolean;
}

/** Event 4624 version 2: an account was successfully logged on. */
export function logonSuccess(host: HostSpec, l: LogonInfo): DataPairs {
  const network = l.type === 3;
  const machine = `${host.short.replace('-', '')}$`;
  const subject: DataPairs = network
    ? [['SubjectUserSid', 'S-1-0-0'], ['SubjectUserName', '-'], ['SubjectDomainName', '-'], ['SubjectLogonId', '0x0']]
    : [['SubjectUserSid', 'S-1-5-18'], ['SubjectUserName', machine], ['SubjectDomainName', DOMAIN], ['SubjectLogonId', '0x3e7']];
  const proc = l.type === 5 ? 'Advapi  ' : l.type === 3 ? (l.kerberos ? 'Kerberos' : 'NtLmSsp ') : 'User32 ';
  const pkg = l.type === 3 ? (l.kerberos ? 'Kerberos' : 'NTLM') : 'Negotiate';
  return [
    ...subject,
    ['TargetUserSid', l.target.sid], ['TargetUserName', l.target.name], ['TargetDomainName', l.target.domain],
    ['TargetLogonId', l.targetLogonId], ['LogonType', String(l.type)], ['LogonProcessName', proc],
    ['AuthenticationPackageName', pkg], ['WorkstationName', l.workstation ?? (network ? '-' : host.short)],
    ['LogonGuid', l.logonGuid ?? '{00000000-0000-0000-0000-000000000000}'], ['TransmittedServices', '-'],
    ['LmPackageName', pkg === 'NTLM' ? 'NTLM V2' : '-'], ['KeyLength', '0'],
    ['ProcessId', `0x${(l.processId ?? 0).toString(16)}`], ['ProcessName', l.processName ?? '-'],
    ['IpAddress', l.ip ?? '-'], ['IpPort', l.port !== undefined ? String(l.port) : '-'],
    ['ImpersonationLevel', '%%1833'], ['RestrictedAdminMode', '-'], ['TargetOutboundUserName', '-'],
    ['TargetOutboundDomainName', '-'], ['VirtualAccount', '%%1843'], ['TargetLinkedLogonId', '0x0'],
    ['ElevatedToken', l.elevated ? '%%1842' : '%%1843'],
  ];
}

const subject = (a: Account, logonId: string): DataPairs =>
  [['SubjectUserSid', a.sid], ['SubjectUserName', a.name], ['SubjectDomainName', a.domain], ['SubjectLogonId', logonId]];

/** 4698 a scheduled task was created; 4699 deleted (TaskContent); 4702 updated (TaskContentNew). */
export function taskAudit(eventId: 4698 | 4699 | 4702, by: Account, logonId: string, taskName: string, content: string): DataPairs {
  return [...subject(by, logonId), ['TaskName', taskName], [eventId === 4702 ? 'TaskContentNew' : 'TaskContent', content]];
}
