/** engine/ir/functions/spl.ts, evaluated through the runtime as the IR calls them. */
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../../engine/ir/types.ts';
import { evalExpr } from '../../../engine/runtime/index.ts';
import '../../../engine/ir/functions/index.ts';
import { strftimeUtc } from '../../../engine/ir/functions/spl-time.ts';
import { parseSpl } from '../../../engine/lang/spl/parser.ts';

const lit = (value: string | number | boolean | null): Expr => ({ kind: 'literal', value });
const f = (name: string, ...args: Expr[]): Expr => ({ kind: 'call', fn: `spl.${name}`, args, caseInsensitive: false });
const run = (name: string, ...args: (string | number | boolean | null)[]) => evalExpr(f(name, ...args.map(lit)));

describe('spl.* functions', () => {
  it('if, case, coalesce, isnull, isnotnull', () => {
    expect(run('if', true, 'a', 'b')).toBe('a');
    expect(run('if', null, 'a', 'b')).toBe('b');
    expect(run('case', false, 1, true, 2)).toBe(2);
    expect(run('case', false, 1)).toBeNull();
    expect(run('coalesce', null, 'x', 'y')).toBe('x');
    expect(run('isnull', null)).toBe(true);
    expect(run('isnotnull', 'v')).toBe(true);
  });
  it('like and match', () => {
    expect(run('like', 'C:\\x\\cmd.exe', '%cmd%')).toBe(true);
    expect(run('like', 'cmd', 'CMD')).toBe(false); // like is case-sensitive
    expect(run('like', 'ab', 'a_')).toBe(true);
    expect(run('like', 'a.c', 'a_c')).toBe(true);
    expect(run('like', 'abc', 'a.c')).toBe(false);
    expect(run('match', 'schtasks /run', '/r[u]n')).toBe(true);
    expect(run('match', null, 'x')).toBeNull();
  });
  it('string functions', () => {
    expect(run('lower', 'AbC')).toBe('abc');
    expect(run('upper', 'AbC')).toBe('ABC');
    expect(run('replace', 'a-b-c', '-(\\w)', '+\\1')).toBe('a+b+c');
    expect(run('len', 'four')).toBe(4);
    expect(run('substr', 'splunk', 2, 3)).toBe('plu');
    expect(run('substr', 'splunk', -3)).toBe('unk');
    expect(run('tostring', 12)).toBe('12');
    expect(run('tonumber', '0x1F'.slice(2), 16)).toBe(31);
    expect(run('tonumber', 'x')).toBeNull();
  });
  it('mvindex with negative indexes and ranges', () => {
    const mv: Expr = f('split', lit('a\\b\\c.exe'), lit('\\'));
    expect(evalExpr(f('mvindex', mv, lit(-1)))).toBe('c.exe');
    expect(evalExpr(f('mvindex', mv, lit(0), lit(1)))).toEqual(['a', 'b']);
    expect(evalExpr(f('mvindex', mv, lit(5)))).toBeNull();
  });
  it('operators: numeric when both sides are numbers, string otherwise', () => {
    expect(run('plus', 1, '2')).toBe(3);
    expect(run('plus', 'a', 'b')).toBe('ab');
    expect(run('concat', 'a', 1)).toBe('a1');
    expect(run('lt', '9', '10')).toBe(true);
    expect(run('lt', 'b', 'a')).toBe(false);
    expect(run('eq', 'A', 'a')).toBe(false);
    expect(run('div', 1, 0)).toBeNull();
  });
  it('ctime/strftime format epoch seconds in UTC; ctime leaves non-numbers alone', () => {
    expect(run('ctime', 1709632801.25, '%Y-%m-%dT%H:%M:%S')).toBe('2024-03-05T10:00:01');
    expect(run('ctime', 'n/a', '%Y')).toBe('n/a');
    expect(run('strftime', 'n/a', '%Y')).toBeNull();
    expect(strftimeUtc(1709632801.25, '%a %b %e %I:%M:%S.%3N %p %j %z %%')).toBe('Tue Mar  5 10:00:01.250 AM 065 +0000 %');
    expect(run('epoch', '2024-03-05T10:00:01.250Z')).toBe(1709632801.25);
  });
  it('CIM helpers', () => {
    expect(run('cim_user', 'ACME', 'alice')).toBe('ACME\\alice');
    expect(run('cim_user', null, 'SYSTEM')).toBe('SYSTEM');
    expect(run('cim_direction', 'egress')).toBe('outbound');
    expect(run('cim_registry_action', 'DeleteValue')).toBe('deleted');
    expect(run('cim_file_action', '11')).toBe('created');
  });
});

describe('sort parsing', () => {
  it('reads `- field` and `-field` as descending', () => {
    const r = parseSpl('search * | sort - count, +name, -x');
    expect(r.pipeline!.commands[1]).toMatchObject({ keys: [{ field: { name: 'count' }, desc: true }, { field: { name: 'name' }, desc: false }, { field: { name: 'x' }, desc: true }] });
  });
});
