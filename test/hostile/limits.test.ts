/**
 * Issue 15 items 4, 6, 7 and the minor list: each case's small fixture (scripts/hostile/cases/
 * limits.ts) gives a located error or the right result, and every record is accounted
 * (read = used + rejected). Time and memory bounds are checked by `npm run bench -- hostile`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitCases as cases } from '../../scripts/hostile/cases/limits.ts';
import { observe as run } from './run-case.ts';

interface Q { codes: string[]; messages: string[]; located: boolean; alerts: number | string }
interface D { read: number; used: number; rejected: number; skipped: number; reasons: string[]; events: { name?: string; constructor?: unknown; proto?: unknown; ts?: string; port?: number }[] }
const q = async (id: string) => (await run(cases, id)) as unknown as Q;
const d = async (id: string) => {
  const o = (await run(cases, id)) as unknown as D;
  expect(o.read).toBe(o.used + o.rejected);
  return o;
};

describe('queries: located errors instead of crashes, hangs and silent mistakes', () => {
  it.each([['eql-1000-parens', 'eql/too-deep'], ['spl-3000-parens', 'spl/too-deep'], ['car-3000-parens', 'car/too-deep'], ['sigma-3000-parens', 'sigma/too-deep']])('%s → %s', async (id, code) => {
    const o = await q(id);
    expect(o.codes).toEqual([code]);
    expect(o.located).toBe(true);
  });
  it('5,000 ORed EQL conditions compile and match', async () => expect(await q('eql-5000-or')).toMatchObject({ codes: [], alerts: 1 }));
  it('an inherited name is not a field: toString != null matches nothing', async () => expect(await q('eql-tostring-field')).toMatchObject({ codes: [], alerts: 0 }));
  it('maxspan=1toString is an unknown unit', async () => expect((await q('eql-maxspan-tostring')).codes).toEqual(['eql/bad-maxspan']));
  it('SPL Processes.constructor is an unknown field', async () => expect((await q('spl-processes-constructor')).codes).toEqual(['spl/unknown-field']));
  it('CAR constructor:create is an unknown object', async () => expect((await q('car-constructor-create')).codes).toContain('car/unknown-object'));
  it('Sigma fields constructor/toString are plain fields', async () => expect(await q('sigma-constructor-field')).toMatchObject({ codes: [], alerts: 0 }));
  it('Sigma category __proto__ is an unknown log source', async () => expect((await q('sigma-proto-category')).codes).toEqual(['sigma/unknown-logsource']));
  it('a many-star wildcard on a 200k value is decided without backtracking', async () => expect(await q('eql-wildcard-stars')).toMatchObject({ codes: [], alerts: 0 }));
  it.each([['eql-regex-backtrack', 'eql/bad-regex'], ['eql-regex-dotstar-12', 'eql/bad-regex'], ['sigma-re-overlap', 'sigma/unsafe-regex']])('%s is refused (%s)', async (id, code) => {
    const o = await q(id);
    expect(o.codes).toEqual([code]);
    expect(o.located).toBe(true);
  });
  it('an SPL match() that can backtrack is that rule\'s engine error', async () => expect((await q('spl-match-backtrack')).alerts).toMatch(/^error: .*refused: alternatives/));
  it('cidrMatch with /99 is a located error', async () => expect(await q('eql-cidr-99')).toMatchObject({ codes: ['eql/type-mismatch'], located: true }));
  it('a 400-digit timespan is refused', async () => expect((await q('sigma-timespan-400-digits')).codes).toContain('sigma/bad-correlation'));
});

describe('readers: a located rejection, the rest read', () => {
  const saved = process.env.DAC_MAX_GUNZIP_BYTES;
  beforeAll(() => { process.env.DAC_MAX_GUNZIP_BYTES = String(8 * 1024 * 1024); });
  afterAll(() => { if (saved === undefined) delete process.env.DAC_MAX_GUNZIP_BYTES; else process.env.DAC_MAX_GUNZIP_BYTES = saved; });

  it('NDJSON constructor/__proto__ keys are plain fields', async () => {
    const o = await d('ndjson-proto-keys');
    expect(o.events[0]).toMatchObject({ constructor: 'c1', proto: 'p1' });
  });
  it('NDJSON nested 6,000 deep is one rejected record', async () => {
    const o = await d('ndjson-6000-deep');
    expect(o).toMatchObject({ used: 2, rejected: 1 });
    expect(o.reasons[0]).toMatch(/^2: JSON document nested deeper than 100 levels/);
  });
  it('a 1 MB line is read (the splitter is linear)', async () => expect(await d('ndjson-long-line')).toMatchObject({ used: 2, rejected: 0 }));
  it('a first NDJSON line over 64 KB is still detected', async () => expect(await d('ndjson-first-line-over-64k')).toMatchObject({ used: 2, rejected: 0 }));
  it('4,000 nested XML elements are one rejected record', async () => {
    const o = await d('xml-4000-nested');
    expect(o).toMatchObject({ used: 2, rejected: 1 });
    expect(o.reasons[0]).toMatch(/nested deeper than 64 levels/);
  });
  it('event data named __proto__/constructor does not break the record', async () => expect(await d('xml-proto-data')).toMatchObject({ used: 1, rejected: 0 }));
  it('an unterminated event no longer swallows the next', async () => {
    const o = await d('xml-unterminated-then-next');
    expect(o).toMatchObject({ used: 1, rejected: 1 });
    expect(o.reasons[0]).toMatch(/^1: .*not closed before the next <Event>/);
  });
  it('an <Event> left open for megabytes is rejected, memory bounded', async () => {
    const o = await d('xml-open-event-300mb');
    expect(o).toMatchObject({ used: 1, rejected: 1 });
    expect(o.reasons[0]).toMatch(/open for more than \d+ characters/);
  });
  it('a gzip bomb stops at the inflate budget with a reason', async () => {
    const o = await d('gzip-bomb');
    expect(o.used).toBe(1);
    expect(o.reasons.join('\n')).toMatch(/gzip inflates past 8388608 bytes/);
  });
  it('a .gz corrupted after 64 KB keeps what came before and says where it stopped', async () => {
    const o = await d('gzip-corrupt-after-64k');
    expect(o.used).toBeGreaterThan(0);
    expect(o.used).toBeLessThan(20_000);
    expect(o.reasons.join('\n')).toMatch(/reading stopped after \d+ item\(s\)|malformed JSON/);
  });
  it('a truncated small .gz is accounted, not lost silently', async () => expect((await d('gzip-truncated-small')).rejected).toBeGreaterThan(0));
  it('Zeek ts beyond the Date range rejects that record only', async () => {
    const o = await d('zeek-ts-out-of-range');
    expect(o).toMatchObject({ used: 1, rejected: 1 });
    expect(o.reasons[0]).toMatch(/within the date range/);
  });
  it('Zeek ports 1e400 and -5 are rejected records', async () => {
    const o = await d('zeek-bad-ports');
    expect(o.reasons).toEqual(['1: Zeek id.orig_p Infinity is not a port (0-65535)', '2: Zeek id.resp_p -5 is not a port (0-65535)']);
  });
  it('2026-13-45T99:99:99Z is refused, not rolled over', async () => expect((await d('xml-bad-date')).reasons[0]).toMatch(/no usable time/));
});

describe('output', () => {
  it('datasets show renders 200k rows (no Math.max spread)', async () => expect((await run(cases, 'datasets-show-200k')).lines).toBe(200_002));
});
