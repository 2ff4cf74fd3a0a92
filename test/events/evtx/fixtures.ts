/** Generated EVTX fixtures for the tests (made with scripts/evtx-writer.ts, never stored). */
import { eventRecord, type EventSpec } from '../../../scripts/evtx-event.ts';
import type { WRecord } from '../../../scripts/evtx-writer.ts';

export function sysmonSpec(i: number, data?: EventSpec['data']): EventSpec {
  return {
    provider: 'Microsoft-Windows-Sysmon', providerGuid: '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}', eventId: 1, version: 5, task: 1,
    timeCreated: `2024-03-01T10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.1234567Z`,
    recordId: i + 1, channel: 'Microsoft-Windows-Sysmon/Operational', computer: 'WS1.corp.example', userId: 'S-1-5-18',
    data: data ?? [['Image', 'C:\\Windows\\System32\\schtasks.exe'], ['CommandLine', `schtasks.exe /run /tn Task${i} ${'x'.repeat(200)}`]],
  };
}

/** `n` Sysmon process events; about 190 fit a chunk, so 400 span three chunks. */
export function sysmonRecords(n: number): WRecord[] {
  return Array.from({ length: n }, (_, i) => eventRecord(sysmonSpec(i)));
}
