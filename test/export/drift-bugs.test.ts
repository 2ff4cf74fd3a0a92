/**
 * The back-end drift bugs of issue 13, each pinned: the export must mean what the source rule
 * means. Semantics are checked by reading the export back (SPL) or on the text the target needs.
 */
import { describe, expect, it } from 'vitest';
import { toKql } from '../../engine/export/kql.ts';
import { toSpl } from '../../engine/export/splunk.ts';
import type { ExportRule } from '../../engine/export/types.ts';
import type { IrQuery } from '../../engine/ir/types.ts';
import { frontEndFor } from '../../engine/lang/registry.ts';
import type { Rule } from '../../engine/rule/model.ts';
import { runQuery } from '../../engine/runtime/index.ts';
import { events } from '../support/events.ts';

const eql = (text: string): IrQuery => {
  const r = frontEndFor('eql')!.compileText(text, 'q', {});
  expect(r.diagnostics).toEqual([]);
  return r.query!;
};
const exportRule = (query: IrQuery): ExportRule => ({ rule: { id: 'r', file: 'r.toml', query: { kind: 'text', language: 'eql', text: '' } } as unknown as Rule, query, compileErrors: [] });

describe('Splunk export keeps EQL null logic (two-valued rewrite)', () => {
  const source = eql('any where event.code == "1" and not process.command_line : "*foo*"');
  const evs = events([
    { 'event.code': '1', 'winlog.event_id': 1, 'process.command_line': 'bar', 'winlog.event_data.CommandLine': 'bar' },
    { 'event.code': '1', 'winlog.event_id': 1 },
    { 'event.code': '1', 'winlog.event_id': 1, 'process.command_line': 'x foo y', 'winlog.event_data.CommandLine': 'x foo y' },
  ]);
  it('fires exactly where the EQL fires (not on the event without CommandLine)', () => {
    const c = toSpl(exportRule(source));
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    const back = frontEndFor('spl')!.compileText(c.value, 'export.spl', {});
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const fired = (q: IrQuery) => runQuery(q, evs).map((a) => a.events[0]!.provenance.record);
    expect(fired(source)).toEqual([1]);
    expect(fired(back.query!), c.value).toEqual([1]);
  });
});

describe('Sentinel KQL decides the columns the Sysmon parser fixes', () => {
  it('host.os.type == "windows" is decided at export, never "windows" == "windows"', () => {
    const k = toKql(eql('process where host.os.type == "windows" and process.name : "cmd.exe"'));
    expect('text' in k && k.text).not.toContain('"windows" == "windows"');
    const n = toKql(eql('process where host.os.type == "linux"'));
    expect('text' in n && n.text).not.toContain('"windows" == "linux"');
  });
});

/** The categories a Sentinel KQL `case(EventID …, dynamic([…]), …)` gives an event ID. */
function kqlCategories(kql: string, id: number): string[] {
  const arms = [...kql.matchAll(/EventID (?:== (\d+)|in \(([\d, ]+)\)), dynamic\((\[[^\]]*\])\)/g)];
  for (const m of arms) {
    const ids = m[1] ? [Number(m[1])] : m[2]!.split(',').map((x) => Number(x.trim()));
    if (ids.includes(id)) return JSON.parse(m[3]!) as string[];
  }
  return [];
}

describe('Sentinel KQL categories come from the one Windows↔ECS table', () => {
  it('Sysmon 10 (process access) is a process event, so the lsass rule can match', () => {
    const k = toKql(eql('process where event.code == "10" and process.name : "lsass.exe"'));
    expect('text' in k).toBe(true);
    if (!('text' in k)) return;
    expect(k.text).toContain('set_has_element(case(');
    expect(kqlCategories(k.text, 10)).toContain('process');
  });
  it('Sysmon 12–14 keep configuration beside registry', () => {
    const k = toKql(eql('configuration where event.code == "13"'));
    expect('text' in k).toBe(true);
    if (!('text' in k)) return;
    for (const id of [12, 13, 14]) expect(kqlCategories(k.text, id)).toEqual(expect.arrayContaining(['configuration', 'registry']));
  });
});
