/**
 * Collects one dataset's events as scenarios describe them (activity time, logging delay) and
 * offers the small verbs scenarios are written in: start a process, connect, write the registry.
 */
import type { HostSpec } from './hosts.ts';
import type { Channel, WinEventDraft, ZeekDraft, ZeekLog } from './model.ts';
import type { Rng } from './prng.ts';
import { HostState, type Proc } from './process.ts';
import * as S from './sysmon.ts';
import type { TaskEvent } from './taskscheduler.ts';
import { COMMON_DLLS } from './catalog.ts';

export interface RecordOpts {
  /** Delay between the activity and the record (TimeCreated); defaults per event kind. */
  readonly lagMs?: number;
  readonly eventDataName?: string;
}

/** Sysmon buffers network and DNS events: they reach the log seconds after the activity. */
const LATE_EVENTS = new Set([3, 22]);

export class Recorder {
  readonly win: WinEventDraft[] = [];
  readonly zeekRecords: ZeekDraft[] = [];
  private readonly states = new Map<string, HostState>();
  private readonly threads = new Map<string, number[]>();

  constructor(readonly rng: Rng) {}

  /** Allocator for processes this dataset starts on a host. */
  host(spec: HostSpec): HostState {
    let s = this.states.get(spec.short);
    if (!s) {
      s = new HostState(spec, this.rng.fork(`host:${spec.short}`), this.rng.int(0x20000, 0x60000));
      this.states.set(spec.short, s);
    }
    return s;
  }

  private thread(spec: HostSpec, channel: Channel): number {
    const key = `${spec.short}/${channel}`;
    let pool = this.threads.get(key);
    if (!pool) {
      const r = this.rng.fork(`threads:${key}`);
      pool = [r.int(1000, 9000) & ~3, r.int(1000, 9000) & ~3, r.int(1000, 9000) & ~3];
      this.threads.set(key, pool);
    }
    return this.rng.pick(pool);
  }

  record(spec: HostSpec, channel: Channel, eventId: number, activityMs: number, data: S.DataPairs, opts: RecordOpts = {}): void {
    const lag = opts.lagMs ?? (channel === 'sysmon' && LATE_EVENTS.has(eventId) ? this.rng.int(1500, 26000) : this.rng.int(2, 60));
    this.win.push({
      host: spec.short, channel, eventId, activityMs, recordMs: activityMs + lag, recordTicks: this.rng.int(0, 9999),
      data, eventDataName: opts.eventDataName, threadId: this.thread(spec, channel),
    });
  }

  // ---- Sysmon verbs ----------------------------------------------------------------------

  /** Event 1 for p, optionally followed by image loads of common DLLs (event 7). */
  start(p: Proc, loads = 0, extraDlls: readonly string[] = []): Proc {
    this.record(p.host, 'sysmon', 1, p.startMs, S.processCreate(p));
    const dlls = [...COMMON_DLLS.slice(0, loads), ...extraDlls];
    let t = p.startMs + this.rng.int(3, 20);
    for (const dll of dlls) {
      this.record(p.host, 'sysmon', 7, t, S.imageLoad(p, t, dll));
      t += this.rng.int(0, 4);
    }
    return p;
  }

  load(p: Proc, ms: number, dll: string): void {
    this.record(p.host, 'sysmon', 7, ms, S.imageLoad(p, ms, dll));
  }

  exit(p: Proc, ms: number): void {
    this.record(p.host, 'sysmon', 5, ms, S.processTerminate(p, ms));
  }

  net(p: Proc, ms: number, c: S.Connection, lagMs?: number): void {
    this.record(p.host, 'sysmon', 3, ms, S.networkConnect(p, ms, c), { lagMs });
  }

  dns(p: Proc, ms: number, name: string, answers: readonly string[], status = 0): void {
    this.record(p.host, 'sysmon', 22, ms, S.dnsQuery(p, ms, name, answers, status));
  }

  file(p: Proc, ms: number, target: string): void {
    this.record(p.host, 'sysmon', 11, ms, S.fileCreate(p, ms, target));
  }

  regKey(p: Proc, ms: number, target: string, eventType: 'CreateKey' | 'DeleteKey' | 'DeleteValue' = 'CreateKey'): void {
    this.record(p.host, 'sysmon', 12, ms, S.registryKey(p, ms, eventType, target));
  }

  regSet(p: Proc, ms: number, target: string, details: string): void {
    this.record(p.host, 'sysmon', 13, ms, S.registrySet(p, ms, target, details));
  }

  // ---- other channels --------------------------------------------------------------------

  security(spec: HostSpec, eventId: number, ms: number, data: S.DataPairs): void {
    this.record(spec, 'security', eventId, ms, data);
  }

  task(spec: HostSpec, ev: TaskEvent, ms: number): void {
    this.record(spec, 'taskscheduler', ev.eventId, ms, ev.data, { eventDataName: ev.name });
  }

  zeek(log: ZeekLog, ms: number, fields: ZeekDraft['fields']): void {
    this.zeekRecords.push({ log, ms, micros: this.rng.int(0, 999), fields });
  }
}
