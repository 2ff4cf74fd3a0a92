/**
 * Turns offsets into 1-based line/column on demand. Invariant: `starts[i]` is the offset of the
 * first character of line i+1; lines end at \n (a preceding \r belongs to the line's end).
 */
export interface LinePos { readonly line: number; readonly col: number }

export class LineCounter {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  /** 1-based line and column of `offset` (clamped to the text). */
  linePos(offset: number): LinePos {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid; else hi = mid - 1;
    }
    return { line: lo + 1, col: o - this.starts[lo] + 1 };
  }

  /** The text of 1-based line `n`, without its line ending. */
  lineText(n: number): string {
    const s = this.starts[n - 1];
    if (s === undefined) return '';
    const next = this.starts[n];
    let e = next === undefined ? this.text.length : next - 1;
    if (e > s && this.text.charCodeAt(e - 1) === 13) e--;
    return this.text.slice(s, e);
  }

  get lineCount(): number { return this.starts.length; }
}
