/**
 * The capture reader: pcap or pcapng bytes → DCE/RPC records ({kind: 'rpc'}), each located by
 * packet number and the file offset of the PDU's first byte. Binds, alter_contexts and requests
 * are records; other PDUs are decoded (so bad ones are rejected) but are not events. Rejections
 * carry file, packet and offset; the reader never throws on bad input and always terminates.
 */
import type { EventReader, ReaderItem } from '../types.ts';
import { ByteQueue } from './byte-queue.ts';
import { CaptureDecoder } from './decoder.ts';
import type { ContainerParser } from './frame.ts';
import { isPcapMagic, PcapParser } from './pcap.ts';
import { isPcapngMagic, PcapngParser } from './pcapng.ts';
import type { DecodeItem } from './rpc-stream.ts';

export { RPC_INTERFACES, lookupInterface, operationName } from './interfaces.ts';

function toItem(file: string, d: DecodeItem): ReaderItem {
  const loc = d.packet === undefined ? { file, offset: d.offset } : { file, record: d.packet, offset: d.offset };
  return d.ok ? { ok: true, record: { kind: 'rpc', rpc: d.record }, loc } : { ok: false, loc, reason: d.reason };
}

/** Reads a whole capture; exported for callers holding bytes already (tests, benchmarks). */
export async function* readCapture(file: string, input: AsyncIterable<Uint8Array>): AsyncIterable<ReaderItem> {
  const q = new ByteQueue();
  const decoder = new CaptureDecoder();
  let parser: ContainerParser | undefined;
  const out: DecodeItem[] = [];
  const pump = function* (eof: boolean): Generator<ReaderItem, boolean> {
    if (parser === undefined) {
      if (q.size < 4 && !eof) return false;
      const head = q.peek(Math.min(4, q.size));
      if (isPcapngMagic(head)) parser = new PcapngParser(q);
      else if (isPcapMagic(head)) parser = new PcapParser(q);
      else {
        yield { ok: false, loc: { file, offset: 0 }, reason: 'neither pcap nor pcapng: unknown magic number' };
        return true;
      }
    }
    for (;;) {
      const s = parser.step(eof);
      if (s.kind === 'need') return false;
      if (s.kind === 'end') return true;
      if (s.kind === 'reject') yield { ok: false, loc: s.packet === undefined ? { file, offset: s.offset } : { file, record: s.packet, offset: s.offset }, reason: s.reason };
      else decoder.frame(s.frame, out);
      for (const d of out) yield toItem(file, d);
      out.length = 0;
    }
  };
  let done = false;
  try {
    for await (const chunk of input) {
      q.push(chunk);
      done = yield* pump(false);
      if (done) break;
    }
    if (!done) yield* pump(true);
  } catch (e) {
    // Reading the input itself failed (I/O); the container parsers do not throw.
    yield { ok: false, loc: { file, offset: q.offset }, reason: `read error: ${e instanceof Error ? e.message : String(e)}` };
  }
  decoder.finish(out);
  for (const d of out) yield toItem(file, d);
}

export const reader: EventReader = {
  format: 'pcap',
  detect(head: Uint8Array, fileName: string): boolean {
    return isPcapngMagic(head) || isPcapMagic(head) || /\.(pcap|pcapng|cap)$/i.test(fileName);
  },
  read: readCapture,
};
