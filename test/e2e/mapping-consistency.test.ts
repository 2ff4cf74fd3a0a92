/**
 * Every back-end's (ECS field, native name) pairs agree with what the normalizer produces
 * (issue 13 item 3): replaying the bundled datasets, wherever an event carries the native name,
 * the ECS field holds its value (up to the table's conversion). The pairs checked are the views
 * the back-ends read (engine/ir/windows-ecs/views.ts): SPL raw names, Sentinel Sysmon columns,
 * and the Sigma field map of each event's own family and event ID. A raw name restricted to some
 * event IDs by the table (OriginalFileName is process.pe.* except on Sysmon 7) is checked on those.
 */
import { beforeAll, expect, it, describe } from 'vitest';
import { listDatasets } from '../../engine/events/dataset.ts';
import { replay } from '../../engine/events/replay.ts';
import type { EcsEvent, FieldValue } from '../../engine/events/types.ts';
import { SPL_ECS_TO_RAW, applies, familyOf, kqlColumnOf, rawRuleOf } from '../../engine/ir/windows-ecs/index.ts';
import { sigmaWindowsField } from '../../engine/lang/sigma/tables/ecs-fields.ts';
import { elasticRegistryPath } from '../../engine/events/normalize/rules.ts';
import { toLong } from '../../engine/events/normalize/out.ts';
import { canonicalIp } from '../../engine/ir/ip.ts';
import { REPO_ROOT } from '../support/shared.ts';

const PREFIX = 'winlog.event_data.';

function sameValue(raw: string, v: FieldValue | undefined): boolean {
  if (v === undefined || v === null) return false;
  if (Array.isArray(v)) return v.some((x) => sameValue(raw, x));
  if (typeof v === 'string') return v === raw || v === canonicalIp(raw.trim()) || v === elasticRegistryPath(raw);
  if (typeof v === 'number') return v === toLong(raw);
  return String(v) === raw;
}

describe('mapping consistency on the bundled datasets', () => {
  let events: EcsEvent[] = [];
  beforeAll(async () => {
    events = (await replay(listDatasets(REPO_ROOT).datasets)).events;
  }, 300_000);

  /** For each (back-end, ECS field, native name) pair: checks made and mismatches (first example each). */
  function check(pairs: (e: EcsEvent) => Iterable<readonly [string, string, string]>): { checks: number; bad: Record<string, string> } {
    let checks = 0;
    const bad: Record<string, string> = {};
    for (const e of events) {
      for (const [backend, ecs, raw] of pairs(e)) {
        const value = e.fields[PREFIX + raw];
        if (typeof value !== 'string' || value === '') continue;
        checks++;
        if (!sameValue(value, e.fields[ecs]) && !bad[`${backend} ${ecs} ↔ ${raw}`]) {
          bad[`${backend} ${ecs} ↔ ${raw}`] = `${e.provenance.file}: ${JSON.stringify(e.fields[ecs])} for ${JSON.stringify(value)}`;
        }
      }
    }
    return { checks, bad };
  }

  it('reads the bundled events', () => {
    expect(events.length).toBeGreaterThan(1000);
  });

  it('SPL raw names and Sentinel columns', () => {
    const kql = Object.keys(SPL_ECS_TO_RAW).flatMap((ecs) => {
      const col = kqlColumnOf(ecs);
      const m = col && /^(?:toint\()?([A-Za-z]+)\)?$/.exec(col);
      return m ? [[ecs, m[1]!] as const] : [];
    });
    const r = check(function* (e) {
      if (familyOf(String(e.fields['winlog.channel'] ?? ''), String(e.fields['winlog.provider_name'] ?? '')).id !== 'sysmon') return;
      const id = Number(e.fields['winlog.event_id']);
      const holds = (ecs: string) => { const r = rawRuleOf(ecs); return r !== undefined && applies(r, id); };
      for (const [ecs, raw] of Object.entries(SPL_ECS_TO_RAW)) if (ecs !== 'event.code' && holds(ecs)) yield ['spl', ecs, raw] as const;
      for (const [ecs, raw] of kql) if (holds(ecs)) yield ['kql', ecs, raw] as const;
    });
    expect(r.checks).toBeGreaterThan(10_000);
    expect(r.bad).toEqual({});
  });

  it('Sigma names of each event\'s family and event ID', () => {
    const r = check(function* (e) {
      const family = familyOf(String(e.fields['winlog.channel'] ?? ''), String(e.fields['winlog.provider_name'] ?? ''));
      const id = Number(e.fields['winlog.event_id']);
      for (const key of Object.keys(e.fields)) {
        if (!key.startsWith(PREFIX)) continue;
        const name = key.slice(PREFIX.length);
        const ecs = sigmaWindowsField(name, name, [{ family, eventIds: [id] }]);
        if (ecs !== key) yield ['sigma', ecs, name] as const;
      }
    });
    expect(r.checks).toBeGreaterThan(10_000);
    expect(r.bad).toEqual({});
  });
});
