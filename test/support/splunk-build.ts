/** Reading a Splunk build back: macros.conf as macro definitions, and expanding every search with them alone. */
import { expandMacros } from '../../engine/lang/spl/macros.ts';
import type { MacroDefinition } from '../../engine/rule/model.ts';
import { EXTERNAL_MACRO_APPS } from '../../engine/lang/spl/external-macros.ts';
import { parseConf } from './conf-parser.ts';

export function macrosFromConf(text: string): Map<string, MacroDefinition> {
  const out = new Map<string, MacroDefinition>();
  for (const s of parseConf(text).stanzas) {
    const args = s.entries.get('args');
    out.set(s.name, { name: s.name, definition: s.entries.get('definition') ?? '', arguments: args ? args.split(',').map((a) => a.trim()) : [], file: 'macros.conf' });
  }
  return out;
}

/** Every savedsearches.conf search that does not expand with macros.conf alone (external apps' macros aside), with why. */
export function unexpandable(savedsearches: string, macrosConf: string): string[] {
  const macros = macrosFromConf(macrosConf);
  const out: string[] = [];
  for (const s of parseConf(savedsearches).stanzas) {
    const search = s.entries.get('search');
    if (search === undefined) { out.push(`${s.name}: no search`); continue; }
    const e = expandMacros(search, macros);
    // The expander stands in for CIM's macros and for missing _filter macros; only the former may be absent.
    for (const key of e.implicit) if (!EXTERNAL_MACRO_APPS.has(key)) out.push(`${s.name}: \`${key}\` is not in macros.conf`);
    for (const err of e.errors) if (!(err.code === 'unknown-macro' && /belongs to/.test(err.message))) out.push(`${s.name}: ${err.message}`);
  }
  return out;
}
