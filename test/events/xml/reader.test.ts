import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { readXml, xmlReader } from '../../../engine/events/xml/reader.ts';
import type { WinEventRecord } from '../../../engine/events/types.ts';
import { eventXml, readAll } from '../helpers.ts';

function wins(items: Awaited<ReturnType<typeof readAll>>): WinEventRecord[] {
  return items.flatMap((i) => (i.ok && i.record.kind === 'win' ? [i.record.win] : []));
}

const PRETTY = `<?xml version="1.0" encoding="utf-8"?>\r
<Events>\r
<Event>\r
  <System>\r
    <Provider Name="Microsoft-Windows-TaskScheduler" Guid="{DE7B24EA-73C8-4A09-985D-5BDADCFA9017}" />\r
    <EventID>106</EventID>\r
    <TimeCreated SystemTime="2024-03-01T10:00:00.000Z" />\r
    <EventRecordID>7</EventRecordID>\r
    <Channel>Microsoft-Windows-TaskScheduler/Operational</Channel>\r
    <Computer>SRV-01</Computer>\r
  </System>\r
  <UserData>\r
    <TaskRegistrationEvent xmlns="http://manifests.microsoft.com/win/2004/08/windows/eventlog">\r
      <TaskName>\\Updater</TaskName>\r
      <UserContext>CORP\\alice</UserContext>\r
    </TaskRegistrationEvent>\r
  </UserData>\r
  <RenderingInfo Culture="en-US"><Message>Task registered &amp; ready</Message><Level>Information</Level></RenderingInfo>\r
</Event>\r
<Event><System><Provider Name="Service Control Manager"/><EventID Qualifiers="16384">7045</EventID><TimeCreated SystemTime="2024-03-01T10:00:01Z"/><Channel>System</Channel><Computer>SRV-01</Computer></System><EventData><Data>svc</Data><Data><![CDATA[C:\\a <b>.exe]]></Data><Data>a&#x41;&#66;</Data></EventData></Event>\r
</Events>\r
`;

describe('XML reader', () => {
  it('reads one event per line (Splunk XmlWinEventLog, single quotes) with line numbers', async () => {
    const text = [eventXml({ id: 1, data: { Image: 'C:\\a.exe' } }), eventXml({ id: 3, data: { DestinationPort: '445' }, record: 101 })].join('\n') + '\n';
    const items = await readAll(readXml, text);
    expect(items.map((i) => i.ok && i.loc.line)).toEqual([1, 2]);
    const [a, b] = wins(items);
    expect(a!.system).toMatchObject({ provider: 'Microsoft-Windows-Sysmon', eventId: 1, recordId: 100, processId: 3012, threadId: 4100, userId: 'S-1-5-18', computer: 'WKS-01.corp.example', timeCreated: '2024-03-01T10:00:05.1234567Z', channel: 'Microsoft-Windows-Sysmon/Operational' });
    expect(a!.data).toEqual([{ name: 'Image', value: 'C:\\a.exe' }]);
    expect(b!.system.recordId).toBe(101);
  });

  it('reads pretty-printed exports without namespace: UserData, RenderingInfo, unnamed Data, CDATA, char refs, CRLF', async () => {
    const items = await readAll(readXml, PRETTY, 13);
    expect(items.every((i) => i.ok)).toBe(true);
    const [t, s] = wins(items);
    expect(t!.dataKind).toBe('UserData');
    expect(t!.userDataRoot).toBe('TaskRegistrationEvent');
    expect(t!.data).toEqual([{ name: 'TaskName', value: '\\Updater' }, { name: 'UserContext', value: 'CORP\\alice' }]);
    expect(t!.renderingInfo).toMatchObject({ message: 'Task registered & ready', level: 'Information' });
    expect(items[0]!.loc.line).toBe(3);
    expect(s!.system.qualifiers).toBe(16384);
    expect(s!.data).toEqual([{ name: undefined, value: 'svc' }, { name: undefined, value: 'C:\\a <b>.exe' }, { name: undefined, value: 'aAB' }]);
    expect(items[1]!.loc.line).toBe(20);
  });

  it('keeps raw newlines inside values and counts lines across them', async () => {
    const text = eventXml({ id: 1, data: { CommandLine: 'cmd /c "a\r\nb"' } }) + '\n' + eventXml({ id: 5, data: {} }) + '\n';
    const items = await readAll(readXml, text);
    expect(wins(items)[0]!.data[0]!.value).toBe('cmd /c "a\r\nb"');
    expect(items[1]!.loc.line).toBe(3);
  });

  it('rejects a malformed event with its line and goes on', async () => {
    const bad = eventXml({ id: 1, data: {} }).replace('</EventID>', '</EventId>');
    const text = `${eventXml({ id: 1, data: {} })}\n${bad}\n${eventXml({ id: 11, data: {} })}\n`;
    const items = await readAll(readXml, text);
    expect(items.map((i) => i.ok)).toEqual([true, false, true]);
    const r = items[1]!;
    expect(r.ok === false && r.loc.line).toBe(2);
    expect(r.ok === false && r.reason).toMatch(/<\/EventId> closes <EventID>/);
  });

  it('rejects an unknown entity and an event without EventID', async () => {
    const items = await readAll(readXml, `${eventXml({ id: 1, data: { A: 'x' } }).replace('>x<', '>&nbsp;<')}\n<Event><System><TimeCreated SystemTime='2024-01-01T00:00:00Z'/></System></Event>\n`);
    expect(items.map((i) => (i.ok ? 'ok' : i.reason))).toEqual([expect.stringMatching(/unknown entity &nbsp;/), expect.stringMatching(/no numeric <System>\/<EventID>/)]);
  });

  it('reports text between events as skipped with its lines (Splunk .raw), and a truncated last event as rejected', async () => {
    const text = `${eventXml({ id: 1, data: {} })}\n01/14/2021 11:41:39 PM\nLogName=Security\nEventCode=4104\n${eventXml({ id: 1, data: {} }).slice(0, 120)}`;
    const items = await readAll(readXml, text);
    expect(items[0]!.ok).toBe(true);
    expect(items[1]).toMatchObject({ ok: false, skipped: true, loc: { line: 2 } });
    expect(items[1]!.ok === false && items[1]!.reason).toMatch(/lines 2-5/);
    expect(items[2]).toMatchObject({ ok: false, loc: { line: 5 } });
    expect(items[2]!.ok === false && items[2]!.skipped).toBeUndefined();
  });

  it('reads gzip and UTF-16LE with BOM transparently', async () => {
    const text = eventXml({ id: 13, data: { TargetObject: 'HKLM\\X' } });
    expect(wins(await readAll(readXml, gzipSync(Buffer.from(text))))).toHaveLength(1);
    const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const w = wins(await readAll(readXml, new Uint8Array(u16), 5));
    expect(w[0]!.data[0]!.value).toBe('HKLM\\X');
  });

  it('detects XML from content', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(xmlReader.detect(enc(eventXml({ id: 1, data: {} })), 'x.log')).toBe(true);
    expect(xmlReader.detect(enc('<?xml version="1.0"?>\n<Events><Event>'), 'x.xml')).toBe(true);
    expect(xmlReader.detect(enc('{"EventID": 1}'), 'x.xml')).toBe(false);
  });
});
