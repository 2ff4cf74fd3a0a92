/** `dac datasets import` on real recordings (../shared/real-data): EVTX and OTRF NDJSON slices replay to the same events. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { importDataset } from '../../engine/cli/datasets-import.ts';
import { listDatasets } from '../../engine/events/dataset.ts';
import { readDataset } from '../../engine/events/replay.ts';
import type { EcsEvent } from '../../engine/events/types.ts';
import { describeShared, sharedPath } from '../support/shared.ts';

const FILES = [
  'evtx-attack-samples/Execution/temp_scheduled_task_4698_4699.evtx',
  'evtx-attack-samples/Command and Control/DE_RDP_Tunneling_4624.evtx',
  'otrf/persistence/host/empire_schtasks_creation_standard_user_2020-09-21031526.json.gz',
];

const io = { out: () => {}, err: () => {} };
const view = (evs: readonly EcsEvent[]) => evs.map((e) => ({ ts: Math.floor(e.ts), fields: e.fields }));

async function read(file: string): Promise<EcsEvent[]> {
  const ds = { dir: '', manifest: { name: 'x', description: 'x', kind: 'attack' as const, techniques: [], hosts: [], provenance: 'x', clock: 'activity' as const, files: [{ path: relative(process.cwd(), file) }] } };
  return (await readDataset(ds, { root: process.cwd(), dataRoots: [dirname(file)] })).events;
}

describeShared('dac datasets import on real recordings', ['real-data', 'MANIFEST.json'], () => {
  for (const f of FILES) {
    it(`${f}: the imported dataset replays to the same events`, async () => {
      const root = mkdtempSync(join(tmpdir(), 'dac-import-real-'));
      expect(await importDataset([sharedPath('real-data', f)], { name: 'real', root, kind: 'attack' }, io)).toBe(0);
      const ds = listDatasets(root).datasets[0];
      const back = await readDataset(ds, { root });
      expect(back.stats.rejected).toBe(0);
      expect(back.stats.mismatches).toEqual([]);
      const orig = await read(sharedPath('real-data', f));
      expect(orig.length).toBeGreaterThan(0);
      expect(view(back.events)).toEqual(view(orig));
    }, 120_000);
  }
});
