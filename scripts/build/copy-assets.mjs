// After tsc: copy engine's non-TypeScript files (JSON schemas, catalogues) beside the emitted
// JavaScript, since modules read them relative to import.meta.url. Plain JS: it runs at `npm ci`
// (prepare), before anything else is built.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const src = join(root, 'engine');
const out = join(root, 'dist', 'engine');
let n = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (!name.endsWith('.ts')) { cpSync(p, join(out, relative(src, p))); n++; }
  }
};
walk(src);
process.stdout.write(`build: copied ${n} asset file(s) to dist/engine\n`);
