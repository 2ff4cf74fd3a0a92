import { describe, expect, it } from 'vitest';
import { compileSpl, frontEnd } from '../../../engine/lang/spl/index.ts';
import type { Rule } from '../../../engine/rule/model.ts';
import type { EventQuery, EventSource, IrQuery, Predicate } from '../../../engine/ir/types.ts';
import { runQuery } from '../../../engine/runtime/index.ts';
import { ESCU_MACROS, ev, proc } from './fixtures.ts';

const strip = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (k, v) => (k === 'span' ? undefined : v)));
const ok = (text: string): IrQuery => {
  const r = compileSpl(text, { macros: ESCU_MACROS });
  expect(r.diagnostics).toEqual([]);
  return r.query!;
};
const filterOf = (q: IrQuery): Predicate => ((q.kind === 'pipeline' ? q.source : q) as EventQuery).filter;
const sourceOf = (q: IrQuery): EventSource | undefined => ((q.kind === 'pipeline' ? q.source : q) as EventQuery).source;

describe('SPL → IR: field mapping', () => {
  it('maps tstats CIM fields to ECS and adds the data model constraint', () => {
    const q = ok('| tstats count from datamodel=Endpoint.Registry where Registry.registry_path="*\\\\Run\\\\*" Registry.action=modified by Registry.dest');
    expect(sourceOf(q)).toMatchObject({ origin: { lang: 'spl', datamodel: 'Endpoint', dataset: 'Registry' }, select: { kind: 'in', left: { name: 'event.category' }, values: ['registry'] } });
    expect(filterOf(q)).toMatchObject({ kind: 'and', args: [
      { kind: 'glob', left: { name: 'registry.path' }, caseInsensitive: true },
      { kind: 'in', left: { kind: 'call', fn: 'spl.cim_registry_action' }, values: ['modified'], caseInsensitive: true },
    ] });
  });

  it('maps All_Traffic ports, keeping numbers comparable', () => {
    const q = ok('| tstats count from datamodel=Network_Traffic.All_Traffic where All_Traffic.dest_port=3389 by All_Traffic.src_ip');
    expect(filterOf(q)).toMatchObject({ kind: 'in', left: { name: 'destination.port' }, values: ['3389', 3389] });
  });

  it('maps raw Sysmon searches to winlog fields', () => {
    const q = ok('sourcetype=XmlWinEventLog source="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" EventCode=1 Image="*\\\\schtasks.exe" User!="NT AUTHORITY\\\\SYSTEM"');
    expect(q.kind).toBe('event');
    expect(sourceOf(q)).toMatchObject({
      origin: { lang: 'spl', sourcetype: 'XmlWinEventLog', source: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational' },
      select: { kind: 'and', args: [{ kind: 'exists', field: 'winlog.event_id' }, { kind: 'glob', left: { name: 'winlog.channel' } }] },
    });
    expect(strip(filterOf(q))).toMatchObject({ kind: 'and', args: [
      { kind: 'in', left: { name: 'winlog.event_id' }, values: ['1', 1] },
      { kind: 'glob', left: { name: 'winlog.event_data.Image' } },
      { kind: 'and', args: [{ kind: 'exists', field: 'winlog.event_data.User' }, { kind: 'not' }] },
    ] });
  });

  it('expands a wildcard rename over the known columns', () => {
    const q = ok('| tstats count from datamodel=Endpoint.Processes by Processes.dest Processes.user | `drop_dm_object_name(Processes)`');
    expect(q.kind === 'pipeline' && q.stages[1]).toEqual({ kind: 'rename', pairs: [{ from: 'Processes.dest', to: 'dest' }, { from: 'Processes.user', to: 'user' }] });
  });

  it('lowers where/eval to spl.* calls and predicates', () => {
    const q = ok('search EventCode=1 | eval n=len(CommandLine) | where n > 10 AND like(Image, "%cmd%") AND match(CommandLine, "/c\\s")');
    expect(strip(q)).toMatchObject({ kind: 'pipeline', stages: [
      { kind: 'eval', assignments: [{ name: 'n', expr: { fn: 'spl.len', args: [{ name: 'winlog.event_data.CommandLine' }] } }] },
      { kind: 'filter', predicate: { kind: 'and', args: [
        { kind: 'and', args: [{ kind: 'compare', op: '>', left: { name: 'n' } }, { kind: 'glob', caseInsensitive: false }] },
        { kind: 'regex', anchored: false, patterns: ['/c\\s'] },
      ] } },
    ] });
  });
});

describe('SPL → IR: errors with positions', () => {
  it('an unknown data model field', () => {
    const text = '| tstats count from datamodel=Endpoint.Processes where Processes.proces_name=x by Processes.dest';
    const r = compileSpl(text, {});
    expect(r.query).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ code: 'spl/unknown-field', span: { start: text.indexOf('Processes.proces_name'), end: text.indexOf('=x') } }]);
  });
  it('an unprefixed field in tstats, an unknown data model, an unknown function', () => {
    expect(compileSpl('| tstats count from datamodel=Endpoint.Processes by dest', {}).diagnostics[0]).toMatchObject({ code: 'spl/unknown-field', span: { start: 52, end: 56 } });
    expect(compileSpl('| tstats count from datamodel=Endpoint.Nope', {}).diagnostics[0]).toMatchObject({ code: 'spl/unknown-datamodel', span: { start: 30, end: 43 } });
    expect(compileSpl('search * | eval x=frob(y)', {}).diagnostics[0]).toMatchObject({ code: 'spl/unknown-function', span: { start: 18, end: 25 } });
  });
  it('an error inside a macro expansion points at the macro call', () => {
    const macros = new Map([['bad', { name: 'bad', definition: 'frobnicate', arguments: [], file: 'm' }]]);
    const text = 'search * | `bad`';
    expect(compileSpl(text, { macros }).diagnostics[0]).toMatchObject({ code: 'spl/unknown-command', span: { start: 11, end: 16 } });
  });
  it('compileRule maps spans to file offsets', () => {
    const text = 'search * | `nope`';
    const source = `search: '${text}'\n`;
    const rule = { file: 'r.yml', source, id: 'r1', query: { kind: 'text', language: 'spl', text, path: ['search'], toFileOffset: (k: number) => k + 9 } } as unknown as Rule;
    const d = frontEnd.compileRule(rule, { macros: ESCU_MACROS }).diagnostics[0]!;
    expect(d).toMatchObject({ code: 'spl/unknown-macro', ruleId: 'r1', file: 'r.yml' });
    expect(source.slice(d.span!.start, d.span!.end)).toBe('`nope`');
  });
});

describe('SPL pipelines on the runtime', () => {
  const e1 = proc('2024-01-01T00:00:00Z', { name: 'a.exe', cmd: 'a /x', parent: 'p.exe', host: 'H', user: 'D\\u', pid: 1 });
  const e2 = proc('2024-01-01T00:00:05Z', { name: 'b.exe', cmd: 'b', parent: 'p.exe', host: 'H', user: 'D\\u', pid: 2 });
  const e3 = ev({ '@timestamp': '2024-01-01T00:00:09Z', 'event.category': ['network'], 'winlog.event_id': '3', 'winlog.event_data.Image': 'C:\\x\\a.exe' });

  it('search != needs the field; NOT over a missing field is true', () => {
    expect(runQuery(ok('EventCode=3 Image!="*b.exe"'), [e1, e2, e3])).toHaveLength(1);
    expect(runQuery(ok('NOT CommandLine=*'), [e1, e2, e3]).map((a) => a.events[0])).toEqual([e3]);
    expect(runQuery(ok('NOT CommandLine="A /X"'), [e1, e2, e3]).map((a) => a.events[0])).toEqual([e2, e3]);
    expect(runQuery(ok('CommandLine!=b'), [e1, e2, e3]).map((a) => a.events[0])).toEqual([e1]);
    expect(runQuery(ok('Nope!=x'), [e1, e2, e3])).toHaveLength(0);
  });

  it('stats, eval, where, rename, table and dedup', () => {
    const q = ok('EventCode=1 | stats count dc(Image) as images values(CommandLine) as cmds by host | eval many=if(count>1, "yes", "no") | where many="yes" | rename host AS dest | table dest count images cmds');
    const a = runQuery(q, [e1, e2, e3]);
    expect(a.map((x) => x.fields)).toEqual([{ dest: 'H', count: 2, images: 2, cmds: ['a /x', 'b'] }]);
    expect(runQuery(ok('EventCode=1 | dedup host | table CommandLine'), [e1, e2, e3]).map((x) => x.fields)).toEqual([{ 'winlog.event_data.CommandLine': 'a /x' }]);
  });

  it('latest/earliest and convert ctime with the default format', () => {
    const q = ok('EventCode=1 | stats earliest(CommandLine) as first latest(CommandLine) as last min(_time) as t by host | convert ctime(t)');
    expect(runQuery(q, [e1, e2]).map((x) => x.fields)).toEqual([{ host: 'H', first: 'a /x', last: 'b', t: '01/01/2024 00:00:00' }]);
  });
});
