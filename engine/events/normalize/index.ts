/**
 * SourceRecord → normalized ECS fields and the replay timestamp.
 *
 * Which clock is @timestamp (the decision, also in docs/events.md):
 * A Sysmon event carries two times: EventData/UtcTime, when the activity happened, and
 * System/TimeCreated, when the record was written. Sysmon writes network connections (event 3)
 * late, tens of seconds in real recordings, so ordering by record time can put a connection after
 * the registry write it caused — and sequences written "connection, then write" never fire. Some
 * collectors also write local time with a trailing Z in TimeCreated. Winlogbeat's Sysmon module
 * sets @timestamp from UtcTime and event.created from TimeCreated; dac does the same by default
 * (clock `activity`). A dataset may choose `record`: then @timestamp is TimeCreated. Events
 * without UtcTime (Security, TaskScheduler) use TimeCreated under either clock. event.created
 * always holds the record time.
 */
import type { EcsFields, SourceRecord } from '../types.ts';
import type { ReplayClock } from '../dataset-manifest.ts';
import { fromFlat, fromWinRecord, type WinView } from './win-view.ts';
import { normalizeSysmon } from './sysmon.ts';
import { normalizeSecurity, normalizeTaskScheduler } from './security.ts';
import { normalizeGeneric, normalizePowerShell } from './powershell.ts';
import { familyOf } from '../../ir/windows-ecs/index.ts';
import { normalizeZeekConn, normalizeZeekDceRpc } from './zeek.ts';
import { normalizeZeekLog } from './zeek-logs.ts';
import { normalizeAuditd } from './auditd.ts';
import { normalizeRpc } from './rpc.ts';
import { fromEpochSeconds, iso, parseTime } from './time.ts';
import type { Out } from './out.ts';
import { canonicalizeIps } from './ip.ts';

export type Normalized =
  | { readonly ok: true; readonly fields: EcsFields; readonly ts: number }
  | { readonly ok: false; readonly reason: string };

export interface NormalizeOptions {
  readonly clock: ReplayClock;
}

function isSysmon(v: WinView): boolean {
  return familyOf(v.channel, v.provider).id === 'sysmon';
}

/** The family (engine/ir/windows-ecs) decides which normalizer reads the event. */
function mapWin(v: WinView): Out {
  const family = familyOf(v.channel, v.provider);
  switch (family.id) {
    case 'sysmon': return normalizeSysmon(v, family);
    case 'security': return normalizeSecurity(v, family);
    case 'taskscheduler': return normalizeTaskScheduler(v, family);
    case 'powershell': case 'powershell-classic': return normalizePowerShell(v, family);
    default: return normalizeGeneric(v, family);
  }
}

function finish(fields: Out, ts: number, created: number | undefined): Normalized {
  canonicalizeIps(fields);
  fields['@timestamp'] = iso(ts);
  if (created !== undefined) fields['event.created'] = iso(created);
  return { ok: true, fields, ts };
}

function normalizeWin(v: WinView, opts: NormalizeOptions): Normalized {
  if (!Number.isInteger(v.eventId)) return { ok: false, reason: 'record has no numeric EventID' };
  const record = parseTime(v.timeCreated);
  const activity = isSysmon(v) ? parseTime(v.data['UtcTime']) : undefined;
  const ts = opts.clock === 'record' ? record ?? activity : activity ?? record;
  if (ts === undefined) return { ok: false, reason: `no usable time (TimeCreated ${JSON.stringify(v.timeCreated ?? null)})` };
  return finish(mapWin(v), ts, record);
}

function normalizeEcs(doc: EcsFields, opts: NormalizeOptions): Normalized {
  const at = typeof doc['@timestamp'] === 'string' ? parseTime(doc['@timestamp']) : undefined;
  const created = typeof doc['event.created'] === 'string' ? parseTime(doc['event.created']) : undefined;
  const ts = opts.clock === 'record' ? created ?? at : at ?? created;
  if (ts === undefined) return { ok: false, reason: 'ECS document has no parseable @timestamp' };
  return { ok: true, fields: { ...doc }, ts };
}

export function normalize(rec: SourceRecord, opts: NormalizeOptions): Normalized {
  switch (rec.kind) {
    case 'win': return normalizeWin(fromWinRecord(rec.win), opts);
    case 'flat': return normalizeWin(fromFlat(rec.doc), opts);
    case 'ecs': return normalizeEcs(rec.doc, opts);
    case 'zeek': {
      const ts = fromEpochSeconds(rec.doc['ts']);
      if (ts === undefined) return { ok: false, reason: 'Zeek record has no numeric ts within the date range' };
      // A port must be a whole number 0–65535: 1e400 (Infinity) or -5 is a damaged record, not a port.
      for (const k of ['id.orig_p', 'id.resp_p']) {
        const p = rec.doc[k];
        if (p === undefined || p === null || p === '-') continue;
        const x = typeof p === 'number' ? p : typeof p === 'string' ? Number(p) : NaN;
        if (!Number.isInteger(x) || x < 0 || x > 65535) return { ok: false, reason: `Zeek ${k} ${typeof p === "number" ? String(p) : JSON.stringify(p)} is not a port (0-65535)` };
      }
      if (rec.log === 'conn') return finish(normalizeZeekConn(rec.doc), ts, undefined);
      if (rec.log === 'dce_rpc') return finish(normalizeZeekDceRpc(rec.doc), ts, undefined);
      return finish(normalizeZeekLog(rec.log, rec.doc), ts, undefined);
    }
    case 'rpc': return finish({ ...normalizeRpc(rec.rpc) }, rec.rpc.ts, undefined);
    case 'auditd': return finish(normalizeAuditd(rec.event), rec.event.ts, undefined);
  }
}
