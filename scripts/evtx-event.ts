/**
 * Builds whole Windows events for the EVTX writer: a template shaped like the ones Windows writes
 * (System block with substitutions, EventData <Data Name=…> slots) and the matching values.
 * One template per (provider, event id, data names), as Windows keeps one per event definition.
 */
import { VT } from '../engine/events/evtx/binxml-tokens.ts';
import type { WNode, WRecord, WTemplate, WValue } from './evtx-writer.ts';
import { filetime, filetimeTicks, guid, guidBytes, hex64, nul, sid, u16, u32, u64, u8, wstr } from './evtx-values.ts';

export interface EventSpec {
  readonly provider: string;
  readonly providerGuid: string;
  readonly eventId: number;
  readonly version?: number;
  readonly level?: number;
  readonly task?: number;
  readonly opcode?: number;
  readonly keywords?: bigint;
  /** ISO-8601 UTC with up to 7 fractional digits. */
  readonly timeCreated: string;
  readonly recordId: number;
  readonly processId?: number;
  readonly threadId?: number;
  readonly channel: string;
  readonly computer: string;
  readonly userId?: string;
  /** Data Name → value; strings are written as wide strings. */
  readonly data: ReadonlyArray<readonly [string, string | WValue]>;
}

const SYSTEM_SLOTS = 14;
const s = (sub: number, type: number, optional = true): WNode => ({ sub, type, optional });

function systemNode(): WNode {
  return {
    el: 'System',
    children: [
      { el: 'Provider', attrs: [['Name', s(0, VT.WString)], ['Guid', s(1, VT.Guid)]] },
      { el: 'EventID', children: [s(2, VT.UInt16)] },
      { el: 'Version', children: [s(3, VT.UInt8)] },
      { el: 'Level', children: [s(4, VT.UInt8)] },
      { el: 'Task', children: [s(5, VT.UInt16)] },
      { el: 'Opcode', children: [s(6, VT.UInt8)] },
      { el: 'Keywords', children: [s(7, VT.HexInt64)] },
      { el: 'TimeCreated', attrs: [['SystemTime', s(8, VT.FileTime)]] },
      { el: 'EventRecordID', children: [s(9, VT.UInt64)] },
      { el: 'Correlation' },
      { el: 'Execution', attrs: [['ProcessID', s(10, VT.UInt32)], ['ThreadID', s(11, VT.UInt32)]] },
      { el: 'Channel', children: [s(12, VT.WString)] },
      { el: 'Computer', children: [{ text: '' }, s(13, VT.WString)] },
      { el: 'Security', attrs: [['UserID', s(14, VT.Sid)]] },
    ],
  };
}

const templates = new Map<string, WTemplate>();
let nextTemplateId = 1;

export function eventTemplate(provider: string, eventId: number, names: readonly string[]): WTemplate {
  const key = `${provider}\0${eventId}\0${names.join('\0')}`;
  let t = templates.get(key);
  if (t === undefined) {
    const id = nextTemplateId++;
    const data: WNode = { el: 'EventData', children: names.map((n, i) => ({ el: 'Data', attrs: [['Name', { text: n }]], children: [s(SYSTEM_SLOTS + 1 + i, VT.WString)] })) };
    const g = guidBytes(`{${id.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000}`);
    t = { id, guid: g, nodes: [{ el: 'Event', attrs: [['xmlns', { text: 'http://schemas.microsoft.com/win/2004/08/events/event' }]], children: [systemNode(), data] }] };
    templates.set(key, t);
  }
  return t;
}

export function eventRecord(e: EventSpec): WRecord {
  const template = eventTemplate(e.provider, e.eventId, e.data.map(([n]) => n));
  const values: WValue[] = [
    wstr(e.provider), guid(e.providerGuid), u16(e.eventId), u8(e.version ?? 0), u8(e.level ?? 4),
    u16(e.task ?? 0), u8(e.opcode ?? 0), hex64(e.keywords ?? 0x8000000000000000n), filetime(e.timeCreated),
    u64(BigInt(e.recordId)), u32(e.processId ?? 4), u32(e.threadId ?? 8), wstr(e.channel), wstr(e.computer),
    e.userId === undefined ? nul() : sid(e.userId),
    ...e.data.map(([, v]) => (typeof v === 'string' ? wstr(v) : v)),
  ];
  return { template, values, written: filetimeTicks(e.timeCreated) };
}
