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
