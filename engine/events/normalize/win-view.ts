/**
 * One view of a Windows event whatever carried it: rendered XML / EVTX (WinEventRecord) or a flat
 * JSON record (OTRF, NXLog). The normalizers read only this. The view has no holes (issue 18):
 * every field a Sigma rule can name is in `data` — EventData, the children of UserData (WMI 5858
 * `Operation`), each name with spaces also without them (Defender's "Threat Name" as ThreatName,
 * as Winlogbeat's PowerShell module renames them), PowerShell's context lines split into fields,
 * and Windows' `-` placeholder kept as the value it is.
 */
import type { Scalar, WinEventRecord } from '../types.ts';
import { familyOf } from '../../ir/windows-ecs/index.ts';

export interface WinView {
  readonly eventId: number;
  readonly channel: string;
  readonly provider: string;
  readonly providerGuid?: string;
  readonly computer: string;
  readonly recordId?: number;
  /** System/TimeCreated (or the collector's EventTime for flat records), as written. */
  readonly timeCreated?: string;
  readonly userId?: string;
  readonly processId?: number;
  readonly threadId?: number;
  readonly version?: number;
  readonly keywords?: string;
  readonly opcode?: string;
  readonly task?: string;
  /**
   * EventData (unnamed <Data> as param1, param2 … as Winlogbeat names them) and UserData fields,
   * plus the derived names above.
   */
  readonly data: Readonly<Record<string, string>>;
  /** Values of unnamed <Data> elements, in order (Sigma names them all `Data`). */
  readonly unnamed?: readonly string[];
  /** UserData children, when the event used UserData. */
  readonly userData?: Readonly<Record<string, string>>;
  readonly message?: string;
}

const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** `Key = Value` / `Key=Value` lines (PowerShell's ContextInfo and classic Data) → fields, spaces removed from keys. */
function contextLines(text: string, into: Record<string, string>): void {
  for (const line of text.split(/\r?\n/)) {
    const eq = line.indexOf('=');
    if (eq < 1) continue;
    const key = line.slice(0, eq).replace(/\s+/g, '');
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key) || has(into, key)) continue;
    into[key] = line.slice(eq + 1).trim();
  }
}

/** The derived names of the view: unspaced aliases and PowerShell's context fields. */
function complete(data: Record<string, string>, unnamed: readonly string[], channel: string, provider: string, eventId: number): void {
  for (const k of Object.keys(data)) {
    if (!/\s/.test(k)) continue;
    const bare = k.replace(/\s+/g, '');
    if (bare && !has(data, bare)) data[bare] = data[k]!;
  }
  const family = familyOf(channel, provider).id;
  if (family === 'powershell' && eventId === 4103 && data['ContextInfo']) contextLines(data['ContextInfo'], data);
  if (family === 'powershell-classic') for (const u of unnamed) if (u.includes('=')) contextLines(u, data);
}

export function fromWinRecord(rec: WinEventRecord): WinView {
  const data: Record<string, string> = Object.create(null) as Record<string, string>;
  const unnamed: string[] = [];
  if (rec.dataKind === 'EventData') {
    for (const d of rec.data) {
      if (d.name === undefined) unnamed.push(d.value);
      data[d.name ?? `param${unnamed.length}`] = d.value;
    }
  }
  let userData: Record<string, string> | undefined;
  if (rec.dataKind === 'UserData') {
    userData = Object.create(null) as Record<string, string>;
    for (const d of rec.data) if (d.name) { userData[d.name] = d.value; if (!has(data, d.name)) data[d.name] = d.value; }
  }
  const s = rec.system;
  complete(data, unnamed, s.channel, s.provider, s.eventId);
  return {
    eventId: s.eventId, channel: s.channel, provider: s.provider, providerGuid: s.providerGuid, computer: s.computer,
    recordId: s.recordId, timeCreated: s.timeCreated, userId: s.userId, processId: s.processId, threadId: s.threadId,
    version: s.version, keywords: s.keywords, opcode: rec.renderingInfo?.opcode, task: rec.renderingInfo?.task,
    data, unnamed, userData, message: rec.renderingInfo?.message,
  };
}

/**
 * Collector fields of flat records (NXLog im_msvistalog, OTRF's Logstash/Sentinel exports): not
 * EventData. Everything else at top level is EventData.
 */
const FLAT_META = new Set([
  'EventID', 'EventId', 'Channel', 'Hostname', 'Computer', 'SourceName', 'ProviderName', 'ProviderGuid', 'RecordNumber',
  'EventRecordID', 'EventTime', 'TimeCreated', 'EventReceivedTime', 'UserID', 'ExecutionProcessID', 'ThreadID',
  'Keywords', 'SeverityValue', 'Severity', 'EventType', 'EventTypeOrignal', 'Opcode', 'OpcodeValue', 'Task', 'Version',
  'Category', 'Message', 'AccountName', 'AccountType', 'Domain', 'SourceModuleName', 'SourceModuleType', 'host', 'port',
  '@timestamp', '@version', 'tags', 'ERROR_EVT_UNRESOLVED', 'ActivityID', 'RelatedActivityID', 'Level', 'EventData',
  'TenantId', 'SourceSystem', 'Type', 'MG', 'ManagementGroupName', 'TimeGenerated', '_ResourceId', 'EventLevel',
  'EventLevelName', 'Provider',
]);

function str(v: Scalar | undefined): string | undefined {
  return v === undefined || v === null ? undefined : String(v);
}

function num(v: Scalar | undefined): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** `Name: value` lines of a rendered Sysmon message (to recover fields a collector hid). */
function messageFields(msg: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of msg.split(/\r?\n/)) {
    const m = /^([A-Za-z][A-Za-z0-9]*): ?(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

export function fromFlat(doc: Readonly<Record<string, Scalar>>): WinView {
  const data: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(doc)) {
    if (FLAT_META.has(k)) continue;
    // NXLog's own execution pid: Sysmon's ProcessId (other case) is EventData.
    if (k === 'ProcessID' && typeof v === 'number') continue;
    if (v !== null) data[k] = String(v);
  }
  const provider = str(doc['SourceName']) ?? str(doc['ProviderName']) ?? str(doc['Provider']) ?? '';
  const message = str(doc['Message']);
  // NXLog's ProcessID (the logging process) collides with Sysmon's ProcessId: recover it, and any
  // other EventData the collector dropped, from the rendered message.
  if (message && provider === 'Microsoft-Windows-Sysmon') {
    for (const [k, v] of Object.entries(messageFields(message))) {
      if (!(k in data) && k !== 'ProcessID' && k !== 'ProcessGUID') data[k] = v;
    }
  }
  const nxlogPid = typeof doc['ProcessID'] === 'number' ? doc['ProcessID'] : undefined;
  const eventId = num(doc['EventID'] ?? doc['EventId']) ?? NaN;
  const channel = str(doc['Channel']) ?? '';
  const unnamed = Object.keys(data).filter((k) => /^param\d+$/.test(k)).map((k) => data[k]!);
  complete(data, unnamed, channel, provider, eventId);
  return {
    eventId,
    channel,
    provider,
    providerGuid: str(doc['ProviderGuid']),
    computer: str(doc['Hostname']) ?? str(doc['Computer']) ?? '',
    recordId: num(doc['RecordNumber'] ?? doc['EventRecordID']),
    timeCreated: str(doc['TimeCreated']) ?? str(doc['EventTime']),
    userId: str(doc['UserID']),
    processId: num(doc['ExecutionProcessID']) ?? nxlogPid,
    threadId: num(doc['ThreadID']),
    version: num(doc['Version']),
    keywords: str(doc['Keywords']),
    opcode: str(doc['Opcode']),
    task: str(doc['Category']),
    data,
    unnamed,
    message,
  };
}
