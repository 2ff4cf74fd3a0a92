/** Issue 15 items 4, 6, 7 and the minor list: limits instead of crashes, hangs and silent errors. */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { frontEndFor } from '../../../engine/lang/registry.ts';
import type { Language } from '../../../engine/rule/model.ts';
import { runQuery } from '../../../engine/runtime/index.ts';
import { loadDataset } from '../../../engine/events/dataset.ts';
import { readDataset } from '../../../engine/events/replay.ts';
import type { EcsEvent } from '../../../engine/events/types.ts';
import { renderEvents } from '../../../engine/cli/datasets.ts';
import type { HostileCase, Observation } from '../case.ts';
import { manifest, sigmaRule, writeTree, type Scale } from '../fixture.ts';

const SYSMON = `<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/>`;
export const eventXml = (record: number, image: string, extra = ''): string =>
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>${SYSMON}<EventID>1</EventID><TimeCreated SystemTime='2024-03-01T10:00:0${record % 10}.000Z'/>` +
  `<EventRecordID>${record}</EventRecordID><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>WKS-01</Computer></System>` +
  `<EventData><Data Name='UtcTime'>2024-03-01 10:00:0${record % 10}.000</Data><Data Name='Image'>${image}</Data><Data Name='CommandLine'>x</Data>${extra}</EventData></Event>`;

const ecsLine = (extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ '@timestamp': '2024-03-01T10:00:00.000Z', event: { code: '1', category: ['process'], type: ['start'] }, host: { name: 'h' }, process: { name: 'a.exe' }, ...extra });

/** A one-file dataset `x` holding `name`; what reading it gives, every record accounted. */
async function readData(dir: string): Promise<Observation> {
  const load = loadDataset(dir, 'datasets/x');
  if (!load.dataset) return { diagnostics: load.diagnostics.map((d) => d.code) };
  const r = await readDataset(load.dataset, { root: dir });
  const f = r.stats.files[0]!;
  return {
    read: f.read, used: f.used, rejected: f.rejected, skipped: f.skipped,
    reasons: f.rejections.slice(0, 4).map((x) => `${x.line ?? x.record ?? ''}: ${x.reason}`),
    events: r.events.slice(0, 3).map((e) => ({ name: e.fields['process.name'], constructor: Object.hasOwn(e.fields, 'constructor') ? e.fields['constructor'] : undefined, proto: Object.hasOwn(e.fields, '__proto__') ? e.fields['__proto__'] : undefined, ts: e.fields['@timestamp'], port: e.fields['destination.port'] })),
  };
}

function dataCase(id: string, item: string, file: string, content: (scale: Scale) => string | Uint8Array, format?: string): HostileCase {
  return {
    id, item,
    build: (d, scale) => writeTree(d, {
      'datasets/x/dataset.yml': format ? `name: x\ndescription: d\nkind: attack\nfiles:\n  - path: ${file}\n    format: ${format}\nprovenance: scripts/hostile\n` : manifest('x', [file]),
      [`datasets/x/${file}`]: content(scale),
    }),
    run: readData,
  };
}

/** Compiles `text` in `language` and runs it over `events`; the compile codes and the alert count. */
async function query(language: Language, text: string, events: EcsEvent[] = []): Promise<Observation> {
  const r = frontEndFor(language)!.compileText(text, 'q', { macros: new Map() });
  let alerts: number | string = 'not compiled';
  if (r.query) { try { alerts = runQuery(r.query, events).length; } catch (e) { alerts = `error: ${(e as Error).message}`; } }
  return { codes: r.diagnostics.map((d) => d.code), messages: r.diagnostics.map((d) => d.message), located: r.diagnostics.every((d) => d.span !== undefined), alerts };
}

const proc = (fields: Record<string, unknown>): EcsEvent => ({ fields: { 'event.category': ['process'], 'event.type': ['start'], 'event.code': '1', ...fields }, ts: 0, seq: 1, provenance: { dataset: 'd', file: 'f' } } as unknown as EcsEvent);
const queryCase = (id: string, item: string, language: Language, text: () => string, events: () => EcsEvent[] = () => []): HostileCase =>
  ({ id, item, build: () => {}, run: () => query(language, text(), events()) });
const nest = (n: number, inner: string) => '('.repeat(n) + inner + ')'.repeat(n);

export const limitCases: HostileCase[] = [
  queryCase('eql-1000-parens', '15.4 1,000 nested parentheses in EQL', 'eql', () => `process where ${nest(1000, 'true')}`),
  queryCase('spl-3000-parens', '15.4 3,000 nested parentheses in SPL', 'spl', () => `index=x ${nest(3000, 'a=1')}`),
  queryCase('car-3000-parens', '15.4 3,000 nested parentheses in CAR', 'car', () => `p = search Process:Create\nx = filter p where ${nest(3000, 'exe == "a"')}\noutput x`),
  queryCase('sigma-3000-parens', '15.4 3,000 nested parentheses in a Sigma condition', 'sigma', () => sigmaRule({ detection: `  sel:\n    Image: x\n  condition: ${nest(3000, 'sel')}` })),
  queryCase('eql-5000-or', '15.4 an EQL rule OR-ing 5,000 conditions', 'eql', () => `process where ${Array.from({ length: 5000 }, (_, i) => `process.name == "x${i}.exe"`).join(' or ')} or process.name == "a.exe"`, () => [proc({ 'process.name': 'a.exe' })]),
  queryCase('eql-tostring-field', '15.7 `process where toString != null`', 'eql', () => 'process where toString != null', () => [proc({ 'process.name': 'a.exe' })]),
  queryCase('eql-maxspan-tostring', '15.7 `maxspan=1toString`', 'eql', () => 'sequence with maxspan=1toString [process where true] [process where true]'),
  queryCase('spl-processes-constructor', '15.4 SPL `Processes.constructor`', 'spl', () => '| tstats count from datamodel=Endpoint.Processes where Processes.constructor=1 by Processes.dest'),
  queryCase('car-constructor-create', '15.4 CAR `constructor:create`', 'car', () => 'x = search constructor:create\noutput x'),
  queryCase('sigma-constructor-field', '15.4 Sigma field `constructor`', 'sigma', () => sigmaRule({ detection: '  sel:\n    constructor: x\n    toString|contains: y\n  condition: sel' }), () => [proc({ 'process.name': 'a.exe' })]),
  queryCase('sigma-proto-category', '15.4 Sigma category `__proto__`', 'sigma', () => sigmaRule({ logsource: '  product: windows\n  category: __proto__' })),
  queryCase('eql-wildcard-stars', '15.6 `*a*a*a*a*a*a*a*b` on a long value', 'eql', () => 'process where process.name : "*a*a*a*a*a*a*a*b"', () => [proc({ 'process.name': 'a'.repeat(200_000) })]),
  queryCase('eql-regex-backtrack', '15.6 EQL regex~ "(a|a)*b"', 'eql', () => 'process where process.name regex~ "(a|a)*b"', () => [proc({ 'process.name': 'a'.repeat(30) })]),
  queryCase('eql-regex-dotstar-12', '15.6 EQL regex "(.*a){12}b"', 'eql', () => 'process where process.name regex "(.*a){12}b"', () => [proc({ 'process.name': 'a'.repeat(30) })]),
  queryCase('sigma-re-overlap', '15.6 Sigma |re "(a|aa)+b"', 'sigma', () => sigmaRule({ detection: "  sel:\n    Image|re: '(a|aa)+b'\n  condition: sel" })),
  queryCase('spl-match-backtrack', '15.6 SPL match() with a backtracking regex', 'spl', () => 'index=x | where match(process_name, "(a|a)*b")', () => [proc({ 'process.name': 'a'.repeat(30) })]),
  queryCase('eql-cidr-99', '15 minor: cidrMatch(…, "10.0.0.0/99")', 'eql', () => 'network where cidrMatch(source.ip, "10.0.0.0/99")'),
  queryCase('sigma-timespan-400-digits', '15 minor: a 400-digit Sigma timespan', 'sigma', () => `${sigmaRule({ extra: 'name: base\n' })}---\ntitle: c\nid: 6d6f8a1e-0b2c-4d3e-8f9a-1b2c3d4e5f61\ncorrelation:\n  type: event_count\n  rules: [base]\n  group-by: [Computer]\n  timespan: ${'9'.repeat(400)}s\n  condition:\n    gte: 1\nlevel: low\n`),
  dataCase('ndjson-proto-keys', '15.7 NDJSON `constructor`/`__proto__` keys', 'e.ndjson', () => ecsLine({ constructor: 'c1', ['__proto__']: 'p1' }).replace('"__proto__"', '"__proto__"') + '\n'),
  dataCase('ndjson-6000-deep', '15.4 NDJSON nested 6,000 deep', 'e.ndjson', () => `${ecsLine()}\n${ecsLine().slice(0, -1)},"deep":${'{"a":'.repeat(6000)}1${'}'.repeat(6000)}}\n${ecsLine()}\n`),
  dataCase('ndjson-long-line', '15.6 one 100 MB NDJSON line (linear, then the limit)', 'e.ndjson', (s) => `${ecsLine({ pad: 'x'.repeat(s === 'full' ? 100 * 1024 * 1024 : 1024 * 1024) })}\n${ecsLine()}\n`),
  dataCase('ndjson-first-line-over-64k', '15 minor: a first NDJSON line over 64 KB', 'e.json', () => `${ecsLine({ pad: 'x'.repeat(100_000) })}\n${ecsLine()}\n`),
  dataCase('xml-4000-nested', '15.4 4,000 nested XML elements', 'e.xml', () => `${eventXml(1, 'a.exe')}\n${eventXml(2, 'b.exe').replace('<EventData>', `<EventData>${'<x>'.repeat(4000)}${'</x>'.repeat(4000)}`)}\n${eventXml(3, 'c.exe')}\n`),
  dataCase('xml-proto-data', '15.7 event data named __proto__ and constructor', 'e.xml', () => `${eventXml(1, 'a.exe', "<Data Name='__proto__'>p</Data><Data Name='constructor'>c</Data>")}\n`),
  dataCase('xml-unterminated-then-next', '15 minor: an unterminated XML event swallows the next one', 'e.xml', () => `${eventXml(1, 'a.exe').replace('</Event>', '')}\n${eventXml(2, 'b.exe')}\n`),
  {
    id: 'xml-open-event-300mb', item: '15.6 an unclosed <Event followed by 300 MB',
    build: async (d, scale) => {
      writeTree(d, { 'datasets/x/dataset.yml': manifest('x', ['e.xml']) });
      const out = createWriteStream(join(d, 'datasets/x/e.xml'));
      out.write(`${eventXml(1, 'a.exe')}\n<Event><System>`);
      const mb = 'y'.repeat(1024 * 1024);
      for (let i = 0; i < (scale === 'full' ? 300 : 6); i++) if (!out.write(mb)) await new Promise<void>((r) => out.once('drain', () => r()));
      await new Promise<void>((r) => out.end(() => r()));
    },
    run: readData,
  },
  dataCase('gzip-bomb', '15.6 a gzip that inflates far beyond its size', 'e.ndjson.gz', (s) => gzipSync(Buffer.concat([Buffer.from(`${ecsLine()}\n`), Buffer.alloc((s === 'full' ? 1024 : 24) * 1024 * 1024, 0x20)]), { level: 1 })),
  dataCase('gzip-corrupt-after-64k', '15.4 a .gz corrupted after 64 KB', 'e.ndjson.gz', () => {
    // Hashes of the index: text that does not compress away, so the gzip is well over 64 KB.
    const z = gzipSync(Buffer.from(Array.from({ length: 20_000 }, (_, i) => ecsLine({ i, h: createHash('sha256').update(String(i)).digest('hex') })).join('\n') + '\n'));
    for (let i = 64 * 1024; i < Math.min(z.length, 64 * 1024 + 64); i++) z[i] = 0xff;
    return z;
  }),
  dataCase('gzip-truncated-small', '15 minor: a truncated small .gz', 'e.ndjson.gz', () => gzipSync(Buffer.from(`${ecsLine()}\n${ecsLine()}\n${ecsLine()}\n`)).subarray(0, 60)),
  dataCase('zeek-ts-out-of-range', '15.4 Zeek ts beyond the Date range', 'conn.log', () => `${JSON.stringify({ ts: 1e300, uid: 'C1', 'id.orig_h': '10.0.0.1', 'id.orig_p': 5, 'id.resp_h': '10.0.0.2', 'id.resp_p': 445, proto: 'tcp' })}\n${JSON.stringify({ ts: 1700000000, uid: 'C2', 'id.orig_h': '10.0.0.1', 'id.orig_p': 5, 'id.resp_h': '10.0.0.2', 'id.resp_p': 445, proto: 'tcp' })}\n`, 'zeek'),
  dataCase('zeek-bad-ports', '15 minor: Zeek port 1e400 and -5', 'conn.log', () => `{"ts":1700000000,"uid":"C1","id.orig_h":"10.0.0.1","id.orig_p":1e400,"id.resp_h":"10.0.0.2","id.resp_p":445,"proto":"tcp"}\n{"ts":1700000000,"uid":"C2","id.orig_h":"10.0.0.1","id.orig_p":5,"id.resp_h":"10.0.0.2","id.resp_p":-5,"proto":"tcp"}\n`, 'zeek'),
  dataCase('xml-bad-date', '15 minor: 2026-13-45T99:99:99Z', 'e.xml', () => `${eventXml(1, 'a.exe').replace("<Data Name='UtcTime'>2024-03-01 10:00:01.000</Data>", "<Data Name='UtcTime'>2026-13-45 99:99:99.000</Data>").replace("SystemTime='2024-03-01T10:00:01.000Z'", "SystemTime='2026-13-45T99:99:99Z'")}\n`),
  {
    id: 'datasets-show-200k', item: '15.4 `datasets show` with ~200k rows (Math.max spread)',
    build: () => {},
    run: async () => {
      const events = Array.from({ length: 200_000 }, (_, i) => ({ fields: { '@timestamp': 't', 'process.name': `p${i}` }, ts: i, seq: i, provenance: { dataset: 'd', file: 'f' } }) as unknown as EcsEvent);
      const text = renderEvents(events, 'table');
      return { lines: text.split('\n').length - 1 };
    },
  },
];
