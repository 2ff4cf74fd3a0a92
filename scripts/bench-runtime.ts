/**
 * Runtime benchmark: 1,000,000 normalized events (process, network and registry events shaped as
 * the Sysmon normalizer emits them, on 200 hosts) through (a) a single-event rule and (b) the
 * seed sequence "Remote Scheduled Task Creation" compiled from its rule file. Prints the median of
 * three runs in events/s, alerts, and the heap the engine retains (after GC, in a separate run). `benchRuntime()` is called by bench.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { EcsEvent } from '../engine/events/types.ts';
import { ECS_CATALOG } from '../engine/ir/fields.ts';
import type { IrQuery } from '../engine/ir/types.ts';
import { compileEql } from '../engine/lang/eql/index.ts';
import { Engine } from '../engine/runtime/index.ts';

const REPO = join(import.meta.dirname, '..');
const TASKCACHE = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Schedule\\TaskCache\\Tasks\\{0000}\\Actions';

function makeEvents(n: number): EcsEvent[] {
  const out: EcsEvent[] = [];
  const t0 = Date.UTC(2026, 9, 5);
  for (let i = 0; i < n; i++) {
    // Events come in fours per process (process, network, registry, file), so a connection and a
    // TaskCache write can share host.id and process.entity_id; every 25th process writes Actions.
    const proc = i >> 2;
    const host = `h${proc % 200}`;
    const guid = `{g-${proc % 50_000}}`;
    const common = { 'host.id': host, 'host.name': host, 'host.os.type': 'windows', 'process.entity_id': guid };
    let fields: EcsEvent['fields'];
    switch (i % 4) {
      case 0: fields = { ...common, 'event.category': ['process'], 'event.type': ['start'], 'process.name': i % 1000 === 0 ? 'schtasks.exe' : 'conhost.exe',
        'process.command_line': i % 2000 === 0 ? 'schtasks /run /tn x' : 'conhost.exe 0xffffffff -ForceV1' }; break;
      case 1: fields = { ...common, 'event.category': ['network'], 'event.type': ['connection', 'start'], 'process.name': 'svchost.exe',
        'network.direction': 'ingress', 'source.ip': '10.0.1.22', 'source.port': 49152 + (i % 10_000), 'destination.port': 49668 }; break;
      case 2: fields = { ...common, 'event.category': ['configuration', 'registry'], 'event.type': ['change'],
        'registry.value': proc % 25 === 0 ? 'Actions' : 'Path', 'registry.path': TASKCACHE }; break;
      default: fields = { ...common, 'event.category': ['file'], 'event.type': ['creation'], 'file.path': `C:\\Users\\u\\AppData\\Local\\Temp\\f${i}.tmp` };
    }
    out.push({ fields, ts: t0 + i * 10, seq: i, provenance: { dataset: 'bench', file: 'mem', record: i + 1 } });
  }
  return out;
}

function seedQuery(): IrQuery {
  const doc = parseToml(readFileSync(join(REPO, 'rules/windows/lateral_movement_remote_scheduled_task_creation.toml'), 'utf8')) as { rule: { query: string } };
  const r = compileEql(doc.rule.query, { fields: ECS_CATALOG });
  if (!r.query) throw new Error(`seed query does not compile: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.query;
}

export interface RuntimeBench { name: string; events: number; eventsPerSec: number; alerts: number; retainedHeapMb?: number }

function once(query: IrQuery, events: readonly EcsEvent[]): { ms: number; alerts: number } {
  const engine = new Engine([{ id: 'bench', query }]);
  const t = performance.now();
  for (let i = 0; i < events.length; i++) engine.push(events[i]);
  const alerts = engine.finish().length;
  return { ms: performance.now() - t, alerts };
}

/**
 * Heap the engine keeps (sequence state, alerts) above the loaded events: measured in a separate,
 * untimed run after a full GC every 100k events (needs --expose-gc; bench.ts passes it).
 */
function retainedMb(query: IrQuery, events: readonly EcsEvent[]): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const engine = new Engine([{ id: 'bench', query }]);
  for (let i = 0; i < events.length; i++) {
    engine.push(events[i]);
    if (i % 100_000 === 99_999) { gc(); peak = Math.max(peak, process.memoryUsage().heapUsed); }
  }
  engine.finish();
  gc();
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return Math.round((peak - base) / 1e5) / 10;
}

export function benchRuntime(n = Number(process.env.DAC_BENCH_EVENTS ?? 1_000_000), log: (s: string) => void = console.log): RuntimeBench[] {
  const events = makeEvents(n);
  const single = compileEql('process where process.name : "schtasks.exe" and process.command_line : "*/run*"', { fields: ECS_CATALOG }).query;
  if (!single) throw new Error('single-event query does not compile');
  const results: RuntimeBench[] = [];
  for (const [name, q] of [['single-event rule', single], ['seed sequence (Remote Scheduled Task Creation)', seedQuery()]] as const) {
    const runs = [0, 1, 2].map(() => once(q, events)).sort((a, b) => a.ms - b.ms);
    const med = runs[1];
    const mem = retainedMb(q, events);
    const r = { name, events: n, eventsPerSec: Math.round(n / (med.ms / 1000)), alerts: med.alerts, ...(mem !== undefined ? { retainedHeapMb: mem } : {}) };
    log(`runtime  ${name}: ${r.eventsPerSec.toLocaleString('en-US')} events/s (median of 3 over ${n.toLocaleString('en-US')} events), ${r.alerts} alerts, ` +
      (mem !== undefined ? `peak retained heap above the loaded events ${mem} MB` : 'memory not measured (run with --expose-gc)'));
    results.push(r);
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) benchRuntime();
