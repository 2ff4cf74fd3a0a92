import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeRpc } from '../../../engine/events/normalize/rpc.ts';
import { otherInterfacesCapture, remoteTaskCapture } from '../../../scripts/captures/scenarios.ts';
import { readBytes } from './helpers.ts';

const ng = remoteTaskCapture().bytes;
const classic = otherInterfacesCapture().bytes;

/** Every item is a record or a located rejection; the reader returned (never threw, never hung). */
async function wellBehaved(bytes: Uint8Array, chunk: number): Promise<void> {
  const items = await readBytes(bytes, chunk);
  for (const it of items) {
    expect(typeof it.loc.offset === 'number' || typeof it.loc.record === 'number').toBe(true);
    if (!it.ok) expect(it.reason.length).toBeGreaterThan(0);
    else if (it.record.kind === 'rpc') expect(() => normalizeRpc(it.record.kind === 'rpc' ? it.record.rpc : (undefined as never))).not.toThrow();
  }
}

describe('capture reader on damaged input', () => {
  for (const [name, file] of [['pcapng', ng], ['pcap', classic]] as const) {
    it(`${name}: any truncation never throws`, async () => {
      await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: file.length }), fc.integer({ min: 1, max: 3000 }), async (n, chunk) => {
        await wellBehaved(file.subarray(0, n), chunk);
      }), { numRuns: 60 });
    });

    it(`${name}: byte flips never throw`, async () => {
      await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: file.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }), async (flips) => {
        const b = file.slice();
        for (const [at, v] of flips) b[at] = v;
        await wellBehaved(b, 8192);
      }), { numRuns: 80 });
    });
  }

  it('random bytes behind a valid header never throw', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 2000 }), async (tail) => {
      const b = new Uint8Array(24 + tail.length);
      b.set(classic.subarray(0, 24));
      b.set(tail, 24);
      await wellBehaved(b, 500);
    }), { numRuns: 100 });
  });
});
