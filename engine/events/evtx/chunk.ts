/**
 * One 64 KiB chunk: "ElfChnk\0", record number/id ranges, header size, last record offset, free
 * space offset, CRC-32 of the records (512 → free space), header CRC-32 (bytes 0–120 and 128–512),
 * the 64-entry common string table and 32-entry template table, then event records from 512:
 * "**\0\0", size u32, record id u64, written FILETIME, BinXML, size copy u32.
 */
import { crc32 } from './crc32.ts';
import { hasSignature } from './file-header.ts';

export const CHUNK_SIZE = 0x10000;
export const CHUNK_HEADER = 512;
export const CHUNK_SIGNATURE = 'ElfChnk\0';

export interface ChunkHeader {
  readonly firstRecordNumber: number;
  readonly lastRecordNumber: number;
  readonly firstRecordId: number;
  readonly lastRecordId: number;
  readonly lastRecordOffset: number;
  readonly freeSpaceOffset: number;
  readonly headerCrcOk: boolean;
  readonly recordsCrcOk: boolean;
}

export type ChunkKind = 'chunk' | 'empty' | 'garbage';

/** Unused chunk slots are all zeroes; anything else without the signature is damage. */
export function classify(b: Uint8Array): ChunkKind {
  if (hasSignature(b, 0, CHUNK_SIGNATURE)) return 'chunk';
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return 'garbage';
  return 'empty';
}

export function readChunkHeader(b: Uint8Array): ChunkHeader {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const freeSpaceOffset = dv.getUint32(48, true);
  const recordsEnd = Math.min(Math.max(freeSpaceOffset, CHUNK_HEADER), b.length);
  const headerCrc = crc32(b, 128, CHUNK_HEADER, crc32(b, 0, 120));
  return {
    firstRecordNumber: Number(dv.getBigUint64(8, true)),
    lastRecordNumber: Number(dv.getBigUint64(16, true)),
    firstRecordId: Number(dv.getBigUint64(24, true)),
    lastRecordId: Number(dv.getBigUint64(32, true)),
    lastRecordOffset: dv.getUint32(44, true),
    freeSpaceOffset,
    headerCrcOk: headerCrc === dv.getUint32(124, true),
    recordsCrcOk: crc32(b, CHUNK_HEADER, recordsEnd) === dv.getUint32(52, true),
  };
}

export const RECORD_SIGNATURE = 0x00002a2a;

export interface RecordSlice {
  /** Chunk-relative offset of the record's signature. */
  readonly offset: number;
  readonly recordId: number;
  readonly size: number;
}

export type RecordStep =
  | { readonly ok: true; readonly rec: RecordSlice }
  | { readonly ok: false; readonly offset: number; readonly recordId?: number; readonly reason: string };

/**
 * Walks the records up to `end`. A record whose framing is broken is reported, then the walk
 * resumes at the next 8-byte-aligned "**\0\0" so the records after it still come out; every step
 * moves forward, so the walk ends.
 */
export function* walkRecords(b: Uint8Array, end: number): Generator<RecordStep> {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let pos = CHUNK_HEADER;
  while (pos + 28 <= end) {
    if (dv.getUint32(pos, true) !== RECORD_SIGNATURE) {
      const next = nextSignature(dv, pos + 8, end);
      yield { ok: false, offset: pos, reason: `no record signature at chunk offset ${pos}; skipped ${(next < 0 ? end : next) - pos} bytes` };
      if (next < 0) return;
      pos = next;
      continue;
    }
    const size = dv.getUint32(pos + 4, true);
    const recordId = Number(dv.getBigUint64(pos + 8, true));
    if (size < 28 || pos + size > b.length || dv.getUint32(pos + size - 4, true) !== size) {
      const why = size < 28 || pos + size > b.length ? `size ${size} does not fit the chunk` : 'trailing size copy differs';
      yield { ok: false, offset: pos, recordId, reason: `record framing broken at chunk offset ${pos}: ${why}` };
      const next = nextSignature(dv, pos + 8, end);
      if (next < 0) return;
      pos = next;
      continue;
    }
    yield { ok: true, rec: { offset: pos, recordId, size } };
    pos += size;
  }
}

function nextSignature(dv: DataView, from: number, end: number): number {
  for (let p = (from + 7) & ~7; p + 28 <= end; p += 8) if (dv.getUint32(p, true) === RECORD_SIGNATURE) return p;
  return -1;
}
