/**
 * Readers never throw on mutated input and account every record (issue 15 "must show"): valid
 * XML, NDJSON and Zeek files with random bytes flipped, inserted or cut, read through the real
 * replay path; every file ends with read = used + rejected and no exception escapes.
 */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../engine/events/replay.ts';
import { eventXml } from '../../scripts/hostile/cases/limits.ts';

const XML = Array.from({ length: 6 }, (_, i) => eventXml(i + 1, `p${i}.exe`)).join('\n') + '\n';
const NDJSON = Array.from({ length: 6 }, (_, i) => JSON.stringify({ '@timestamp': '2024-03-01T10:00:00.000Z', event: { code: '1', category: ['process'] }, process: { name: `p${i}.exe`, pid: i } })).join('\n') + '\n';
const ZEEK = Array.from({ length: 6 }, (_, i) => JSON.stringify({ ts: 1700000000 + i, uid: `C${i}`, 'id.orig_h': '10.0.0.1', 'id.orig_p': 5000 + i, 'id.resp_h': '10.0.0.2', 'id.resp_p': 445, proto: 'tcp' })).join('\n') + '\n';

const mutation = fc.array(fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('<', '>', '{', '}', '"', '\n', '<Event>', '</Event>', '\u0000', '{"a":{"b":', '\\') }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
), { minLength: 1, maxLength: 6 });

function mutate(text: string, ms: readonly { kind: string; at: number; byte?: number; text?: string }[]): Buffer {
  let b = Buffer.from(text);
  for (const m of ms) {
    const at = b.length ? m.at % b.length : 0;
    if (m.kind === 'flip') { b = Buffer.from(b); b[at] = m.byte!; } else if (m.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(m.text!), b.subarray(at)]);
    else b = b.subarray(0, at);
  }
  return b;
}

describe('readers on mutated input', () => {
  it.each([['xml', XML], ['ndjson', NDJSON], ['zeek', ZEEK]] as const)('%s: never throws, read = used + rejected', async (format, text) => {
    const root = mkdtempSync(join(tmpdir(), 'dac-mut-'));
    mkdirSync(join(root, 'd'));
    let n = 0;
    await fc.assert(fc.asyncProperty(mutation, async (ms) => {
      const file = `f${n++}.${format === 'xml' ? 'xml' : 'log'}`;
      writeFileSync(join(root, 'd', file), mutate(text, ms));
      const ds = { dir: 'd', manifest: { name: 'm', description: '', kind: 'attack' as const, techniques: [], hosts: [], provenance: '', clock: 'activity' as const, files: [{ path: file, format }] } };
      const { stats } = await readDataset(ds, { root });
      const f = stats.files[0]!;
      expect(f.read).toBe(f.used + f.rejected);
      for (const r of f.rejections) expect(r.reason.length).toBeGreaterThan(0);
    }), { numRuns: 60 });
  });
});
