/**
 * Writes datasets/evtx_schtasks_run/schtasks_run.evtx: Sysmon process-creation events (event 1)
 * in EVTX form for the Splunk seed "Schtasks Run Task On Demand" end to end. WKS-02 runs
 * `schtasks.exe /run /tn "\Updater\UserSync"` from cmd.exe (the seed must fire once), after a
 * `schtasks.exe /query` (must not fire). Deterministic: same bytes on every run.
 *
 *   npx tsx scripts/gen-evtx-schtasks.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventRecord, type EventSpec } from './evtx-event.ts';
import { guid, hex64, u32 } from './evtx-values.ts';
import { writeEvtx } from './evtx-writer.ts';

const HOST = 'WKS-02.corp.example.com';

function sysmon1(recordId: number, time: string, pid: number, commandLine: string, processGuid: string): EventSpec {
  return {
    provider: 'Microsoft-Windows-Sysmon', providerGuid: '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}', eventId: 1, version: 5, level: 4, task: 1,
    keywords: 0x8000000000000000n, timeCreated: time, recordId, processId: 3348, threadId: 4120,
    channel: 'Microsoft-Windows-Sysmon/Operational', computer: HOST, userId: 'S-1-5-18',
    data: [
      ['RuleName', '-'], ['UtcTime', time.slice(0, 23).replace('T', ' ')], ['ProcessGuid', guid(processGuid)], ['ProcessId', u32(pid)],
      ['Image', 'C:\\Windows\\System32\\schtasks.exe'], ['FileVersion', '10.0.19041.1503 (WinBuild.160101.0800)'],
      ['Description', 'Task Scheduler Configuration Tool'], ['Product', 'Microsoft® Windows® Operating System'],
      ['Company', 'Microsoft Corporation'], ['OriginalFileName', 'sctasks.exe'], ['CommandLine', commandLine],
      ['CurrentDirectory', 'C:\\Users\\bob.k\\'], ['User', 'CORP\\bob.k'], ['LogonGuid', guid('{6F1C3A20-5B7E-6530-8A2D-0A0000000000}')],
      ['LogonId', hex64(0x2d8a6fn)], ['TerminalSessionId', u32(1)], ['IntegrityLevel', 'Medium'],
      ['Hashes', 'SHA256=5D4B5C6A0E1F0C2B9F3E8A7D6C5B4A39281706F5E4D3C2B1A09F8E7D6C5B4A39'],
      ['ParentProcessGuid', guid('{6F1C3A20-5C01-6530-9B04-000000003E01}')], ['ParentProcessId', u32(7312)],
      ['ParentImage', 'C:\\Windows\\System32\\cmd.exe'], ['ParentCommandLine', '"C:\\Windows\\system32\\cmd.exe" '],
      ['ParentUser', 'CORP\\bob.k'],
    ],
  };
}

export function schtasksRunEvtx(): Uint8Array {
  return writeEvtx([
    eventRecord(sysmon1(48211, '2024-05-14T09:12:03.4418210Z', 8840, 'schtasks.exe /query /tn "\\Updater\\UserSync"', '{6F1C3A20-6A13-6643-2F01-000000003E01}')),
    eventRecord(sysmon1(48212, '2024-05-14T09:12:17.9027730Z', 9016, 'schtasks.exe /run /tn "\\Updater\\UserSync"', '{6F1C3A20-6A21-6643-3001-000000003E01}')),
  ]);
}

export const SCHTASKS_EVTX = join(dirname(fileURLToPath(import.meta.url)), '../datasets/evtx_schtasks_run/schtasks_run.evtx');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHTASKS_EVTX, schtasksRunEvtx());
  process.stdout.write(`wrote ${SCHTASKS_EVTX}\n`);
}
