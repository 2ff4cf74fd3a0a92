/**
 * `npm run bench [-- names…]`: every benchmark in its own process (so peak memory is its own),
 * one after the other. Names: cli harness runtime events evtx pcap sigma (default: all).
 * Figures are medians of three runs unless a bench says otherwise; speed is never asserted in tests.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const BENCHES: Record<string, { script: string; args: string[]; what: string }> = {
  cli: { script: 'bench-cli.ts', args: [], what: 'start-up and the one-rule inner loop, built vs tsx (needs npm run build)' },
  harness: { script: 'bench-harness.ts', args: [], what: 'dac test on the bundled repo' },
  runtime: { script: 'bench-runtime.ts', args: [], what: 'single-event rule and seed sequence over 1M events' },
  events: { script: 'bench-events.ts', args: [], what: 'XML and NDJSON read + normalize, 1M events' },
  evtx: { script: 'bench-evtx.ts', args: ['--mb', '200'], what: 'EVTX read, 200 MB (and evtxexport when installed)' },
  pcap: { script: 'bench-pcap.ts', args: ['400'], what: 'pcapng with DCE/RPC sessions' },
  sigma: { script: 'bench-sigma.ts', args: [], what: "SigmaHQ's Windows rules: load, compile, replay (needs ../shared)" },
};

const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !(a in BENCHES));
if (unknown.length) {
  process.stderr.write(`bench: unknown ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}\n`);
  process.exit(2);
}
let failed = 0;
for (const name of asked.length ? asked : Object.keys(BENCHES)) {
  const b = BENCHES[name];
  process.stdout.write(`\n== ${name}: ${b.what}\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', tsx, join(import.meta.dirname, b.script), ...b.args], { stdio: 'inherit' });
  if (r.status !== 0) { failed++; process.stdout.write(`bench ${name} failed (exit ${r.status})\n`); }
}
process.exit(failed ? 1 : 0);
