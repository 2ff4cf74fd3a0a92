/**
 * Decodes one chunk into ReaderItems. Policy (docs/evtx.md): a chunk whose header or records CRC
 * does not match is still read — records are self-framing and their names and templates are found
 * by offset — and the mismatch is reported once as a rejected item located at the chunk, so it is
 * counted, never silent. Each record that cannot be decoded is rejected with its location and why.
 */
import type { ReaderItem } from '../types.ts';
import { ChunkContext } from './binxml-parser.ts';
import { CHUNK_HEADER, CHUNK_SIZE, readChunkHeader, walkRecords } from './chunk.ts';
import { toWinEvent } from '../xml/event.ts';

export function* decodeChunk(file: string, chunk: number, fileOffset: number, b: Uint8Array): Generator<ReaderItem> {
  const at = (offset: number, record?: number) => ({ file, chunk, offset: fileOffset + offset, ...(record === undefined ? {} : { record }) });
  if (b.length < CHUNK_HEADER) {
    yield { ok: false, loc: at(0), reason: `chunk ${chunk} truncated to ${b.length} bytes, inside its header` };
    return;
  }
  const h = readChunkHeader(b);
  let end = h.freeSpaceOffset;
  if (end < CHUNK_HEADER || end > CHUNK_SIZE) {
    yield { ok: false, loc: at(48), reason: `chunk ${chunk} free-space offset ${end} is out of range; records read to the chunk's end` };
    end = b.length;
  }
  if (end > b.length) {
    yield { ok: false, loc: at(b.length), reason: `chunk ${chunk} truncated at ${b.length} of ${end} bytes of records; records past the cut are lost` };
    end = b.length;
  }
  if (!h.headerCrcOk) yield { ok: false, loc: at(124), reason: `chunk ${chunk} header CRC mismatch (records still read)` };
  else if (!h.recordsCrcOk && end === h.freeSpaceOffset) yield { ok: false, loc: at(52), reason: `chunk ${chunk} records CRC mismatch (records still read)` };
  const ctx = new ChunkContext(b);
  for (const step of walkRecords(b, end)) {
    if (!step.ok) {
      yield { ok: false, loc: at(step.offset, step.recordId), reason: step.reason };
      continue;
    }
    const { offset, recordId, size } = step.rec;
    try {
      const win = toWinEvent(ctx.parseFragment(offset + 24, offset + size - 4));
      if (typeof win === 'string') yield { ok: false, loc: at(offset, recordId), reason: win };
      else yield { ok: true, record: { kind: 'win', win }, loc: at(offset, recordId) };
    } catch (e) {
      yield { ok: false, loc: at(offset, recordId), reason: `record ${recordId}: ${(e as Error).message}` };
    }
  }
}
