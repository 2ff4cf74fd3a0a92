import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../engine/events/evtx/crc32.ts';

describe('crc32', () => {
  it('gives the standard check value and chains over ranges', () => {
    const b = new TextEncoder().encode('123456789');
    expect(crc32(b)).toBe(0xcbf43926);
    expect(crc32(b, 4, 9, crc32(b, 0, 4))).toBe(0xcbf43926);
  });
});
