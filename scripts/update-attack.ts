/**
 * Regenerates engine/attack/catalogue.json from a STIX 2.1 ATT&CK Enterprise bundle:
 *   npx tsx scripts/update-attack.ts [bundle.json] [LICENSE.txt]
 * (defaults: ../shared/attack/enterprise-attack.json and its LICENSE.txt). Same as
 * `dac attack update FILE`; the conversion lives in engine/attack/build-catalogue.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogue } from '../engine/attack/build-catalogue.ts';

const here = dirname(fileURLToPath(import.meta.url));
const bundlePath = resolve(process.argv[2] ?? resolve(here, '../../shared/attack/enterprise-attack.json'));
const licensePath = resolve(process.argv[3] ?? resolve(dirname(bundlePath), 'LICENSE.txt'));
const out = resolve(here, '../engine/attack/catalogue.json');
const provenancePath = resolve(dirname(licensePath), 'PROVENANCE.md');
/** The provenance file's title names the release and format; kept so a reader can trace the data. */
const provenance = existsSync(provenancePath) ? (readFileSync(provenancePath, 'utf8').split('\n')[0] ?? '').replace(/^#\s*/, '') : '';

const built = buildCatalogue(JSON.parse(readFileSync(bundlePath, 'utf8')), readFileSync(licensePath, 'utf8'), provenance);
writeFileSync(out, built.text);
process.stdout.write(`ATT&CK ${built.version}: ${built.tactics} tactics, ${built.live} live techniques+sub-techniques, ${built.ids} IDs → ${out}\n`);
