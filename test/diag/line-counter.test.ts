import { describe, expect, it } from 'vitest';
import { LineCounter } from '../../engine/diag/line-counter.ts';
import { formatWithExcerpt } from '../../engine/diag/render.ts';

describe('LineCounter', () => {
  const text = 'ab\r\ncd\nef';
  const lc = new LineCounter(text);
  it('maps offsets to 1-based line and column', () => {
    expect(lc.linePos(0)).toEqual({ line: 1, col: 1 });
    expect(lc.linePos(4)).toEqual({ line: 2, col: 1 });
    expect(lc.linePos(8)).toEqual({ line: 3, col: 2 });
  });
  it('gives line text without CRLF', () => {
    expect(lc.lineText(1)).toBe('ab');
    expect(lc.lineText(3)).toBe('ef');
  });
  it('renders a caret as wide as the span', () => {
    const out = formatWithExcerpt(
      { code: 'rule/x', severity: 'error', message: 'bad', file: 'f', span: { start: 4, end: 6 } },
      () => text,
    );
    expect(out.split('\n')[0]).toBe('f:2:1: error rule/x: bad');
    expect(out).toContain('  | ^^');
  });
});
