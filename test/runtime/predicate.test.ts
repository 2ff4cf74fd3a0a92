import { describe, expect, it } from 'vitest';
import { evalPredicate } from '../../engine/runtime/index.ts';
import type { Predicate } from '../../engine/ir/types.ts';
import { and, cmp, eq, f, glob, like, not, or } from '../support/ir.ts';

describe('compare', () => {
  it('is case-sensitive unless told otherwise', () => {
    expect(evalPredicate(eq('a', 'X'), { a: 'x' })).toBe(false);
    expect(evalPredicate(eq('a', 'X', true), { a: 'x' })).toBe(true);
  });
  it('matches any element of an array', () => {
    expect(evalPredicate(eq('event.category', 'network'), { 'event.category': ['process', 'network'] })).toBe(true);
  });
  it('treats != as "no element equals"', () => {
    expect(evalPredicate(cmp('c', '!=', 'a'), { c: ['a', 'b'] })).toBe(false);
    expect(evalPredicate(cmp('c', '!=', 'z'), { c: ['a', 'b'] })).toBe(true);
  });
  it('coerces numeric strings against numbers', () => {
    expect(evalPredicate(cmp('p', '>=', 49152), { p: '49153' })).toBe(true);
    expect(evalPredicate(cmp('p', '>=', 49152), { p: 135 })).toBe(false);
    expect(evalPredicate(cmp('p', '>=', 49152), { p: 'abc' })).toBe(false);
  });
});

describe('null logic', () => {
  const p: Predicate = not(eq('missing', 'x'));
  it('kleene: not over a missing field is unknown', () => {
    expect(evalPredicate(p, {}, 'kleene')).toBe(null);
    expect(evalPredicate(or(eq('missing', 'x'), eq('a', 1)), { a: 1 }, 'kleene')).toBe(true);
    expect(evalPredicate(and(eq('missing', 'x'), eq('a', 2)), { a: 1 }, 'kleene')).toBe(false);
  });
  it('boolean: not over a missing field is true', () => {
    expect(evalPredicate(p, {}, 'boolean')).toBe(true);
  });
});

describe('glob, in, regex, cidr, exists, keyword', () => {
  it('globs in every shape', () => {
    const v = { s: 'C:\\Windows\\System32\\schtasks.exe' };
    expect(evalPredicate(like('s', true, '*\\SCHTASKS.exe'), v)).toBe(true);
    expect(evalPredicate(like('s', false, '*\\SCHTASKS.exe'), v)).toBe(false);
    expect(evalPredicate(like('s', true, 'c:\\windows*'), v)).toBe(true);
    expect(evalPredicate(like('s', true, '*system32*'), v)).toBe(true);
    expect(evalPredicate(like('s', true, 'c:\\w?ndows\\*\\sch*.exe'), v)).toBe(true);
    expect(evalPredicate(like('s', true, 'c:\\w?ndows'), v)).toBe(false);
    expect(evalPredicate(like('s', true, '*'), v)).toBe(true);
  });
  it('in coerces numbers and folds case when asked', () => {
    const p: Predicate = { kind: 'in', left: f('id'), values: [1, 3, 'Foo'], caseInsensitive: true };
    expect(evalPredicate(p, { id: '3' })).toBe(true);
    expect(evalPredicate(p, { id: 'foo' })).toBe(true);
    expect(evalPredicate(p, { id: 2 })).toBe(false);
    expect(evalPredicate(p, {})).toBe(null);
  });
  it('regex anchored vs search', () => {
    const a: Predicate = { kind: 'regex', left: f('s'), patterns: ['ab+'], anchored: true, caseInsensitive: false };
    const s: Predicate = { ...a, anchored: false };
    expect(evalPredicate(a, { s: 'xabb' })).toBe(false);
    expect(evalPredicate(s, { s: 'xabb' })).toBe(true);
  });
  it('cidr for v4 and v6', () => {
    const p: Predicate = { kind: 'cidr', left: f('ip'), cidrs: ['10.0.0.0/8', 'fe80::/10'] };
    expect(evalPredicate(p, { ip: '10.1.2.3' })).toBe(true);
    expect(evalPredicate(p, { ip: '11.1.2.3' })).toBe(false);
    expect(evalPredicate(p, { ip: 'fe80::1' })).toBe(true);
    expect(evalPredicate(p, { ip: '::1' })).toBe(false);
  });
  it('exists and keyword', () => {
    expect(evalPredicate({ kind: 'exists', field: 'a' }, { a: null })).toBe(false);
    expect(evalPredicate({ kind: 'exists', field: 'a' }, { a: '' })).toBe(true);
    const k: Predicate = { kind: 'keyword', patterns: [glob('*mimikatz*')], caseInsensitive: true };
    expect(evalPredicate(k, { x: 1, y: ['a', 'run MIMIKATZ now'] })).toBe(true);
    expect(evalPredicate(k, { x: 'no' })).toBe(false);
  });
});
