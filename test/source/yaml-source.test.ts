import { describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../engine/source/yaml-source.ts';

const slice = (t: string, s: { start: number; end: number } | undefined) => (s ? t.slice(s.start, s.end) : undefined);

describe('parseYamlSource', () => {
  it('splits documents and locates keys and values', () => {
    const t = 'title: x\ntags:\n  - a\n  - b\n---\ncorrelation:\n  type: temporal\n---\n';
    const r = parseYamlSource(t, 'f.yml');
    expect(r.diagnostics).toEqual([]);
    expect(r.docs).toHaveLength(2);
    expect(slice(t, r.docs[0].locate(['tags', 1]))).toBe('b');
    expect(slice(t, r.docs[0].locate(['tags'], 'key'))).toBe('tags');
    expect(slice(t, r.docs[1].locate(['correlation', 'type']))).toBe('temporal');
    // missing → nearest ancestor by key
    expect(slice(t, r.docs[1].locate(['correlation', 'rules'], 'value'))).toBe('correlation');
  });
  it('reports syntax errors with codes and spans', () => {
    const r = parseYamlSource('a: 1\na: 2\n', 'x.yml');
    expect(r.diagnostics.map((d) => [d.code, d.span?.start])).toEqual([['yaml/duplicate-key', 5]]);
    expect(r.docs).toHaveLength(0);
  });
});
