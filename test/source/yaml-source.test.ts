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

  it('reads a quoted value whose continuation lines start in column 0, as PyYAML does, positions kept', () => {
    const t = "name: m\ndefinition: 'eval a=1\n| rex field=x \"(?<b>.{8})\"\n| fields - x'\nb: 2\n";
    const r = parseYamlSource(t, 'm.yml');
    expect(r.diagnostics).toEqual([]);
    expect(r.docs[0].value).toEqual({ name: 'm', definition: 'eval a=1 | rex field=x "(?<b>.{8})" | fields - x', b: 2 });
    expect(slice(t, r.docs[0].locate(['b']))).toBe('2');
    expect(slice(t, r.docs[0].locate(['definition']))).toBe("'eval a=1\n| rex field=x \"(?<b>.{8})\"\n| fields - x'");
  });
  it('stays strict elsewhere: a plain key in column 0 inside nothing is still an error', () => {
    const r = parseYamlSource("a: 'x\n: y'\nb: [\n", 'x.yml');
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});
