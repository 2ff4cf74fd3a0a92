/**
 * EVTX reader benchmark: writes a large EVTX file (≥ 200 MB by default) with dac's own writer,
 * reads it three times in fresh processes (median MB/s and events/s, peak RSS of each run), and,
 * when Debian's libevtx-utils `evtxexport` is installed, times it once on the same file for a ratio.
 *
 *   npx tsx scripts/bench-evtx.ts [--mb 200] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEvtx } from '../engine/events/evtx/index.ts';
import { eventRecord, type EventSpec } from './evtx-event.ts';
import { EvtxWriter, fileHeader } from './evtx-writer.ts';
import { u32 } from './evtx-values.ts';

export interface EvtxBenchResult {
  readonly fileMB: number;
  readonly events: number;
  /** Wall and CPU seconds per run: on a shared machine CPU time is the steadier figure. */
  readonly runs: ReadonlyArray<{ readonly seconds: number; readonly cpuSeconds: number; readonly peakRssMB: number }>;
  readonly medianMBps: number;
  readonly medianEventsPerSec: number;
  readonly medianMBperCpuSecond: number;
  readonly evtxexport?: { readonly seconds: number; readonly cpuSeconds: number; readonly MBperCpuSecond: number; readonly dacCpuSpeedup: number } | { readonly absent: string };
}

const SYSMON = { provider: 'Microsoft-Windows-Sysmon', providerGuid: '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}', channel: 'Microsoft-Windows-Sysmon/Operational' };

/** A deterministic mix of Sysmon 1 / 3 / 11 events (process, network, file). */
function spec(i: number): EventSpec {
  const t = new Date(Date.UTC(2024, 0, 1) + i * 37).toISOString().replace('Z', '1234Z');
  const base = { ...SYSMON, timeCreated: t, recordId: i + 1, computer: `WS${i % 50}.corp.example`, userId: 'S-1-5-18', processId: 3000 + (i % 7), threadId: 4000 + (i % 13), version: 5, task: 1 };
  const guid = `{94F748D5-${(i % 0xffff).toString(16).padStart(4, '0').toUpperCase()}-5A42-0000-0010D265F20F}`;
  if (i % 3 === 0) {
    return { ...base, eventId: 1, data: [['UtcTime', t.slice(0, 23).replace('T', ' ')], ['ProcessGuid', guid], ['ProcessId', u32(1000 + i % 60000)],
      ['Image', 'C:\\Windows\\System32\\schtasks.exe'], ['CommandLine', `schtasks.exe /run /tn "\\Microsoft\\Windows\\Task${i % 97}"`],
      ['CurrentDirectory', 'C:\\Windows\\system32\\'], ['User', 'NT AUTHORITY\\SYSTEM'], ['IntegrityLevel', 'System'],
      ['Hashes', `SHA256=${(i * 2654435761 >>> 0).toString(16).padStart(8, '0').repeat(8).toUpperCase()}`], ['ParentImage', 'C:\\Windows\\System32\\cmd.exe'], ['ParentCommandLine', 'cmd.exe /c run.bat']] };
  }
  if (i % 3 === 1) {
    return { ...base, eventId: 3, task: 3, data: [['UtcTime', t.slice(0, 23).replace('T', ' ')], ['ProcessGuid', guid], ['Image', 'C:\\Windows\\System32\\svchost.exe'],
      ['Protocol', 'tcp'], ['SourceIp', `10.0.${i % 200}.${i % 250}`], ['SourcePort', String(49152 + (i % 16000))], ['DestinationIp', '10.0.0.5'], ['DestinationPort', '135']] };
  }
  return { ...base, eventId: 11, task: 11, data: [['UtcTime', t.slice(0, 23).replace('T', ' ')], ['ProcessGuid', guid], ['Image', 'C:\\Windows\\explorer.exe'],
    ['TargetFilename', `C:\\Users\\user${i % 40}\\AppData\\Local\\Temp\\file${i}.tmp`], ['CreationUtcTime', t.slice(0, 23).replace('T', ' ')]] };
}

export function writeBenchFile(path: string, minBytes: number): number {
  const fd = openSync(path, 'w');
  let written = 4096;
  const w = new EvtxWriter((c) => { writeSync(fd, c, 0, c.length, written); written += c.length; });
  let i = 0;
  while (written < minBytes) w.add(eventRecord(spec(i++)));
  w.flush();
  writeSync(fd, fileHeader(Math.min(w.chunkCount, 0xffff), w.nextRecordId), 0, 4096, 0);
  closeSync(fd);
  return i;
}

/** One timed read in this process: events, seconds, peak RSS. */
async function readOnce(path: string): Promise<{ events: number; rejected: number; seconds: number; cpuSeconds: number; peakRssMB: number }> {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  let events = 0;
  let rejected = 0;
  for await (const it of readEvtx(path, createReadStream(path, { highWaterMark: 1 << 20 }))) it.ok ? events++ : rejected++;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return { events, rejected, seconds, cpuSeconds: (c.user + c.system) / 1e6, peakRssMB: process.resourceUsage().maxRSS / 1024 };
}

export async function benchEvtx(opts: { mb?: number; keep?: boolean; log?: (s: string) => void } = {}): Promise<EvtxBenchResult> {
  const log = opts.log ?? ((s: string) => process.stdout.write(s + '\n'));
  const dir = mkdtempSync(join(tmpdir(), 'dac-bench-evtx-'));
  const file = join(dir, 'bench.evtx');
  try {
    const generated = writeBenchFile(file, (opts.mb ?? 200) * 1024 * 1024);
    const fileMB = statSync(file).size / (1024 * 1024);
    log(`wrote ${file}: ${fileMB.toFixed(1)} MB, ${generated} events`);
    const runs: { events: number; seconds: number; cpuSeconds: number; peakRssMB: number }[] = [];
    for (let r = 0; r < 3; r++) {
      // A fresh process per run, so peak RSS is the reader's own and not the writer's.
      const p = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--read', file], { encoding: 'utf8' });
      if (p.status !== 0) throw new Error(`read run failed: ${p.stderr}`);
      const run = JSON.parse(p.stdout.trim().split('\n').pop() as string) as { events: number; rejected: number; seconds: number; cpuSeconds: number; peakRssMB: number };
      if (run.events !== generated || run.rejected !== 0) throw new Error(`read ${run.events} events (${run.rejected} rejected), wrote ${generated}`);
      runs.push(run);
      log(`run ${r + 1}: ${run.seconds.toFixed(2)} s wall, ${run.cpuSeconds.toFixed(2)} s CPU, ${(fileMB / run.seconds).toFixed(1)} MB/s, peak RSS ${run.peakRssMB.toFixed(0)} MB`);
    }
    const median = [...runs].sort((a, b) => a.seconds - b.seconds)[1].seconds;
    const medianCpu = [...runs].sort((a, b) => a.cpuSeconds - b.cpuSeconds)[1].cpuSeconds;
    const result: EvtxBenchResult = {
      fileMB, events: generated, runs: runs.map(({ seconds, cpuSeconds, peakRssMB }) => ({ seconds, cpuSeconds, peakRssMB })),
      medianMBps: fileMB / median, medianEventsPerSec: generated / median, medianMBperCpuSecond: fileMB / medianCpu,
      evtxexport: timeEvtxexport(file, fileMB, medianCpu),
    };
    log(JSON.stringify(result, null, 2));
    return result;
  } finally {
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** One evtxexport run (XML output to /dev/null); its CPU time comes from the shell's `times`. */
function timeEvtxexport(file: string, fileMB: number, dacCpuSeconds: number): EvtxBenchResult['evtxexport'] {
  const probe = spawnSync('evtxexport', ['-h'], { encoding: 'utf8' });
  if (probe.error) return { absent: 'evtxexport not installed (apt-get install -y libevtx-utils)' };
  const t0 = process.hrtime.bigint();
  const p = spawnSync('bash', ['-c', 'evtxexport -f xml "$0" > /dev/null && times', file], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (p.status !== 0) return { absent: `evtxexport failed with status ${p.status}` };
  // `times` prints the shell's then its children's "user sys" as e.g. 0m1.234s 0m0.100s.
  const children = p.stdout.trim().split('\n').pop() ?? '';
  const cpuSeconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((n, m) => n + Number(m[1]) * 60 + Number(m[2]), 0);
  return { seconds, cpuSeconds, MBperCpuSecond: fileMB / cpuSeconds, dacCpuSpeedup: cpuSeconds / dacCpuSeconds };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  if (args[0] === '--read') {
    readOnce(args[1]).then((r) => process.stdout.write(JSON.stringify(r) + '\n'));
  } else {
    const mb = args.includes('--mb') ? Number(args[args.indexOf('--mb') + 1]) : 200;
    void benchEvtx({ mb, keep: args.includes('--keep') });
  }
}
