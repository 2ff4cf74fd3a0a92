/**
 * Every report format round-trips arbitrary strings through a real parser of that format: what a
 * rule says comes back as text, and no markup, element or workflow command escapes (issue 15).
 * markdown-it (CommonMark + GFM tables) and saxes (a conformant XML 1.0 parser) are dev
 * dependencies for exactly this.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { capMarkdown, mdCode, mdText } from '../../../engine/report/escape/markdown.ts';
import { xmlChars, xmlEscape } from '../../../engine/report/escape/xml.ts';
import { annotation, ghInert } from '../../../engine/report/escape/github.ts';
import { consoleText } from '../../../engine/report/escape/console.ts';

const md = new MarkdownIt({ html: true, linkify: false });
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** Strings rich in the characters that matter, plus any code unit at all (lone surrogates too). */
const hostile = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'`*_[]()!<>&|#\\~$-+=.:/ \n\r\t1aé'.split(''), '::', '<script>', '](javascript:', '![x](', '&amp;', '\u2028', '\ufffe', '\ud800') }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
);
const flat = (s: string) => s.replace(CONTROL, ' ');

/** The inline tokens of the only block of `src`, asserting the block is the expected kind. */
function inlineOf(src: string, open: string): { type: string; content: string }[] {
  const tokens = md.parse(src, {});
  const inline = tokens.filter((t) => t.type === 'inline');
  expect(tokens.filter((t) => t.type.endsWith('_open')).map((t) => t.type)).toContain(open);
  return inline.flatMap((t) => (t.children ?? []).map((c) => ({ type: c.type, content: c.content })));
}
const textOf = (children: { type: string; content: string }[]) => {
  for (const c of children) expect(c.type).toBe('text');
  return children.map((c) => c.content).join('');
};

describe('Markdown escaping (report.md)', () => {
  it('mdText in a paragraph, heading, list item and table cell is plain text equal to the input', () => {
    fc.assert(fc.property(hostile, (s) => {
      const want = flat(s).trim().replace(/\ufffd|\u0000/g, '\ufffd');
      const norm = (t: string) => t.replace(/\u0000/g, '\ufffd').trim();
      expect(norm(textOf(inlineOf(`x ${mdText(s)} y`, 'paragraph_open')))).toBe(norm(`x ${flat(s).replace(/^[ \t]+/, '')} y`));
      expect(norm(textOf(inlineOf(`### ${mdText(s)}`, 'heading_open')))).toBe(want);
      if (want !== '') expect(norm(textOf(inlineOf(`- ${mdText(s)}`, 'list_item_open')))).toBe(want);
      const table = md.parse(`| a | b |\n|---|---|\n| ${mdText(s)} | z |\n`, {});
      const cells = table.filter((t) => t.type === 'inline').map((t) => textOf((t.children ?? []).map((c) => ({ type: c.type, content: c.content }))));
      expect(cells.map(norm)).toEqual(['a', 'b', want, 'z']);
    }), { numRuns: 400 });
  });

  it('mdCode is one code span holding the input verbatim', () => {
    fc.assert(fc.property(hostile.filter((s) => flat(s).trim() !== ''), (s) => {
      const kids = inlineOf(`x ${mdCode(s)} y`, 'paragraph_open');
      const code = kids.filter((k) => k.type === 'code_inline');
      expect(code).toHaveLength(1);
      expect(code[0]!.content.replace(/\u0000/g, '\ufffd')).toBe(flat(s).replace(/\u0000/g, '\ufffd'));
      expect(kids.filter((k) => k.type !== 'code_inline' && k.type !== 'text')).toEqual([]);
    }), { numRuns: 400 });
  });

  it('capMarkdown keeps the page under the limit, cut at a line, with a note and closed <details>', () => {
    const page = ['# t', '<details><summary>x</summary>', ...Array.from({ length: 5000 }, (_, i) => `- line ${i} ${'é'.repeat(50)}`), '</details>'].join('\n');
    const cut = capMarkdown(page, 100_000);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(100_000);
    expect(cut).toMatch(/\n<\/details>\n\n> \*\*Report cut\*\*: \d+ of 5003 lines shown/);
    expect(capMarkdown('small')).toBe('small');
  });
});

describe('XML 1.0 escaping (junit.xml)', () => {
  function parse(doc: string): { attr: string; text: string } {
    const p = new SaxesParser();
    let attr = '';
    let text = '';
    p.on('error', (e) => { throw e; });
    let inside = false;
    p.on('opentag', (t) => { if (t.name === 'r') { attr = String(t.attributes.a ?? ''); inside = true; } });
    p.on('closetag', () => { inside = false; });
    p.on('text', (t) => { if (inside) text += t; });
    p.write(doc).close();
    return { attr, text };
  }

  it('attribute and text content round-trip, with disallowed characters as U+FFFD', () => {
    fc.assert(fc.property(hostile, (s) => {
      const got = parse(`<?xml version="1.0" encoding="UTF-8"?>\n<r a="${xmlEscape(s)}">${xmlEscape(s)}</r>`);
      expect(got.attr).toBe(xmlChars(s));
      expect(got.text).toBe(xmlChars(s));
    }), { numRuns: 500 });
  });

  it('U+FFFE, U+FFFF and lone surrogates are replaced, pairs kept', () => {
    expect(xmlChars('a\ufffe\uffffb\ud800c\udc00\ud83d\ude00')).toBe('a\ufffd\ufffdb\ufffdc\ufffd\ud83d\ude00');
  });
});

describe('GitHub workflow commands', () => {
  it('an annotation is one line whose title and message decode back to the input', () => {
    const decode = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
    fc.assert(fc.property(hostile, hostile, hostile, (file, title, message) => {
      const line = annotation({ level: 'error', file: `f${file}`, line: 3, title, message });
      expect(line).not.toMatch(/[\r\n]/);
      const m = /^::error file=([^,:]*),line=3,title=([^,:]*)::(.*)$/s.exec(line);
      expect(m).not.toBeNull();
      expect([decode(m![1]!), decode(m![2]!), decode(m![3]!)]).toEqual([`f${file}`, title, message]);
    }), { numRuns: 300 });
  });

  it('ghInert: nothing between stop-commands and its resume token can resume commands', () => {
    fc.assert(fc.property(hostile, (s) => {
      const text = `rule ${s}\n::error::${s}\n::stop-commands::x\n`;
      const lines = ghInert(text).split('\n');
      const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0]!)![1];
      const resume = lines.indexOf(`::${token}::`);
      expect(resume).toBe(lines.length - 2);
    }), { numRuns: 200 });
  });

  it('consoleText leaves no control character', () => {
    fc.assert(fc.property(hostile, (s) => { expect(consoleText(s)).not.toMatch(CONTROL); }));
  });
});
