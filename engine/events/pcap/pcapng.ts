/**
 * pcapng: a sequence of blocks {type, total length, body, total length}. A Section Header Block
 * (byte-order magic 1a2b3c4d) sets the byte order and resets the interface list; Interface
 * Description Blocks give each interface's link type and timestamp resolution (if_tsresol,
 * if_tsoffset); Enhanced, Simple and (obsolete) Packet Blocks carry frames. Other block types are
 * skipped by their length. A length that cannot be trusted ends the file with a rejection.
 */
import type { ByteQueue } from './byte-queue.ts';
import { MAX_FRAME, type ContainerParser, type ContainerStep } from './frame.ts';

const SHB = 0x0a0d0d0a;
const BOM = 0x1a2b3c4d;
const IDB = 1;
const OPB = 2;
const SPB = 3;
const EPB = 6;

interface Iface {
  readonly linktype: number;
  readonly snaplen: number;
  /** Timestamp units per second. */
  readonly units: bigint;
  readonly offsetSec: bigint;
}

export function isPcapngMagic(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x0a && head[1] === 0x0d && head[2] === 0x0d && head[3] === 0x0a;
}

export class PcapngParser implements ContainerParser {
  private little = true;
  private inSection = false;
  private ifaces: Iface[] = [];
  private done = false;
  private packet = 0;

  constructor(private readonly q: ByteQueue) {}

  step(eof: boolean): ContainerStep {
    for (;;) {
      if (this.done) return { kind: 'end' };
      const q = this.q;
      if (q.size === 0 && eof) { this.done = true; return { kind: 'end' }; }
      if (q.size < 12) return eof ? this.fail(q.offset, `truncated block header: ${q.size} bytes at end of file`) : { kind: 'need' };
      const h = q.peek(12);
      const hv = new DataView(h.buffer, h.byteOffset, 12);
      const at = q.offset;
      const typeBE = hv.getUint32(0, false);
      if (typeBE === SHB) {
        const bom = hv.getUint32(8, true);
        if (bom === BOM) this.little = true;
        else if (hv.getUint32(8, false) === BOM) this.little = false;
        else return this.fail(at, 'section header without the 1a2b3c4d byte-order magic');
        this.inSection = true;
        this.ifaces = [];
      } else if (!this.inSection) {
        return this.fail(at, 'not a pcapng file: the first block is not a section header');
      }
      const type = hv.getUint32(0, this.little);
      const len = hv.getUint32(4, this.little);
      if (len < 12 || len % 4 !== 0 || len > MAX_FRAME + 64) {
        return this.fail(at, `block type 0x${type.toString(16)} has impossible length ${len}: file corrupt, rest not read`);
      }
      if (q.size < len) return eof ? this.fail(at, `truncated block: ${q.size} of ${len} bytes at end of file`) : { kind: 'need' };
      const b = q.take(len);
      const dv = new DataView(b.buffer, b.byteOffset, len);
      if (dv.getUint32(len - 4, this.little) !== len) {
        return this.fail(at, `block at offset ${at}: trailing length ${dv.getUint32(len - 4, this.little)} differs from leading ${len}`);
      }
      const step = this.block(type, dv, b, at);
      if (step !== undefined) return step;
    }
  }

  private block(type: number, dv: DataView, b: Uint8Array, at: number): ContainerStep | undefined {
    const len = b.length;
    if (type === IDB) {
      if (len < 20) return this.reject(at, `interface description block too short (${len} bytes)`);
      this.ifaces.push(this.iface(dv, len));
      return undefined;
    }
    if (type !== EPB && type !== SPB && type !== OPB) return undefined; // SHB handled; NRB, ISB, DSB … skipped
    const packet = ++this.packet;
    let ifId = 0;
    let ts = 0n;
    let cap: number;
    let orig: number;
    let dataAt: number;
    if (type === SPB) {
      if (len < 16) return this.reject(at, `simple packet block too short (${len} bytes)`, packet);
      orig = dv.getUint32(8, this.little);
      const snap = this.ifaces[0]?.snaplen || Infinity;
      cap = Math.min(orig, len - 16, snap);
      dataAt = 12;
    } else {
      if (len < 32) return this.reject(at, `packet block too short (${len} bytes)`, packet);
      ifId = type === EPB ? dv.getUint32(8, this.little) : dv.getUint16(8, this.little);
      ts = (BigInt(dv.getUint32(12, this.little)) << 32n) | BigInt(dv.getUint32(16, this.little));
      cap = dv.getUint32(20, this.little);
      orig = dv.getUint32(24, this.little);
      dataAt = 28;
      if (cap > len - 32) return this.reject(at, `captured length ${cap} overruns its ${len}-byte block`, packet);
    }
    const iface = this.ifaces[ifId];
    if (iface === undefined) return this.reject(at, `packet names interface ${ifId}, which no interface description block declared`, packet);
    const sec = ts / iface.units + iface.offsetSec;
    const tsMs = Number(sec) * 1000 + (Number(ts % iface.units) * 1000) / Number(iface.units);
    const data = b.subarray(dataAt, dataAt + cap);
    return { kind: 'frame', frame: { packet, offset: at, dataOffset: at + dataAt, tsMs, linktype: iface.linktype, data, origLen: orig } };
  }

  private iface(dv: DataView, len: number): Iface {
    const linktype = dv.getUint16(8, this.little);
    const snaplen = dv.getUint32(12, this.little);
    let units = 1_000_000n;
    let offsetSec = 0n;
    // Options: {code u16, length u16, value padded to 4}; opt_endofopt (0) ends them.
    let p = 16;
    while (p + 4 <= len - 4) {
      const code = dv.getUint16(p, this.little);
      const olen = dv.getUint16(p + 2, this.little);
      if (code === 0 || p + 4 + olen > len - 4) break;
      if (code === 9 && olen >= 1) {
        const v = dv.getUint8(p + 4);
        units = v & 0x80 ? 1n << BigInt(v & 0x7f) : 10n ** BigInt(v);
        if (units === 0n) units = 1_000_000n;
      } else if (code === 14 && olen >= 8) {
        offsetSec = dv.getBigInt64(p + 4, this.little);
      }
      p += 4 + olen + ((4 - (olen % 4)) % 4);
    }
    return { linktype, snaplen, units, offsetSec };
  }

  private reject(offset: number, reason: string, packet?: number): ContainerStep {
    return packet === undefined ? { kind: 'reject', offset, reason } : { kind: 'reject', packet, offset, reason };
  }

  private fail(offset: number, reason: string): ContainerStep {
    this.done = true;
    return { kind: 'reject', offset, reason };
  }
}
