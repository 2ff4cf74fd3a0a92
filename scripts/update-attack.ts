/**
 * Regenerates engine/attack/catalogue.json from a STIX 2.1 ATT&CK Enterprise bundle:
 *   npx tsx scripts/update-attack.ts [bundle.json] [LICENSE.txt]
 * (defaults: ../shared/attack/enterprise-attack.json and its LICENSE.txt). The catalogue keeps only
 * what the checks need: tactics; techniques and sub-techniques with name, tactic shortnames,
 * deprecated/revoked and the replacing ID (from `revoked-by` relationships); the ATT&CK version;
 * and MITRE's attribution notice and license, which must travel with any copy.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface StixRef { source_name?: string; external_id?: string }
interface StixObject {
  type: string; id: string; name?: string; revoked?: boolean; x_mitre_deprecated?: boolean;
  x_mitre_version?: string; x_mitre_shortname?: string; modified?: string;
  external_references?: StixRef[]; kill_chain_phases?: Array<{ kill_chain_name: string; phase_name: string }>;
  relationship_type?: string; source_ref?: string; target_ref?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const bundlePath = resolve(process.argv[2] ?? resolve(here, '../../shared/attack/enterprise-attack.json'));
const licensePath = resolve(process.argv[3] ?? resolve(dirname(bundlePath), 'LICENSE.txt'));
const out = resolve(here, '../engine/attack/catalogue.json');

const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as { objects: StixObject[] };
const license = readFileSync(licensePath, 'utf8').trim();
const attribution = /"(©[^"]+)"/.exec(license)?.[1] ?? '';
const provenancePath = resolve(dirname(licensePath), 'PROVENANCE.md');
/** The provenance file's title names the release and format; kept so a reader can trace the data. */
const provenance = existsSync(provenancePath) ? (readFileSync(provenancePath, 'utf8').split('\n')[0] ?? '').replace(/^#\s*/, '') : '';

const attackId = (o: StixObject): string | undefined => o.external_references?.find((r) => r.source_name === 'mitre-attack')?.external_id;

const collection = bundle.objects.find((o) => o.type === 'x-mitre-collection');
const byStixId = new Map(bundle.objects.map((o) => [o.id, o]));
const revokedBy = new Map<string, string>();
for (const o of bundle.objects) {
  if (o.type === 'relationship' && o.relationship_type === 'revoked-by' && o.source_ref && o.target_ref) revokedBy.set(o.source_ref, o.target_ref);
}

const tactics = bundle.objects
  .filter((o) => o.type === 'x-mitre-tactic' && !o.revoked && !o.x_mitre_deprecated)
  .map((o) => [attackId(o) ?? '', o.x_mitre_shortname ?? '', o.name ?? ''] as const)
  .sort((a, b) => a[0].localeCompare(b[0]));

/** Compact entry: n name, t tactic shortnames, d deprecated, r revoked, by replacing ID. */
interface Entry { n: string; t: string[]; d?: 1; r?: 1; by?: string }
const techniques: Record<string, Entry> = {};
const rank = (e: Entry) => (e.r ? 2 : e.d ? 1 : 0);
for (const o of bundle.objects) {
  if (o.type !== 'attack-pattern') continue;
  const id = attackId(o);
  if (!id || !/^T\d{4}(\.\d{3})?$/.test(id)) continue;
  const e: Entry = { n: o.name ?? '', t: (o.kill_chain_phases ?? []).filter((k) => k.kill_chain_name === 'mitre-attack').map((k) => k.phase_name).sort() };
  if (o.x_mitre_deprecated) e.d = 1;
  if (o.revoked) {
    e.r = 1;
    const target = revokedBy.get(o.id);
    const to = target ? byStixId.get(target) : undefined;
    if (to) e.by = attackId(to);
  }
  // Several objects may carry one ID over the years; the live one wins.
  const prior = techniques[id];
  if (!prior || rank(e) < rank(prior)) techniques[id] = e;
}
const sorted = Object.fromEntries(Object.entries(techniques).sort(([a], [b]) => a.localeCompare(b)));

const catalogue = {
  attackVersion: collection?.x_mitre_version ?? 'unknown',
  modified: collection?.modified ?? '',
  source: 'MITRE ATT&CK Enterprise, STIX 2.1 bundle; regenerate with scripts/update-attack.ts',
  attribution,
  provenance,
  license,
  tactics,
  techniques: sorted,
};
// One technique per line keeps the file small and its diffs readable.
const lines = Object.entries(sorted).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
const head = JSON.stringify({ ...catalogue, techniques: undefined }, null, 2).replace(/\n}$/, '');
writeFileSync(out, `${head},\n  "techniques": {\n${lines.join(',\n')}\n  }\n}\n`);
const live = Object.values(sorted).filter((e) => !e.d && !e.r);
process.stdout.write(`ATT&CK ${catalogue.attackVersion}: ${tactics.length} tactics, ${live.length} live techniques+sub-techniques, ${Object.keys(sorted).length} IDs → ${out}\n`);
