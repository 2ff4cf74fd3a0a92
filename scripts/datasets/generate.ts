/** Builds, renders and writes datasets: the library behind scripts/gen-datasets.ts and its test. */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Rng } from './prng.ts';
import { Recorder } from './recorder.ts';
import { hostsOf, renderRecorder } from './render.ts';
import { manifestText, SEED } from './manifest.ts';
import type { Scenario } from './scenario.ts';

export interface GeneratedDataset {
  readonly name: string;
  readonly events: number;
  readonly files: readonly string[];
}

export function generateDataset(s: Scenario, outRoot: string, scale = 1): GeneratedDataset {
  const rec = new Recorder(new Rng(SEED, `dataset:${s.name}`));
  s.build(rec, { scale });
  const rendered = renderRecorder(rec);
  const dir = join(outRoot, s.name);
  mkdirSync(dir, { recursive: true });
  const written: Array<{ file: (typeof rendered)[number]; path: string }> = [];
  for (const file of rendered) {
    const text = file.lines.join('\n') + '\n';
    const path = s.gzip ? `${file.name}.gz` : file.name;
    // gzip level 9 with no name and mtime 0: the same input always gives the same bytes.
    writeFileSync(join(dir, path), s.gzip ? gzipSync(Buffer.from(text, 'utf8'), { level: 9 }) : text);
    written.push({ file, path });
  }
  // Drop files an earlier run left behind (e.g. an uncompressed copy) so the folder matches the manifest.
  const keep = new Set([...written.map((w) => w.path), 'dataset.yml']);
  for (const f of readdirSync(dir)) if (!keep.has(f)) rmSync(join(dir, f));
  const hosts = [...hostsOf(rec), ...(s.extraHosts ?? [])];
  writeFileSync(join(dir, 'dataset.yml'), manifestText(s, written, hosts, scale));
  return { name: s.name, events: written.reduce((n, w) => n + w.file.lines.length, 0), files: written.map((w) => w.path) };
}
