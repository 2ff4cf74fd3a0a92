/**
 * Renders one Windows event as a single line of XML in the style Splunk's XmlWinEventLog ships:
 * single-quoted attributes, the 2004/08 event namespace, <System> then <EventData>.
 */
import type { WinEventDraft, Channel } from './model.ts';
import { systemTime } from './time.ts';

/** Text-node escaping. Line breaks become character references so each event stays on one line. */
export function escapeText(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');
}

interface ProviderInfo {
  readonly name: string;
  readonly guid: string;
  readonly channel: string;
  readonly userId?: string;
  readonly keywords: string;
}

const PROVIDERS: Record<Channel, ProviderInfo> = {
  sysmon: { name: 'Microsoft-Windows-Sysmon', guid: '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}', channel: 'Microsoft-Windows-Sysmon/Operational', userId: 'S-1-5-18', keywords: '0x8000000000000000' },
  security: { name: 'Microsoft-Windows-Security-Auditing', guid: '{54849625-5478-4994-a5ba-3e3b0328c30d}', channel: 'Security', keywords: '0x8020000000000000' },
  taskscheduler: { name: 'Microsoft-Windows-TaskScheduler', guid: '{de7b24ea-73c8-4a09-985d-5bdadcfa9017}', channel: 'Microsoft-Windows-TaskScheduler/Operational', userId: 'S-1-5-18', keywords: '0x8000000000000000' },
};

/** Version / Level / Task / Opcode per (channel, event id), as the real providers write them. */
export interface Header { readonly version: number; readonly level: number; readonly task: number; readonly opcode: number }

export interface RenderContext {
  readonly recordId: number;
  /** Execution ProcessID: Sysmon's own pid, lsass for Security, the Schedule svchost for TaskScheduler. */
  readonly processId: number;
  readonly computer: string;
  readonly header: Header;
}

export function renderEvent(ev: WinEventDraft, ctx: RenderContext): string {
  const p = PROVIDERS[ev.channel];
  const h = ctx.header;
  const security = p.userId ? `<Security UserID='${p.userId}'/>` : '<Security/>';
  const system =
    `<System><Provider Name='${p.name}' Guid='${p.guid}'/><EventID>${ev.eventId}</EventID>` +
    `<Version>${h.version}</Version><Level>${h.level}</Level><Task>${h.task}</Task><Opcode>${h.opcode}</Opcode>` +
    `<Keywords>${p.keywords}</Keywords><TimeCreated SystemTime='${systemTime(ev.recordMs, ev.recordTicks)}'/>` +
    `<EventRecordID>${ctx.recordId}</EventRecordID><Correlation/>` +
    `<Execution ProcessID='${ctx.processId}' ThreadID='${ev.threadId}'/><Channel>${p.channel}</Channel>` +
    `<Computer>${ctx.computer}</Computer>${security}</System>`;
  const open = ev.eventDataName ? `<EventData Name='${ev.eventDataName}'>` : '<EventData>';
  let data = '';
  for (const [name, value] of ev.data) data += `<Data Name='${name}'>${escapeText(value)}</Data>`;
  return `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>${system}${open}${data}</EventData></Event>`;
}
