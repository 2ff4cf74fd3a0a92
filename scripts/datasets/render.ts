/**
 * Turns a recorder's drafts into file texts: record ids per host and channel in logging order,
 * lines ordered by record time (as a collector forwards them), Zeek lines ordered by ts.
 */
import { HOSTS, type HostSpec } from './hosts.ts';
import type { Channel, WinEventDraft, ZeekLog } from './model.ts';
import type { Recorder } from './recorder.ts';
import { bootTree } from './boot.ts';
import { headerFor } from './headers.ts';
import { renderEvent } from './xml.ts';
import { at, zeekTs } from './time.ts';

/** Record ids grow by one per second after this instant, so later datasets continue earlier ones. */
const RECORD_EPOCH = at('2026-10-05T00:00:00Z');

export const CHANNEL_FILES: Record<Channel, string> = { sysmon: 'sysmon.xml', security: 'security.xml', taskscheduler: 'taskscheduler.xml' };
export const ZEEK_FILES: Record<ZeekLog, string> = { conn: 'conn.log', dce_rpc: 'dce_rpc.log' };

export interface RenderedFile {
  readonly name: string;
  readonly format: 'xml' | 'zeek';
  readonly lines: readonly string[];
  /** Windows event id → count (empty for Zeek logs). */
  readonly byEventId: ReadonlyMap<number, number>;
}

const hostsByShort = new Map<string, HostSpec>(Object.values(HOSTS).map((h) => [h.short, h]));

const byRecordTime = (a: WinEventDraft, b: WinEventDraft): number =>
  a.recordMs - b.recordMs || a.recordTicks - b.recordTicks;

function executionPid(spec: HostSpec, channel: Channel): number {
  if (channel === 'sysmon') return spec.sysmonPid;
  if (channel === 'security') return spec.lsassPid;
  return bootTree(spec).schedule.pid;
}

function renderChannel(channel: Channel, drafts: readonly WinEventDraft[]): RenderedFile {
  const indexed = drafts.map((d, i) => ({ d, i }));
  indexed.sort((a, b) => byRecordTime(a.d, b.d) || a.i - b.i);
  const ids = new Map<WinEventDraft, number>();
  const next = new Map<string, number>();
  for (const { d } of indexed) {
    const spec = hostsByShort.get(d.host);
    if (!spec) throw new Error(`unknown host ${d.host}`);
    let n = next.get(d.host);
    if (n === undefined) n = spec.recordBase[channel] + Math.max(0, Math.floor((d.recordMs - RECORD_EPOCH) / 1000));
    ids.set(d, n);
    next.set(d.host, n + 1);
  }
  const counts = new Map<number, number>();
  const lines = indexed.map(({ d }) => {
    const spec = hostsByShort.get(d.host) as HostSpec;
    counts.set(d.eventId, (counts.get(d.eventId) ?? 0) + 1);
    return renderEvent(d, { recordId: ids.get(d) as number, processId: executionPid(spec, channel), computer: spec.fqdn, header: headerFor(channel, d.eventId) });
  });
  return { name: CHANNEL_FILES[channel], format: 'xml', lines, byEventId: counts };
}

function renderZeek(log: ZeekLog, rec: Recorder): RenderedFile | undefined {
  const drafts = rec.zeekRecords.map((z, i) => ({ z, i })).filter(({ z }) => z.log === log);
  if (drafts.length === 0) return undefined;
  drafts.sort((a, b) => a.z.ms - b.z.ms || a.z.micros - b.z.micros || a.i - b.i);
  const lines = drafts.map(({ z }) => {
    const parts = [`"ts":${zeekTs(z.ms, z.micros)}`];
    for (const [k, v] of z.fields) parts.push(`${JSON.stringify(k)}:${typeof v === 'string' && /^\d+\.\d{6}$/.test(v) ? v : JSON.stringify(v)}`);
    return `{${parts.join(',')}}`;
  });
  return { name: ZEEK_FILES[log], format: 'zeek', lines, byEventId: new Map() };
}

/** The dataset's files, in a fixed order: sysmon, security, taskscheduler, conn, dce_rpc. */
export function renderRecorder(rec: Recorder): RenderedFile[] {
  const out: RenderedFile[] = [];
  for (const channel of ['sysmon', 'security', 'taskscheduler'] as const) {
    const drafts = rec.win.filter((d) => d.channel === channel);
    if (drafts.length) out.push(renderChannel(channel, drafts));
  }
  for (const log of ['conn', 'dce_rpc'] as const) {
    const f = renderZeek(log, rec);
    if (f) out.push(f);
  }
  return out;
}

export function hostsOf(rec: Recorder): string[] {
  const names = new Set<string>();
  for (const d of rec.win) names.add((hostsByShort.get(d.host) as HostSpec).fqdn);
  return [...names].sort();
}
