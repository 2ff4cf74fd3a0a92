import { describe, expect, it } from 'vitest';
import { parseSpl } from '../../../engine/lang/spl/parser.ts';
import type { Command } from '../../../engine/lang/spl/ast.ts';

const cmds = (text: string): readonly Command[] => {
  const r = parseSpl(text);
  expect(r.errors).toEqual([]);
  return r.pipeline!.commands;
};
const err = (text: string) => {
  const r = parseSpl(text);
  expect(r.pipeline).toBeUndefined();
  return r.errors[0]!;
};

describe('SPL parser: commands', () => {
  it('reads tstats options, aggregations with AS, data model, where and by', () => {
    const [t] = cmds('| tstats summariesonly=false count values(Processes.process) as process min(_time) as firstTime from datamodel=Endpoint.Processes where Processes.process_name="a.exe" by Processes.dest Processes.user');
    expect(t).toMatchObject({
      kind: 'tstats', model: 'Endpoint', dataset: 'Processes',
      aggs: [{ fn: 'count', as: 'count' }, { fn: 'values', as: 'process', arg: { name: 'Processes.process' } }, { fn: 'min', as: 'firstTime', arg: { name: '_time' } }],
      by: [{ name: 'Processes.dest' }, { name: 'Processes.user' }],
    });
    expect(t!.kind === 'tstats' && t.options.get('summariesonly')).toBe('false');
  });

  it('names an aggregation without AS as Splunk does', () => {
    const [t] = cmds('| stats dc(user) max(port) by host');
    expect(t).toMatchObject({ kind: 'stats', aggs: [{ as: 'dc(user)' }, { as: 'max(port)' }], by: [{ name: 'host' }] });
  });

  it('reads leading search terms: implicit AND binds looser than OR, NOT tightest', () => {
    const [s] = cmds('a=1 b=2 OR c!=3 NOT d=4');
    expect(s).toMatchObject({ kind: 'search', expr: { kind: 'and', args: [{ kind: 'cmp' }, { kind: 'or', args: [{ field: { name: 'b' } }, { op: '!=' }] }, { kind: 'not' }] } });
  });

  it('reads IN lists, quoted values and bare terms', () => {
    const [s] = cmds('Image IN ("*\\\\cmd.exe", "x y") AND "quoted term" bare*');
    expect(s).toMatchObject({ expr: { kind: 'and', args: [
      { kind: 'in', values: [{ text: '*\\cmd.exe', quoted: true }, { text: 'x y' }] },
      { kind: 'term', value: { text: 'quoted term', quoted: true } },
      { kind: 'term', value: { text: 'bare*', quoted: false } },
    ] } });
  });

  it('reads where, eval (several assignments), rename, table, fields, dedup, convert, head, sort', () => {
    const c = cmds('search x=1 | where count > 2 AND like(p, "%a%") | eval a=lower(b), c=if(a=="x", 1, 0) . "s" | rename a AS b, Processes.* AS * '
      + '| table a b | fields - c | dedup a b | convert timeformat="%Y" ctime(firstTime) ctime(lastTime) AS lt | head 5 | sort - count');
    expect(c.map((x) => x.kind)).toEqual(['search', 'where', 'eval', 'rename', 'table', 'fields', 'dedup', 'convert', 'head', 'sort']);
    expect(c[2]).toMatchObject({ assignments: [{ name: 'a', expr: { kind: 'call', name: 'lower' } }, { name: 'c', expr: { kind: 'binary', op: '.' } }] });
    expect(c[3]).toMatchObject({ pairs: [{ from: 'a', to: 'b' }, { from: 'Processes.*', to: '*' }] });
    expect(c[5]).toMatchObject({ remove: true, fields: [{ name: 'c' }] });
    expect(c[7]).toMatchObject({ timeformat: '%Y', conversions: [{ field: { name: 'firstTime' } }, { field: { name: 'lastTime' }, as: 'lt' }] });
    expect(c[8]).toMatchObject({ n: 5 });
  });
});

describe('SPL parser: errors carry a code and a span', () => {
  it('unknown command', () => {
    const e = err('search a=1 | frobnicate x');
    expect(e).toMatchObject({ code: 'unknown-command', span: { start: 13, end: 23 } });
    expect(e.message).toContain('frobnicate');
  });
  it('unbalanced quotes', () => {
    expect(err('search a="b')).toMatchObject({ code: 'unbalanced-quotes', span: { start: 9, end: 10 } });
  });
  it('bad tstats: missing from, bad data model, bad aggregation, empty by', () => {
    expect(err('| tstats count where x=1')).toMatchObject({ code: 'bad-tstats', span: { start: 15, end: 20 } });
    expect(err('| tstats count from datamodel=Endpoint')).toMatchObject({ code: 'bad-tstats', span: { start: 30, end: 38 } });
    expect(err('| tstats frob(x) from datamodel=A.B')).toMatchObject({ code: 'bad-tstats', span: { start: 9, end: 13 } });
    expect(err('| tstats count from datamodel=A.B by')).toMatchObject({ code: 'bad-tstats', span: { start: 34, end: 36 } });
    expect(err('| tstats count from x=A.B')).toMatchObject({ code: 'bad-tstats', span: { start: 20, end: 21 } });
  });
  it('syntax errors in eval and rename', () => {
    expect(err('search * | eval a lower(b)')).toMatchObject({ code: 'syntax', span: { start: 18, end: 23 } });
    expect(err('search * | rename a b')).toMatchObject({ code: 'syntax', span: { start: 20, end: 21 } });
    expect(err('search * | convert dur2sec(x)')).toMatchObject({ code: 'unsupported', span: { start: 19, end: 26 } });
  });
  it('keeps going after an error and reports each bad command', () => {
    const r = parseSpl('search * | bogus | eval | where');
    expect(r.errors.map((e) => e.code)).toEqual(['unknown-command', 'syntax', 'syntax']);
  });
});
