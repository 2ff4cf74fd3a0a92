/**
 * Regenerates the field catalogues in engine/ir/catalogues/ from elastic/detection-rules' etc/:
 *   npx tsx scripts/update-field-catalogues.ts [detection-rules checkout]
 * (default: ../shared/corpora/elastic-detection-rules). Field names and types are facts; each
 * output keeps only `name → type` and names its source file and commit:
 *   ecs.json       etc/ecs_schemas/<newest>/ecs_flat.json.gz (every ECS field)
 *   non-ecs.json   etc/non-ecs-schema.json (fields per index pattern, flattened)
 *   endpoint.json  etc/endpoint_schemas/*.json.gz (Elastic Defend fields beyond ECS)
 *   endgame.json   etc/endgame_schemas/<newest>/endgame_ecs_mapping.json.gz
 * Elasticsearch types are folded onto dac's FieldType (engine/ir/fields.ts): the numeric kinds onto
 * long/double, constant_keyword onto keyword, nested onto object; keyword, wildcard, text and
 * match_only_text stay apart because they match differently (KQL case rules depend on them).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(process.argv[2] ?? resolve(here, '../../shared/corpora/elastic-detection-rules'));
const etc = join(root, 'detection_rules', 'etc');
const outDir = resolve(here, '../engine/ir/catalogues');

const FOLD: ReadonlyMap<string, string> = new Map([
  ['keyword', 'keyword'], ['constant_keyword', 'keyword'], ['wildcard', 'wildcard'], ['text', 'text'],
  ['match_only_text', 'match_only_text'], ['long', 'long'], ['integer', 'long'], ['short', 'long'], ['byte', 'long'],
  ['unsigned_long', 'long'], ['double', 'double'], ['float', 'double'], ['half_float', 'double'],
  ['scaled_float', 'double'], ['ip', 'ip'], ['date', 'date'], ['boolean', 'boolean'], ['object', 'object'],
  ['nested', 'object'], ['flattened', 'flattened'], ['geo_point', 'geo_point'],
]);

function fold(type: unknown, where: string): string {
  const t = FOLD.get(String(type));
  if (!t) throw new Error(`${where}: unknown Elasticsearch type ${String(type)}`);
  return t;
}

const commit = (() => {
  const p = join(root, 'PROVENANCE.txt');
  return existsSync(p) ? /commit:\s*(\S+)/.exec(readFileSync(p, 'utf8'))?.[1] ?? 'unknown' : 'unknown';
})();

const gz = (p: string): unknown => JSON.parse(gunzipSync(readFileSync(p)).toString('utf8'));
const json = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));
const newest = (dir: string): string => readdirSync(dir).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1)!;

function sorted(fields: Map<string, string>): Record<string, string> {
  return Object.fromEntries([...fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function write(name: string, source: string, body: Record<string, unknown>): void {
  const doc = { source: `elastic/detection-rules ${source} @ ${commit}`, license: 'Elastic License 2.0 (field names and types only)', ...body };
  writeFileSync(join(outDir, name), JSON.stringify(doc, null, 1) + '\n');
  process.stdout.write(`wrote ${name}\n`);
}

/** `{a: {b: "keyword"}}` and `{"a.b": "keyword"}` alike → a.b → keyword. */
function flatten(v: unknown, prefix: string, out: Map<string, string>, where: string): void {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out, where);
  } else out.set(prefix, fold(v, `${where} ${prefix}`));
}

// ECS: the newest version shipped
const ecsVersion = newest(join(etc, 'ecs_schemas'));
const ecsFlat = gz(join(etc, 'ecs_schemas', ecsVersion, 'ecs_flat.json.gz')) as Record<string, { type: string; multi_fields?: { flat_name: string; type: string }[] }>;
const ecs = new Map<string, string>();
for (const [name, f] of Object.entries(ecsFlat)) {
  ecs.set(name, fold(f.type, `ecs ${name}`));
  // multi-fields (process.command_line.text) are fields a query may name
  for (const m of f.multi_fields ?? []) ecs.set(m.flat_name, fold(m.type, `ecs ${m.flat_name}`));
}
write('ecs.json', `etc/ecs_schemas/${ecsVersion}/ecs_flat.json.gz`, { version: ecsVersion, fields: sorted(ecs) });

// non-ECS fields per index pattern
const nonEcs = json(join(etc, 'non-ecs-schema.json')) as Record<string, unknown>;
const byIndex: Record<string, Record<string, string>> = {};
for (const index of Object.keys(nonEcs).sort()) {
  const m = new Map<string, string>();
  flatten(nonEcs[index], '', m, `non-ecs ${index}`);
  byIndex[index] = sorted(m);
}
write('non-ecs.json', 'etc/non-ecs-schema.json', { indices: byIndex });

// Endpoint (Elastic Defend) schemas
const endpoint = new Map<string, string>();
const epFiles = readdirSync(join(etc, 'endpoint_schemas')).filter((f) => f.endsWith('.json.gz')).sort();
for (const f of epFiles) flatten(gz(join(etc, 'endpoint_schemas', f)), '', endpoint, `endpoint ${f}`);
write('endpoint.json', `etc/endpoint_schemas/{${epFiles.join(',')}}`, { files: epFiles, fields: sorted(endpoint) });

// Endgame
const egVersion = newest(join(etc, 'endgame_schemas'));
const endgame = new Map<string, string>();
flatten(gz(join(etc, 'endgame_schemas', egVersion, 'endgame_ecs_mapping.json.gz')), '', endgame, 'endgame');
write('endgame.json', `etc/endgame_schemas/${egVersion}/endgame_ecs_mapping.json.gz`, { version: egVersion, fields: sorted(endgame) });

// ATT&CK technique redirects (revoked/deprecated → replacement), for the ATT&CK check's warnings
const redirects = json(join(etc, 'attack-technique-redirects.json')) as { mapping?: Record<string, string> };
const mapping = Object.fromEntries(Object.entries(redirects.mapping ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)));
const attackOut = resolve(here, '../engine/attack/technique-redirects.json');
writeFileSync(attackOut, JSON.stringify({ source: `elastic/detection-rules etc/attack-technique-redirects.json @ ${commit}`, mapping }, null, 1) + '\n');
process.stdout.write('wrote engine/attack/technique-redirects.json\n');
