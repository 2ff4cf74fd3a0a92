/**
 * Damaged files made with the writer: each fault gives its located error and every good record
 * around it still comes out.
 */
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../engine/events/evtx/crc32.ts';
import { eventRecord } from '../../../scripts/evtx-event.ts';
import { rawValue } from '../../../scripts/evtx-values.ts';
import { fileHeader, writeEvtx } from '../../../scripts/evtx-writer.ts';
import { errors, oks, readAll } from './helpers.ts';
import { sysmonRecords, sysmonSpec } from './fixtures.ts';

const CHUNK = 0x10000;
const chunkAt = (k: number) => 4096 + k * CHUNK;
const u32 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint32(at, true);

/** Recomputes a chunk's records and header CRCs after an edit, so only the intended fault remains. */
function fixCrcs(b: Uint8Array, k: number): void {
  const c = b.subarray(chunkAt(k), chunkAt(k) + CHUNK);
  const dv = new DataView(c.buffer, c.byteOffset);
  dv.setUint32(52, crc32(c, 512, dv.getUint32(48, true)), true);
  dv.setUint32(124, crc32(c, 128, 512, crc32(c, 0, 120)), true);
}

/** Record ids in chunk k, with their file offsets. */
function recordOffsets(b: Uint8Array, k: number): number[] {
  const out: number[] = [];
  const free = u32(b, chunkAt(k) + 48);
  for (let p = 512; p < free; p += u32(b, chunkAt(k) + p + 4)) out.push(chunkAt(k) + p);
  return out;
}

const N = 400;
const good = writeEvtx(sysmonRecords(N));

describe('EVTX damage handling', () => {
  it('reads the undamaged fixture whole', async () => {
    const items = await readAll(good);
    expect(errors(items)).toEqual([]);
    expect(oks(items).map((w) => w.system.recordId)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    expect(good.length).toBeGreaterThan(4096 + 2 * CHUNK);
  });

  it('reports a chunk header CRC mismatch and still reads its records', async () => {
    const b = good.slice();
    b[chunkAt(1) + 60] ^= 0xff;
    const items = await readAll(b);
    expect(errors(items)).toEqual([{ ok: false, loc: { file: 'test.evtx', chunk: 1, offset: chunkAt(1) + 124 }, reason: 'chunk 1 header CRC mismatch (records still read)' }]);
    expect(oks(items)).toHaveLength(N);
  });

  it('reports a records CRC mismatch and still reads the records', async () => {
    const b = good.slice();
    const rec = recordOffsets(b, 0)[5];
    b[rec + u32(b, rec + 4) - 40] ^= 0x01;
    const items = await readAll(b);
    expect(errors(items).map((e) => [e.loc.chunk, e.loc.offset, e.reason])).toEqual([[0, chunkAt(0) + 52, 'chunk 0 records CRC mismatch (records still read)']]);
    expect(oks(items)).toHaveLength(N);
  });

  it('reports a truncated file and keeps every whole record before the cut', async () => {
    const offsets = recordOffsets(good, 2);
    const cut = offsets[3] + 50;
    const items = await readAll(good.slice(0, cut));
    const before = recordOffsets(good, 0).length + recordOffsets(good, 1).length + 3;
    expect(oks(items)).toHaveLength(before);
    const errs = errors(items);
    expect(errs.length).toBeGreaterThanOrEqual(1);
    expect(errs[0].loc).toMatchObject({ chunk: 2 });
    expect(errs[0].reason).toMatch(/truncated/);
  });

  it('rejects a record with an unknown token, located, and keeps its neighbours', async () => {
    const recs = sysmonRecords(10);
    recs[4] = { ...recs[4], prefix: Uint8Array.of(0x1f) };
    const b = writeEvtx(recs);
    const items = await readAll(b);
    const errs = errors(items);
    expect(errs).toHaveLength(1);
    expect(errs[0].loc).toEqual({ file: 'test.evtx', chunk: 0, offset: recordOffsets(b, 0)[4], record: 5 });
    expect(errs[0].reason).toMatch(/unknown BinXML token 0x1f at offset \d+/);
    expect(oks(items).map((w) => w.system.recordId)).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10]);
  });

  it('rejects a record with an unknown substitution type, located, and keeps its neighbours', async () => {
    const recs = sysmonRecords(6);
    const bad = eventRecord(sysmonSpec(2, [['Image', rawValue(0x7f, Uint8Array.of(1, 2, 3, 4))], ['CommandLine', 'x']]));
    recs[2] = bad;
    const b = writeEvtx(recs);
    const items = await readAll(b);
    const errs = errors(items);
    expect(errs).toHaveLength(1);
    expect(errs[0].loc).toMatchObject({ chunk: 0, record: 3, offset: recordOffsets(b, 0)[2] });
    expect(errs[0].reason).toMatch(/unknown value type 0x7f/);
    expect(oks(items)).toHaveLength(5);
  });

  it('rejects a record whose framing is broken and resumes at the next record', async () => {
    const b = good.slice();
    const offs = recordOffsets(good, 0);
    new DataView(b.buffer).setUint32(offs[7] + 4, 0x7fff0000, true);
    fixCrcs(b, 0);
    const items = await readAll(b);
    const errs = errors(items);
    expect(errs.map((e) => e.loc)).toEqual([{ file: 'test.evtx', chunk: 0, offset: offs[7], record: 8 }]);
    expect(errs[0].reason).toMatch(/record framing broken/);
    expect(oks(items)).toHaveLength(N - 1);
  });

  it('reports a chunk without its signature between good chunks and reads the others', async () => {
    const b = good.slice();
    b[chunkAt(1)] = 0x58;
    const items = await readAll(b);
    expect(errors(items).map((e) => [e.loc.chunk, e.loc.offset])).toEqual([[1, chunkAt(1)]]);
    expect(oks(items)).toHaveLength(N - recordOffsets(good, 1).length);
  });

  it('reads a dirty file (flag set, header counts stale) without complaint', async () => {
    const b = good.slice();
    b.set(fileHeader(1, 2, 0x1), 0);
    const items = await readAll(b);
    expect(errors(items)).toEqual([]);
    expect(oks(items)).toHaveLength(N);
  });

  it('reports a bad file header CRC once and reads on', async () => {
    const b = good.slice();
    b[100] ^= 0xff;
    const items = await readAll(b);
    expect(errors(items).map((e) => e.reason)).toEqual(['file header CRC mismatch (chunks still read)']);
    expect(oks(items)).toHaveLength(N);
  });

  it('reports a file that is not EVTX, or empty, as unreadable', async () => {
    for (const bytes of [new TextEncoder().encode('<Event>not evtx</Event>'), new Uint8Array(0)]) {
      const items = await readAll(bytes, 'x.evtx');
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ ok: false, loc: { file: 'x.evtx', offset: 0 } });
      expect((items[0] as { reason: string }).reason).toMatch(/unreadable/);
    }
  });
});
