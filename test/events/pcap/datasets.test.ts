import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normalizeRpc } from '../../../engine/events/normalize/rpc.ts';
import { otherInterfacesCapture, remoteTaskCapture } from '../../../scripts/captures/scenarios.ts';
import { REPO_ROOT } from '../../support/shared.ts';
import { readBytes, records, rejections } from './helpers.ts';

/** The CAR pseudocode's filter, written out by hand over the ECS fields (the CAR front-end's job in real runs). */
const carMatches = (f: ReturnType<typeof normalizeRpc>): boolean =>
  (f['source.port'] as number) >= 49152 && (f['destination.port'] as number) >= 49152 && f['dce_rpc.interface.name'] === 'ITaskSchedulerService';

for (const spec of [remoteTaskCapture(), otherInterfacesCapture()]) {
  const dir = spec.file.split('/').slice(0, 2).join('/');
  describe(dir, () => {
    const manifest = parse(readFileSync(resolve(REPO_ROOT, dir, 'dataset.yml'), 'utf8')) as { files: { path: string }[]; expected: { events: number; rejected: number } };
    const bytes = new Uint8Array(readFileSync(resolve(REPO_ROOT, spec.file)));

    it('is what scripts/gen-captures.ts writes (deterministic, committed up to date)', () => {
      expect(Buffer.compare(Buffer.from(spec.bytes), Buffer.from(bytes))).toBe(0);
      expect(manifest.files.map((f) => `${dir}/${f.path}`)).toEqual([spec.file]);
    });

    it('reads to the events and rejections its manifest expects', async () => {
      const items = await readBytes(bytes, 4096, spec.file);
      expect(rejections(items)).toEqual([]);
      expect(records(items)).toHaveLength(manifest.expected.events);
      expect(manifest.expected).toMatchObject({ events: spec.events, rejected: 0 });
    });

    it(`gives ${spec.carAlerts} events matching the CAR filter`, async () => {
      const fields = records(await readBytes(bytes)).map(normalizeRpc);
      expect(fields.filter(carMatches)).toHaveLength(spec.carAlerts);
    });
  });
}

describe('rpc_capture_remote_task content', () => {
  it('has the epmapper lookup, then the sealed task-service session in order', async () => {
    const rs = records(await readBytes(remoteTaskCapture().bytes));
    expect(rs.map((r) => `${r.dstPort} ${r.packetType} ${r.interfaceName} ${r.operation ?? ''}`.trim())).toEqual([
      '135 bind epmapper', '135 request epmapper ept_map',
      '49668 bind ITaskSchedulerService', '49668 request ITaskSchedulerService SchRpcHighestVersion',
      '49668 request ITaskSchedulerService SchRpcRegisterTask', '49668 request ITaskSchedulerService SchRpcRetrieveTask',
      '49668 request ITaskSchedulerService SchRpcRun',
    ]);
    expect(new Date(rs[4]!.ts).toISOString()).toMatch(/^2026-10-05T14:02:11\./);
  });
});
