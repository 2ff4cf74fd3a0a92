/** Compiles inline Sigma YAML and evaluates it on flat ECS field maps (test helper). */
import type { EcsFields } from '../../../engine/events/types.ts';
import type { IrQuery } from '../../../engine/ir/types.ts';
import { compileSigmaText } from '../../../engine/lang/sigma/index.ts';
import type { CompileEnv } from '../../../engine/lang/types.ts';
import { evalPredicate } from '../../../engine/runtime/index.ts';

export function sigma(detection: string, logsource = 'product: windows\n  category: process_creation', env: CompileEnv = {}): ReturnType<typeof compileSigmaText> {
  const text = `title: t\nlogsource:\n  ${logsource}\ndetection:\n${detection}\n`;
  return compileSigmaText(text, 'inline.yml', env);
}

export const PROC: EcsFields = { 'event.code': '1', 'winlog.channel': 'Microsoft-Windows-Sysmon/Operational' };

/** Does the compiled event query match `fields` (Sysmon process creation unless overridden)? */
export function matches(q: IrQuery | undefined, fields: EcsFields, base: EcsFields = PROC): boolean {
  if (!q || q.kind !== 'event') throw new Error(`expected an event query, got ${q?.kind}`);
  return evalPredicate(q.filter, { ...base, ...fields }, 'boolean') === true;
}

export function codes(r: { diagnostics: readonly { code: string }[] }): string[] {
  return r.diagnostics.map((d) => d.code);
}
