/**
 * Event reading benchmark: generates a Sysmon XmlWinEventLog file and an NDJSON (flat, OTRF
 * style) file of N events each (default 1,000,000; DAC_BENCH_EVENTS overrides) in a temp dir,
 * then reads + normalizes each three times and prints the median events/s and MB/s, and the
 * peak RSS sampled during the runs. `benchEvents()` is what `npm run bench` calls.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { openStream } from '../engine/events/open.ts';
import { readXml } from '../engine/events/xml/reader.ts';
import { readNdjson } from '../engine/events/json/ndjson.ts';
import { normalize } from '../engine/events/normalize/index.ts';
import type { ReaderItem } from '../engine/events/types.ts';

const BASE = Date.UTC(2024, 2, 1);

function utc(i: number): string {
  return new Date(BASE + i * 37).toISOString().replace('T', ' ').slice(0, 23);
}

function data(i: number): Record<string, string> {
  const guid = `{6A3E1C2B-${(i & 0xffff).toString(16).padStart(4, '0').toUpperCase()}-65E1-4C01-000000002A00}`;
  const common = { RuleName: '-', UtcTime: utc(i), ProcessGuid: guid, ProcessId: String(1000 + (i % 5000)), Image: 'C:\\Windows\\System32\\svchost.exe' };
  switch (i % 3) {
    case 0: return { ...common, CommandLine: `C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule ${i}`, CurrentDirectory: 'C:\\Windows\\system32\\',
      User: 'NT AUTHORITY\\SYSTEM', LogonId: '0x3e7', IntegrityLevel: 'System', Hashes: 'SHA1=CE8E487CB76704FE5FBB821A78A1E969EFBE71F9,MD5=A27A24553B2C36E139647F88DF738C35',
      ParentProcessGuid: guid, ParentProcessId: '640', ParentImage: 'C:\\Windows\\System32\\services.exe', ParentCommandLine: 'C:\\Windows\\system32\\services.exe' };
    case 1: return { ...common, User: 'NT AUTHORITY\\NETWORK SERVICE', Protocol: 'tcp', Initiated: 'false', SourceIsIpv6: 'false', SourceIp: '10.0.1.22',
      SourcePort: String(49152 + (i % 10000)), DestinationIsIpv6: 'false', DestinationIp: '10.0.1.10', DestinationPort: '49668' };
    default: return { ...common, EventType: 'SetValue', TargetObject: `HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Schedule\\TaskCache\\Tasks\\${guid}\\Actions`, Details: 'Binary Data' };
  }
}

const ID = [1, 3, 13];
function xmlLine(i: number): string {
  const d = Object.entries(data(i)).map(([k, v]) => `<Data Name='${k}'>${v}</Data>`).join('');
  return `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385F-C22A-43E0-BF4C-06F5698FFBD9}'/><EventID>${ID[i % 3]}</EventID><Version>5</Version><Level>4</Level><Task>1</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='${new Date(BASE + i * 37 + 5).toISOString()}'/><EventRecordID>${i + 1}</EventRecordID><Correlation/><Execution ProcessID='3012' ThreadID='4100'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>WKS-${i % 7}.corp.example</Computer><Security UserID='S-1-5-18'/></System><EventData>${d}</EventData></Event>\n`;
}
function jsonLine(i: number): string {
  return JSON.stringify({ EventID: ID[i % 3], Channel: 'Microsoft-Windows-Sysmon/Operational', SourceName: 'Microsoft-Windows-Sysmon', Hostname: `WKS-${i % 7}.corp.example`,
    RecordNumber: i + 1, EventTime: new Date(BASE + i * 37).toISOString().replace('T', ' ').slice(0, 19), ...data(i) }) + '\n';
}

async function generate(path: string, n: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(path);
  let batch = '';
  for (let i = 0; i < n; i++) {
    batch += line(i);
    if (batch.length > 1 << 20) { if (!out.write(batch)) await once(out, 'drain'); batch = ''; }
  }
  out.end(batch);
  await once(out, 'finish');
}

type Read = (file: string, input: AsyncIterable<Uint8Array>) => AsyncIterable<ReaderItem>;

async function run(path: string, read: Read): Promise<{ events: number; ms: number }> {
  const t0 = performance.now();
  let events = 0;
  for await (const it of read(path, openStream(path))) {
    if (it.ok && normalize(it.record, { clock: 'activity' }).ok) events++;
  }
  return { events, ms: performance.now() - t0 };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchEvents(n = Number(process.env.DAC_BENCH_EVENTS ?? 1_000_000)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dac-bench-events-'));
  try {
    for (const [name, line, read] of [['Sysmon XML', xmlLine, readXml], ['NDJSON (flat)', jsonLine, readNdjson]] as const) {
      const file = join(dir, name.startsWith('Sysmon') ? 'sysmon.xml' : 'events.ndjson');
      await generate(file, n, line);
      const mb = statSync(file).size / 1e6;
      const times: number[] = [];
      let peak = 0;
      const base = process.memoryUsage().rss;
      const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
      for (let r = 0; r < 3; r++) {
        const res = await run(file, read);
        if (res.events !== n) throw new Error(`${name}: read ${res.events} of ${n} events`);
        times.push(res.ms);
      }
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      const ms = median(times);
      process.stdout.write(`events ${name}: ${n} events, ${mb.toFixed(0)} MB; read+normalize median of 3: ${(ms / 1000).toFixed(2)} s, ` +
        `${Math.round(n / (ms / 1000)).toLocaleString('en-US')} events/s, ${(mb / (ms / 1000)).toFixed(1)} MB/s; peak RSS ${(peak / 1e6).toFixed(0)} MB (before: ${(base / 1e6).toFixed(0)} MB)\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchEvents();
