import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { listDatasets, loadDataset } from '../../engine/events/dataset.ts';
import { readDataset, replay } from '../../engine/events/replay.ts';
import { lineCol } from '../../engine/diag/render.ts';
import { eventXml, SECURITY } from './helpers.ts';

function repo(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'dac-ds-'));
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), content);
  }
  return root;
}

const MANIFEST = (name: string, extra = '') => `name: ${name}
description: test data
kind: attack
techniques: [T1053.005]
files:
  - sysmon.xml
  - path: sec.json.gz
    format: ndjson
hosts: [SRV-01]
provenance: hand-written in the test
${extra}`;

// A connection logged late (record time after the registry write it caused), and a Security event.
const SYSMON_XML = [
  eventXml({ id: 13, record: 11, computer: 'SRV-01', time: '2024-03-01T10:00:02.000Z', data: { UtcTime: '2024-03-01 10:00:02.000', TargetObject: 'HKLM\\x' } }),
  eventXml({ id: 3, record: 12, computer: 'SRV-01', time: '2024-03-01T10:00:40.000Z', data: { UtcTime: '2024-03-01 10:00:01.000', Initiated: 'false' } }),
  '<Event><broken',
].join('\n');
const SEC = gzipSync(Buffer.from(`${JSON.stringify({ EventID: 4698, Channel: 'Security', SourceName: SECURITY.provider, Hostname: 'SRV-01', RecordNumber: 5, EventTime: '2024-03-01 10:00:02' })}\n`));

describe('dataset manifests', () => {
  it('loads a valid manifest into the typed form', () => {
    const root = repo({ 'datasets/a/dataset.yml': MANIFEST('a', 'expected:\n  events: 3\n  by_event_id: {"3": 1, "13": 1, "4698": 1}\n'), 'datasets/a/sysmon.xml': SYSMON_XML, 'datasets/a/sec.json.gz': SEC });
    const l = loadDataset(root, 'datasets/a');
    expect(l.diagnostics).toEqual([]);
    expect(l.dataset?.manifest).toMatchObject({ name: 'a', kind: 'attack', clock: 'activity', files: [{ path: 'sysmon.xml' }, { path: 'sec.json.gz', format: 'ndjson' }],
      expected: { events: 3, byEventId: { 3: 1, 13: 1, 4698: 1 } } });
  });

  it('reports schema errors at file:line:col, and name/folder and missing-file problems', () => {
    const bad = `name: b\ndescription: x\nkind: sneaky\nfiles: [nope.xml]\nprovenance: p\nclock: wall\ncolour: red\n`;
    const root = repo({ 'datasets/b/dataset.yml': bad, 'datasets/c/dataset.yml': MANIFEST('not-c') });
    const b = loadDataset(root, 'datasets/b');
    const lookup = () => bad;
    const found = b.diagnostics.map((d) => [d.code, lineCol(d, lookup)?.line, lineCol(d, lookup)?.col]);
    expect(found).toEqual(expect.arrayContaining([['schema/enum', 3, 7], ['schema/enum', 6, 8], ['schema/additionalProperties', 7, 1]]));
    const c = loadDataset(root, 'datasets/c');
    expect(c.diagnostics.map((d) => d.code)).toEqual(['dataset/name-mismatch', 'dataset/missing-file', 'dataset/missing-file']);
    const list = listDatasets(root);
    expect(list.loads).toHaveLength(2);
    expect(list.datasets).toEqual([]);
  });
});

describe('replay', () => {
  const root = repo({
    'datasets/a/dataset.yml': MANIFEST('a', 'expected:\n  events: 3\n  rejected: 1\n'), 'datasets/a/sysmon.xml': SYSMON_XML, 'datasets/a/sec.json.gz': SEC,
    'datasets/r/dataset.yml': MANIFEST('r', 'clock: record\n'), 'datasets/r/sysmon.xml': SYSMON_XML, 'datasets/r/sec.json.gz': SEC,
  });
  const [a, r] = listDatasets(root).datasets;

  it('orders by activity time by default: the late-logged connection comes before the write it caused', async () => {
    const { events, stats } = await readDataset(a!, { root });
    // 13 and 4698 share a time: record id 5 (4698) comes before 11 (13)
    expect(events.map((e) => e.fields['event.code'])).toEqual(['3', '4698', '13']);
    expect(events.map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(events[2]!.provenance).toEqual({ dataset: 'a', file: 'datasets/a/sysmon.xml', line: 1, record: 1 });
    expect(stats).toMatchObject({ read: 4, used: 3, rejected: 1, hosts: ['SRV-01'], timeRange: { first: '2024-03-01T10:00:01.000Z', last: '2024-03-01T10:00:02.000Z' },
      byEventId: { 3: 1, 13: 1, 4698: 1 }, mismatches: [] });
    expect(stats.files[0]!.rejections[0]).toMatchObject({ file: 'datasets/a/sysmon.xml', line: 3 });
  });

  it('breaks equal times by record id, then file order', async () => {
    const { events } = await readDataset(a!, { root });
    const same = events.filter((e) => e.fields['@timestamp'] === '2024-03-01T10:00:02.000Z');
    expect(same.map((e) => e.fields['winlog.record_id'])).toEqual([5, 11]);
  });

  it('record clock puts the connection last; replay merges datasets with one seq', async () => {
    const { events } = await readDataset(r!, { root });
    expect(events.map((e) => e.fields['event.code'])).toEqual(['4698', '13', '3']);
    const all = await replay([a!, r!], { root });
    expect(all.events).toHaveLength(6);
    expect(all.events.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(all.stats.map((s) => s.dataset)).toEqual(['a', 'r']);
    expect(all.events.every((e, i) => i === 0 || all.events[i - 1]!.ts <= e.ts)).toBe(true);
  });

  it('reports expectation mismatches', async () => {
    const root2 = repo({ 'datasets/m/dataset.yml': MANIFEST('m', 'expected:\n  events: 9\n  by_event_id: {"1": 2}\n'), 'datasets/m/sysmon.xml': SYSMON_XML, 'datasets/m/sec.json.gz': SEC });
    const [m] = listDatasets(root2).datasets;
    const { stats } = await readDataset(m!, { root: root2 });
    expect(stats.mismatches).toEqual(['expected 9 events, read 3', 'event 1: expected 2, read 0', 'event 3: expected 0, read 1', 'event 13: expected 0, read 1', 'event 4698: expected 0, read 1']);
  });
});
