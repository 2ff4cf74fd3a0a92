/**
 * An <Event> element → WinEventRecord. Accepts what Windows renders (with or without the
 * event namespace), with <EventData> (named or unnamed <Data>, <Binary>), <UserData>, and
 * <RenderingInfo>. Throws XmlError when the event lacks what every Windows event has.
 */
import type { WinEventRecord, WinSystem } from '../types.ts';
import { child, elements, textOf, XmlError, type XmlElement } from './element.ts';

function int(s: string | undefined): number | undefined {
  if (s === undefined || s === '') return undefined;
  const n = s.startsWith('0x') || s.startsWith('0X') ? parseInt(s.slice(2), 16) : Number(s);
  return Number.isFinite(n) ? n : undefined;
}

function system(el: XmlElement): WinSystem {
  const provider = child(el, 'Provider');
  const eventIdEl = child(el, 'EventID');
  const eventId = int(textOf(eventIdEl)?.trim());
  if (eventId === undefined) throw new XmlError('event has no numeric <System>/<EventID>', 0);
  const timeCreated = child(el, 'TimeCreated')?.attrs['SystemTime'];
  if (!timeCreated) throw new XmlError('event has no <System>/<TimeCreated SystemTime=…>', 0);
  const correlation = child(el, 'Correlation');
  const execution = child(el, 'Execution');
  return {
    provider: provider?.attrs['Name'] ?? '',
    providerGuid: provider?.attrs['Guid'],
    eventSourceName: provider?.attrs['EventSourceName'],
    eventId,
    qualifiers: int(eventIdEl?.attrs['Qualifiers']),
    version: int(textOf(child(el, 'Version'))),
    level: int(textOf(child(el, 'Level'))),
    task: int(textOf(child(el, 'Task'))),
    opcode: int(textOf(child(el, 'Opcode'))),
    keywords: textOf(child(el, 'Keywords')) || undefined,
    timeCreated,
    recordId: int(textOf(child(el, 'EventRecordID'))),
    activityId: correlation?.attrs['ActivityID'],
    relatedActivityId: correlation?.attrs['RelatedActivityID'],
    processId: int(execution?.attrs['ProcessID']),
    threadId: int(execution?.attrs['ThreadID']),
    channel: textOf(child(el, 'Channel')) ?? '',
    computer: textOf(child(el, 'Computer')) ?? '',
    userId: child(el, 'Security')?.attrs['UserID'],
  };
}

/** Text of an element including nested elements' text (UserData values may nest). */
function deepText(el: XmlElement): string {
  let out = '';
  for (const c of el.children) out += typeof c === 'string' ? c : deepText(c);
  return out;
}

export function toWinEvent(root: XmlElement): WinEventRecord {
  if (root.name !== 'Event') throw new XmlError(`root element is <${root.name}>, not <Event>`, 0);
  const sys = child(root, 'System');
  if (!sys) throw new XmlError('event has no <System>', 0);
  const eventData = child(root, 'EventData');
  const userData = child(root, 'UserData');
  const rendering = child(root, 'RenderingInfo');
  const renderingInfo = rendering
    ? {
        message: textOf(child(rendering, 'Message')),
        level: textOf(child(rendering, 'Level')),
        task: textOf(child(rendering, 'Task')),
        opcode: textOf(child(rendering, 'Opcode')),
      }
    : undefined;
  if (eventData) {
    const data = elements(eventData).map((d) =>
      d.name === 'Data' ? { name: d.attrs['Name'], value: deepText(d) } : { name: d.name, value: deepText(d) });
    return { system: system(sys), dataKind: 'EventData', data, renderingInfo };
  }
  if (userData) {
    const inner = elements(userData)[0];
    const data = inner ? elements(inner).map((d) => ({ name: d.name, value: deepText(d) })) : [];
    return { system: system(sys), dataKind: 'UserData', data, userDataRoot: inner?.name, renderingInfo };
  }
  return { system: system(sys), dataKind: 'none', data: [], renderingInfo };
}
