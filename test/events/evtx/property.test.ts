/**
 * Random byte flips and truncations of generated and real files: the reader never throws, never
 * hangs, and every item is either a Windows record or a located rejection with a reason.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReaderItem } from '../../../engine/events/types.ts';
import { writeEvtx } from '../../../scripts/evtx-writer.ts';
import { hasShared, sharedPath } from '../../support/shared.ts';
import { readAll } from './helpers.ts';
import { sysmonRecords } from './fixtures.ts';

function wellFormed(items: readonly ReaderItem[], file: string): boolean {
  return items.every((i) => (i.ok ? i.record.kind === 'win' && i.loc.file === file : i.loc.file === file && typeof i.reason === 'string' && i.reason.length > 0));
}

const REAL = 'real-data/evtx-attack-samples/Execution/temp_scheduled_task_4698_4699.evtx';
const samples: Array<[string, Uint8Array]> = [['generated', writeEvtx(sysmonRecords(250))]];
if (hasShared(REAL)) samples.push(['real', new Uint8Array(readFileSync(sharedPath(REAL)))]);

describe.each(samples)('EVTX reader on damaged %s bytes', (_name, bytes) => {
  it('survives random byte flips', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 40 }), async (flips) => {
        const b = bytes.slice();
        for (const [at, x] of flips) b[at] ^= x;
        const items = await readAll(b, 'f.evtx');
        expect(wellFormed(items, 'f.evtx')).toBe(true);
      }),
      { numRuns: 40, seed: 9 },
    );
  });

  it('survives flips concentrated in chunk headers and record BinXML', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(4096 + 2048), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 12 }), async (flips) => {
        const b = bytes.slice();
        for (const [at, x] of flips) b[Math.min(at, b.length - 1)] ^= x;
        const items = await readAll(b, 'f.evtx');
        expect(wellFormed(items, 'f.evtx')).toBe(true);
      }),
      { numRuns: 60, seed: 10 },
    );
  });

  it('survives truncation at any length', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(bytes.length), async (n) => {
        const items = await readAll(bytes.slice(0, n), 'f.evtx');
        expect(wellFormed(items, 'f.evtx')).toBe(true);
      }),
      { numRuns: 40, seed: 11 },
    );
  });
});
