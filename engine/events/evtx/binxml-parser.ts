/**
 * Binary XML → tree, inside one chunk. Offsets are chunk-relative (names and template definitions
 * are referenced by chunk offset and defined inline the first time they are used). Every read is
 * bounds-checked against the current fragment's end and nesting is capped, so corrupt input ends
 * in a DecodeError naming the offset, never in a loop or a stack overflow.
 */
import { MORE_BITS, TOKEN, VT, isKnownType } from './binxml-tokens.ts';
import { instantiate, type Sub, type SubValue, type TContent, type TElement, type TemplateDef } from './templates.ts';
import type { XmlNode } from '../xml/tree.ts';
import { DecodeError, guidAt, renderValue, utf16At } from './values.ts';

const MAX_DEPTH = 48;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Per-chunk state: the bytes plus the name and template caches that live as long as the chunk. */
export class ChunkContext {
  readonly dv: DataView;
  readonly names = new Map<number, string>();
  readonly templates = new Map<number, TemplateDef>();
  private readonly inProgress = new Set<number>();

  constructor(readonly b: Uint8Array) {
    this.dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }

  /** Decodes one record's BinXML in [start, end) to XML nodes. */
  parseFragment(start: number, end: number): XmlNode[] {
    return instantiate(new Cursor(this, start, end).content(0, false, false), []);
  }

  /** Name string at `off`: next-offset u32, hash u16, char count u16, UTF-16, NUL. */
  nameAt(off: number): string {
    const hit = this.names.get(off);
    if (hit !== undefined) return hit;
    if (off < 0 || off + 8 > this.b.length) throw new DecodeError(`name offset ${off} is outside the chunk`);
    const n = this.dv.getUint16(off + 6, true);
    if (off + 8 + 2 * n > this.b.length) throw new DecodeError(`name at ${off} runs past the chunk`);
    const s = utf16At(this.b, off + 8, off + 8 + 2 * n);
    this.names.set(off, s);
    return s;
  }

  /** Template definition at `off`: next-offset u32, GUID, data size u32, then the fragment. */
  templateAt(off: number, depth: number): TemplateDef {
    const hit = this.templates.get(off);
    if (hit !== undefined) return hit;
    if (off < 0 || off + 24 > this.b.length) throw new DecodeError(`template offset ${off} is outside the chunk`);
    if (this.inProgress.has(off)) throw new DecodeError(`template at ${off} refers to itself`);
    const dataSize = this.dv.getUint32(off + 20, true);
    const end = off + 24 + dataSize;
    if (end > this.b.length) throw new DecodeError(`template at ${off} (${dataSize} bytes) runs past the chunk`);
    this.inProgress.add(off);
    try {
      const content = new Cursor(this, off + 24, end).content(depth + 1, false, true);
      const def: TemplateDef = { guid: guidAt(this.b, off + 4), dataSize, content };
      this.templates.set(off, def);
      return def;
    } finally {
      this.inProgress.delete(off);
    }
  }
}

/** Appends text, merging with a preceding text node. */
function text(out: TContent[], s: string): void {
  const last = out.length - 1;
  if (last >= 0 && typeof out[last] === 'string') out[last] = (out[last] as string) + s;
  else out.push(s);
}

class Cursor {
  private readonly b: Uint8Array;
  private readonly dv: DataView;
  constructor(private readonly ctx: ChunkContext, public pos: number, private readonly end: number) {
    this.b = ctx.b;
    this.dv = ctx.dv;
  }

  private need(n: number): void {
    if (this.pos + n > this.end) throw new DecodeError(`BinXML truncated at offset ${this.pos} (needs ${n} bytes)`);
  }
  private u8(): number { this.need(1); return this.b[this.pos++]; }
  private u16(): number { this.need(2); const v = this.dv.getUint16(this.pos, true); this.pos += 2; return v; }
  private u32(): number { this.need(4); const v = this.dv.getUint32(this.pos, true); this.pos += 4; return v; }

  /** Length-prefixed UTF-16 string (char count u16). */
  private str(): string {
    const n = this.u16();
    this.need(2 * n);
    const s = utf16At(this.b, this.pos, this.pos + 2 * n);
    this.pos += 2 * n;
    return s;
  }

  /** A name reference; when it points right here the string is inline and skipped over. */
  private name(): string {
    const off = this.u32();
    if (off !== this.pos) return this.ctx.nameAt(off);
    this.need(8);
    const n = this.dv.getUint16(this.pos + 6, true);
    this.need(10 + 2 * n);
    const s = this.ctx.nameAt(off);
    this.pos += 10 + 2 * n;
    return s;
  }

  /**
   * Content until EndElement (inElement) or EndOfStream / end of data. In a template definition
   * substitutions become slots; elsewhere they are an error.
   */
  content(depth: number, inElement: boolean, inTemplate: boolean): TContent[] {
    if (depth > MAX_DEPTH) throw new DecodeError(`BinXML nested deeper than ${MAX_DEPTH} at offset ${this.pos}`);
    const out: TContent[] = [];
    while (this.pos < this.end) {
      const at = this.pos;
      const tok = this.b[at];
      switch (tok & ~MORE_BITS) {
        case TOKEN.EndOfStream:
          this.pos++;
          if (inElement) throw new DecodeError(`end of stream inside an open element at offset ${at}`);
          return out;
        case TOKEN.EndElement:
          if (!inElement) throw new DecodeError(`end element without an open element at offset ${at}`);
          this.pos++;
          return out;
        case TOKEN.OpenStartElement:
          out.push(this.element(depth, inTemplate));
          break;
        case TOKEN.Value:
          this.pos++;
          this.u8();
          text(out, this.str());
          break;
        case TOKEN.CData:
          this.pos++;
          text(out, this.str());
          break;
        case TOKEN.CharRef:
          this.pos++;
          text(out, String.fromCharCode(this.u16()));
          break;
        case TOKEN.EntityRef: {
          this.pos++;
          const n = this.name();
          text(out, ENTITIES[n] ?? `&${n};`);
          break;
        }
        case TOKEN.PITarget:
          this.pos++;
          this.name();
          break;
        case TOKEN.PIData:
          this.pos++;
          this.str();
          break;
        case TOKEN.TemplateInstance:
          for (const n of this.templateInstance(depth)) typeof n === 'string' ? text(out, n) : out.push(n);
          break;
        case TOKEN.NormalSubstitution:
        case TOKEN.OptionalSubstitution:
          out.push(this.substitution(inTemplate));
          break;
        case TOKEN.FragmentHeader:
          this.pos++;
          this.need(3);
          this.pos += 3;
          break;
        default:
          throw new DecodeError(`unknown BinXML token 0x${tok.toString(16).padStart(2, '0')} at offset ${at}`);
      }
    }
    if (inElement) throw new DecodeError(`element not closed before offset ${this.end}`);
    return out;
  }

  private substitution(inTemplate: boolean): Sub {
    const at = this.pos;
    const optional = (this.u8() & ~MORE_BITS) === TOKEN.OptionalSubstitution;
    const sub = this.u16();
    const type = this.u8();
    if (!inTemplate) throw new DecodeError(`substitution outside a template definition at offset ${at}`);
    return { sub, type, optional };
  }

  /** OpenStartElement: dependency id u16, data size u32, name, [attribute list size u32, attributes]. */
  private element(depth: number, inTemplate: boolean): TElement {
    const tok = this.u8();
    this.u16();
    this.u32();
    const name = this.name();
    const attrs: { name: string; parts: (string | Sub)[] }[] = [];
    if (tok & MORE_BITS) {
      this.u32();
      while (this.pos < this.end && (this.b[this.pos] & ~MORE_BITS) === TOKEN.Attribute) {
        const more = this.u8() & MORE_BITS;
        attrs.push({ name: this.name(), parts: this.attributeValue(inTemplate) });
        if (!more) break;
      }
    }
    const close = this.u8();
    if (close === TOKEN.CloseEmptyElement) return { slots: true, name, attrs, children: [] };
    if (close !== TOKEN.CloseStartElement) {
      throw new DecodeError(`expected close of <${name}> at offset ${this.pos - 1}, found token 0x${close.toString(16)}`);
    }
    return { slots: true, name, attrs, children: this.content(depth + 1, true, inTemplate) };
  }

  /** The value tokens after an Attribute token, up to the next attribute or close token. */
  private attributeValue(inTemplate: boolean): (string | Sub)[] {
    const parts: (string | Sub)[] = [];
    for (;;) {
      this.need(1);
      const base = this.b[this.pos] & ~MORE_BITS;
      if (base === TOKEN.Value) { this.pos++; this.u8(); parts.push(this.str()); }
      else if (base === TOKEN.NormalSubstitution || base === TOKEN.OptionalSubstitution) parts.push(this.substitution(inTemplate));
      else if (base === TOKEN.CharRef) { this.pos++; parts.push(String.fromCharCode(this.u16())); }
      else if (base === TOKEN.EntityRef) { this.pos++; const n = this.name(); parts.push(ENTITIES[n] ?? `&${n};`); }
      else if (base === TOKEN.CData) { this.pos++; parts.push(this.str()); }
      else return parts;
    }
  }

  /**
   * TemplateInstance: unknown u8, template id u32, definition offset u32, [inline definition],
   * value count u32, descriptors (size u16, type u8, pad u8), then the values back to back.
   */
  private templateInstance(depth: number): XmlNode[] {
    if (depth > MAX_DEPTH) throw new DecodeError(`templates nested deeper than ${MAX_DEPTH}`);
    this.pos++;
    this.u8();
    this.u32();
    const defOff = this.u32();
    let def: TemplateDef;
    if (defOff === this.pos) {
      this.need(24);
      const size = this.dv.getUint32(this.pos + 20, true);
      def = this.ctx.templateAt(defOff, depth);
      this.need(24 + size);
      this.pos += 24 + size;
    } else {
      def = this.ctx.templateAt(defOff, depth);
    }
    const count = this.u32();
    this.need(4 * count);
    const descAt = this.pos;
    this.pos += 4 * count;
    const values: SubValue[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const size = this.dv.getUint16(descAt + 4 * i, true);
      const type = this.b[descAt + 4 * i + 2];
      this.need(size);
      const at = this.pos;
      if (type === VT.BinXml) {
        values[i] = { xml: instantiate(new Cursor(this.ctx, at, at + size).content(depth + 1, false, false), []) };
      } else {
        if (!isKnownType(type)) throw new DecodeError(`substitution ${i} has unknown value type 0x${type.toString(16)} at offset ${descAt + 4 * i + 2}`);
        values[i] = renderValue(type, this.b, this.dv, at, size);
      }
      this.pos += size;
    }
    return instantiate(def.content, values);
  }
}
