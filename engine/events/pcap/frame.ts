/** What a capture container hands to the packet decoder: one captured frame, located in the file. */
export interface Frame {
  /** 1-based packet number, as Wireshark numbers them. */
  readonly packet: number;
  /** File offset of the record/block that holds the frame. */
  readonly offset: number;
  /** File offset of the frame's first byte (data[0]). */
  readonly dataOffset: number;
  /** Capture time, ms since the epoch (fractional: µs/ns precision kept as far as a double allows). */
  readonly tsMs: number;
  /** LINKTYPE_* value of the interface that captured it. */
  readonly linktype: number;
  readonly data: Uint8Array;
  readonly origLen: number;
}

/** One step of a container parser. `need` = feed more bytes; `end` = nothing more in this file. */
export type ContainerStep =
  | { readonly kind: 'frame'; readonly frame: Frame }
  | { readonly kind: 'reject'; readonly packet?: number; readonly offset: number; readonly reason: string }
  | { readonly kind: 'need' }
  | { readonly kind: 'end' };

export interface ContainerParser {
  /** Parses what the queue holds; `eof` says no more bytes will come. Never throws. */
  step(eof: boolean): ContainerStep;
}

/** Frames larger than this are treated as corruption: a real snaplen is at most 256 KiB. */
export const MAX_FRAME = 262_144 * 4;
