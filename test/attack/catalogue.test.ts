import { buildCatalogue, CatalogueInputError } from '../../engine/attack/build-catalogue.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AttackCatalogue, attackCatalogue } from '../../engine/attack/catalogue.ts';
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
    // Numbered as the next release would number them: a warning; far past it: a typo.
    expect(cat.isNewerThanCatalogue('T1690')).toBe(true);
    expect(cat.isNewerThanCatalogue('T1685.006')).toBe(true);
    expect(cat.isNewerThanCatalogue('T1021.010')).toBe(true);
    expect(cat.isNewerThanCatalogue('T1999')).toBe(false);
    expect(cat.isNewerThanCatalogue('T9999')).toBe(false);
    expect(cat.isNewerThanCatalogue('T1021.099')).toBe(false);
    expect(cat.isNewerThanCatalogue('T1000')).toBe(false);
  });
  it('searches by ID and by name', () => {
    expect(cat.search('t1021.002').techniques[0]?.name).toBe('SMB/Windows Admin Shares');
    expect(cat.search('Remote Services').techniques.map((t) => t.id)).toContain('T1021');
    expect(cat.search('lateral movement').tactics.map((t) => t.id)).toEqual(['TA0008']);
    expect(cat.subtechniques('T1021').map((t) => t.id)).toContain('T1021.006');
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

describe('buildCatalogue (dac attack update)', () => {
  const license = 'License\n"© 2099 The MITRE Corporation. Reproduced with permission."\n';
  const ref = (id: string) => [{ source_name: 'mitre-attack', external_id: id }];
  const bundle = {
    objects: [
      { type: 'x-mitre-collection', id: 'c', x_mitre_version: '99.0', modified: '2099-01-01T00:00:00Z' },
      { type: 'x-mitre-tactic', id: 'ta', name: 'Lateral Movement', x_mitre_shortname: 'lateral-movement', external_references: ref('TA0008') },
      { type: 'attack-pattern', id: 'a', name: 'Remote Services', external_references: ref('T1021'), kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: 'lateral-movement' }] },
      { type: 'attack-pattern', id: 'b', name: 'Old', revoked: true, external_references: ref('T1000') },
      { type: 'relationship', id: 'r', relationship_type: 'revoked-by', source_ref: 'b', target_ref: 'a' },
    ],
  };
  it('keeps tactics, techniques, revocations and the attribution, and loads as a catalogue', () => {
    const built = buildCatalogue(bundle, license, 'test');
    expect(built).toMatchObject({ version: '99.0', tactics: 1, live: 1, ids: 2 });
    const cat = new AttackCatalogue(JSON.parse(built.text));
    expect(cat.technique('T1000')).toMatchObject({ revoked: true, replacedBy: 'T1021' });
    expect(cat.attribution).toContain('2099');
  });
  it('refuses what is not an ATT&CK bundle, with the reason', () => {
    expect(() => buildCatalogue({ foo: 1 }, license)).toThrow(CatalogueInputError);
    expect(() => buildCatalogue({ objects: [] }, license)).toThrow(/no attack-pattern/);
  });
});
