/**
 * STIX 2.1 ATT&CK Enterprise bundle → the compact catalogue dac bundles (engine/attack/catalogue.json).
 * Keeps only what the checks need: tactics; techniques and sub-techniques with name, tactic
 * shortnames, deprecated/revoked and the replacing ID (from `revoked-by` relationships); the ATT&CK
 * version; and MITRE's attribution notice and license, which must travel with any copy.
 * Used by scripts/update-attack.ts and `dac attack update`.
 */

interface StixRef { source_name?: string; external_id?: string }
interface StixObject {
  type: string; id: string; name?: string; revoked?: boolean; x_mitre_deprecated?: boolean;
  x_mitre_version?: string; x_mitre_shortname?: string; modified?: string;
  external_references?: StixRef[]; kill_chain_phases?: Array<{ kill_chain_name: string; phase_name: string }>;
  relationship_type?: string; source_ref?: string; target_ref?: string;
}

/** Compact entry: n name, t tactic shortnames, d deprecated, r revoked, by replacing ID. */
interface Entry { n: string; t: string[]; d?: 1; r?: 1; by?: string }

export interface BuiltCatalogue {
  /** The catalogue file's text (one technique per line: small file, readable diffs). */
  readonly text: string;
  readonly version: string;
  readonly tactics: number;
  readonly live: number;
  readonly ids: number;
}

export class CatalogueInputError extends Error {}

const attackId = (o: StixObject): string | undefined => o.external_references?.find((r) => r.source_name === 'mitre-attack')?.external_id;

/** `bundle`: the parsed STIX JSON; `license`: MITRE's LICENSE.txt; `provenance`: a line naming the release. */
export function buildCatalogue(bundle: unknown, license: string, provenance = ''): BuiltCatalogue {
  const objects = (bundle as { objects?: unknown } | null)?.objects;
  if (!Array.isArray(objects)) throw new CatalogueInputError('not a STIX bundle: no "objects" array');
  const objs = objects.filter((o): o is StixObject => o !== null && typeof o === 'object' && typeof (o as StixObject).type === 'string');
  const collection = objs.find((o) => o.type === 'x-mitre-collection');
  if (!objs.some((o) => o.type === 'attack-pattern')) throw new CatalogueInputError('the bundle holds no attack-pattern objects (is it ATT&CK Enterprise?)');
  const byStixId = new Map(objs.map((o) => [o.id, o]));
  const revokedBy = new Map<string, string>();
  for (const o of objs) if (o.type === 'relationship' && o.relationship_type === 'revoked-by' && o.source_ref && o.target_ref) revokedBy.set(o.source_ref, o.target_ref);

  const tactics = objs
    .filter((o) => o.type === 'x-mitre-tactic' && !o.revoked && !o.x_mitre_deprecated)
    .map((o) => [attackId(o) ?? '', o.x_mitre_shortname ?? '', o.name ?? ''] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));

  const techniques = new Map<string, Entry>();
  const rank = (e: Entry) => (e.r ? 2 : e.d ? 1 : 0);
  for (const o of objs) {
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
    const prior = techniques.get(id);
    if (!prior || rank(e) < rank(prior)) techniques.set(id, e);
  }
  const sorted = [...techniques.entries()].sort(([a], [b]) => a.localeCompare(b));
  const version = collection?.x_mitre_version ?? 'unknown';
  const head = JSON.stringify({
    attackVersion: version,
    modified: collection?.modified ?? '',
    source: 'MITRE ATT&CK Enterprise, STIX 2.1 bundle; regenerate with scripts/update-attack.ts or `dac attack update`',
    attribution: /"(©[^"]+)"/.exec(license)?.[1] ?? '',
    provenance,
    license: license.trim(),
    tactics,
  }, null, 2).replace(/\n}$/, '');
  const lines = sorted.map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return {
    text: `${head},\n  "techniques": {\n${lines.join(',\n')}\n  }\n}\n`,
    version,
    tactics: tactics.length,
    live: sorted.filter(([, e]) => !e.d && !e.r).length,
    ids: sorted.length,
  };
}
