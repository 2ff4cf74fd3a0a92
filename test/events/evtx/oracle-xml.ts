/**
 * Test-only parser for evtxexport's one-line <Event> renderings: elements, double-quoted
 * attributes, text, self-closing tags and the five entities plus &#N; / &#xN;. It builds the same
 * XmlElement tree the EVTX decoder produces, so the two can be compared node by node.
 */
import type { XmlElement, XmlNode } from '../../../engine/events/xml/tree.ts';

const ENT: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENT[e] ?? m;
  });
}

export function parseOracleLine(line: string): XmlElement {
  let pos = 0;
  const fail = (why: string): never => { throw new Error(`oracle XML: ${why} at column ${pos + 1}`); };
  function element(): XmlElement {
    if (line[pos] !== '<') fail('expected <');
    const nameEnd = line.slice(pos + 1).search(/[\s/>]/) + pos + 1;
    const name = line.slice(pos + 1, nameEnd);
    pos = nameEnd;
    const attrs: { name: string; value: string }[] = [];
    for (;;) {
      while (line[pos] === ' ') pos++;
      if (line.startsWith('/>', pos)) { pos += 2; return { name, attrs, children: [] }; }
      if (line[pos] === '>') { pos++; break; }
      const eq = line.indexOf('="', pos);
      if (eq < 0) fail('bad attribute');
      const close = line.indexOf('"', eq + 2);
      attrs.push({ name: line.slice(pos, eq), value: unescapeXml(line.slice(eq + 2, close)) });
      pos = close + 1;
    }
    const children: XmlNode[] = [];
    for (;;) {
      if (pos >= line.length) fail(`<${name}> not closed`);
      if (line.startsWith('</', pos)) {
        const gt = line.indexOf('>', pos);
        if (line.slice(pos + 2, gt) !== name) fail(`mismatched </${line.slice(pos + 2, gt)}>`);
        pos = gt + 1;
        return { name, attrs, children };
      }
      if (line[pos] === '<') children.push(element());
      else {
        const lt = line.indexOf('<', pos);
        children.push(unescapeXml(line.slice(pos, lt < 0 ? line.length : lt)));
        pos = lt < 0 ? line.length : lt;
      }
    }
  }
  return element();
}
