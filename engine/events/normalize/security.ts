/**
 * Windows Security (Microsoft-Windows-Security-Auditing) and TaskScheduler/Operational events →
 * ECS. The EventData → ECS rules and categorization are the table's
 * (engine/ir/windows-ecs/security.ts, other.ts); this file computes the rest: outcome from the
 * audit keywords, logon type names, argument lists, process names, related.*.
 */
import type { WinView } from './win-view.ts';
import { append, set, type Out } from './out.ts';
import { auditOutcome, commonWinFields, isEmptyValue, relatedUser, setDomainUser } from './win-common.ts';
import { baseName, splitCommandLine } from './cmdline.ts';
import { LOGON_TYPES, TARGET_USER_IDS, type Family } from '../../ir/windows-ecs/index.ts';
import { applyRules, categorize } from './rules.ts';

function val(d: Readonly<Record<string, string>>, k: string): string | undefined {
  const v = d[k];
  return isEmptyValue(v) ? undefined : v;
}

/** process.name / process.parent.name from the executables the rules filled. */
export function processNames(out: Out): void {
  for (const p of ['process', 'process.parent']) {
    const exe = out[`${p}.executable`];
    if (typeof exe === 'string') set(out, `${p}.name`, baseName(exe));
  }
  const cmd = out['process.command_line'];
  if (typeof cmd === 'string') {
    const a = splitCommandLine(cmd);
    out['process.args'] = a;
    out['process.args_count'] = a.length;
  }
}

export function normalizeSecurity(v: WinView, family: Family): Out {
  const out = commonWinFields(v, family.module);
  const d = v.data;
  categorize(out, v);
  set(out, 'event.outcome', auditOutcome(v.keywords));
  applyRules(out, family, v);
  const lt = val(d, 'LogonType');
  if (lt) set(out, 'winlog.logon.type', LOGON_TYPES[lt] ?? lt);
  processNames(out);
  if (TARGET_USER_IDS.includes(v.eventId)) append(out, 'related.user', val(d, 'SubjectUserName'));
  relatedUser(out);
  const ip = out['source.ip'];
  if (typeof ip === 'string') append(out, 'related.ip', ip);
  return out;
}

export function normalizeTaskScheduler(v: WinView, family: Family): Out {
  const out = commonWinFields(v, family.module);
  categorize(out, v);
  applyRules(out, family, v);
  const d = v.data;
  // 106 names the registering user UserContext, 140/141 UserName: DOMAIN\user either way.
  setDomainUser(out, val(d, 'UserContext') ?? val(d, 'UserName'));
  set(out, 'user.id', v.userId);
  relatedUser(out);
  return out;
}
