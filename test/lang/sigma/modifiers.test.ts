import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { planChain } from '../../../engine/lang/sigma/modifiers.ts';
import { base64Offsets } from '../../../engine/lang/sigma/encodings.ts';
import { codes, matches, sigma } from './helpers.ts';

const det = (body: string): string => `  sel:\n${body}\n  condition: sel`;

describe('sigma modifiers', () => {
  it('windash matches -, /, en dash, em dash and horizontal bar', () => {
    const { query } = sigma(det("    CommandLine|contains|windash: ' -enc '"));
    for (const d of ['-', '/', '\u2013', '\u2014', '\u2015']) {
      expect(matches(query, { 'process.command_line': `powershell ${d}enc AAAA` })).toBe(true);
    }
    expect(matches(query, { 'process.command_line': 'powershell +enc AAAA' })).toBe(false);
  });

  it('base64offset gives the three alignments, each found inside a longer encoding', () => {
    const variants = base64Offsets({ text: 'http://', binary: false });
    expect(variants).toHaveLength(3);
    for (const prefix of ['', 'a', 'ab']) {
      const enc = Buffer.from(`${prefix}http://x.y`).toString('base64');
      expect(variants.some((v) => enc.includes(v))).toBe(true);
    }
    const { query } = sigma(det("    CommandLine|base64offset|contains: 'http://'"));
    for (const prefix of ['', 'a', 'ab']) {
      expect(matches(query, { 'process.command_line': `-e ${Buffer.from(`${prefix}http://evil`).toString('base64')}` })).toBe(true);
    }
    expect(matches(query, { 'process.command_line': Buffer.from('ftp://evil').toString('base64') })).toBe(false);
  });

  it('utf16le + base64offset finds PowerShell -EncodedCommand text at any offset', () => {
    const { query } = sigma(det("    CommandLine|wide|base64offset|contains: 'Invoke-'"));
    for (const prefix of ['', 'x', 'xy']) {
      const enc = Buffer.from(`${prefix}Invoke-Expression`, 'utf16le').toString('base64');
      expect(matches(query, { 'process.command_line': `powershell -enc ${enc}` })).toBe(true);
    }
    const utf8 = Buffer.from('Invoke-Expression').toString('base64');
    expect(matches(query, { 'process.command_line': utf8 })).toBe(false);
  });

  it('base64 encodes the whole value', () => {
    const { query } = sigma(det("    CommandLine|base64: 'abc'"));
    expect(matches(query, { 'process.command_line': 'YWJj' })).toBe(true);
  });

  it('expand substitutes placeholders, and says when one is missing', () => {
    const env = { placeholders: new Map([['admins', ['alice', 'bob']]]) };
    const { query } = sigma(det("    User|expand: '%admins%'"), undefined, env);
    expect(matches(query, { 'winlog.event_data.User': 'BOB' })).toBe(true);
    expect(codes(sigma(det("    User|expand: '%nope%'")))).toEqual(['sigma/unknown-placeholder']);
  });

  it('chains: accepted and rejected as the specification says', () => {
    expect(planChain(['contains', 'windash'])).not.toHaveProperty('error');
    expect(planChain(['wide', 'base64offset', 'contains'])).not.toHaveProperty('error');
    expect(planChain(['re', 'i', 'm', 's'])).not.toHaveProperty('error');
    expect(planChain(['contains', 'startswith'])).toHaveProperty('error');
    expect(planChain(['i'])).toHaveProperty('error');
    expect(planChain(['wide', 'contains'])).toHaveProperty('error');
    expect(planChain(['base64offset', 'endswith'])).toHaveProperty('error');
    expect(planChain(['base64', 're'])).toHaveProperty('error');
    expect(planChain(['contains', 'base64'])).toHaveProperty('error');
    expect(planChain(['cidr', 'cased'])).toHaveProperty('error');
    expect(planChain(['all', 'exists'])).toHaveProperty('error');
    expect(planChain(['bogus'])).toHaveProperty('unknown', 'bogus');
  });

  it('a bad chain is a located error on the key', () => {
    const r = sigma(det("    CommandLine|contains|startswith: 'x'"));
    expect(codes(r)).toEqual(['sigma/bad-modifier-chain']);
    const text = `title: t\nlogsource:\n  product: windows\n  category: process_creation\ndetection:\n${det("    CommandLine|contains|startswith: 'x'")}\n`;
    const span = r.diagnostics[0].span;
    expect(span && text.slice(span.start, span.end)).toBe('CommandLine|contains|startswith');
  });

  it('value type errors: gt needs a number, exists a boolean, base64 no wildcards', () => {
    expect(codes(sigma(det("    ProcessId|gt: 'abc'")))).toEqual(['sigma/bad-modifier-value']);
    expect(codes(sigma(det("    Image|exists: 'yes'")))).toEqual(['sigma/bad-modifier-value']);
    expect(codes(sigma(det("    CommandLine|base64: 'a*b'")))).toEqual(['sigma/bad-modifier-value']);
  });
});
