/**
 * A small EVTX writer for dac's own fixtures and the benchmark: file header, 64 KiB chunks with
 * their common-string and template tables, inline names and template definitions on first use in
 * a chunk, substitution values of every type, and correct CRCs. Chunks go to a sink as they fill,
 * so very large files can be written with flat memory.
 */
import { crc32 } from '../engine/events/evtx/crc32.ts';
import { TOKEN, VT } from '../engine/events/evtx/binxml-tokens.ts';
import { Bytes } from './evtx-bytes.ts';

/** A template (or nested fragment) node: element, text, substitution slot, or raw bytes. */
export type WNode =
  | { readonly el: string; readonly attrs?: ReadonlyArray<readonly [string, WNode]>; readonly children?: readonly WNode[] }
  | { readonly text: string }
  | { readonly sub: number; readonly type: number; readonly optional?: boolean }
  | { readonly raw: Uint8Array };

export interface WTemplate { readonly id: number; readonly guid: Uint8Array; readonly nodes: readonly WNode[] }

/** A substitution value: its type and bytes, or a nested BinXML fragment encoded in place. */
export type WValue = { readonly type: number; readonly bytes: Uint8Array } | { readonly type: 0x21; readonly fragment: readonly WNode[] };

export interface WRecord {
  readonly template: WTemplate;
  readonly values: readonly WValue[];
  /** FILETIME the record was written; defaults to 2024-01-01T00:00:00Z. */
  readonly written?: bigint;
  /** Bytes placed before the template instance (tests use this to plant an unknown token). */
  readonly prefix?: Uint8Array;
}

const CHUNK = 0x10000;

/** The same 16-bit hash Windows keeps beside each name (readers do not check it). */
function nameHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 65599) + s.charCodeAt(i)) >>> 0;
  return h & 0xffff;
}

export class EvtxWriter {
  private chunk = new Bytes(CHUNK);
  private names = new Map<string, number>();
  private templates = new Map<number, number>();
  private stringTable = new Uint32Array(64);
  private templateTable = new Uint32Array(32);
  private firstId = 0;
  private lastId = 0;
  private lastOffset = 0;
  private chunks = 0;
  private nextId = 1;

  constructor(private readonly sink: (chunk: Uint8Array) => void) {
    this.chunk.pos = 512;
  }

  get chunkCount(): number { return this.chunks; }
  get nextRecordId(): number { return this.nextId; }

  /** Appends a record (starting a new chunk when it does not fit); returns its id. */
  add(rec: WRecord): number {
    const id = this.nextId;
    if (!this.tryAdd(rec, id)) {
      if (this.firstId === 0) throw new Error('record is larger than a chunk');
      this.flush();
      if (!this.tryAdd(rec, id)) throw new Error('record is larger than a chunk');
    }
    this.nextId++;
    return id;
  }

  private tryAdd(rec: WRecord, id: number): boolean {
    const c = this.chunk;
    const start = c.pos;
    const newNames: string[] = [];
    const newTemplates: number[] = [];
    const tables = [this.stringTable.slice(), this.templateTable.slice()];
    try {
      c.u32(0x00002a2a); c.u32(0); c.u64(BigInt(id)); c.u64(rec.written ?? 133485408000000000n);
      c.u8(TOKEN.FragmentHeader); c.u8(1); c.u8(1); c.u8(0);
      if (rec.prefix) c.bytes(rec.prefix);
      this.instance(rec.template, rec.values, newNames, newTemplates);
      c.u8(TOKEN.EndOfStream);
      while ((c.pos + 4 - start) % 8 !== 0) c.u8(0);
      c.u32(c.pos + 4 - start);
      c.patch32(start + 4, c.pos - start);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      c.pos = start;
      this.stringTable.set(tables[0]);
      this.templateTable.set(tables[1]);
      for (const n of newNames) this.names.delete(n);
      for (const t of newTemplates) this.templates.delete(t);
      return false;
    }
    if (this.firstId === 0) this.firstId = id;
    this.lastId = id;
    this.lastOffset = start;
    return true;
  }

  private name(s: string, newNames: string[]): void {
    const c = this.chunk;
    const known = this.names.get(s);
    if (known !== undefined) return c.u32(known);
    const at = c.pos + 4;
    const h = nameHash(s);
    c.u32(at);
    c.u32(this.stringTable[h % 64]); c.u16(h); c.u16(s.length); c.utf16(s); c.u16(0);
    this.stringTable[h % 64] = at;
    this.names.set(s, at);
    newNames.push(s);
  }

  private instance(t: WTemplate, values: readonly WValue[], newNames: string[], newTemplates: number[]): void {
    const c = this.chunk;
    c.u8(TOKEN.TemplateInstance); c.u8(1); c.u32(t.id);
    const known = this.templates.get(t.id);
    if (known !== undefined) c.u32(known);
    else {
      const at = c.pos + 4;
      c.u32(at);
      c.u32(this.templateTable[t.id % 32]); c.bytes(t.guid); c.u32(0);
      const dataStart = c.pos;
      c.u8(TOKEN.FragmentHeader); c.u8(1); c.u8(1); c.u8(0);
      for (const n of t.nodes) this.node(n, newNames);
      c.u8(TOKEN.EndOfStream);
      c.patch32(at + 20, c.pos - dataStart);
      this.templateTable[t.id % 32] = at;
      this.templates.set(t.id, at);
      newTemplates.push(t.id);
    }
    c.u32(values.length);
    const desc = c.pos;
    for (const v of values) { c.u16(0); c.u8(v.type); c.u8(0); }
    values.forEach((v, i) => {
      const s = c.pos;
      if ('fragment' in v) {
        c.u8(TOKEN.FragmentHeader); c.u8(1); c.u8(1); c.u8(0);
        for (const n of v.fragment) this.node(n, newNames);
        c.u8(TOKEN.EndOfStream);
      } else c.bytes(v.bytes);
      if (c.pos - s > 0xffff) throw new Error('value longer than 65535 bytes');
      c.patch16(desc + 4 * i, c.pos - s);
    });
  }

  private node(n: WNode, newNames: string[]): void {
    const c = this.chunk;
    if ('raw' in n) return c.bytes(n.raw);
    if ('text' in n) { c.u8(TOKEN.Value); c.u8(VT.WString); c.u16(n.text.length); return c.utf16(n.text); }
    if ('sub' in n) { c.u8(n.optional === false ? TOKEN.NormalSubstitution : TOKEN.OptionalSubstitution); c.u16(n.sub); return c.u8(n.type); }
    const attrs = n.attrs ?? [];
    c.u8(attrs.length > 0 ? TOKEN.OpenStartElement | 0x40 : TOKEN.OpenStartElement);
    c.u16(0xffff);
    const sizeAt = c.pos;
    c.u32(0);
    this.name(n.el, newNames);
    if (attrs.length > 0) {
      const listAt = c.pos;
      c.u32(0);
      attrs.forEach(([name, value], i) => {
        c.u8(i < attrs.length - 1 ? TOKEN.Attribute | 0x40 : TOKEN.Attribute);
        this.name(name, newNames);
        this.node(value, newNames);
      });
      c.patch32(listAt, c.pos - listAt - 4);
    }
    const kids = n.children ?? [];
    if (kids.length === 0) c.u8(TOKEN.CloseEmptyElement);
    else {
      c.u8(TOKEN.CloseStartElement);
      for (const k of kids) this.node(k, newNames);
      c.u8(TOKEN.EndElement);
    }
    c.patch32(sizeAt, c.pos - sizeAt - 4);
  }

  /** Closes the current chunk (header fields, tables, CRCs) and hands it to the sink. */
  flush(): void {
    if (this.firstId === 0) return;
    const c = this.chunk;
    const free = c.pos;
    const b = c.buf;
    b.fill(0, free, CHUNK);
    b.set(new TextEncoder().encode('ElfChnk\0'), 0);
    const dv = new DataView(b.buffer);
    const n = BigInt(this.lastId - this.firstId);
    dv.setBigUint64(8, BigInt(this.firstId), true); dv.setBigUint64(16, BigInt(this.firstId) + n, true);
    dv.setBigUint64(24, BigInt(this.firstId), true); dv.setBigUint64(32, BigInt(this.lastId), true);
    dv.setUint32(40, 128, true); dv.setUint32(44, this.lastOffset, true); dv.setUint32(48, free, true);
    dv.setUint32(52, crc32(b, 512, free), true);
    this.stringTable.forEach((v, i) => dv.setUint32(128 + 4 * i, v, true));
    this.templateTable.forEach((v, i) => dv.setUint32(384 + 4 * i, v, true));
    dv.setUint32(124, crc32(b, 128, 512, crc32(b, 0, 120)), true);
    this.sink(b.slice(0, CHUNK));
    this.chunks++;
    this.chunk = new Bytes(CHUNK);
    this.chunk.pos = 512;
    this.names.clear(); this.templates.clear();
    this.stringTable.fill(0); this.templateTable.fill(0);
    this.firstId = 0;
  }
}

/** The 4096-byte file header for `chunkCount` chunks. */
export function fileHeader(chunkCount: number, nextRecordId: number, flags = 0): Uint8Array {
  const b = new Uint8Array(4096);
  const dv = new DataView(b.buffer);
  b.set(new TextEncoder().encode('ElfFile\0'), 0);
  dv.setBigUint64(8, 0n, true); dv.setBigUint64(16, BigInt(Math.max(0, chunkCount - 1)), true);
  dv.setBigUint64(24, BigInt(nextRecordId), true);
  dv.setUint32(32, 128, true); dv.setUint16(36, 1, true); dv.setUint16(38, 3, true);
  dv.setUint16(40, 4096, true); dv.setUint16(42, chunkCount, true); dv.setUint32(120, flags, true);
  dv.setUint32(124, crc32(b, 0, 120), true);
  return b;
}

/** Writes `records` into a whole in-memory file (fixtures; the bench streams instead). */
export function writeEvtx(records: Iterable<WRecord>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const w = new EvtxWriter((c) => chunks.push(c));
  for (const r of records) w.add(r);
  w.flush();
  const out = new Uint8Array(4096 + chunks.length * CHUNK);
  out.set(fileHeader(chunks.length, w.nextRecordId), 0);
  chunks.forEach((c, i) => out.set(c, 4096 + i * CHUNK));
  return out;
}
