import { describe, expect, it } from 'vitest';
import { parseCondition } from '../../../engine/lang/sigma/condition-parser.ts';
import { codes, matches, sigma } from './helpers.ts';

const ids = "  selection_a:\n    CommandLine|contains: 'aa'\n  selection_b:\n    CommandLine|contains: 'bb'\n  _helper:\n    CommandLine|contains: 'hh'\n  filter:\n    CommandLine|contains: 'ff'\n";

describe('sigma conditions', () => {
  it('precedence: not binds tighter than and, and tighter than or', () => {
    const ast = parseCondition('a or not b and c');
    expect(ast).toMatchObject({ kind: 'or', left: { kind: 'ident', name: 'a' }, right: { kind: 'and', left: { kind: 'not' } } });
    expect(parseCondition('(a or b) and c')).toMatchObject({ kind: 'and', left: { kind: 'or' } });
  });

  it('1 of / all of a pattern', () => {
    const one = sigma(`${ids}  condition: 1 of selection_* and not filter`).query;
    expect(matches(one, { 'process.command_line': 'xx bb' })).toBe(true);
    expect(matches(one, { 'process.command_line': 'bb ff' })).toBe(false);
    const all = sigma(`${ids}  condition: all of selection_*`).query;
    expect(matches(all, { 'process.command_line': 'aa bb' })).toBe(true);
    expect(matches(all, { 'process.command_line': 'aa' })).toBe(false);
  });

  it('them skips identifiers starting with _', () => {
    const all = sigma(`${ids}  condition: all of them`).query;
    expect(matches(all, { 'process.command_line': 'aa bb ff' })).toBe(true);
    const one = sigma(`${ids}  condition: 1 of them`).query;
    expect(matches(one, { 'process.command_line': 'hh' })).toBe(false);
    expect(matches(one, { 'process.command_line': 'ff' })).toBe(true);
  });

  it('errors point into the condition', () => {
    const r = sigma(`${ids}  condition: selection_a and nothere`);
    expect(codes(r)).toEqual(['sigma/unknown-identifier']);
    const text = `title: t\nlogsource:\n  product: windows\n  category: process_creation\ndetection:\n${ids}  condition: selection_a and nothere\n`;
    const s = r.diagnostics[0].span;
    expect(s && text.slice(s.start, s.end)).toBe('nothere');
    expect(codes(sigma(`${ids}  condition: 1 of zz*`))).toEqual(['sigma/no-identifier-match']);
    expect(codes(sigma(`${ids}  condition: selection_a and (filter`))).toEqual(['sigma/condition-syntax']);
    expect(codes(sigma(`${ids}  condition: selection_a | count() > 5`))).toEqual(['sigma/deprecated-aggregation']);
  });
});
