/**
 * Regenerates engine/export/kibana/catalogue.json, the facts the Kibana export needs from
 * elastic/detection-rules' etc/ folder (default ../shared/corpora/elastic-detection-rules/detection_rules/etc):
 *   npx tsx scripts/gen-kibana-catalogue.ts [etc-dir]
 * - `ecs`: every ECS field of ecs_schemas/<version>/ecs_flat.json.gz with its Elasticsearch type
 *   (required_fields types; ECS version from stack-schema-map.yaml for the package's stack);
 * - `nonEcs`: non-ecs-schema.json flattened (field → type, first index pattern wins), the fallback
 *   for fields outside ECS (detection-rules uses integration/beats schemas, which are not shipped);
 * - `packages`: per integration package of integration-manifests.json.gz, the least compatible
 *   version for the package's stack (detection-rules' find_least_compatible_version) and the
 *   policy templates of that version (related_integrations);
 * - `stack`: packages.yaml's package name (the stack version the build targets).
 * Field names, types and versions are facts; nothing else is taken. Keys are sorted for stable diffs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const etc = resolve(process.argv[2] ?? resolve(here, '../../shared/corpora/elastic-detection-rules/detection_rules/etc'));
const out = resolve(here, '../engine/export/kibana/catalogue.json');

type Json = Record<string, unknown>;
const gz = (p: string): Json => JSON.parse(gunzipSync(readFileSync(resolve(etc, p))).toString('utf8')) as Json;

const packagesYaml = parse(readFileSync(resolve(etc, 'packages.yaml'), 'utf8')) as { package: { name: string } };
const stack = String(packagesYaml.package.name);
const stackMap = parse(readFileSync(resolve(etc, 'stack-schema-map.yaml'), 'utf8')) as Record<string, { ecs?: string }>;
const stackKey = Object.keys(stackMap).find((k) => k.startsWith(`${stack}.`) || k === stack);
const ecsVersion = String(stackKey ? stackMap[stackKey]?.ecs : '');

const ecsFlat = gz(`ecs_schemas/${ecsVersion}/ecs_flat.json.gz`);
const ecs: Record<string, string> = {};
for (const name of Object.keys(ecsFlat).sort()) ecs[name] = String((ecsFlat[name] as Json).type);

const nonEcs: Record<string, string> = {};
const flatten = (o: Json, prefix: string): void => {
  for (const [k, v] of Object.entries(o)) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') { if (!(name in nonEcs)) nonEcs[name] = v; } else if (v && typeof v === 'object') flatten(v as Json, name);
  }
};
const nonEcsSchema = JSON.parse(readFileSync(resolve(etc, 'non-ecs-schema.json'), 'utf8')) as Record<string, Json>;
for (const index of Object.keys(nonEcsSchema)) flatten(nonEcsSchema[index]!, '');

/** Semver compare on x.y.z[-pre] (pre-releases sort before the release). */
const parts = (v: string): [number[], string] => { const [core, pre = ''] = v.split('-', 2); return [core!.split('.').map(Number), pre]; };
function cmp(a: string, b: string): number {
  const [x, xp] = parts(a); const [y, yp] = parts(b);
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return xp === yp ? 0 : xp === '' ? 1 : yp === '' ? -1 : xp < yp ? -1 : 1;
}
const stackVersion = `${stack}.0`.split('.').slice(0, 3).join('.');
const manifests = gz('integration-manifests.json.gz') as Record<string, Record<string, Json>>;
const packages: Record<string, { version: string; policy_templates: string[] }> = {};
for (const pkg of Object.keys(manifests).sort()) {
  const versions = Object.keys(manifests[pkg]!).sort(cmp);
  const majors = [...new Set(versions.map((v) => parts(v)[0][0]!))].sort((a, b) => b - a);
  found: for (const major of majors) {
    for (const v of versions.filter((x) => parts(x)[0][0] === major)) {
      const m = manifests[pkg]![v]!;
      const cond = String(((m.conditions as Json | undefined)?.kibana as Json | undefined)?.version ?? '');
      for (const kv of cond.replace(/[<>=^~]/g, '').split(' || ')) {
        if (parts(kv)[0][0] === parts(stackVersion)[0][0] && cmp(kv, stackVersion) <= 0) {
          packages[pkg] = { version: `^${v}`, policy_templates: ((m.policy_templates as string[] | undefined) ?? []).map(String) };
          break found;
        }
      }
    }
  }
}

const catalogue = {
  source: `elastic/detection-rules detection_rules/etc (${readFileSync(resolve(etc, '../../PROVENANCE.txt'), 'utf8').split('\n').filter((l) => /^(source|commit):/.test(l)).join(', ')}); Elastic License 2.0 — field names, types and package versions only`,
  stack, ecsVersion,
  ecs, nonEcs: Object.fromEntries(Object.keys(nonEcs).sort().map((k) => [k, nonEcs[k]])), packages,
};
writeFileSync(out, `${JSON.stringify(catalogue)}\n`);
process.stdout.write(`wrote ${out}: ${Object.keys(ecs).length} ECS fields (${ecsVersion}), ${Object.keys(nonEcs).length} non-ECS, ${Object.keys(packages).length} packages for stack ${stack}\n`);
