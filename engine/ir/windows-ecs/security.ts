/**
 * Windows Security (Microsoft-Windows-Security-Auditing) ↔ ECS, as Winlogbeat's Security module
 * sets it (x-pack/winlogbeat/module/security/ingest/security_standard.yml in elastic/beats):
 * categorization per event ID, hex pids, Subject* as the acting user and Target* as the logged-on
 * user of 4624/4625. dac additions are marked `dac`.
 */
import type { Categorization, Family, FieldRule } from './types.ts';

type C = Categorization;
const c = (category: string[], type: string[], action: string): C => ({ category, type, action });
const iamUser = (type: string, action: string): C => c(['iam'], ['user', type], action);
const iamGroup = (type: string, action: string): C => c(['iam'], ['group', type], action);
const iamConfig = (type: string, action: string): C => c(['iam', 'configuration'], ['admin', type], action);
const config = (type: string, action: string): C => c(['configuration'], [type], action);
const auth = (type: string, action: string): C => c(['authentication'], [type], action);

const SECURITY_EVENTS: Readonly<Record<number, C>> = {
  1100: c(['process'], ['end'], 'logging-service-shutdown'),
  1102: c(['iam'], ['admin', 'change'], 'audit-log-cleared'),
  1104: c(['iam'], ['admin'], 'logging-full'),
  1105: c(['iam'], ['admin'], 'auditlog-archieved'),
  1108: c(['iam'], ['admin'], 'logging-processing-error'),
  4610: config('access', 'authentication-package-loaded'),
  4611: config('change', 'trusted-logon-process-registered'),
  4614: config('access', 'notification-package-loaded'),
  4616: config('change', 'system-time-changed'),
  4622: config('access', 'security-package-loaded'),
  4624: auth('start', 'logged-in'),
  4625: auth('start', 'logon-failed'),
  4634: auth('end', 'logged-out'),
  4647: auth('end', 'logged-out'),
  4648: auth('start', 'logged-in-explicit'),
  4657: c(['registry', 'configuration'], ['change'], 'registry-value-modified'),
  4662: iamConfig('change', 'object-operation-performed'),
  4670: iamConfig('change', 'permissions-changed'),
  4672: c(['iam'], ['admin'], 'logged-in-special'),
  4673: c(['iam'], ['admin'], 'privileged-service-called'),
  4674: c(['iam'], ['admin'], 'privileged-operation'),
  4688: c(['process'], ['start'], 'created-process'),
  4689: c(['process'], ['end'], 'exited-process'),
  4697: iamConfig('change', 'service-installed'),
  4698: c(['iam', 'configuration'], ['creation', 'admin'], 'scheduled-task-created'),
  4699: c(['iam', 'configuration'], ['deletion', 'admin'], 'scheduled-task-deleted'),
  4700: c(['iam', 'configuration'], ['change', 'admin'], 'scheduled-task-enabled'),
  4701: c(['iam', 'configuration'], ['change', 'admin'], 'scheduled-task-disabled'),
  4702: c(['iam', 'configuration'], ['change', 'admin'], 'scheduled-task-updated'),
  4706: config('creation', 'domain-trust-added'),
  4707: config('deletion', 'domain-trust-removed'),
  4713: config('change', 'kerberos-policy-changed'),
  4719: iamConfig('change', 'changed-audit-config'),
  4720: iamUser('creation', 'added-user-account'),
  4722: iamUser('change', 'enabled-user-account'),
  4723: iamUser('change', 'changed-password'),
  4724: iamUser('change', 'reset-password'),
  4725: iamUser('deletion', 'disabled-user-account'),
  4726: iamUser('deletion', 'deleted-user-account'),
  4727: iamGroup('creation', 'added-group-account'),
  4728: iamGroup('change', 'added-member-to-group'),
  4729: iamGroup('change', 'removed-member-from-group'),
  4730: iamGroup('deletion', 'deleted-group-account'),
  4731: iamGroup('creation', 'added-group-account'),
  4732: iamGroup('change', 'added-member-to-group'),
  4733: iamGroup('change', 'removed-member-from-group'),
  4734: iamGroup('deletion', 'deleted-group-account'),
  4735: iamGroup('change', 'modified-group-account'),
  4737: iamGroup('change', 'modified-group-account'),
  4738: iamUser('change', 'modified-user-account'),
  4740: iamUser('change', 'locked-out-user-account'),
  4741: c(['iam'], ['creation', 'admin'], 'added-computer-account'),
  4742: c(['iam'], ['change', 'admin'], 'changed-computer-account'),
  4743: c(['iam'], ['deletion', 'admin'], 'deleted-computer-account'),
  4754: iamGroup('creation', 'added-group-account'),
  4755: iamGroup('change', 'modified-group-account'),
  4756: iamGroup('change', 'added-member-to-group'),
  4757: iamGroup('change', 'removed-member-from-group'),
  4758: iamGroup('deletion', 'deleted-group-account'),
  4767: iamUser('change', 'unlocked-user-account'),
  4768: auth('start', 'kerberos-authentication-ticket-requested'),
  4769: auth('start', 'kerberos-service-ticket-requested'),
  4770: auth('start', 'kerberos-service-ticket-renewed'),
  4771: auth('start', 'kerberos-preauth-failed'),
  4776: auth('start', 'credential-validated'),
  4778: c(['authentication', 'session'], ['start'], 'session-reconnected'),
  4779: c(['authentication', 'session'], ['end'], 'session-disconnected'),
  4781: iamUser('change', 'renamed-user-account'),
  4797: iamUser('info', 'query-existence-of-blank-password'),
  4798: iamUser('info', 'group-membership-enumerated'),
  4799: iamGroup('info', 'user-member-enumerated'),
  4817: iamConfig('change', 'object-audit-changed'),
  4902: iamConfig('creation', 'user-audit-policy-created'),
  4904: iamConfig('change', 'security-event-source-added'),
  4905: iamConfig('deletion', 'security-event-source-removed'),
  4906: iamConfig('change', 'crash-on-audit-changed'),
  4907: iamConfig('change', 'audit-setting-changed'),
  4908: iamConfig('change', 'special-group-table-changed'),
  4964: c(['iam'], ['admin', 'group'], 'logged-in-special'),
  5024: c(['process'], ['start'], 'windows-firewall-service-started'),
  5025: c(['process'], ['end'], 'windows-firewall-service-stopped'),
  5136: iamConfig('change', 'directory-service-object-modified'),
  5140: c(['network', 'file'], ['info', 'access'], 'network-share-object-accessed'),
  5145: c(['network', 'file'], ['info', 'access'], 'network-share-object-access-checked'),
  // Not in Winlogbeat's table: dac's, in the same style (the firewall's allowed connection).
  5156: c(['network'], ['connection', 'info', 'allowed'], 'windows-firewall-connection'),
};

/** Logon type numbers → Winlogbeat's names (winlog.logon.type). */
export const LOGON_TYPES: Readonly<Record<string, string>> = {
  2: 'Interactive', 3: 'Network', 4: 'Batch', 5: 'Service', 7: 'Unlock', 8: 'NetworkCleartext',
  9: 'NewCredentials', 10: 'RemoteInteractive', 11: 'CachedInteractive',
};

/** 4624/4625 name the logged-on account Target*; every other event's user is the Subject. */
export const TARGET_USER_IDS: readonly number[] = [4624, 4625];
const PROCESS_CREATION = [4688];
const SPREAD = 'Winlogbeat maps it for its list of auth events only; every Security event that carries the name means the same thing, so dac maps it wherever it occurs (issue 18)';

const SECURITY_FIELDS: readonly FieldRule[] = [
  { from: 'TargetUserSid', to: 'user.id', only: TARGET_USER_IDS },
  { from: 'TargetUserName', to: 'user.name', only: TARGET_USER_IDS },
  { from: 'TargetDomainName', to: 'user.domain', only: TARGET_USER_IDS },
  { from: 'TargetLogonId', to: 'winlog.logon.id', only: TARGET_USER_IDS },
  { from: 'SubjectUserSid', to: 'user.id', except: TARGET_USER_IDS },
  { from: 'SubjectUserName', to: 'user.name', except: TARGET_USER_IDS },
  { from: 'SubjectDomainName', to: 'user.domain', except: TARGET_USER_IDS },
  { from: 'SubjectLogonId', to: 'winlog.logon.id', except: TARGET_USER_IDS },
  { from: 'NewProcessName', to: 'process.executable', only: PROCESS_CREATION },
  { from: 'NewProcessId', to: 'process.pid', conv: 'hex', only: PROCESS_CREATION },
  { from: 'ParentProcessName', to: 'process.parent.executable', only: PROCESS_CREATION },
  { from: 'ProcessId', to: 'process.parent.pid', conv: 'hex', only: PROCESS_CREATION },
  { from: 'CommandLine', to: 'process.command_line', only: PROCESS_CREATION },
  { from: 'ProcessName', to: 'process.executable', dac: SPREAD },
  { from: 'ProcessId', to: 'process.pid', conv: 'hex', except: PROCESS_CREATION, dac: SPREAD },
  { from: 'IpAddress', to: 'source.ip', conv: 'ip', dac: SPREAD },
  { from: 'IpPort', to: 'source.port', conv: 'long', dac: SPREAD },
  { from: 'WorkstationName', to: 'source.domain', dac: SPREAD },
  { from: 'ServiceName', to: 'service.name' },
];

export const SECURITY: Family = {
  id: 'security',
  module: 'security',
  channels: ['Security'],
  providers: ['Microsoft-Windows-Security-Auditing'],
  events: SECURITY_EVENTS,
  fields: SECURITY_FIELDS,
  computed: ['process.name', 'process.parent.name', 'process.args', 'process.args_count', 'winlog.logon.type'],
  placeholders: true,
  sentinel: { table: 'SecurityEvent' },
};
