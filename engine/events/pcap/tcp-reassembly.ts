/**
 * One direction of a TCP connection, put back in order. Segments are placed by sequence number
 * (32-bit, wrapping); retransmitted bytes are dropped, overlaps trimmed, early segments held until
 * the gap before them fills. Held data is bounded: past the bound, or at the end of the capture,
 * the gap is reported (with the packet that first waited) and decoding of this direction stops
 * relying on byte continuity (`afterGap` on the next chunk).
 */
export interface SegmentMeta {
  readonly packet: number;
  readonly tsMs: number;
  /** File offset of the segment's first payload byte. */
  readonly fileOffset: number;
}

export interface StreamChunk {
  readonly data: Uint8Array;
  readonly meta: SegmentMeta;
  /** Bytes before this chunk were lost: whatever framing the reader had is void. */
  readonly afterGap?: boolean;
}

export interface GapIssue {
  readonly packet: number;
  readonly offset: number;
  readonly reason: string;
}

export const MAX_HELD_BYTES = 4 * 1024 * 1024;
export const MAX_HELD_SEGMENTS = 4096;

/** Signed distance a − b in sequence space. */
function seqDiff(a: number, b: number): number {
  return (a - b) | 0;
}

interface Held {
  seq: number;
  data: Uint8Array;
  meta: SegmentMeta;
}

function trimFront(h: Held, n: number): Held {
  return { seq: (h.seq + n) >>> 0, data: h.data.subarray(n), meta: { ...h.meta, fileOffset: h.meta.fileOffset + n } };
}

export class TcpDirection {
  private next: number | undefined;
  private held: Held[] = [];
  private heldBytes = 0;
  private gapPending = false;

  /** True once any byte (or a SYN) fixed where the stream starts. */
  get started(): boolean {
    return this.next !== undefined;
  }

  syn(seq: number): void {
    this.next = (seq + 1) >>> 0;
  }

  accept(seq: number, data: Uint8Array, meta: SegmentMeta): { chunks: StreamChunk[]; issues: GapIssue[] } {
    const chunks: StreamChunk[] = [];
    const issues: GapIssue[] = [];
    if (data.length === 0) return { chunks, issues };
    if (this.next === undefined) this.next = seq; // capture began mid-connection
    const off = seqDiff(seq, this.next);
    if (off + data.length <= 0) return { chunks, issues }; // pure retransmission
    if (off > 0) {
      this.held.push({ seq, data, meta });
      this.heldBytes += data.length;
      if (this.heldBytes > MAX_HELD_BYTES || this.held.length > MAX_HELD_SEGMENTS) {
        issues.push(this.skipGap());
        this.drain(chunks);
      }
      return { chunks, issues };
    }
    this.deliver(trimFront({ seq, data, meta }, -off), chunks);
    this.drain(chunks);
    return { chunks, issues };
  }

  /** End of capture (or of the connection): a gap never filled is reported, then skipped. */
  flush(): { chunks: StreamChunk[]; issues: GapIssue[] } {
    const chunks: StreamChunk[] = [];
    const issues: GapIssue[] = [];
    while (this.held.length > 0) {
      issues.push(this.skipGap());
      this.drain(chunks);
    }
    return { chunks, issues };
  }

  private deliver(h: Held, out: StreamChunk[]): void {
    out.push(this.gapPending ? { data: h.data, meta: h.meta, afterGap: true } : { data: h.data, meta: h.meta });
    this.gapPending = false;
    this.next = (h.seq + h.data.length) >>> 0;
  }

  private drain(out: StreamChunk[]): void {
    for (let progressed = true; progressed;) {
      progressed = false;
      for (let i = 0; i < this.held.length; i++) {
        const h = this.held[i]!;
        const off = seqDiff(h.seq, this.next!);
        if (off > 0) continue;
        this.held.splice(i, 1);
        this.heldBytes -= h.data.length;
        if (off + h.data.length > 0) this.deliver(trimFront(h, -off), out);
        progressed = true;
        break;
      }
    }
  }

  /** Jumps over the gap before the earliest held segment. */
  private skipGap(): GapIssue {
    let first = this.held[0]!;
    for (const h of this.held) if (seqDiff(h.seq, first.seq) < 0) first = h;
    const missing = seqDiff(first.seq, this.next!);
    this.next = first.seq;
    this.gapPending = true;
    return {
      packet: first.meta.packet,
      offset: first.meta.fileOffset,
      reason: `TCP gap: ${missing} bytes before this segment were never captured; the stream resumes here without them`,
    };
  }
}
