/** `dac datasets import`: the imported dataset replays to the same events, whatever the source format; filters and refusals. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDataset } from '../../engine/cli/datasets-import.ts';
import { listDatasets } from '../../engine/events/dataset.ts';
import { readDataset } from '../../engine/events/replay.ts';
import type { EcsEvent } from '../../engine/events/types.ts';
import { REPO_ROOT } from '../support/shared.ts';

const quiet = () => { let out = ''; let err = ''; return { io: { out: (s: string) => { out += s; }, err: (s: string) => { err += s; } }, get out() { return out; }, get err() { return err; } }; };

async function original(file: string): Promise<EcsEvent[]> {
  const ds = { dir: '', manifest: { name: 'x', description: 'x', kind: 'attack' as const, techniques: [], hosts: [], provenance: 'x', clock: 'activity' as const, files: [{ path: relative(process.cwd(), file) }] } };
  return (await readDataset(ds, { root: process.cwd(), dataRoots: [dirname(file)] })).events;
}

async function reimported(root: string, name: string): Promise<{ events: EcsEvent[]; rejected: number; mismatches: number }> {
  const ds = listDatasets(root).datasets.find((d) => d.manifest.name === name);
  if (!ds) throw new Error(`dataset ${name} not listed`);
  const r = await readDataset(ds, { root });
  return { events: r.events, rejected: r.stats.rejected, mismatches: r.stats.mismatches.length };
}

// Times are written to the millisecond (ISO-8601 @timestamp), as every reader but pcap reads them.
const view = (evs: readonly EcsEvent[]) => evs.map((e) => ({ ts: Math.floor(e.ts), fields: e.fields }));

describe('dac datasets import', () => {
  for (const file of ['datasets/evtx_schtasks_run/schtasks_run.evtx', 'datasets/schtasks_run/sysmon.xml', 'datasets/rpc_capture_remote_task/remote_task_rpc.pcapng']) {
    it(`round-trips ${file}: the dataset replays to the same events, and its expected counts hold`, async () => {
      const root = mkdtempSync(join(tmpdir(), 'dac-import-'));
      const q = quiet();
      const code = await importDataset([join(REPO_ROOT, file)], { name: 'slice', root, kind: 'attack' }, q.io);
      expect(code, q.err).toBe(0);
      const back = await reimported(root, 'slice');
      expect(back.rejected).toBe(0);
      expect(back.mismatches).toBe(0);
      expect(view(back.events)).toEqual(view(await original(join(REPO_ROOT, file))));
    });
  }

  it('keeps only what the filters select (event id, host, time, EQL --where)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dac-import-'));
    const file = join(REPO_ROOT, 'datasets/schtasks_run/sysmon.xml');
    const all = await original(file);
    const want = all.filter((e) => e.fields['event.code'] === '1' && String(e.fields['process.name']).toLowerCase() === 'schtasks.exe');
    const q = quiet();
    expect(await importDataset([file], { name: 'only_schtasks', root, kind: 'attack', eventId: ['1'], where: 'process where process.name : "schtasks.exe"' }, q.io)).toBe(0);
    expect(view((await reimported(root, 'only_schtasks')).events)).toEqual(view(want));
    expect(readFileSync(join(root, 'datasets/only_schtasks/dataset.yml'), 'utf8')).toContain(`events: ${want.length}`);
  });

  it('refuses a bad name, an existing folder, a bad time and a query with an unknown field', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dac-import-'));
    const file = join(REPO_ROOT, 'datasets/schtasks_run/sysmon.xml');
    expect(await importDataset([file], { name: '../escape', root, kind: 'attack' }, quiet().io)).toBe(2);
    expect(await importDataset([file], { name: 'a', root, kind: 'attack', since: '2026-13-45' }, quiet().io)).toBe(2);
    const q = quiet();
    expect(await importDataset([file], { name: 'a', root, kind: 'attack', where: 'process where process.nmae == "x"' }, q.io)).toBe(1);
    expect(q.err).toContain('unknown field process.nmae');
    expect(await importDataset([file], { name: 'a', root, kind: 'attack' }, quiet().io)).toBe(0);
    expect(await importDataset([file], { name: 'a', root, kind: 'attack' }, quiet().io)).toBe(2);
  });
});
