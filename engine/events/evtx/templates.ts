/**
 * Template definitions and their instantiation. A definition is a BinXML fragment with numbered
 * substitution slots; a record's TemplateInstance names one (by chunk offset, defined inline the
 * first time) and supplies the values. Definitions are parsed once per chunk and cached by offset.
 */
import { xmlText, type XmlElement, type XmlNode } from '../xml/tree.ts';

/** A substitution slot: index into the instance's values, declared type, optional or normal. */
export interface Sub { readonly sub: number; readonly type: number; readonly optional: boolean }
export interface TElement {
  /** Tells a definition's element apart from an already-rendered XmlElement. */
  readonly slots: true;
  readonly name: string;
  readonly attrs: ReadonlyArray<{ readonly name: string; readonly parts: ReadonlyArray<string | Sub> }>;
  readonly children: ReadonlyArray<TContent>;
}
export type TContent = string | Sub | TElement | XmlElement;

export interface TemplateDef {
  readonly guid: string;
  readonly dataSize: number;
  readonly content: ReadonlyArray<TContent>;
}

/** A decoded substitution value: text, a list (array types), nested XML, or nothing. */
export type SubValue = string | readonly string[] | { readonly xml: readonly XmlNode[] } | null;

function isSub(c: TContent): c is Sub {
  return typeof c === 'object' && 'sub' in c;
}
function isTElement(c: TContent): c is TElement {
  return typeof c === 'object' && 'slots' in c;
}

function pushText(out: XmlNode[], s: string): void {
  if (s === '') return;
  const last = out.length - 1;
  if (last >= 0 && typeof out[last] === 'string') out[last] = (out[last] as string) + s;
  else out.push(s);
}

/** Fills a definition's slots with `values`, giving plain XML nodes. */
export function instantiate(content: ReadonlyArray<TContent>, values: readonly SubValue[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const c of content) appendContent(out, c, values);
  return out;
}

function appendContent(out: XmlNode[], c: TContent, values: readonly SubValue[]): void {
  if (typeof c === 'string') return pushText(out, c);
  if (isSub(c)) {
    const v = values[c.sub] ?? null;
    if (v === null) return;
    if (typeof v === 'string') return pushText(out, v);
    if (Array.isArray(v)) return pushText(out, (v as string[]).join(', '));
    for (const n of (v as { xml: readonly XmlNode[] }).xml) typeof n === 'string' ? pushText(out, n) : out.push(n);
    return;
  }
  if (isTElement(c)) {
    for (const el of instantiateElement(c, values)) out.push(el);
    return;
  }
  out.push(c as XmlElement);
}

/**
 * An element whose only content is an array substitution is repeated once per item, as
 * evtxexport does; an attribute made only of null substitutions is left out.
 */
function instantiateElement(t: TElement, values: readonly SubValue[]): XmlElement[] {
  const attrs: { name: string; value: string }[] = [];
  for (const a of t.attrs) {
    let value = '';
    let present = false;
    for (const p of a.parts) {
      if (typeof p === 'string') { value += p; present = true; continue; }
      const v = values[p.sub] ?? null;
      if (v === null) continue;
      present = true;
      if (typeof v === 'string') value += v;
      else if (Array.isArray(v)) value += (v as string[]).join(', ');
      else value += xmlText((v as { xml: readonly XmlNode[] }).xml);
    }
    if (present) attrs.push({ name: a.name, value });
  }
  const only = t.children.length === 1 ? t.children[0] : undefined;
  if (only !== undefined && isSub(only)) {
    const v = values[only.sub] ?? null;
    // evtxexport leaves out an element whose whole content is an optional substitution with no value.
    if (v === null && only.optional) return [];
    if (Array.isArray(v)) return (v as string[]).map((item) => ({ name: t.name, attrs, children: item === '' ? [] : [item] }));
  }
  const children: XmlNode[] = [];
  for (const c of t.children) appendContent(children, c, values);
  return [{ name: t.name, attrs, children }];
}

