/**
 * The one XML tree of events: what the XML parser (xml/element.ts) and the EVTX decoder
 * (evtx/templates.ts, evtx/binxml-parser.ts) both produce, and what the one Windows-record builder
 * (xml/event.ts) reads. Attributes keep their document order; names are local (no prefix).
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  readonly children: readonly XmlNode[];
}
export type XmlNode = XmlElement | string;

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (el === undefined) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

export function attr(el: XmlElement | undefined, name: string): string | undefined {
  if (el === undefined) return undefined;
  for (const a of el.attrs) if (a.name === name) return a.value;
  return undefined;
}

export function elements(el: XmlElement | undefined): XmlElement[] {
  return el ? el.children.filter((c): c is XmlElement => typeof c !== 'string') : [];
}

/** All text under the nodes, nested elements' text included, in document order. */
export function xmlText(nodes: readonly XmlNode[]): string {
  let s = '';
  for (const n of nodes) s += typeof n === 'string' ? n : xmlText(n.children);
  return s;
}
