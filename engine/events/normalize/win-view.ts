/**
 * One view of a Windows event whatever carried it: rendered XML / EVTX (WinEventRecord) or a flat
 * JSON record (OTRF, NXLog). The Sysmon/Security/TaskScheduler mappings read only this.
 */
import type { Scalar, WinEventRecord } from '../types.ts';

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
  /** EventData (unnamed <Data> as param1, param2 … as Winlogbeat names them). */
  readonly data: Readonly<Record<string, string>>;
  /** UserData children, when the event used UserData. */
  readonly userData?: Readonly<Record<string, string>>;
  readonly message?: string;
}

export function fromWinRecord(rec: WinEventRecord): WinView {
  const data: Record<string, string> = {};
  let unnamed = 0;
  if (rec.dataKind === 'EventData') {
    for (const d of rec.data) data[d.name ?? `param${++unnamed}`] = d.value;
  }
  let userData: Record<string, string> | undefined;
  if (rec.dataKind === 'UserData') {
    userData = {};
    for (const d of rec.data) if (d.name) userData[d.name] = d.value;
  }
  const s = rec.system;
  return {
    eventId: s.eventId, channel: s.channel, provider: s.provider, providerGuid: s.providerGuid, computer: s.computer,
    recordId: s.recordId, timeCreated: s.timeCreated, userId: s.userId, processId: s.processId, threadId: s.threadId,
    version: s.version, keywords: s.keywords, opcode: rec.renderingInfo?.opcode, task: rec.renderingInfo?.task,
    data, userData, message: rec.renderingInfo?.message,
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
  const data: Record<string, string> = {};
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
  return {
    eventId: num(doc['EventID'] ?? doc['EventId']) ?? NaN,
    channel: str(doc['Channel']) ?? '',
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
    message,
  };
}
