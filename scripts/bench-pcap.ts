/**
 * Throughput of the capture reader: a synthetic pcapng of N sealed ITaskSchedulerService sessions
 * (each: handshake, bind/bind_ack/auth3, 20 requests and responses, a split 3 KB request, close),
 * read in 64 KiB chunks as a file would arrive. Prints MB/s, packets/s, records/s and peak heap
 * (which includes the crafted file itself, held in memory by this script). Wall-clock figures
 * depend on machine load: compare runs on a quiet machine.
 *   npx tsx scripts/bench-pcap.ts [sessions=400]
 */
import { TcpConversation, writePcapng, type Packet } from './captures/net.ts';
import { bind, bindAck, request, response, windowsContexts } from './captures/rpc-pdus.ts';
import { noise, TSCH } from './captures/scenarios.ts';
import { readCapture } from '../engine/events/pcap/index.ts';

const sessions = Number(process.argv[2] ?? 400);
const packets: Packet[] = [];
let t = Date.parse('2026-10-05T14:00:00Z') * 1000;
for (let s = 0; s < sessions; s++) {
  const c = new TcpConversation({ ip: `10.0.${2 + (s >> 8)}.${s & 0xff}`, port: 50000 + (s % 10000), mac: '02:00:00:00:00:01' }, { ip: '10.0.1.10', port: 49668, mac: '02:00:00:00:00:02' }, 0x1000 * s, 0x2000 * s);
  t = c.handshake(t + 1000);
  t = c.send(t, true, bind(1, windowsContexts(TSCH, [1, 0])));
  t = c.send(t, false, bindAck(1, '49668', 2));
  for (let i = 0; i < 20; i++) {
    t = c.send(t, true, request(2 + i, 0, i % 20, noise(s * 31 + i, 64)));
    t = c.send(t, false, response(2 + i, 0, noise(s * 37 + i, 48)));
  }
  t = c.send(t, true, request(30, 0, 1, noise(s, 3000)), { sizes: [1460, 1460] });
  c.close(t);
  packets.push(...c.packets);
}
const file = writePcapng(packets);

async function* chunks(): AsyncIterable<Uint8Array> {
  for (let i = 0; i < file.length; i += 65536) yield file.subarray(i, i + 65536);
}

let peak = 0;
const runs: number[] = [];
let recs = 0;
for (let run = 0; run < 5; run++) {
  const t0 = performance.now();
  recs = 0;
  let seen = 0;
  for await (const it of readCapture('bench.pcapng', chunks())) {
    if (it.ok) recs++;
    if ((++seen & 1023) === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  runs.push(performance.now() - t0);
}
runs.sort((a, b) => a - b);
const med = runs[2]!;
const mb = file.length / 1e6;
process.stdout.write(`file ${mb.toFixed(1)} MB, ${packets.length} packets, ${recs} records\n`);
process.stdout.write(`median of 5: ${med.toFixed(0)} ms → ${(mb / (med / 1000)).toFixed(1)} MB/s, ${(packets.length / (med / 1000) / 1000).toFixed(0)} k packets/s, ${(recs / (med / 1000) / 1000).toFixed(0)} k records/s; heap peak ${(peak / 1e6).toFixed(0)} MB\n`);
