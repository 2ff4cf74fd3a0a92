/** Test helpers: build Windows event XML, read a string through a reader, normalize one event. */
import { bytesStream } from '../../engine/events/open.ts';
import type { ReaderItem, SourceRecord } from '../../engine/events/types.ts';
import { normalize } from '../../engine/events/normalize/index.ts';
import type { EcsFields } from '../../engine/events/types.ts';
import type { ReplayClock } from '../../engine/events/dataset-manifest.ts';

export const SYSMON = { provider: 'Microsoft-Windows-Sysmon', guid: '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}', channel: 'Microsoft-Windows-Sysmon/Operational' };
export const SECURITY = { provider: 'Microsoft-Windows-Security-Auditing', guid: '{54849625-5478-4994-A5BA-3E3B0328C30D}', channel: 'Security' };
export const TASKS = { provider: 'Microsoft-Windows-TaskScheduler', guid: '{DE7B24EA-73C8-4A09-985D-5BDADCFA9017}', channel: 'Microsoft-Windows-TaskScheduler/Operational' };

export interface EventSpec {
  readonly source?: { provider: string; guid: string; channel: string };
  readonly id: number;
  readonly data: Record<string, string>;
  readonly time?: string;
  readonly record?: number;
  readonly computer?: string;
  readonly keywords?: string;
  readonly userId?: string;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function eventXml(e: EventSpec): string {
  const src = e.source ?? SYSMON;
  const data = Object.entries(e.data).map(([k, v]) => `<Data Name='${k}'>${esc(v)}</Data>`).join('');
  return `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='${src.provider}' Guid='${src.guid}'/>` +
    `<EventID>${e.id}</EventID><Version>5</Version><Level>4</Level><Task>${e.id}</Task><Opcode>0</Opcode><Keywords>${e.keywords ?? '0x8000000000000000'}</Keywords>` +
    `<TimeCreated SystemTime='${e.time ?? '2024-03-01T10:00:05.1234567Z'}'/><EventRecordID>${e.record ?? 100}</EventRecordID><Correlation/>` +
    `<Execution ProcessID='3012' ThreadID='4100'/><Channel>${src.channel}</Channel><Computer>${e.computer ?? 'WKS-01.corp.example'}</Computer>` +
    `<Security UserID='${e.userId ?? 'S-1-5-18'}'/></System><EventData>${data}</EventData></Event>`;
}

export async function readAll(read: (file: string, input: AsyncIterable<Uint8Array>) => AsyncIterable<ReaderItem>, text: string | Uint8Array, chunk = 7): Promise<ReaderItem[]> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const out: ReaderItem[] = [];
  for await (const it of read('t.log', bytesStream(bytes, chunk))) out.push(it);
  return out;
}

export function norm(rec: SourceRecord, clock: ReplayClock = 'activity'): { fields: EcsFields; ts: number } {
  const n = normalize(rec, { clock });
  if (!n.ok) throw new Error(n.reason);
  return n;
}
