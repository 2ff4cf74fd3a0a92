import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attackCatalogue } from '../../engine/attack/catalogue.ts';
import { describeShared, sharedPath } from '../support/shared.ts';

describe('bundled ATT&CK catalogue', () => {
  const cat = attackCatalogue();
  it('carries version, counts and MITRE attribution', () => {
    expect(cat.version).toMatch(/^\d+\.\d+$/);
    expect(cat.attribution).toContain('The MITRE Corporation');
    expect(cat.license).toContain('License');
    const c = cat.counts();
    expect(c.tactics).toBe(14);
    expect(c.techniques).toBeGreaterThan(150);
    expect(c.subtechniques).toBeGreaterThan(c.techniques);
  });
  it('looks up techniques, tactics and replacements', () => {
    expect(cat.technique('t1053.005')).toMatchObject({ name: 'Scheduled Task', revoked: false });
    expect(cat.technique('T1168')).toMatchObject({ revoked: true, replacedBy: 'T1053' });
    expect(cat.tacticByShortname('lateral_movement')?.id).toBe('TA0008');
    expect(cat.isNewerThanCatalogue('T1999')).toBe(true);
    expect(cat.isNewerThanCatalogue('T1000')).toBe(false);
  });
});

describeShared('catalogue matches the STIX bundle', ['attack', 'enterprise-attack.json'], () => {
  it('has every live attack-pattern with its name', () => {
    const bundle = JSON.parse(readFileSync(sharedPath('attack', 'enterprise-attack.json'), 'utf8')) as { objects: Array<Record<string, unknown>> };
    const cat = attackCatalogue();
    let live = 0;
    for (const o of bundle.objects) {
      if (o.type !== 'attack-pattern' || o.revoked || o.x_mitre_deprecated) continue;
      const id = (o.external_references as Array<{ source_name: string; external_id: string }>).find((r) => r.source_name === 'mitre-attack')!.external_id;
      expect(cat.technique(id)?.name).toBe(o.name);
      live++;
    }
    const c = cat.counts();
    expect(c.techniques + c.subtechniques).toBe(live);
  });
});
