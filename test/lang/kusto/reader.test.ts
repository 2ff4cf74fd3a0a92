/**
 * The Kusto reader against the Sentinel back-end, one row per IR node kind the back-end writes:
 * IR → KQL (export/kql.ts) → IR (lang/kusto) must be the same query, structurally (ir/equal.ts),
 * once the reader's Sysmon source is inlined as the KQL's table implies.
 */
import { describe, expect, it } from 'vitest';
import { toKql } from '../../../engine/export/kql.ts';
import { canonicalPredicate } from '../../../engine/ir/canonical.ts';
import { irEqual } from '../../../engine/ir/equal.ts';
import { printPredicate } from '../../../engine/ir/print.ts';
import type { Predicate } from '../../../engine/ir/types.ts';
import { compileKusto } from '../../../engine/lang/kusto/index.ts';
import { and, ev, glob, not, or } from '../../support/ir.ts';

const field = (name: string) => ({ kind: 'field' as const, name });
const like = (name: string, ci: boolean, ...ps: string[]): Predicate => ({ kind: 'glob', left: field(name), patterns: ps.map(glob), caseInsensitive: ci });
const rows: ReadonlyArray<readonly [string, Predicate]> = [
  ['compare ==', { kind: 'compare', op: '==', left: field('process.executable'), right: { kind: 'literal', value: 'C:\\x.exe' }, caseInsensitive: false }],
  ['compare ~', { kind: 'compare', op: '==', left: field('process.command_line'), right: { kind: 'literal', value: 'a "b"' }, caseInsensitive: true }],
  ['compare >=', { kind: 'compare', op: '>=', left: field('destination.port'), right: { kind: 'literal', value: 49152 }, caseInsensitive: false }],
  ['in', { kind: 'in', left: field('event.code'), values: ['1', '3'], caseInsensitive: false }],
  ['in~', { kind: 'in', left: field('process.name'), values: ['cmd.exe'], caseInsensitive: true }],
  ['glob contains', like('process.command_line', true, '*/run*')],
  ['glob endswith cs', like('process.executable', false, '*\\svchost.exe')],
  ['glob startswith', like('registry.path', true, 'HKLM\\*')],
  ['regex', { kind: 'regex', left: field('process.command_line'), patterns: ['a.c'], anchored: false, caseInsensitive: true }],
  ['cidr', { kind: 'cidr', left: field('source.ip'), cidrs: ['10.0.0.0/8'] }],
  ['exists', { kind: 'exists', field: 'process.command_line' }],
  ['and/or/not', and(like('process.name', true, 'a*'), or(like('process.name', true, '*b'), not({ kind: 'exists', field: 'winlog.event_data.User' })))],
  ['raw EventData', { kind: 'in', left: field('winlog.event_data.Initiated'), values: ['false'], caseInsensitive: true }],
];

describe('Kusto reader: every node the Sentinel back-end writes reads back', () => {
  for (const [name, p] of rows) {
    it(name, () => {
      const k = toKql(ev(p, 'boolean'));
      expect('text' in k, JSON.stringify(k)).toBe(true);
      if (!('text' in k)) return;
      const r = compileKusto(k.text);
      expect(r.diagnostics, k.text).toEqual([]);
      expect(r.query?.source?.origin).toEqual({ lang: 'kusto', table: 'Sysmon' });
      const back = r.query!.filter;
      expect(irEqual(back, canonicalPredicate(p)), `${k.text}\n${printPredicate(back)}`).toBe(true);
    });
  }
  it('rejects what it does not read, with a location', () => {
    const r = compileKusto('Sysmon\n| summarize count() by Computer');
    expect(r.diagnostics[0]).toMatchObject({ code: 'kusto/syntax', severity: 'error' });
    expect(compileKusto('Sysmon | where Foo(1)').diagnostics[0]?.message).toMatch(/not a Sysmon parser column|not a condition/);
    expect(compileKusto('Sysmon | where Image == "x').diagnostics[0]?.message).toMatch(/unterminated/);
  });
});
