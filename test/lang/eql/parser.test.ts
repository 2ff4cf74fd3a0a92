import { describe, expect, it } from 'vitest';
import '../../../engine/ir/functions/index.ts';
import { compileEql, parse } from '../../../engine/lang/eql/index.ts';
import { parseExpression, parseQuery } from '../../../engine/lang/eql/parser.ts';
import { ECS_CATALOG } from '../../../engine/ir/fields.ts';
import type { EventQuery, Predicate, SequenceQuery } from '../../../engine/ir/types.ts';

const ir = (q: string) => {
  const r = compileEql(q);
  expect(r.errors.map((e) => e.message)).toEqual([]);
  return r.query!;
};
const filter = (q: string): Predicate => (ir(q) as EventQuery).filter;
/** The condition (the category is the query's source, not part of the filter). */
const cond = filter;
const err = (q: string, env = {}) => {
  const r = compileEql(q, env);
  expect(r.query).toBeUndefined();
  const e = r.errors[0];
  return { code: e.code, span: q.slice(e.span.start, e.span.end), hint: e.hint };
};

describe('event queries', () => {
  it('turns the category into the source: origin eql, selecting a case-sensitive event.category test', () => {
    const q = ir('process where true') as EventQuery;
    expect(q.source?.origin).toEqual({ lang: 'eql', category: 'process' });
    expect(q.source?.select).toMatchObject({ kind: 'compare', op: '==', caseInsensitive: false, left: { name: 'event.category' }, right: { value: 'process' } });
    expect(q.filter).toEqual({ kind: 'const', value: true });
  });
  it('any where has no source and no category test', () => {
    expect(filter('any where a == 1')).toMatchObject({ kind: 'compare', left: { name: 'a' } });
    expect((ir('any where a == 1') as EventQuery).source).toBeUndefined();
  });
  it('quoted categories', () => expect((ir('"my-cat" where true') as EventQuery).source?.origin).toEqual({ lang: 'eql', category: 'my-cat' }));
  it('uses Kleene null logic', () => expect((ir('process where true') as EventQuery).logic).toBe('kleene'));
  it('keeps spans of nodes', () => {
    const q = 'process where process.name == "a"';
    const p = cond(q) as Extract<Predicate, { kind: 'compare' }>;
    expect(q.slice(p.span!.start, p.span!.end)).toBe('process.name == "a"');
  });
});

describe('operators and their case rules', () => {
  it('== and != are case-sensitive comparisons', () => {
    expect(cond('p where a == "X"')).toMatchObject({ kind: 'compare', op: '==', caseInsensitive: false });
    expect(cond('p where a != "X"')).toMatchObject({ kind: 'compare', op: '!=', caseInsensitive: false });
  });
  it('< <= > >= compare', () => {
    for (const op of ['<', '<=', '>', '>=']) expect(cond(`p where a ${op} 3`)).toMatchObject({ kind: 'compare', op });
  });
  it(': is a case-insensitive glob, single or list', () => {
    expect(cond('p where a : "x*y?"')).toEqual({ kind: 'glob', left: expect.objectContaining({ name: 'a' }), patterns: [[{ kind: 'lit', text: 'x' }, { kind: 'star' }, { kind: 'lit', text: 'y' }, { kind: 'one' }]], caseInsensitive: true, span: expect.anything() });
    expect(cond('p where a : ("x", "y*")')).toMatchObject({ kind: 'glob', patterns: [[{ kind: 'lit', text: 'x' }], [{ kind: 'lit', text: 'y' }, { kind: 'star' }]] });
  });
  it('like / like~', () => {
    expect(cond('p where a like "x*"')).toMatchObject({ kind: 'glob', caseInsensitive: false });
    expect(cond('p where a like~ ("x*", "y")')).toMatchObject({ kind: 'glob', caseInsensitive: true });
  });
  it('regex / regex~ become anchored JS regexes', () => {
    expect(cond('p where a regex "a.c[0-9]+"')).toMatchObject({ kind: 'regex', patterns: ['a.c[0-9]+'], anchored: true, caseInsensitive: false, dotAll: true });
    expect(cond('p where a regex~ """C:\\\\w+\\.exe"""')).toMatchObject({ kind: 'regex', patterns: ['C:\\\\w+\\.exe'], caseInsensitive: true });
  });
  it('in / in~ / not in', () => {
    expect(cond('p where a in ("x", 1)')).toMatchObject({ kind: 'in', values: ['x', 1], caseInsensitive: false });
    expect(cond('p where a in~ ("x")')).toMatchObject({ kind: 'in', caseInsensitive: true });
    expect(cond('p where a not in ("x")')).toMatchObject({ kind: 'not', arg: { kind: 'in' } });
    expect(cond('p where a in ("x", b)')).toMatchObject({ kind: 'or', args: [{ kind: 'in' }, { kind: 'compare', right: { name: 'b' } }] });
  });
  it('== null / != null are existence tests', () => {
    expect(cond('p where a == null')).toEqual({ kind: 'not', arg: { kind: 'exists', field: 'a', span: expect.anything() } });
    expect(cond('p where a != null')).toMatchObject({ kind: 'exists', field: 'a' });
  });
  it('and/or/not with precedence and parentheses', () => {
    expect(cond('p where a == 1 or b == 2 and not c == 3')).toMatchObject({ kind: 'or', args: [{ kind: 'compare' }, { kind: 'and', args: [{ kind: 'compare' }, { kind: 'not' }] }] });
    expect(cond('p where (a == 1 or b == 2) and c == 3')).toMatchObject({ kind: 'and', args: [{ kind: 'or' }, { kind: 'compare' }] });
  });
  it('arithmetic and functions become eql.* calls; ~ sets caseInsensitive', () => {
    expect(cond('p where a + 1 * 2 == 3')).toMatchObject({ left: { kind: 'call', fn: 'eql.add', args: [{ name: 'a' }, { fn: 'eql.multiply' }] } });
    expect(cond('p where startsWith~(a, "X")')).toMatchObject({ kind: 'truthy', expr: { fn: 'eql.startsWith', caseInsensitive: true } });
    expect(cond('p where a / 2.0 == 1')).toMatchObject({ left: { fn: 'eql.fdivide' } });
  });
});

describe('literals and fields', () => {
  it('strings with escapes and triple quotes', () => {
    expect(cond('p where a == "q\\"\\\\\\n\\t\\u{41}"')).toMatchObject({ right: { value: 'q"\\\n\tA' } });
    expect(cond('p where a == """raw \\n "x" """')).toMatchObject({ right: { value: 'raw \\n "x" ' } });
  });
  it('numbers, negatives, booleans', () => {
    expect(cond('p where a == -2.5')).toMatchObject({ right: { value: -2.5 } });
    expect(cond('p where a == false')).toMatchObject({ right: { value: false } });
  });
  it('backtick fields and ?optional fields', () => {
    expect(cond('p where `my-field`.x == 1')).toMatchObject({ left: { name: 'my-field.x' } });
    expect(cond('p where ?a.b == 1')).toMatchObject({ left: { name: 'a.b', optional: true } });
  });
  it('comments are ignored', () => expect(cond('p /* c */ where // line\n a == 1')).toMatchObject({ kind: 'compare' }));
});

describe('sequences, samples, pipes', () => {
  it('sequence with by, maxspan, per-step by, runs, until', () => {
    const q = ir('sequence by h with maxspan=5m [p where true] by x with runs=2 [f where true] by y until [p where a == 1] by z') as SequenceQuery;
    expect(q).toMatchObject({ kind: 'sequence', ordered: true, maxspanMs: 300_000, by: [{ name: 'h' }] });
    expect(q.steps.map((s) => [s.runs, s.by[0]])).toMatchObject([[2, { name: 'x' }], [1, { name: 'y' }]]);
    expect(q.until?.by[0]).toMatchObject({ name: 'z' });
  });
  it('maxspan units', () => {
    for (const [u, ms] of [['500ms', 500], ['2s', 2000], ['3h', 10_800_000], ['1d', 86_400_000]] as const) {
      expect((ir(`sequence with maxspan=${u} [a where true] [b where true]`) as SequenceQuery).maxspanMs).toBe(ms);
    }
  });
  it('missing events', () => {
    const q = ir('sequence with maxspan=1s [a where true] ![b where true] [c where true]') as SequenceQuery;
    expect(q.steps.map((s) => s.missing)).toEqual([false, true, false]);
  });
  it('sample by', () => expect(ir('sample by u [a where true] [b where true]')).toMatchObject({ kind: 'sample', by: [{ name: 'u' }] }));
  it('head and tail pipes', () => {
    expect(ir('p where true | head 3 | tail 1')).toMatchObject({ kind: 'pipeline', stages: [{ kind: 'head', n: 3 }, { kind: 'tail', n: 1 }] });
  });
});

describe('errors: code, span and hint', () => {
  it.each([
    ['p where a = 1', 'endgame-only', '='],
    ["p where a == 'x'", 'endgame-only', "'x'"],
    ['p where a == ?"x"', 'endgame-only', '?"x"'],
    ['p where a == 1 | unique a', 'endgame-only', 'unique'],
    ['p where a == 1 | bogus 1', 'bad-pipe', 'bogus'],
    ['join [a where true] [b where true]', 'endgame-only', 'join'],
    ['p where descendant of [p where true]', 'endgame-only', 'descendant of'],
    ['p where a[0] == 1', 'endgame-only', '['],
    ['p where a == "x', 'unterminated', '"x'],
    ['p where a == """x', 'unterminated', '"""x'],
    ['p where a == `x', 'unterminated', '`x'],
    ['p /* x', 'unterminated', '/* x'],
    ['p where a == "\\q"', 'bad-escape', '\\q'],
    ['p where a == "\\u{110000}"', 'bad-escape', '\\u{110000}'],
    ['p where a == 1 and', 'syntax', ''],
    ['p where (a == 1', 'syntax', ''],
    ['p where a == 1 )', 'syntax', ')'],
    ['p a == 1', 'syntax', 'a'],
    ['p where a == #', 'syntax', '#'],
    ['p where a : length(a)', 'syntax', 'length'],
    ['p where a : 1', 'type-mismatch', '1'],
    ['p where a like 1', 'type-mismatch', '1'],
    ['p where a regex "(a+)+"', 'bad-regex', '"(a+)+"'],
    ['p where a regex "a~b"', 'bad-regex', '"a~b"'],
    ['p where a regex "(ab"', 'bad-regex', '"(ab"'],
    ['sequence with maxspan=1.5s [a where true] [b where true]', 'bad-maxspan', '1.5s'],
    ['sequence with maxspan=1 [a where true] [b where true]', 'bad-maxspan', '1'],
    ['sequence with maxspan=1y [a where true] [b where true]', 'bad-maxspan', '1y'],
    ['sequence [a where true]', 'syntax', ''],
    ['sequence [a where true] with runs=1', 'bad-runs', 'runs=1'],
    ['sequence [a where true] ![b where true]', 'bad-sequence', '![b where true]'],
    ['sample by x [a where true] ![b where true]', 'bad-sequence', '!'],
    ['sequence [a where true] by x [b where true]', 'bad-sequence', '[b where true]'],
    ['p where foo(1)', 'unknown-function', 'foo'],
    ['p where length("a", "b") == 1', 'arg-count', 'length("a", "b")'],
    ['p where add~(1, 2) == 3', 'syntax', 'add'],
    ['p where length(1) == 1', 'type-mismatch', '1'],
    ['p where "a" == 1', 'type-mismatch', '"a" == 1'],
    ['p where 1', 'type-mismatch', '1'],
    ['p where null == (a > 1)', 'unsupported', 'a > 1'],
  ])('%s → %s', (q, code, span) => {
    const e = err(q);
    expect([e.code, e.span]).toEqual([code, span]);
  });

  it('errors carry a fix hint where one is known', () => {
    expect(err('p where a = 1').hint).toMatch(/==/);
    expect(err('p where a == "\\q"').hint).toBeTruthy();
  });

  it('unknown fields against a catalogue; ?field is exempt; types come from the catalogue', () => {
    expect(err('process where process.nme == "x"', { fields: ECS_CATALOG })).toMatchObject({ code: 'unknown-field', span: 'process.nme' });
    expect(compileEql('process where ?process.nme == "x"', { fields: ECS_CATALOG }).errors).toEqual([]);
    expect(err('process where process.name == 1', { fields: ECS_CATALOG })).toMatchObject({ code: 'type-mismatch' });
    expect(err('network where source.port : "1"', { fields: ECS_CATALOG })).toMatchObject({ code: 'type-mismatch', span: 'source.port' });
  });

  it('reports every check error, not just the first', () => {
    expect(compileEql('p where foo(1) and bar(2)').errors.map((e) => e.code)).toEqual(['unknown-function', 'unknown-function']);
  });

  it('the endgame dialect switch says it is unsupported', () => {
    expect(compileEql('p where a = 1', { eqlDialect: 'endgame' }).errors[0].code).toBe('unsupported');
  });
});

describe('parse API', () => {
  it('parse returns the tree or errors', () => {
    expect(parse('p where true').ast?.body.kind).toBe('event');
    expect(parse('p where').errors[0].code).toBe('syntax');
    expect(parseQuery('p where a').pipes).toEqual([]);
    expect(parseExpression('1 + 2').kind).toBe('arith');
  });
});
