/**
 * Classic libpcap files: a 24-byte global header whose magic gives the byte order and the
 * timestamp unit (µs: a1b2c3d4, ns: a1b23c4d), then 16-byte record headers each followed by
 * the captured bytes. A broken record length cannot be resynchronised, so it ends the file
 * (rejected with its offset) rather than guessing.
 */
import type { ByteQueue } from './byte-queue.ts';
import { MAX_FRAME, type ContainerParser, type ContainerStep } from './frame.ts';

const MAGIC_US = 0xa1b2c3d4;
const MAGIC_NS = 0xa1b23c4d;

export function isPcapMagic(head: Uint8Array): boolean {
  if (head.length < 4) return false;
  const dv = new DataView(head.buffer, head.byteOffset, 4);
  const be = dv.getUint32(0, false);
  const le = dv.getUint32(0, true);
  return be === MAGIC_US || be === MAGIC_NS || le === MAGIC_US || le === MAGIC_NS;
}

export class PcapParser implements ContainerParser {
  private little = true;
  private nanos = false;
  private linktype = 0;
  private started = false;
  private done = false;
  private packet = 0;

  constructor(private readonly q: ByteQueue) {}

  step(eof: boolean): ContainerStep {
    if (this.done) return { kind: 'end' };
    if (!this.started) return this.header(eof);
    const q = this.q;
    if (q.size === 0 && eof) return this.finish();
    if (q.size < 16) return eof ? this.fail(q.offset, `truncated record header: ${q.size} of 16 bytes at end of file`) : { kind: 'need' };
    const h = q.peek(16);
    const dv = new DataView(h.buffer, h.byteOffset, 16);
    const sec = dv.getUint32(0, this.little);
    const frac = dv.getUint32(4, this.little);
    const incl = dv.getUint32(8, this.little);
    const orig = dv.getUint32(12, this.little);
    const at = q.offset;
    const packet = this.packet + 1;
    if (incl > MAX_FRAME) return this.fail(at, `record length ${incl} exceeds ${MAX_FRAME} bytes: file corrupt, rest not read`, packet);
    if (q.size < 16 + incl) {
      return eof ? this.fail(at, `truncated record: ${q.size - 16} of ${incl} captured bytes at end of file`, packet) : { kind: 'need' };
    }
    q.skip(16);
    const data = q.take(incl);
    this.packet = packet;
    const tsMs = sec * 1000 + (this.nanos ? frac / 1e6 : frac / 1e3);
    return { kind: 'frame', frame: { packet, offset: at, dataOffset: at + 16, tsMs, linktype: this.linktype, data, origLen: orig } };
  }

  private header(eof: boolean): ContainerStep {
    const q = this.q;
    if (q.size < 24) return eof ? this.fail(0, `not a pcap file: ${q.size}-byte file is shorter than the 24-byte header`) : { kind: 'need' };
    const h = q.take(24);
    const dv = new DataView(h.buffer, h.byteOffset, 24);
    const be = dv.getUint32(0, false);
    const le = dv.getUint32(0, true);
    if (le === MAGIC_US || le === MAGIC_NS) this.little = true;
    else if (be === MAGIC_US || be === MAGIC_NS) this.little = false;
    else return this.fail(0, `bad pcap magic 0x${be.toString(16).padStart(8, '0')}`);
    this.nanos = (this.little ? le : be) === MAGIC_NS;
    // The upper 16 bits may carry FCS information (pcap spec); the link type is the low 16.
    this.linktype = dv.getUint32(20, this.little) & 0xffff;
    this.started = true;
    return this.step(eof);
  }

  private fail(offset: number, reason: string, packet?: number): ContainerStep {
    this.done = true;
    return packet === undefined ? { kind: 'reject', offset, reason } : { kind: 'reject', packet, offset, reason };
  }

  private finish(): ContainerStep {
    this.done = true;
    return { kind: 'end' };
  }
}
