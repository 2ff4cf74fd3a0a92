/**
 * The 4096-byte file header block: "ElfFile\0", first/last chunk numbers, next record id, header
 * size (128), minor/major version (1/3), header block size (4096), chunk count, flags (dirty/full)
 * and a CRC-32 of its first 120 bytes.
 */
import { crc32 } from './crc32.ts';

export const FILE_SIGNATURE = 'ElfFile\0';
export const HEADER_BLOCK = 4096;
export const FLAG_DIRTY = 0x1;
export const FLAG_FULL = 0x2;

export interface FileHeader {
  readonly firstChunk: number;
  readonly lastChunk: number;
  readonly nextRecordId: number;
  readonly headerSize: number;
  readonly minorVersion: number;
  readonly majorVersion: number;
  readonly blockSize: number;
  readonly chunkCount: number;
  readonly flags: number;
  readonly crcOk: boolean;
}

export function hasSignature(b: Uint8Array, at: number, sig: string): boolean {
  if (at + sig.length > b.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig.charCodeAt(i)) return false;
  return true;
}

/** Reads the header, or null when the bytes do not start with the EVTX signature. */
export function readFileHeader(b: Uint8Array): FileHeader | null {
  if (b.length < 128 || !hasSignature(b, 0, FILE_SIGNATURE)) return null;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return {
    firstChunk: Number(dv.getBigUint64(8, true)),
    lastChunk: Number(dv.getBigUint64(16, true)),
    nextRecordId: Number(dv.getBigUint64(24, true)),
    headerSize: dv.getUint32(32, true),
    minorVersion: dv.getUint16(36, true),
    majorVersion: dv.getUint16(38, true),
    blockSize: dv.getUint16(40, true),
    chunkCount: dv.getUint16(42, true),
    flags: dv.getUint32(120, true),
    crcOk: crc32(b, 0, 120) === dv.getUint32(124, true),
  };
}
