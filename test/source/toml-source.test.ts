import { describe, expect, it } from 'vitest';
import { parseTomlSource } from '../../engine/source/toml-source.ts';

const slice = (t: string, s: { start: number; end: number } | undefined) => (s ? t.slice(s.start, s.end) : undefined);

const text = `[metadata]
creation_date = "2020/11/20"
[rule]
name = "x"
query = '''
sequence
'''
tags = ["a", 'b']
a.b = { c = 1, d = [1, {e = 2}] }
"quoted key" = 2001-01-01 10:00:00Z # comment
[[rule.threat]]
framework = "MITRE ATT&CK"
[[rule.threat.technique]]
id = "T1"
[[rule.threat]]
framework = "x2"
[rule.threat.tactic]
id = "TA1"
`;

describe('parseTomlSource locator', () => {
  const r = parseTomlSource(text, 'f.toml');
  const loc = r.docs[0].locate;
  it.each([
    [['rule', 'name'], '"x"'],
    [['rule', 'query'], "'''\nsequence\n'''"],
    [['rule', 'tags', 1], "'b'"],
    [['rule', 'a', 'b', 'd', 1, 'e'], '2'],
    [['rule', 'quoted key'], '2001-01-01 10:00:00Z'],
    [['rule', 'threat', 0, 'technique', 0, 'id'], '"T1"'],
    [['rule', 'threat', 1, 'framework'], '"x2"'],
    [['rule', 'threat', 1, 'tactic', 'id'], '"TA1"'],
  ])('%j', (path, want) => {
    expect(slice(text, loc(path))).toBe(want);
  });
  it('points a missing key at its nearest ancestor', () => {
    const s = loc(['rule', 'threat', 1, 'missing']);
    expect(s?.start).toBe(text.lastIndexOf('rule.threat]]'));
    expect(slice(text, loc(['rule', 'nope']))).toBe('rule');
  });
  it('turns TomlError into a located diagnostic', () => {
    const bad = 'a = 1\na = 2\n';
    const d = parseTomlSource(bad, 'b.toml').diagnostics;
    expect(d.map((x) => [x.code, x.span?.start])).toEqual([['toml/duplicate-key', 6]]);
  });
});
