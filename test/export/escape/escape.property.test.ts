/**
 * Export escaping round-trips arbitrary strings through small readers of each format's rules
 * (a conf line reader as Splunk reads conf files; KQL string/identifier readers).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confStanzaName, confValue } from '../../../engine/export/escape/conf.ts';
import { kqlIdentifier, kqlString } from '../../../engine/export/escape/kql.ts';
import { splString } from '../../../engine/export/escape/spl.ts';

const hostile = fc.oneof(fc.string({ unit: fc.constantFrom(...'[]\\\n\r=" \'|`x'.split(''), '\n[Injected Stanza]\nsearch = | delete') }), fc.string({ unit: 'binary' }));

/** Splunk's conf reading: stanzas by `[name]` lines, `key = value` with `\`-newline continuation. */
function readConf(text: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  let cur: Map<string, string> | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + '\n' + lines[++i];
    const h = /^\[(.*)\]\s*$/.exec(line);
    if (h) { cur = new Map(); out.set(h[1]!, cur); continue; }
    const kv = /^([^=\s][^=]*?)\s*=\s?(.*)$/s.exec(line);
    if (kv && cur) cur.set(kv[1]!, kv[2]!);
  }
  return out;
}

describe('conf escaping', () => {
  it('a stanza with hostile name and value reads back as one stanza with one key', () => {
    fc.assert(fc.property(hostile, hostile, (name, value) => {
      const conf = `[${confStanzaName(name)}]\nsearch = ${confValue(value)}\ndisabled = 1\n`;
      const read = readConf(conf);
      expect([...read.keys()]).toEqual([confStanzaName(name)]);
      const keys = read.get(confStanzaName(name))!;
      expect([...keys.keys()]).toEqual(['search', 'disabled']);
      expect(keys.get('search')!.trimEnd()).toBe(value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]/g, ' ').trimEnd());
    }), { numRuns: 500 });
  });
});

describe('KQL and SPL escaping', () => {
  /** Kusto string-literal reading: the quote must not appear unescaped; \\ \" \' \n \r \t \uXXXX escapes. */
  const unquote = (lit: string, q: string) => {
    const body = lit.slice(1, -1);
    let out = '';
    for (let i = 0; i < body.length; i++) {
      const c = body[i]!;
      expect(c).not.toBe(q);
      if (c !== '\\') { out += c; continue; }
      const e = body[++i]!;
      if (e === 'u') { out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16)); i += 4; } else out += ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e;
    }
    return out;
  };
  it('kqlString and kqlIdentifier round-trip', () => {
    fc.assert(fc.property(hostile, (s) => {
      expect(unquote(kqlString(s), '"')).toBe(s);
      const id = kqlIdentifier(s);
      if (id.startsWith("['")) {
        expect(id.endsWith("']")).toBe(true);
        expect(unquote(id.slice(1, -1), "'")).toBe(s);
      } else expect(id).toBe(s);
    }), { numRuns: 500 });
  });
  it('splString is one quoted token', () => {
    fc.assert(fc.property(hostile, (s) => {
      const lit = splString(s);
      expect(lit).toMatch(/^"(?:[^"\\\r\n]|\\.)*"$/s);
    }));
  });
});
