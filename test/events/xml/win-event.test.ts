/**
 * The one Windows-record builder (events/xml/event.ts) over the one XML tree: event XML and decoded
 * EVTX go through it, so both readers accept and reject the same events for the same reasons.
 */
import { describe, expect, it } from 'vitest';
import { parseElement } from '../../../engine/events/xml/element.ts';
import { toWinEvent } from '../../../engine/events/xml/event.ts';
import { readXml } from '../../../engine/events/xml/reader.ts';
import { readAll } from '../helpers.ts';

const EVENT = (system: string, body = '') => `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System>${system}</System>${body}</Event>`;
const SYS = '<Provider Name="Microsoft-Windows-Sysmon"/><EventID>1</EventID><TimeCreated SystemTime="2024-03-01T10:00:00.000Z"/><EventRecordID>9</EventRecordID><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>WKS</Computer>';

describe('toWinEvent', () => {
  it('builds the same record from an element or from a fragment of nodes (the EVTX decoder hands nodes)', () => {
    const el = parseElement(EVENT(SYS, '<EventData><Data Name="Image">C:\\a.exe</Data><Data>unnamed</Data></EventData>'));
    const rec = toWinEvent(el);
    expect(rec).toEqual(toWinEvent(['\n', el]));
    expect(rec).toMatchObject({ dataKind: 'EventData', data: [{ name: 'Image', value: 'C:\\a.exe' }, { value: 'unnamed' }] });
    expect(typeof rec !== 'string' && rec.system).toEqual({
      provider: 'Microsoft-Windows-Sysmon', eventId: 1, timeCreated: '2024-03-01T10:00:00.000Z', recordId: 9,
      channel: 'Microsoft-Windows-Sysmon/Operational', computer: 'WKS',
    });
  });

  it('requires System, a numeric EventID and a TimeCreated SystemTime, with one reason each', () => {
    expect(toWinEvent(parseElement('<Event/>'))).toBe('event has no <System>');
    expect(toWinEvent(parseElement(EVENT(SYS.replace('<EventID>1</EventID>', ''))))).toBe('event has no numeric <System>/<EventID>');
    expect(toWinEvent(parseElement(EVENT(SYS.replace(/<TimeCreated[^>]*>/, ''))))).toBe('event has no <System>/<TimeCreated SystemTime=…>');
    expect(toWinEvent(parseElement(EVENT(SYS.replace('SystemTime="2024-03-01T10:00:00.000Z"', ''))))).toBe('event has no <System>/<TimeCreated SystemTime=…>');
    expect(toWinEvent(parseElement('<Other/>'))).toBe('root element is <Other>, not <Event>');
    expect(toWinEvent([])).toBe('record holds no XML element');
  });

  it('the XML reader rejects an event without TimeCreated at its line, through the builder', async () => {
    const items = await readAll(readXml, `${EVENT(SYS)}\n${EVENT(SYS.replace(/<TimeCreated[^>]*>/, ''))}\n`);
    expect(items.map((i) => (i.ok ? 'ok' : `${i.loc.line}: ${i.reason}`))).toEqual(['ok', '2: malformed event XML: event has no <System>/<TimeCreated SystemTime=…>']);
  });
});
