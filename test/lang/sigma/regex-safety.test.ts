import { describe, expect, it } from 'vitest';
import { checkRegex } from '../../../engine/lang/sigma/regex-safety.ts';

const none = new Set<string>();

describe('sigma regex safety', () => {
  it.each([
    ['(a+)+$', 'nested'],
    ['(?:.*\\)){1,}x', 'nested'],
    ['(a|ab)*c', 'alternatives'],
    ['(\\w|\\d)+!', 'alternatives'],
    ['(a)\\1', 'backreference'],
    ['a.*&&.*&&.*&&.*&&x', "'.*'"],
  ])('refuses %s', (p, why) => {
    const r = checkRegex(p, none);
    expect(r.ok).toBe(false);
    if (!r.ok) { expect(r.code).toBe('unsafe-regex'); expect(r.message).toContain(why); }
  });

  it.each(['ipconfig\\s+/all', '(?:0[0-9]{1,11}\\.){3}0[0-9]{1,11}', '(a|b)+c', '\\\\[a-zA-Z]{8}\\.tmp$'])('accepts %s', (p) => {
    expect(checkRegex(p, none).ok).toBe(true);
  });

  it('rewrites .*X chains to linear forms that match the same strings', () => {
    const r = checkRegex('\\+.*\\+.*\\+.*\\+.*\\+', none);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.source).not.toContain('.*');
    const re = new RegExp(r.source);
    expect(re.test('a+b+c+d+e+')).toBe(true);
    expect(re.test('a+b+c+d')).toBe(false);
    const t0 = performance.now();
    re.test('+'.repeat(3) + 'x'.repeat(50_000));
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('translates PCRE spellings and rejects invalid patterns', () => {
    const r = checkRegex('(?i)\\Afoo', none);
    expect(r).toMatchObject({ ok: true, source: '^foo', caseInsensitive: true });
    expect(checkRegex('a(b', none)).toMatchObject({ ok: false, code: 'bad-regex' });
    expect(checkRegex('a(?i)b', none)).toMatchObject({ ok: false, code: 'unsupported' });
  });
});
