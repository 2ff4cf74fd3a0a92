/** Test fixtures: ESCU's macros (definitions as ESCU ships them) and SPL seed extraction. */
import { readFileSync } from 'node:fs';
import type { MacroDefinition } from '../../../engine/rule/model.ts';
import type { EcsEvent, EcsFields } from '../../../engine/events/types.ts';
import { sharedPath } from '../../support/shared.ts';

const mk = (name: string, definition: string, args: string[] = []): [string, MacroDefinition] =>
  [name, { name, definition, arguments: args, file: `macros/${name.replace(/\(\d\)$/, '')}.yml` }];

export const ESCU_MACROS: ReadonlyMap<string, MacroDefinition> = new Map([
  mk('security_content_summariesonly', 'summariesonly=false allow_old_summaries=true fillnull_value=null'),
  mk('drop_dm_object_name(1)', 'rename $object$.* AS *', ['object']),
  mk('security_content_ctime(1)', 'convert timeformat="%Y-%m-%dT%H:%M:%S" ctime($field$)', ['field']),
  mk('schtasks_run_task_on_demand_filter', 'search *'),
  mk('outer', '`inner` | `security_content_ctime(firstTime)`'),
  mk('inner', 'eval x=1'),
  mk('loop', '`loop`'),
]);

/** The SPL search of a seed page: the numbered lines between "Search" and "Data Source". */
export function seedSearch(file: string): string {
  const page = readFileSync(sharedPath('seeds', file), 'utf8');
  const m = /\nSearch\n([\s\S]*?)\nData Source\n/.exec(page);
  if (!m) throw new Error(`no Search block in ${file}`);
  return m[1]!.split('\n').map((l) => l.replace(/^\d+/, '')).join('\n').trim();
}

let seq = 0;
export function ev(fields: EcsFields): EcsEvent {
  const ts = typeof fields['@timestamp'] === 'string' ? Date.parse(fields['@timestamp']) : 0;
  return { fields, ts, provenance: { dataset: 'test', file: 'inline' }, seq: seq++ };
}

/** A Sysmon 1 process creation as the normalizer presents it. */
export function proc(at: string, o: { name: string; cmd: string; parent: string; host: string; user: string; pid: number }): EcsEvent {
  const [domain, name] = o.user.split('\\');
  return ev({
    '@timestamp': at, 'event.category': ['process'], 'event.type': ['start'], 'winlog.event_id': '1',
    'process.name': o.name, 'process.command_line': o.cmd, 'process.pid': o.pid, 'process.parent.name': o.parent,
    'process.executable': `C:\\Windows\\System32\\${o.name}`, 'host.name': o.host, 'user.domain': domain!, 'user.name': name!,
    'winlog.event_data.Image': `C:\\Windows\\System32\\${o.name}`, 'winlog.event_data.CommandLine': o.cmd,
  });
}
