/**
 * `npx tsx scripts/hostile/generate.ts OUT [small|full] [case…]`: writes the hostile fixtures
 * (one folder per case) for a look by hand; the tests and the bench build them the same way.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allCases } from './cases/index.ts';

const [out, scale = 'small', ...only] = process.argv.slice(2);
if (!out || (scale !== 'small' && scale !== 'full')) {
  process.stderr.write('usage: generate.ts OUT [small|full] [case…]\n');
  process.exit(2);
}
for (const c of allCases.filter((x) => !only.length || only.includes(x.id))) {
  const dir = resolve(out, c.id);
  mkdirSync(dir, { recursive: true });
  await c.build(dir, scale);
  process.stdout.write(`${join(out, c.id)}  ${c.item}\n`);
}
