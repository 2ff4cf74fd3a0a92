#!/usr/bin/env node
// The published entry. Runs the compiled CLI (dist/, built by `npm run build`, which `npm ci`
// runs as `prepare`). When dist/ is missing or older than any source file under engine/, it runs
// the TypeScript sources through tsx instead, so an edited checkout never runs stale code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'engine', 'cli', 'main.js');

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

if (existsSync(built) && statSync(built).mtimeMs >= newestSource(join(root, 'engine'))) {
  await import(pathToFileURL(built).href);
} else {
  const require = createRequire(import.meta.url);
  const tsxCli = require.resolve('tsx/cli');
  const r = spawnSync(process.execPath, [tsxCli, join(root, 'engine/cli/main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
