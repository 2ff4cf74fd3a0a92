/** The linear glob matcher agrees with the regex reading of the same glob on arbitrary input. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Glob } from '../../engine/ir/types.ts';
import { compileGlob } from '../../engine/runtime/glob.ts';

const part = fc.oneof(
  fc.record({ kind: fc.constant('lit' as const), text: fc.string({ unit: fc.constantFrom('a', 'b', 'A', '\n', 'é'), minLength: 1, maxLength: 3 }) }),
  fc.constant({ kind: 'star' as const }),
  fc.constant({ kind: 'one' as const }),
);
const reference = (g: Glob, ci: boolean) => {
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp('^' + g.map((p) => (p.kind === 'lit' ? esc(p.text) : p.kind === 'star' ? '[\\s\\S]*' : '[\\s\\S]')).join('') + '$', ci ? 'i' : '');
};

describe('glob matcher', () => {
  it('matches exactly what the regex form matches', () => {
    fc.assert(fc.property(fc.array(part, { maxLength: 7 }), fc.string({ unit: fc.constantFrom('a', 'b', 'A', '\n', 'é'), maxLength: 9 }), fc.boolean(), (g, s, ci) => {
      const glob = g as Glob;
      const want = reference(glob, ci).test(ci ? s.toLowerCase() : s) || (ci && reference(glob, ci).test(s));
      expect(compileGlob(glob, ci)(s)).toBe(ci ? reference(glob.map((p) => (p.kind === 'lit' ? { ...p, text: p.text.toLowerCase() } : p)) as Glob, false).test(s.toLowerCase()) : want);
    }), { numRuns: 3000 });
  });

  it('a pattern of many stars is decided in one pass', () => {
    const g: Glob = [...Array.from({ length: 7 }, () => [{ kind: 'star' as const }, { kind: 'lit' as const, text: 'a' }]).flat(), { kind: 'star' }, { kind: 'lit', text: 'b' }];
    expect(compileGlob(g, false)('a'.repeat(100_000))).toBe(false);
    expect(compileGlob(g, false)('a'.repeat(100_000) + 'b')).toBe(true);
  });
});
