/**
 * Regroups an arbitrary byte stream into a first block of `firstSize` bytes and then blocks of
 * `size` bytes (the last may be short when the file is truncated). One buffer per block: the
 * caller finishes with a block before asking for the next, so memory is one block.
 */
export async function* readBlocks(input: AsyncIterable<Uint8Array>, firstSize: number, size: number): AsyncGenerator<Uint8Array> {
  let want = firstSize;
  let buf = new Uint8Array(want);
  let fill = 0;
  for await (const piece of input) {
    let at = 0;
    while (at < piece.length) {
      const n = Math.min(want - fill, piece.length - at);
      buf.set(piece.subarray(at, at + n), fill);
      fill += n;
      at += n;
      if (fill === want) {
        yield buf;
        want = size;
        buf = new Uint8Array(want);
        fill = 0;
      }
    }
  }
  if (fill > 0) yield buf.subarray(0, fill);
}
