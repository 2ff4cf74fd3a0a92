import { describe, expect, it } from 'vitest';
import { printIr, printPredicate } from '../../engine/ir/print.ts';
import type { Expr, Predicate } from '../../engine/ir/types.ts';

const f = (name: string): Expr => ({ kind: 'field', name });
const eq = (name: string, value: string, ci = false): Predicate => ({ kind: 'compare', op: '==', left: f(name), right: { kind: 'literal', value }, caseInsensitive: ci });

describe('printIr', () => {
  it('uses minimal parentheses', () => {
    expect(printPredicate({ kind: 'or', args: [{ kind: 'and', args: [eq('a', 'x'), eq('b', 'y')] }, eq('c', 'z')] })).toBe('a == "x" and b == "y" or c == "z"');
    expect(printPredicate({ kind: 'and', args: [{ kind: 'or', args: [eq('a', 'x'), eq('b', 'y')] }, { kind: 'not', arg: eq('c', 'z') }] }))
      .toBe('(a == "x" or b == "y") and not c == "z"');
    expect(printPredicate({ kind: 'not', arg: { kind: 'and', args: [eq('a', 'x'), eq('b', 'y')] } })).toBe('not (a == "x" and b == "y")');
  });
  it('shows case rules and every predicate kind', () => {
    const p: Predicate = {
      kind: 'and', args: [
        eq('a', 'x', true),
        { kind: 'glob', left: f('p'), patterns: [[{ kind: 'star' }, { kind: 'lit', text: '.exe' }]], caseInsensitive: true },
        { kind: 'in', left: f('n'), values: [1, 'two', null], caseInsensitive: false },
        { kind: 'regex', left: f('r'), patterns: ['a.b'], anchored: false, caseInsensitive: false },
        { kind: 'cidr', left: f('ip'), cidrs: ['10.0.0.0/8'] },
        { kind: 'exists', field: 'e' },
        { kind: 'truthy', expr: { kind: 'call', fn: 'eql.startsWith', args: [f('s'), { kind: 'literal', value: 'x' }], caseInsensitive: true } },
        { kind: 'keyword', patterns: [[{ kind: 'lit', text: 'mimikatz' }]], caseInsensitive: true },
      ],
    };
    expect(printPredicate(p)).toBe('a ==~ "x" and p glob~ "*.exe" and n in (1, "two", null) and r regex unanchored /a.b/ and ip cidr 10.0.0.0/8 and exists(e) and eql.startsWith~(s, "x") and keyword~ "mimikatz"');
  });
  it('prints sequences and pipelines', () => {
    const step = { filter: { kind: 'event' as const, filter: eq('event.category', 'process'), logic: 'kleene' as const }, by: [f('k')], runs: 2, missing: false };
    expect(printIr({
      kind: 'pipeline', stages: [{ kind: 'head', n: 2 }, { kind: 'aggregate', groupBy: [{ name: 'h', expr: f('host.name') }], aggregates: [{ name: 'c', fn: 'count' }] }],
      source: { kind: 'sequence', ordered: true, by: [f('host.id')], maxspanMs: 60000, steps: [step, { ...step, runs: 1, missing: true }], until: { ...step, runs: 1 } },
    })).toBe([
      'sequence by host.id maxspan=60000ms',
      '  [event.category == "process"] by k runs=2',
      '  ![event.category == "process"] by k',
      '  until [event.category == "process"] by k',
      '| head 2',
      '| aggregate c=count() by h=host.name',
    ].join('\n'));
  });
});
