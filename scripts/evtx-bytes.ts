/** A fixed-capacity little-endian byte builder; writing past capacity throws RangeError. */
export class Bytes {
  readonly buf: Uint8Array;
  private readonly dv: DataView;
  pos = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity);
    this.dv = new DataView(this.buf.buffer);
  }
  private room(n: number): number {
    if (this.pos + n > this.buf.length) throw new RangeError('chunk full');
    const at = this.pos;
    this.pos += n;
    return at;
  }
  u8(v: number): void { this.buf[this.room(1)] = v; }
  u16(v: number): void { this.dv.setUint16(this.room(2), v, true); }
  u32(v: number): void { this.dv.setUint32(this.room(4), v >>> 0, true); }
  u64(v: bigint): void { this.dv.setBigUint64(this.room(8), v, true); }
  bytes(b: Uint8Array): void { this.buf.set(b, this.room(b.length)); }
  utf16(s: string): void {
    const at = this.room(2 * s.length);
    for (let i = 0; i < s.length; i++) this.dv.setUint16(at + 2 * i, s.charCodeAt(i), true);
  }
  patch16(at: number, v: number): void { this.dv.setUint16(at, v, true); }
  patch32(at: number, v: number): void { this.dv.setUint32(at, v >>> 0, true); }
}
