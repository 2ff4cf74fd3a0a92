/**
 * PowerShell (Operational 4103–4106, classic 400–800) events → ECS, as Winlogbeat's PowerShell
 * module produces them; the rules are the table's (engine/ir/windows-ecs/powershell.ts) and the
 * context fields come split out of ContextInfo / the classic Data lines by the Windows view.
 */
import type { WinView } from './win-view.ts';
import { set, type Out } from './out.ts';
import { commonWinFields, relatedUser, setDomainUser } from './win-common.ts';
import { applyRules, categorize } from './rules.ts';
import { processNames } from './security.ts';
import type { Family } from '../../ir/windows-ecs/index.ts';

export function normalizePowerShell(v: WinView, family: Family): Out {
  const out = commonWinFields(v, family.module);
  categorize(out, v);
  applyRules(out, family, v);
  processNames(out);
  const path = out['file.path'];
  if (typeof path === 'string') {
    const i = path.lastIndexOf('\\');
    if (i > -1) {
      set(out, 'file.name', path.slice(i + 1));
      set(out, 'file.directory', path.slice(0, i));
      const dot = path.lastIndexOf('.');
      if (dot > i) set(out, 'file.extension', path.slice(dot + 1));
    }
  }
  set(out, 'user.id', v.userId);
  setDomainUser(out, v.data['User']);
  relatedUser(out);
  return out;
}

/** Channels with rules but no code of their own (System, WMI, Defender, any other). */
export function normalizeGeneric(v: WinView, family: Family): Out {
  const out = commonWinFields(v, family.module);
  categorize(out, v);
  applyRules(out, family, v);
  return out;
}
