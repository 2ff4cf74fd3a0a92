/**
 * Regenerates the project's own datasets under datasets/ (deterministic: same bytes every run).
 *   npx tsx scripts/gen-datasets.ts [--out DIR] [--only NAME[,NAME]] [--baseline-scale N]
 * Datasets named rpc_capture_* are made by the pcap work and are never touched here.
 */
import { resolve } from 'node:path';
import { SCENARIOS } from './datasets/index.ts';
import { generateDataset } from './datasets/generate.ts';
import { OTHER_DATASETS, writeOtherDataset } from './datasets/other/index.ts';

function main(argv: readonly string[]): number {
  let out = resolve(import.meta.dirname, '..', 'datasets');
  let only: Set<string> | undefined;
  let scale = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') out = resolve(argv[++i] ?? '');
    else if (a === '--only') only = new Set((argv[++i] ?? '').split(','));
    else if (a === '--baseline-scale') scale = Number(argv[++i]);
    else {
      process.stderr.write(`gen-datasets: unknown argument ${a}\nusage: gen-datasets [--out DIR] [--only NAME,…] [--baseline-scale N]\n`);
      return 2;
    }
  }
  if (!(scale > 0)) {
    process.stderr.write('gen-datasets: --baseline-scale must be a positive number\n');
    return 2;
  }
  const others = OTHER_DATASETS.map((make) => make());
  const unknown = [...(only ?? [])].filter((n) => !SCENARIOS.some((s) => s.name === n) && !others.some((o) => o.name === n));
  if (unknown.length) {
    process.stderr.write(`gen-datasets: no dataset named ${unknown.join(', ')}\n`);
    return 2;
  }
  for (const s of SCENARIOS) {
    if (only && !only.has(s.name)) continue;
    const g = generateDataset(s, out, scale);
    process.stdout.write(`${g.name.padEnd(32)} ${String(g.events).padStart(7)} events  ${g.files.join(', ')}\n`);
  }
  for (const o of others) {
    if (only && !only.has(o.name)) continue;
    const g = writeOtherDataset(o, out);
    process.stdout.write(`${g.name.padEnd(32)} ${String(g.events).padStart(7)} events  ${g.files.join(', ')}\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
