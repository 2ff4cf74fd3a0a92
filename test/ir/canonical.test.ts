import { describe, expect, it } from 'vitest';
import { canonicalPredicate, canonicalQuery, withoutNumberTwins } from '../../engine/ir/canonical.ts';
import { equalPredicate, equalQuery, irEqual } from '../../engine/ir/equal.ts';
import { effectiveFilter, inlineSources } from '../../engine/ir/source.ts';
import type { EventQuery, Predicate } from '../../engine/ir/types.ts';
import { eventQueries, foldPredicate, mapQuery, predicateFields } from '../../engine/ir/walk.ts';
import { frontEndFor } from '../../engine/lang/registry.ts';

const a: Predicate = { kind: 'exists', field: 'a' };
const b: Predicate = { kind: 'exists', field: 'b' };
const c: Predicate = { kind: 'in', left: { kind: 'field', name: 'c' }, values: ['3', 3, '3'], caseInsensitive: false };
const T: Predicate = { kind: 'const', value: true };
const F: Predicate = { kind: 'const', value: false };

describe('canonicalPredicate', () => {
  it('flattens nested and/or of the same kind and unwraps one-argument ones', () => {
    expect(canonicalPredicate({ kind: 'and', args: [a, { kind: 'and', args: [b, { kind: 'or', args: [a] }] }] })).toEqual({ kind: 'and', args: [a, b, a] });
    expect(canonicalPredicate({ kind: 'or', args: [{ kind: 'or', args: [a, b] }, { kind: 'and', args: [a, b] }] })).toEqual({ kind: 'or', args: [a, b, { kind: 'and', args: [a, b] }] });
  });
  it('folds constants', () => {
    expect(canonicalPredicate({ kind: 'and', args: [T, a, T] })).toEqual(a);
    expect(canonicalPredicate({ kind: 'and', args: [a, F] })).toEqual(F);
    expect(canonicalPredicate({ kind: 'or', args: [F, a] })).toEqual(a);
    expect(canonicalPredicate({ kind: 'or', args: [a, { kind: 'not', arg: F }] })).toEqual(T);
    expect(canonicalPredicate({ kind: 'and', args: [T, T] })).toEqual(T);
    expect(canonicalPredicate({ kind: 'not', arg: { kind: 'not', arg: a } })).toEqual(a);
  });
  it('drops exact duplicate values and keeps the "3"/3 twins', () => {
    expect(canonicalPredicate(c)).toMatchObject({ values: ['3', 3] });
    expect(withoutNumberTwins(['3', 3, 4, '5'])).toEqual(['3', 4, '5']);
  });
  it('maps every predicate slot of a query (source selections, steps, stage filters)', () => {
    const ev: EventQuery = { kind: 'event', source: { origin: { lang: 'eql', category: 'x' }, select: { kind: 'and', args: [a] } }, filter: { kind: 'or', args: [T, b] }, logic: 'kleene' };
    const q = canonicalQuery({ kind: 'pipeline', source: { kind: 'sequence', ordered: true, by: [], steps: [{ filter: ev, by: [], runs: 1, missing: false }] }, stages: [{ kind: 'filter', predicate: { kind: 'and', args: [b] }, logic: 'boolean' }] });
    const [e] = eventQueries(q);
    expect(e.source?.select).toEqual(a);
    expect(e.filter).toEqual(T);
    expect(q.kind === 'pipeline' && q.stages[0]).toEqual({ kind: 'filter', predicate: b, logic: 'boolean' });
  });
});

describe('structural equality', () => {
  it('ignores spans and absent-vs-undefined keys, distinguishes "3" from 3', () => {
    expect(equalPredicate({ ...a, span: { start: 1, end: 2 } }, a)).toBe(true);
    expect(irEqual({ kind: 'field', name: 'x', optional: undefined }, { kind: 'field', name: 'x' })).toBe(true);
    expect(irEqual(['3'], [3])).toBe(false);
    expect(equalQuery({ kind: 'event', filter: a, logic: 'kleene' }, { kind: 'event', filter: a, logic: 'boolean' })).toBe(false);
    expect(equalPredicate({ kind: 'and', args: [a, b] }, { kind: 'and', args: [b, a] })).toBe(false);
  });
});

describe('walk', () => {
  it('folds, lists fields and maps event queries', () => {
    const p: Predicate = { kind: 'and', args: [a, { kind: 'not', arg: c }, { kind: 'compare', op: '==', left: { kind: 'call', fn: 'eql.length', args: [{ kind: 'field', name: 'd' }], caseInsensitive: false }, right: { kind: 'literal', value: 1 }, caseInsensitive: false }] };
    expect(foldPredicate(p, { and: (xs) => xs.reduce((s, x) => s + x, 0), or: (xs) => xs.reduce((s, x) => s + x, 0), not: (x) => x, leaf: () => 1 })).toBe(3);
    expect(predicateFields(p)).toEqual(['a', 'c', 'd']);
    const q = mapQuery({ kind: 'event', filter: a, logic: 'kleene' } as EventQuery, { event: (e) => ({ ...e, logic: 'boolean' }) });
    expect(q.logic).toBe('boolean');
  });
});

describe('event sources', () => {
  it('effectiveFilter is select and filter; inlineSources folds foreign sources in', () => {
    const q: EventQuery = { kind: 'event', source: { origin: { lang: 'car', object: 'flow' }, select: a }, filter: b, logic: 'boolean' };
    expect(effectiveFilter(q)).toEqual({ kind: 'and', args: [a, b] });
    expect(inlineSources(q)).toEqual({ kind: 'event', filter: { kind: 'and', args: [a, b] }, logic: 'boolean' });
    expect(inlineSources(q, (o) => o.lang === 'car')).toEqual(q);
  });
});

describe('every front-end fills the source and leaves the filter canonical', () => {
  const cases: ReadonlyArray<readonly ['eql' | 'sigma' | 'spl' | 'car', string, object]> = [
    ['eql', 'process where (a == 1 and (b == 2 and true))', { lang: 'eql', category: 'process' }],
    ['sigma', 'title: t\nlogsource: {product: windows, category: process_creation}\ndetection:\n  s: {Image|endswith: x.exe}\n  condition: s\n', { lang: 'sigma', product: 'windows', category: 'process_creation' }],
    ['spl', '| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest', { lang: 'spl', datamodel: 'Endpoint', dataset: 'Processes' }],
    ['spl', 'sourcetype=XmlWinEventLog EventCode=1 Image=*cmd.exe', { lang: 'spl', sourcetype: 'XmlWinEventLog' }],
    ['car', 'p = search Process:Create\nq = filter p where (exe == "cmd.exe")\noutput q', { lang: 'car', object: 'process', action: 'create' }],
  ];
  for (const [lang, text, origin] of cases) {
    it(`${lang}: ${text.split('\n')[0]}`, () => {
      const r = frontEndFor(lang)!.compileText(text, 'q', {});
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const [e] = eventQueries(r.query!);
      expect(e.source?.origin).toEqual(origin);
      expect(e.filter).toEqual(canonicalPredicate(e.filter));
      expect(e.source!.select).toEqual(canonicalPredicate(e.source!.select));
    });
  }
});
