/**
 * Writes the DCE/RPC capture datasets from scripts/captures/scenarios.ts. Deterministic: the
 * same bytes every run (`--check` compares with the committed files instead of writing).
 *   npx tsx scripts/gen-captures.ts [--check]
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { otherInterfacesCapture, remoteTaskCapture } from './captures/scenarios.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
let stale = 0;
for (const spec of [remoteTaskCapture(), otherInterfacesCapture()]) {
  const path = resolve(root, spec.file);
  if (check) {
    const same = existsSync(path) && Buffer.compare(readFileSync(path), Buffer.from(spec.bytes)) === 0;
    if (!same) stale++;
    process.stdout.write(`${same ? 'ok   ' : 'STALE'} ${spec.file}\n`);
  } else {
    writeFileSync(path, spec.bytes);
    process.stdout.write(`wrote ${spec.file} (${spec.bytes.length} bytes, ${spec.events} events, ${spec.carAlerts} CAR alerts)\n`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
