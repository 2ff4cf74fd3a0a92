/**
 * Bytes arriving in chunks, read front to back. Container parsers ask for a header, then a body;
 * the queue keeps only what has not been consumed yet, so memory stays flat in the file's size.
 */
export class ByteQueue {
  private chunks: Uint8Array[] = [];
  private head = 0; // read position inside chunks[0]
  private buffered = 0;
  /** File offset of the next unread byte. */
  offset = 0;

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
  }

  get size(): number {
    return this.buffered;
  }

  /** The next n bytes without consuming them (n must be ≤ size). */
  peek(n: number): Uint8Array {
    const first = this.chunks[0];
    if (first !== undefined && first.length - this.head >= n) return first.subarray(this.head, this.head + n);
    const out = new Uint8Array(n);
    let filled = 0;
    let start = this.head;
    for (const c of this.chunks) {
      const part = c.subarray(start, Math.min(c.length, start + n - filled));
      out.set(part, filled);
      filled += part.length;
      start = 0;
      if (filled === n) break;
    }
    return out;
  }

  /** Consumes n bytes (n ≤ size). */
  skip(n: number): void {
    this.buffered -= n;
    this.offset += n;
    let left = n;
    while (left > 0) {
      const c = this.chunks[0]!;
      const avail = c.length - this.head;
      if (avail > left) { this.head += left; return; }
      left -= avail;
      this.chunks.shift();
      this.head = 0;
    }
  }

  /** Consumes and returns n bytes: a view when they lie in one input chunk (chunks are never reused), else a copy. */
  take(n: number): Uint8Array {
    const out = this.peek(n);
    this.skip(n);
    return out;
  }
}
