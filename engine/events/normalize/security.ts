/**
 * Windows Security (Microsoft-Windows-Security-Auditing) and TaskScheduler/Operational events →
 * ECS. Security follows Winlogbeat's Security module: Subject* is the acting user, Target* the
 * logged-on user for 4624, hex pids become numbers.
 */
import type { WinView } from './win-view.ts';
import { append, set, toLong, type Out } from './out.ts';
import { auditOutcome, commonWinFields, isEmptyValue, relatedUser, setDomainUser } from './win-common.ts';
import { baseName, splitCommandLine } from './cmdline.ts';
import { LOGON_TYPES, SECURITY_EVENTS, TASK_SCHEDULER_EVENTS } from './security-table.ts';
import type { Categorization } from './sysmon-table.ts';

function categorize(out: Out, c: Categorization | undefined): void {
  if (!c) return;
  out['event.category'] = [...c.category];
  out['event.type'] = [...c.type];
  out['event.action'] = c.action;
}

function val(d: Readonly<Record<string, string>>, k: string): string | undefined {
  const v = d[k];
  return isEmptyValue(v) ? undefined : v;
}

function user(out: Out, d: Readonly<Record<string, string>>, who: 'Subject' | 'Target'): void {
  set(out, 'user.id', val(d, `${who}UserSid`));
  set(out, 'user.name', val(d, `${who}UserName`));
  set(out, 'user.domain', val(d, `${who}DomainName`));
}

function processFields(out: Out, prefix: 'process' | 'process.parent', exe: string | undefined, pid: string | undefined): void {
  set(out, `${prefix}.executable`, exe);
  if (exe) set(out, `${prefix}.name`, baseName(exe));
  set(out, `${prefix}.pid`, toLong(pid));
}

export function normalizeSecurity(v: WinView): Out {
  const out = commonWinFields(v, 'security');
  const d = v.data;
  const code = v.eventId;
  categorize(out, SECURITY_EVENTS[code]);
  set(out, 'event.outcome', auditOutcome(v.keywords));
  if (code === 4624 || code === 4625) {
    user(out, d, 'Target');
    set(out, 'winlog.logon.id', val(d, 'TargetLogonId'));
    const lt = val(d, 'LogonType');
    if (lt) set(out, 'winlog.logon.type', LOGON_TYPES[lt] ?? lt);
    set(out, 'source.ip', val(d, 'IpAddress'));
    set(out, 'source.port', toLong(val(d, 'IpPort')));
    set(out, 'source.domain', val(d, 'WorkstationName'));
    processFields(out, 'process', val(d, 'ProcessName'), val(d, 'ProcessId'));
    const subj = val(d, 'SubjectUserName');
    if (subj) append(out, 'related.user', subj);
  } else if (code === 4688) {
    user(out, d, 'Subject');
    set(out, 'winlog.logon.id', val(d, 'SubjectLogonId'));
    processFields(out, 'process', val(d, 'NewProcessName'), val(d, 'NewProcessId'));
    processFields(out, 'process.parent', val(d, 'ParentProcessName'), val(d, 'ProcessId'));
    const cmd = val(d, 'CommandLine');
    if (cmd) {
      out['process.command_line'] = cmd;
      const a = splitCommandLine(cmd);
      out['process.args'] = a;
      out['process.args_count'] = a.length;
    }
  } else {
    user(out, d, 'Subject');
    set(out, 'winlog.logon.id', val(d, 'SubjectLogonId'));
  }
  relatedUser(out);
  const ip = out['source.ip'];
  if (typeof ip === 'string') append(out, 'related.ip', ip);
  return out;
}

export function normalizeTaskScheduler(v: WinView): Out {
  const out = commonWinFields(v, 'taskscheduler');
  categorize(out, TASK_SCHEDULER_EVENTS[v.eventId]);
  const d = v.data;
  // 106 names the registering user as UserContext, 140/141 as UserName: DOMAIN\user either way.
  setDomainUser(out, val(d, 'UserContext') ?? val(d, 'UserName'));
  set(out, 'user.id', v.userId);
  relatedUser(out);
  return out;
}
