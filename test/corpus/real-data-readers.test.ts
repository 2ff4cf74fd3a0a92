/**
 * Every XML and JSON file in ../shared/real-data/MANIFEST.json (EVTX through its .evtx.xml
 * rendering) reads with zero rejected records and exactly the manifest's event count and
 * event-ID histogram; every Sysmon event normalizes with category, process and host fields.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeShared, sharedPath } from '../support/shared.ts';
import { openStream } from '../../engine/events/open.ts';
import { readXml } from '../../engine/events/xml/reader.ts';
import { readNdjson } from '../../engine/events/json/ndjson.ts';
import { normalize } from '../../engine/events/normalize/index.ts';
import { ECS_CATALOG } from '../../engine/ir/fields.ts';

/** The Sysmon event IDs dac maps (issue 4); others (6 driver, 19-21 WMI, 24 clipboard) carry no process. */
const SUPPORTED = new Set(['1', '3', '5', '7', '8', '10', '11', '12', '13', '14', '15', '17', '18', '22', '23', '25', '26']);

interface Entry { path: string; format: string; events: number; event_id_histogram?: Record<string, number>; xml_export?: string }

describeShared('real-data readers and normalizer', ['real-data', 'MANIFEST.json'], () => {
  const manifest = JSON.parse(readFileSync(sharedPath('real-data', 'MANIFEST.json'), 'utf8')) as Entry[];

  it('lists files to check', () => {
    expect(manifest.length).toBeGreaterThan(100);
  });

  it.each(manifest.map((e) => [e.xml_export ?? e.path, e] as const))('%s', async (file, e) => {
    const path = sharedPath('real-data', file);
    const read = e.format.includes('json') ? readNdjson : readXml;
    let events = 0;
    const rejected: string[] = [];
    const hist: Record<string, number> = {};
    const missing: string[] = [];
    const unknownFields = new Set<string>();
    for await (const it of read(file, openStream(path))) {
      if (!it.ok) { if (!it.skipped) rejected.push(`${it.loc.line}: ${it.reason}`); continue; }
      events++;
      const n = normalize(it.record, { clock: 'activity' });
      if (!n.ok) { rejected.push(`${it.loc.line}: ${n.reason}`); continue; }
      const f = n.fields;
      const code = String(f['event.code']);
      hist[code] = (hist[code] ?? 0) + 1;
      for (const k of Object.keys(f)) if (!ECS_CATALOG.typeOf(k)) unknownFields.add(k);
      if (f['event.module'] === 'sysmon' && SUPPORTED.has(code)) {
        for (const k of ['event.category', 'event.type', 'event.action', 'host.name', 'host.os.type']) if (f[k] === undefined) missing.push(`${it.loc.line}: ${k}`);
        const hasProcess = f['process.entity_id'] !== undefined || f['process.executable'] !== undefined || f['process.pid'] !== undefined;
        if (!hasProcess) missing.push(`${it.loc.line}: event ${code} has no process.*`);
      }
    }
    expect(rejected.slice(0, 5)).toEqual([]);
    expect(events).toBe(e.events);
    if (e.event_id_histogram) expect(hist).toEqual(e.event_id_histogram);
    expect(missing.slice(0, 5)).toEqual([]);
    expect([...unknownFields]).toEqual([]);
  });
});
