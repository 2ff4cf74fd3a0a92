/**
 * EVTX reader: streams the file one 64 KiB chunk at a time (memory stays flat), decodes each
 * record's BinXML with the chunk's name and template caches, and yields one ReaderItem per record.
 * Damage is reported, never thrown: see docs/evtx.md for what is recovered and what is rejected.
 */
import type { EventReader, ReaderItem } from '../types.ts';
import { readBlocks } from './blocks.ts';
import { CHUNK_SIZE, classify } from './chunk.ts';
import { decodeChunk } from './decode-chunk.ts';
import { FILE_SIGNATURE, HEADER_BLOCK, hasSignature, readFileHeader } from './file-header.ts';

export async function* readEvtx(file: string, input: AsyncIterable<Uint8Array>): AsyncGenerator<ReaderItem> {
  let index = -1;
  let headerSeen = false;
  let declaredChunks = 0;
  // Unsigned blocks are held back: damage if a chunk follows them or the header counts them,
  // otherwise the unused slack after the last chunk (not records, so nothing is lost).
  let pending: ReaderItem[] = [];
  try {
    for await (const block of readBlocks(input, HEADER_BLOCK, CHUNK_SIZE)) {
      if (index < 0) {
        index = 0;
        headerSeen = true;
        const h = readFileHeader(block);
        if (h === null) {
          yield { ok: false, loc: { file, offset: 0 }, reason: 'not an EVTX file: no "ElfFile" signature (file unreadable)' };
          return;
        }
        declaredChunks = h.chunkCount;
        if (!h.crcOk) yield { ok: false, loc: { file, offset: 0 }, reason: 'file header CRC mismatch (chunks still read)' };
        continue;
      }
      const offset = HEADER_BLOCK + index * CHUNK_SIZE;
      const kind = classify(block);
      if (kind === 'garbage') {
        pending.push({ ok: false, loc: { file, chunk: index, offset }, reason: `chunk ${index} has no "ElfChnk" signature (${block.length} bytes skipped)` });
      } else if (kind === 'chunk') {
        yield* pending;
        pending = [];
        yield* decodeChunk(file, index, offset, block);
      }
      index++;
    }
    if (pending.length > 0 && (pending[0].loc.chunk ?? 0) < declaredChunks) yield* pending;
    if (!headerSeen) yield { ok: false, loc: { file, offset: 0 }, reason: 'empty file: not an EVTX file (file unreadable)' };
  } catch (e) {
    // Only the input stream itself can throw here (decoding catches its own errors).
    yield { ok: false, loc: { file, chunk: index < 0 ? undefined : index }, reason: `read failed: ${(e as Error).message}` };
  }
}

export const reader: EventReader = {
  format: 'evtx',
  detect(head: Uint8Array, fileName: string): boolean {
    // By name too, so a damaged header is still read (and reported) as EVTX, unless it is plainly text.
    return hasSignature(head, 0, FILE_SIGNATURE) || (/\.evtx$/i.test(fileName) && head[0] !== 0x3c && head[0] !== 0x7b);
  },
  read: readEvtx,
};
