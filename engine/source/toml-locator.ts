/**
 * smol-toml gives values no positions, so this scanner re-reads TOML text (already known to
 * parse) and records, for every key path, the span of its key and of its value. It understands
 * just enough TOML to find boundaries: tables, arrays of tables, dotted and quoted keys, inline
 * tables and arrays, the four string kinds, and bare scalars.
 */
import type { Span } from '../diag/diagnostic.ts';
import type { KeyPath, Locator } from './locator.ts';

interface Entry { key?: Span; value: Span }
type Seg = string | number;

const pathKey = (p: readonly Seg[]): string => p.map(String).join('\u0000');

class Scanner {
  pos = 0;
  readonly entries = new Map<string, Entry>();
  private readonly arrayTables = new Map<string, number>();
  private table: Seg[] = [];

  constructor(private readonly text: string) {}

  run(): void {
    const t = this.text;
    while (this.pos < t.length) {
      this.skipTrivia(true);
      if (this.pos >= t.length) break;
      if (t[this.pos] === '[') this.header();
      else this.keyValue(this.table);
    }
  }

  private record(path: readonly Seg[], entry: Entry, overwrite = true): void {
    const k = pathKey(path);
    if (overwrite || !this.entries.has(k)) this.entries.set(k, entry);
  }

  /** Skips spaces, tabs, comments and (when `newlines`) line breaks. */
  private skipTrivia(newlines: boolean): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (newlines && (c === '\n' || c === '\r')) this.pos++;
      else if (c === '#') { while (this.pos < t.length && t[this.pos] !== '\n') this.pos++; }
      else break;
    }
  }

  /** A dotted key: each part with its span. */
  private key(): Array<{ name: string; span: Span }> {
    const t = this.text;
    const parts: Array<{ name: string; span: Span }> = [];
    for (;;) {
      this.skipTrivia(false);
      const start = this.pos;
      let name: string;
      if (t[this.pos] === '"') { const end = this.basicEnd(this.pos); name = JSON.parse(t.slice(start, end).replace(/\\U([0-9a-fA-F]{8})/g, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))) as string; this.pos = end; }
      else if (t[this.pos] === "'") { const end = t.indexOf("'", this.pos + 1) + 1; name = t.slice(start + 1, end - 1); this.pos = end; }
      else { while (this.pos < t.length && /[A-Za-z0-9_-]/.test(t[this.pos])) this.pos++; name = t.slice(start, this.pos); }
      parts.push({ name, span: { start, end: this.pos } });
      this.skipTrivia(false);
      if (t[this.pos] === '.') { this.pos++; continue; }
      return parts;
    }
  }

  /** Resolves header key parts to a concrete path, entering the latest element of arrays of tables. */
  private resolve(parts: ReadonlyArray<{ name: string }>): Seg[] {
    const out: Seg[] = [];
    for (const p of parts) {
      out.push(p.name);
      const n = this.arrayTables.get(pathKey(out));
      if (n !== undefined) out.push(n - 1);
    }
    return out;
  }

  private header(): void {
    const t = this.text;
    const start = this.pos;
    const isArray = t.startsWith('[[', this.pos);
    this.pos += isArray ? 2 : 1;
    const parts = this.key();
    this.pos += isArray ? 2 : 1;
    const headerSpan: Span = { start, end: this.pos };
    const keySpan: Span = { start: parts[0].span.start, end: parts[parts.length - 1].span.end };
    if (isArray) {
      const parent = this.resolve(parts.slice(0, -1));
      const arr = [...parent, parts[parts.length - 1].name];
      const n = this.arrayTables.get(pathKey(arr)) ?? 0;
      this.arrayTables.set(pathKey(arr), n + 1);
      this.recordPrefixes(parent, parts, headerSpan);
      this.record(arr, { key: keySpan, value: headerSpan }, false);
      this.table = [...arr, n];
      this.record(this.table, { key: keySpan, value: headerSpan });
    } else {
      this.table = this.resolve(parts);
      this.recordPrefixes(this.table.slice(0, -1), parts, headerSpan);
      this.record(this.table, { key: keySpan, value: headerSpan });
    }
  }

  /** Implicit super-tables get the header that created them, unless something defined them first. */
  private recordPrefixes(concrete: readonly Seg[], parts: ReadonlyArray<{ span: Span }>, header: Span): void {
    const prefix: Seg[] = [];
    let part = 0;
    for (const seg of concrete) {
      prefix.push(seg);
      if (typeof seg === 'string') { this.record(prefix, { key: parts[part]?.span ?? header, value: header }, false); part++; }
    }
  }

  private keyValue(base: readonly Seg[]): void {
    const parts = this.key();
    const path = [...base];
    for (let i = 0; i < parts.length; i++) {
      path.push(parts[i].name);
      if (i < parts.length - 1) this.record(path, { key: parts[i].span, value: parts[i].span }, false);
    }
    this.skipTrivia(false);
    if (this.text[this.pos] === '=') this.pos++;
    this.skipTrivia(false);
    const value = this.value(path);
    this.record(path, { key: parts[parts.length - 1].span, value });
  }

  /** End offset (exclusive) of the basic string starting at `start`. */
  private basicEnd(start: number): number {
    const t = this.text;
    let i = start + 1;
    while (i < t.length && t[i] !== '"' && t[i] !== '\n') i += t[i] === '\\' ? 2 : 1;
    return i + 1;
  }

  /** End of a multi-line string opened by `delim` at `start`; up to two extra quotes belong to it. */
  private multiEnd(start: number, delim: string): number {
    const t = this.text;
    let i = start + 3;
    while (i < t.length) {
      if (delim === '"""' && t[i] === '\\') { i += 2; continue; }
      if (t.startsWith(delim, i)) {
        let j = i + 3;
        while (j < t.length && j < i + 5 && t[j] === delim[0]) j++;
        return j;
      }
      i++;
    }
    return t.length;
  }

  private value(path: readonly Seg[]): Span {
    const t = this.text;
    const start = this.pos;
    const c = t[this.pos];
    if (t.startsWith('"""', this.pos) || t.startsWith("'''", this.pos)) this.pos = this.multiEnd(this.pos, t.slice(this.pos, this.pos + 3));
    else if (c === '"') this.pos = this.basicEnd(this.pos);
    else if (c === "'") this.pos = t.indexOf("'", this.pos + 1) + 1 || t.length;
    else if (c === '[') {
      this.pos++;
      for (let i = 0; ; i++) {
        this.skipTrivia(true);
        if (this.pos >= t.length || t[this.pos] === ']') break;
        const el = [...path, i];
        this.record(el, { value: this.value(el) });
        this.skipTrivia(true);
        if (t[this.pos] === ',') this.pos++;
      }
      this.pos++;
    } else if (c === '{') {
      this.pos++;
      for (;;) {
        this.skipTrivia(true);
        if (this.pos >= t.length || t[this.pos] === '}') break;
        this.keyValue(path);
        this.skipTrivia(true);
        if (t[this.pos] === ',') this.pos++;
      }
      this.pos++;
    } else {
      while (this.pos < t.length && !',]}#\n\r'.includes(t[this.pos])) this.pos++;
      let end = this.pos;
      while (end > start && (t[end - 1] === ' ' || t[end - 1] === '\t')) end--;
      return { start, end };
    }
    return { start, end: this.pos };
  }
}

/** Builds a locator for TOML text that already parsed cleanly. */
export function tomlLocator(text: string): Locator {
  const s = new Scanner(text);
  s.run();
  const entries = s.entries;
  const rootSpan: Span = { start: 0, end: Math.min(1, text.length) };
  return (path: KeyPath, which: 'key' | 'value' = 'value') => {
    const e = entries.get(pathKey(path));
    if (e) return which === 'key' ? e.key ?? e.value : e.value;
    // Missing: the nearest ancestor that exists, by its key (the `[rule]` header for a missing field).
    for (let n = path.length - 1; n > 0; n--) {
      const a = entries.get(pathKey(path.slice(0, n)));
      if (a) return a.key ?? a.value;
    }
    return rootSpan;
  };
}
