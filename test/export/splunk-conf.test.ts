/**
 * .conf output is safe by construction (engine/export/splunk/conf.ts): whatever a rule's title,
 * description or search holds, a real .conf reader (test/support/conf-parser.ts) sees exactly the
 * stanzas and keys dac wrote, with the values it meant. Property tests over arbitrary text, plus
 * the injection from issue 14 through the whole Splunk target (detections and macros).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attackCatalogue } from '../../engine/attack/catalogue.ts';
import { compileForExport } from '../../engine/export/prepare.ts';
import { compileEnv } from '../../engine/validate/compile.ts';
import { confName, confValue, jinjaJson, stanza } from '../../engine/export/splunk/conf.ts';
import { splunkTarget } from '../../engine/export/splunk.ts';
import { loadRuleSource } from '../../engine/rule/load.ts';
import type { MacroDefinition } from '../../engine/rule/model.ts';
import { parseConf } from '../support/conf-parser.ts';

const INJECTION = '\n[Injected Stanza]\nsearch = | delete';
/** Text with the characters that matter to a .conf reader, mixed with anything else. */
const hostile = fc.array(fc.oneof(fc.constantFrom('\n', '\r', '\r\n', '[', ']', '\\', '=', '#', ' ', '\t', '\u2028', 'search = | delete', '[x]'), fc.string({ unit: 'binary' })), { maxLength: 12 }).map((a) => a.join(''));
/** What the value means once written: line breaks normalised, controls as spaces, a line's trailing backslash kept (with the space that stops it continuing). */
const meant = (v: string): string => confValue(v).split('\\\n').join('\n').trim();

describe('conf escaping', () => {
  it('a stanza name is one line and reads back as written (control characters as spaces)', () => {
    fc.assert(fc.property(hostile, (name) => {
      const parsed = parseConf(stanza(name, [['k', 'v']]));
      expect(parsed.errors).toEqual([]);
      expect(parsed.stanzas.map((s) => s.name)).toEqual([confName(name)]);
      expect(confName(name)).not.toMatch(/[\n\r]/);
    }), { numRuns: 500 });
  });

  it('values never open a stanza or a key, and read back as meant', () => {
    fc.assert(fc.property(hostile, hostile, hostile, (a, b, c) => {
      const parsed = parseConf(stanza('S', [['description', a], ['search', b], ['after', c]]));
      expect(parsed.errors).toEqual([]);
      expect(parsed.stanzas).toHaveLength(1);
      const e = parsed.stanzas[0]!.entries;
      expect([...e.keys()]).toEqual(['description', 'search', 'after']);
      expect(e.get('description')).toBe(meant(a));
      expect(e.get('search')).toBe(meant(b));
      expect(e.get('after')).toBe(meant(c));
    }), { numRuns: 500 });
  });

  it('a value keeps its line breaks (as continuations) and its text', () => {
    expect(confValue('a\nb')).toBe('a\\\nb');
    expect(parseConf(stanza('S', [['search', 'x\r\ny']])).stanzas[0]!.entries.get('search')).toBe('x\ny');
    expect(parseConf(stanza('S', [['v', 'ends with \\'], ['w', '1']])).stanzas[0]!.entries.get('w')).toBe('1');
  });

  it('JSON values are written as Jinja tojson writes them', () => {
    expect(jinjaJson({ b: ['x'], a: "it's <b>&" })).toBe('{"a": "it\\u0027s \\u003cb\\u003e\\u0026", "b": ["x"]}');
  });
});

describe('the injection of issue 14 through the Splunk target', () => {
  const yml = (name: string) => `name: ${JSON.stringify(name)}
id: 11111111-2222-4333-8444-555555555555
version: 1
date: '2024-01-01'
author: Someone, Org
status: production
type: TTP
description: ${JSON.stringify(`d${INJECTION}`)}
data_source: []
search: ${JSON.stringify(`| tstats count from datamodel=Endpoint.Processes by Processes.dest | \`evil_macro("x${INJECTION}")\` | \`inj_filter\``)}
how_to_implement: ${JSON.stringify(`h${INJECTION}`)}
known_false_positives: none
references: []
tags:
  analytic_story: [${JSON.stringify(`Story${INJECTION}`)}]
  asset_type: Endpoint
  mitre_attack_id: [T1053]
  product: [Splunk Enterprise]
  security_domain: endpoint
  risk_score: 50
  message: ${JSON.stringify(`m${INJECTION}`)}
  observable:
  - name: dest
    type: Endpoint
    role: [Victim]
`;

  it('creates no stanza and no key from rule text, in savedsearches.conf, macros.conf and analyticstories.conf', () => {
    const rule = loadRuleSource(yml(`Inj${INJECTION}`), 'rules/escu/inj.yml').rules[0]!;
    const macros = new Map<string, MacroDefinition>([
      ['evil_macro(1)', { name: `evil_macro(1)`, arguments: [`arg${INJECTION}`], definition: `search x=$arg${INJECTION}$${INJECTION}`, description: `desc${INJECTION}`, file: 'rules/macros/evil.yml' }],
    ]);
    const ctx = { rules: compileForExport([rule], compileEnv([rule], macros)), macros, attack: attackCatalogue(), stories: [{ name: `Story${INJECTION}`, date: '2024-01-01', version: '1', author: `A${INJECTION}, B`, description: `s${INJECTION}`, narrative: `n${INJECTION}`, references: [], category: `c${INJECTION}`, status: 'production' }] };
    const out = splunkTarget.run(ctx);
    expect(out.unsupported).toEqual([]);
    for (const a of out.artefacts) {
      const parsed = parseConf(a.content);
      expect(parsed.errors, a.path).toEqual([]);
      expect(parsed.stanzas.map((s) => s.name).filter((n) => n === 'Injected Stanza'), a.path).toEqual([]);
      for (const s of parsed.stanzas) expect([...s.entries.keys()].filter((k) => k.includes('search =') || k === '[Injected Stanza]'), a.path).toEqual([]);
    }
    const saved = parseConf(out.artefacts.find((a) => a.path === 'savedsearches.conf')!.content).stanzas;
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toBe('DAC - Inj [Injected Stanza] search = | delete - Rule');
    expect(saved[0]!.entries.get('description')).toBe(`d${INJECTION}`);
    const macrosConf = parseConf(out.artefacts.find((a) => a.path === 'macros.conf')!.content).stanzas;
    expect(macrosConf.map((s) => s.name)).toEqual(['evil_macro(1)', 'inj_filter']);
    const stories = parseConf(out.artefacts.find((a) => a.path === 'analyticstories.conf')!.content).stanzas;
    expect(stories.map((s) => s.name)).toEqual(['analytic_story://Story [Injected Stanza] search = | delete', 'savedsearch://DAC - Inj [Injected Stanza] search = | delete - Rule']);
    expect(macrosConf[0]!.entries.get('args')).toBe(`arg${INJECTION}`);
  });
});
