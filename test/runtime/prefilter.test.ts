import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Predicate } from '../../engine/ir/types.ts';
import { LiteralMatcher } from '../../engine/runtime/aho-corasick.ts';
import { Engine, type EngineRule } from '../../engine/runtime/index.ts';
import { prefilterAtoms } from '../../engine/runtime/prefilter.ts';
import { events } from '../support/events.ts';
import { and, eq, ev, like, not, or } from '../support/ir.ts';

const atoms = (p: Predicate) => prefilterAtoms(ev(p, 'boolean'));

describe('prefilterAtoms', () => {
  it('takes the longest literal of each glob, lower-cased', () => {
    expect(atoms(like('process.command_line', true, '*/RUN*', '*\\Temp\\*.exe'))).toEqual([
      { field: 'process.command_line', literal: '/run' }, { field: 'process.command_line', literal: '\\temp\\' },
    ]);
  });
  it('picks the most selective conjunct and never a log-source field', () => {
    const p = and(eq('winlog.channel', 'Microsoft-Windows-Sysmon/Operational'), like('process.executable', true, '*\\schtasks.exe'), like('process.command_line', true, '*/r*'));
    expect(atoms(p)).toEqual([{ field: 'process.executable', literal: '\\schtasks.exe' }]);
    expect(atoms(eq('winlog.channel', 'Security'))).toBeUndefined();
  });
  it('unions the alternatives of an or, and gives up where one alternative has no literal', () => {
    expect(atoms(or(eq('a', 'xx'), like('b', true, '*yy*')))).toEqual([{ field: 'a', literal: 'xx' }, { field: 'b', literal: 'yy' }]);
    expect(atoms(or(eq('a', 'xx'), like('b', true, '*')))).toBeUndefined();
  });
  it('refuses what it cannot prove necessary: not, numbers, numeric strings, one-character literals', () => {
    expect(atoms(not(eq('a', 'xx')))).toBeUndefined();
    expect(atoms(eq('a', 42))).toBeUndefined();
    expect(atoms({ kind: 'in', left: { kind: 'field', name: 'a' }, values: ['10', 'abc'], caseInsensitive: false })).toBeUndefined();
    expect(atoms(like('a', true, '*x*'))).toBeUndefined();
  });
});

describe('LiteralMatcher', () => {
  it('finds every literal that occurs, overlaps included', () => {
    const m = new LiteralMatcher(['he', 'she', 'his', 'hers', 'e']);
    const found = new Set<number>();
    m.scan('ushers', (id) => found.add(id));
    expect([...found].sort()).toEqual([0, 1, 3, 4]);
  });
  it('agrees with String.includes on random texts', () => {
    fc.assert(fc.property(fc.array(fc.stringMatching(/^[ab\\.]{1,4}$/), { minLength: 1, maxLength: 8 }), fc.stringMatching(/^[ab\\.]{0,30}$/), (lits, text) => {
      const found = new Set<number>();
      new LiteralMatcher(lits).scan(text, (id) => found.add(id));
      lits.forEach((l, i) => expect(found.has(i)).toBe(text.includes(l)));
    }), { numRuns: 300 });
  });
});

describe('Engine with the prefilter', () => {
  it('skips rules whose literals are absent and still fires where they occur', () => {
    const d = events([{ 'process.command_line': 'schtasks /RUN /tn x' }, { 'process.command_line': 'schtasks /query' }]);
    const rule: EngineRule = { id: 'r', query: ev(like('process.command_line', true, '*/run*'), 'boolean') };
    const e = new Engine([rule]);
    for (const x of d) e.push(x);
    expect(e.finish().map((a) => a.events[0].seq)).toEqual([0]);
  });
});
