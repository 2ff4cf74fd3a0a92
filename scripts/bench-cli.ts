/**
 * The author's inner loop: start-up and one-rule test time of the `dac` command, side by side with
 * Node's own start-up (the floor) and with the TypeScript sources run through tsx (what every call
 * cost before the compiled CLI). Runs are interleaved, five of each; medians and ratios printed.
 * Needs the build (npm run build, which npm ci runs); says so when dist/ is missing or stale.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const built = join(ROOT, 'dist/engine/cli/main.js');
const SEED_RULE = 'bb37061e-af1f-11eb-a159-acde48001122';
const reports = mkdtempSync(join(tmpdir(), 'dac-bench-cli-'));

const CASES: Array<{ name: string; argv: string[] }> = [
  { name: 'node -e "" (floor)', argv: ['-e', ''] },
  { name: 'dac --help (built)', argv: [built, '--help'] },
  { name: 'dac --help (tsx sources)', argv: [tsx, join(ROOT, 'engine/cli/main.ts'), '--help'] },
  { name: `dac test --rule <seed> --unit-only (built)`, argv: [built, 'test', '--rule', SEED_RULE, '--unit-only', '--no-timings', '--report-dir', reports] },
  { name: `dac test --rule <seed> --unit-only (tsx sources)`, argv: [tsx, join(ROOT, 'engine/cli/main.ts'), 'test', '--rule', SEED_RULE, '--unit-only', '--no-timings', '--report-dir', reports] },
];

if (!existsSync(built) || statSync(built).mtimeMs < statSync(join(ROOT, 'engine/cli/main.ts')).mtimeMs) {
  console.log(`cli  dist/ is missing or older than the sources: run \`npm run build\` first`);
  process.exit(1);
}
const times = new Map<string, number[]>(CASES.map((c) => [c.name, []]));
for (let round = 0; round < 5; round++) {
  for (const c of CASES) {
    const t = performance.now();
    const r = spawnSync(process.execPath, c.argv, { cwd: ROOT, stdio: 'ignore' });
    const ms = performance.now() - t;
    if (r.status !== 0 && !c.name.startsWith('dac test')) { console.log(`cli  ${c.name} exited ${r.status}`); process.exit(1); }
    times.get(c.name)?.push(ms);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const floor = median(times.get(CASES[0].name) ?? [0]);
for (const c of CASES) {
  const m = median(times.get(c.name) ?? [0]);
  console.log(`cli  ${c.name.padEnd(50)} ${m.toFixed(0).padStart(6)} ms median of 5   ${(m / floor).toFixed(1)}× node start-up`);
}
const pair = (a: string, b: string) => median(times.get(a) ?? [0]) / median(times.get(b) ?? [1]);
console.log(`cli  built vs tsx: --help ${pair(CASES[1].name, CASES[2].name).toFixed(2)}×, test --rule --unit-only ${pair(CASES[3].name, CASES[4].name).toFixed(2)}×`);
