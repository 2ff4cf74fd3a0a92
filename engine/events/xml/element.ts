/**
 * A small XML parser for Windows event XML (no DTDs, no external entities): one element with its
 * attributes, text and children. Handles namespaces (prefixes are dropped: `e:Event` → `Event`),
 * single- and double-quoted attributes, the five predefined entities, numeric character
 * references, CDATA, comments and processing instructions. Anything else is an XmlError with the
 * offset where it went wrong. Builds the one event tree of xml/tree.ts.
 */
import type { XmlElement, XmlNode } from './tree.ts';

export type { XmlElement } from './tree.ts';

export class XmlError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replaces entity and character references in `s` (offset is for error positions). */
export function decodeEntities(s: string, offset = 0): string {
  let amp = s.indexOf('&');
  if (amp === -1) return s;
  let out = '';
  let from = 0;
  while (amp !== -1) {
    const semi = s.indexOf(';', amp + 1);
    if (semi === -1 || semi - amp > 12) throw new XmlError(`bare '&' (write &amp;)`, offset + amp);
    const ref = s.slice(amp + 1, semi);
    let rep: string | undefined;
    if (ref.charCodeAt(0) === 35 /* # */) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (Number.isFinite(code) && code >= 0 && code <= 0x10ffff) rep = String.fromCodePoint(code);
    } else {
      rep = NAMED[ref];
    }
    if (rep === undefined) throw new XmlError(`unknown entity &${ref};`, offset + amp);
    out += s.slice(from, amp) + rep;
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

function isNameEnd(c: number): boolean {
  // whitespace, '/', '>', '='
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62 || c === 61;
}

function localName(q: string): string {
  const i = q.indexOf(':');
  return i === -1 ? q : q.slice(i + 1);
}

class Parser {
  pos = 0;
  constructor(readonly s: string) {}

  fail(msg: string, at = this.pos): never {
    throw new XmlError(msg, at);
  }

  skipWs(): void {
    const s = this.s;
    let c = s.charCodeAt(this.pos);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = s.charCodeAt(++this.pos);
  }

  /** Skips whitespace, comments and processing instructions before the root. */
  skipMisc(): void {
    for (;;) {
      this.skipWs();
      if (this.s.startsWith('<?', this.pos)) this.skipPast('?>', 'unterminated processing instruction');
      else if (this.s.startsWith('<!--', this.pos)) this.skipPast('-->', 'unterminated comment');
      else return;
    }
  }

  skipPast(end: string, msg: string): void {
    const i = this.s.indexOf(end, this.pos);
    if (i === -1) this.fail(msg);
    this.pos = i + end.length;
  }

  readName(): string {
    const start = this.pos;
    const s = this.s;
    while (this.pos < s.length && !isNameEnd(s.charCodeAt(this.pos))) this.pos++;
    if (this.pos === start) this.fail('expected a name');
    return s.slice(start, this.pos);
  }

  element(depth = 0): XmlElement {
    const s = this.s;
    // Windows events are a few levels deep; 4,000 nested elements must be an error, not a stack overflow.
    if (depth > MAX_XML_DEPTH) this.fail(`elements nested deeper than ${MAX_XML_DEPTH} levels (raise DAC_MAX_XML_DEPTH)`);
    if (s.charCodeAt(this.pos) !== 60) this.fail(`expected '<'`);
    this.pos++;
    const qname = this.readName();
    const attrs: { name: string; value: string }[] = [];
    for (;;) {
      this.skipWs();
      const c = s.charCodeAt(this.pos);
      if (c === 47 /* / */) {
        if (s.charCodeAt(this.pos + 1) !== 62) this.fail(`expected '/>'`);
        this.pos += 2;
        return { name: localName(qname), attrs, children: [] };
      }
      if (c === 62 /* > */) { this.pos++; break; }
      if (Number.isNaN(c)) this.fail(`unterminated start tag <${qname}>`);
      const an = this.readName();
      this.skipWs();
      if (s.charCodeAt(this.pos) !== 61) this.fail(`expected '=' after attribute ${an}`);
      this.pos++;
      this.skipWs();
      const q = s[this.pos];
      if (q !== '"' && q !== "'") this.fail(`attribute ${an} value must be quoted`);
      const end = s.indexOf(q, this.pos + 1);
      if (end === -1) this.fail(`unterminated attribute ${an}`);
      attrs.push({ name: localName(an), value: decodeEntities(s.slice(this.pos + 1, end), this.pos + 1) });
      this.pos = end + 1;
    }
    const children: XmlNode[] = [];
    for (;;) {
      const lt = s.indexOf('<', this.pos);
      if (lt === -1) this.fail(`missing </${qname}>`);
      if (lt > this.pos) children.push(decodeEntities(s.slice(this.pos, lt), this.pos));
      this.pos = lt;
      if (s.startsWith('</', lt)) {
        this.pos = lt + 2;
        const close = this.readName();
        if (close !== qname) this.fail(`</${close}> closes <${qname}>`, lt);
        this.skipWs();
        if (s.charCodeAt(this.pos) !== 62) this.fail(`expected '>'`);
        this.pos++;
        return { name: localName(qname), attrs, children };
      }
      if (s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt + 9);
        if (end === -1) this.fail('unterminated CDATA');
        children.push(s.slice(lt + 9, end));
        this.pos = end + 3;
      } else if (s.startsWith('<!--', lt)) {
        this.skipPast('-->', 'unterminated comment');
      } else if (s.startsWith('<?', lt)) {
        this.skipPast('?>', 'unterminated processing instruction');
      } else {
        children.push(this.element(depth + 1));
      }
    }
  }
}

/** Deepest element nesting accepted (DAC_MAX_XML_DEPTH, default 64). */
export const MAX_XML_DEPTH = Number(process.env.DAC_MAX_XML_DEPTH) > 0 ? Number(process.env.DAC_MAX_XML_DEPTH) : 64;

/** Parses one XML element (with optional prolog and trailing whitespace). */
export function parseElement(text: string): XmlElement {
  const p = new Parser(text);
  p.skipMisc();
  const root = p.element();
  p.skipMisc();
  if (p.pos < text.length) p.fail('content after the root element');
  return root;
}
