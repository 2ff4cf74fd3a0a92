/** IR → EQL printing: print(parse(q)) parses back to the same IR (property test over generated queries). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../../engine/ir/functions/index.ts';
import { compileEql } from '../../../engine/lang/eql/index.ts';
import { printEql } from '../../../engine/lang/eql/print.ts';
import type { IrQuery } from '../../../engine/ir/types.ts';

/** IR without spans (printing changes offsets, not meaning). */
function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'span').map(([k, x]) => [k, strip(x)]));
  return v;
}
const compile = (q: string): IrQuery => {
  const r = compileEql(q);
  if (!r.query) throw new Error(`${q}\n${r.errors.map((e) => e.message).join('\n')}`);
  return r.query;
};
const roundTrip = (q: string) => {
  const a = compile(q);
  const printed = printEql(a);
  expect(strip(compile(printed)), printed).toEqual(strip(a));
};

// ---- generators of EQL text ------------------------------------------------------------------
const ident = fc.constantFrom('process.name', 'a', 'b.c', '`my-f`', '?opt.x', 'event.type', 'host.id');
const strLit = fc.string({ maxLength: 6 }).map((s) => JSON.stringify(s).replace(/\\u00([0-9a-f]{2})/g, '\\u{$1}'));
const numLit = fc.oneof(fc.integer({ min: -1000, max: 1000 }).map(String), fc.constantFrom('1.5', '0.25', '-2.75'));
const pat = fc.stringMatching(/^[a-z*?. ]{0,6}$/).map((s) => JSON.stringify(s));
const regex = fc.constantFrom('"a.c"', '"[0-9]+x"', '"(ab|cd)*"', '"\\\\d{2,3}"', '"a\\\\.b"', '"x@y"'.replace('@', '\\\\@'));
const value = fc.oneof(ident, strLit, numLit,
  fc.tuple(fc.constantFrom('length', 'string'), ident).map(([f, x]) => `${f}(${x})`),
  fc.tuple(ident, numLit).map(([x, n]) => `add(${x}, ${n})`),
  fc.tuple(ident, fc.constantFrom('+', '-', '*', '/', '%'), numLit).map(([x, o, n]) => `${x} ${o} ${n}`));
const atom = fc.oneof(
  fc.tuple(value, fc.constantFrom('==', '!=', '<', '<=', '>', '>='), value).map(([a, o, b]) => `${a} ${o} ${b}`),
  fc.tuple(ident, fc.constantFrom(':', 'like', 'like~'), fc.array(pat, { minLength: 1, maxLength: 3 })).map(([a, o, ps]) => `${a} ${o} ${ps.length === 1 ? ps[0] : `(${ps.join(', ')})`}`),
  fc.tuple(ident, fc.constantFrom('regex', 'regex~'), regex).map(([a, o, r]) => `${a} ${o} ${r}`),
  fc.tuple(ident, fc.constantFrom('in', 'in~', 'not in'), fc.array(fc.oneof(strLit, numLit, ident), { minLength: 1, maxLength: 3 })).map(([a, o, vs]) => `${a} ${o} (${vs.join(', ')})`),
  fc.tuple(ident, fc.constantFrom('==', '!=')).map(([a, o]) => `${a} ${o} null`),
  fc.constantFrom('true', 'false'),
  fc.tuple(ident, strLit).map(([x, s]) => `stringContains(${x}, ${s})`),
  fc.tuple(ident, strLit).map(([x, s]) => `startsWith~(${x}, ${s})`),
);
const cond: fc.Arbitrary<string> = fc.letrec((tie) => ({
  c: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    atom,
    fc.tuple(tie('c'), fc.constantFrom('and', 'or'), tie('c')).map(([a, o, b]) => `${a} ${o} ${b}`),
    tie('c').map((a) => `not ${a}`),
    tie('c').map((a) => `(${a})`)),
})).c as fc.Arbitrary<string>;
const category = fc.constantFrom('process', 'any', 'network', '"my-cat"');
const eventQ = fc.tuple(category, cond).map(([c, w]) => `${c} where ${w}`);
const step = fc.tuple(fc.boolean(), eventQ, fc.option(ident, { nil: undefined }), fc.constantFrom(1, 1, 2)).map(([_m, q, by, runs]) => `[${q}]${by ? ` by ${by}` : ''}${runs > 1 ? ` with runs=${runs}` : ''}`);
const sequence = fc.tuple(fc.constantFrom('', ' by host.id', ' by a, b.c'), fc.constantFrom('', ' with maxspan=30s', ' with maxspan=1500ms', ' with maxspan=2h'), eventQ, eventQ, fc.boolean())
  .map(([by, ms, a, b, until]) => `sequence${by}${ms} [${a}] [${b}]${until ? ` until [${a}]` : ''}`);
const pipes = fc.array(fc.tuple(fc.constantFrom('head', 'tail'), fc.nat(50)).map(([p, n]) => `| ${p} ${n}`), { maxLength: 2 }).map((ps) => ps.join(' '));
const query = fc.tuple(fc.oneof(eventQ, sequence), pipes).map(([q, p]) => `${q} ${p}`.trim());

describe('printEql', () => {
  it('round-trips generated queries to the same IR', () => {
    // generated text may be ill-typed (e.g. "a" < 1): only well-formed queries are printed
    fc.assert(fc.property(query, (q) => { fc.pre(compileEql(q).query !== undefined); roundTrip(q); }), { numRuns: 400 });
  });

  it('round-trips the constructs generators do not reach', () => {
    for (const q of [
      'sequence with maxspan=1s [a where true] ![b where x == 1] [c where true]',
      'sample by u [a where true] [b where true]',
      'any where event.category == "process" and a == 1',
      'process where a in~ (b, "X") and not (a == 1 or b == 2)',
      'process where a regex "a^b$"',
      'process where divide(a, 4.0) == 1',
      'sequence [a where true] by x with runs=3 [b where true] by y',
    ]) roundTrip(q);
  });

  it('prints minimal parentheses', () => {
    expect(printEql(compile('process where (a == 1 and (b == 2)) or (c == 3)'))).toBe('process where a == 1 and b == 2 or c == 3');
    expect(printEql(compile('process where a == 1 and (b == 2 or c == 3)'))).toBe('process where a == 1 and (b == 2 or c == 3)');
    expect(printEql(compile('process where not (a == 1 or b == 2)'))).toBe('process where not (a == 1 or b == 2)');
  });

  it('throws for IR EQL cannot express', () => {
    expect(() => printEql({ kind: 'event', logic: 'kleene', filter: { kind: 'cidr', left: { kind: 'field', name: 'a' }, cidrs: ['10.0.0.0/8'] } })).toThrow();
  });
});
