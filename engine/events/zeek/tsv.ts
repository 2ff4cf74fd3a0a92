/**
 * Zeek's default ASCII logs (TSV): a `#separator` header (`\x09`), `#set_separator`,
 * `#empty_field`, `#unset_field`, `#path`, `#fields`, `#types`, then one record per line, closed
 * by `#close`. Values are typed by `#types`: time/interval/double/count/int/port → numbers, bool
 * T/F → booleans, set[…]/vector[…] → lists; the unset marker (`-`) drops the field and the empty
 * marker (`(empty)`) is an empty string or list. `\xHH` escapes are undone.
 */
import type { FieldValue, ReaderItem, Scalar } from '../types.ts';
import { decodeText, splitLines } from '../text.ts';

interface Header {
  sep: string; setSep: string; empty: string; unset: string;
  path?: string; fields?: string[]; types?: string[];
}

const unescapeZeek = (s: string): string => s.replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

const NUMERIC = new Set(['time', 'interval', 'double', 'count', 'int', 'port']);

function scalarOf(type: string, raw: string): Scalar | { error: string } {
  if (NUMERIC.has(type)) {
    const n = Number(raw);
    return Number.isFinite(n) ? n : { error: `'${raw}' is not a ${type}` };
  }
  if (type === 'bool') return raw === 'T' ? true : raw === 'F' ? false : { error: `'${raw}' is not a bool (T/F)` };
  return unescapeZeek(raw);
}

function valueOf(h: Header, type: string, raw: string): FieldValue | undefined | { error: string } {
  if (raw === h.unset) return undefined;
  const m = /^(?:set|vector)\[(\w+)\]$/.exec(type);
  if (m) {
    if (raw === h.empty) return [];
    const items: Scalar[] = [];
    for (const part of raw.split(h.setSep)) {
      const v = scalarOf(m[1], part);
      if (typeof v === 'object' && v !== null) return v;
      items.push(v);
    }
    return items;
  }
  if (raw === h.empty) return '';
  return scalarOf(type, raw);
}

export function isZeekTsvHead(head: string): boolean {
  return head.startsWith('#separator ');
}

/** Reads one Zeek TSV log; `fallbackLog` names the log when the header has no #path. */
export async function* readZeekTsv(file: string, input: AsyncIterable<Uint8Array>, fallbackLog?: string): AsyncIterable<ReaderItem> {
  const h: Header = { sep: '\t', setSep: ',', empty: '(empty)', unset: '-' };
  let record = 0;
  for await (const { text, line } of splitLines(decodeText(input))) {
    if (!text) continue;
    if (text.startsWith('#')) {
      const sp = text.indexOf(text.startsWith('#separator') ? ' ' : h.sep);
      const key = sp < 0 ? text.slice(1) : text.slice(1, sp);
      const rest = sp < 0 ? [] : text.slice(sp + 1).split(h.sep);
      if (key === 'separator') h.sep = unescapeZeek(text.slice(sp + 1));
      else if (key === 'set_separator') h.setSep = unescapeZeek(rest[0] ?? ',');
      else if (key === 'empty_field') h.empty = rest[0] ?? h.empty;
      else if (key === 'unset_field') h.unset = rest[0] ?? h.unset;
      else if (key === 'path') h.path = rest[0];
      else if (key === 'fields') h.fields = rest;
      else if (key === 'types') h.types = rest;
      continue;
    }
    record++;
    const loc = { file, line, record };
    if (!h.fields || !h.types || h.fields.length !== h.types.length) {
      yield { ok: false, loc, reason: 'Zeek TSV record before a #fields/#types header of equal length' };
      continue;
    }
    const cols = text.split(h.sep);
    if (cols.length !== h.fields.length) {
      yield { ok: false, loc, reason: `Zeek TSV record has ${cols.length} columns; #fields names ${h.fields.length}` };
      continue;
    }
    const doc: Record<string, FieldValue> = Object.create(null) as Record<string, FieldValue>;
    let bad: string | undefined;
    for (let i = 0; i < cols.length; i++) {
      const v = valueOf(h, h.types[i], cols[i]);
      if (v === undefined) continue;
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) { bad = `column ${h.fields[i]}: ${(v as { error: string }).error}`; break; }
      doc[h.fields[i]] = v as FieldValue;
    }
    if (bad) { yield { ok: false, loc, reason: bad }; continue; }
    const log = h.path ?? fallbackLog;
    if (!log) { yield { ok: false, loc, reason: 'cannot tell which Zeek log this is (no #path header, and the file name does not say)' }; continue; }
    if (typeof doc['ts'] !== 'number') { yield { ok: false, loc, reason: 'Zeek record has no numeric ts' }; continue; }
    yield { ok: true, record: { kind: 'zeek', log, doc: { ...doc } }, loc };
  }
}
