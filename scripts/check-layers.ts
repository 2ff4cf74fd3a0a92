/**
 * `npm run check:layers`: lists every import of engine/ that runs against the layer order of
 * DESIGN.md (see scripts/layers.ts), and every cycle between folders or files. Exit 1 when there
 * is any, else 0. `--all` also prints the folder-to-folder import counts.
 */
import { fileURLToPath } from 'node:url';
import { checkLayers, LAYERS } from './layers.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const r = checkLayers(root);
const lines: string[] = [];
if (process.argv.includes('--all')) {
  const counts = new Map<string, number>();
  for (const i of r.imports) {
    const [a, b] = [i.from.split('/')[1], i.to.split('/')[1]];
    if (a !== b) counts.set(`${a} -> ${b}`, (counts.get(`${a} -> ${b}`) ?? 0) + 1);
  }
  const layer = (k: string) => LAYERS.get(k.split(' -> ')[0]) ?? 0;
  for (const [k, n] of [...counts].sort((x, y) => layer(y[0]) - layer(x[0]) || (x[0] < y[0] ? -1 : 1))) lines.push(`  ${k}: ${n}`);
}
for (const v of r.violations) lines.push(`${v.from} -> ${v.to}: ${v.why}`);
for (const c of r.folderCycles) lines.push(`folder cycle: ${c.join(' <-> ')}`);
for (const c of r.fileCycles) lines.push(`file cycle: ${c.join(' <-> ')}`);
lines.push(`${r.files} files, ${r.imports.length} imports: ${r.violations.length} against the layer order, ${r.folderCycles.length} folder cycle(s), ${r.fileCycles.length} file cycle(s)`);
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = r.violations.length || r.folderCycles.length || r.fileCycles.length ? 1 : 0;
