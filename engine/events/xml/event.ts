/**
 * The one Windows-record builder: an <Event> tree (xml/tree.ts, from event XML or decoded EVTX)
 * → WinEventRecord: System fields, EventData's <Data Name=…> pairs in order (other EventData
 * children such as <Binary> keep their element name), or the children of UserData's root element,
 * and RenderingInfo when present. What every Windows event has — System, a numeric EventID, a
 * TimeCreated SystemTime — is required here, once, for both readers; a string result is the
 * reason the tree is not a usable Windows event.
 */
import type { WinEventRecord, WinSystem } from '../types.ts';
import { attr, child, elements, xmlText, type XmlElement, type XmlNode } from './tree.ts';

function text(el: XmlElement | undefined): string | undefined {
  return el === undefined ? undefined : xmlText(el.children);
}
function num(s: string | undefined): number | undefined {
  if (s === undefined || s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** Maps the decoded tree; a string result is the reason it is not a Windows event. */
export function toWinEvent(tree: XmlElement | readonly XmlNode[]): WinEventRecord | string {
  const event = 'name' in tree ? tree : tree.find((n): n is XmlElement => typeof n !== 'string');
  if (event === undefined) return 'record holds no XML element';
  if (event.name !== 'Event') return `root element is <${event.name}>, not <Event>`;
  const sys = child(event, 'System');
  if (sys === undefined) return 'event has no <System>';
  // One pass over System's children: this runs once per event, so no repeated lookups.
  const system: Record<string, string | number> = { provider: '', eventId: NaN, timeCreated: '', channel: '', computer: '' };
  const set = (k: string, v: string | number | undefined) => { if (v !== undefined && !(typeof v === 'number' && Number.isNaN(v))) system[k] = v; };
  for (const c of sys.children) {
    if (typeof c === 'string') continue;
    switch (c.name) {
      case 'Provider': set('provider', attr(c, 'Name')); set('providerGuid', attr(c, 'Guid')); set('eventSourceName', attr(c, 'EventSourceName')); break;
      case 'EventID': set('eventId', num(text(c))); set('qualifiers', num(attr(c, 'Qualifiers'))); break;
      case 'Version': set('version', num(text(c))); break;
      case 'Level': set('level', num(text(c))); break;
      case 'Task': set('task', num(text(c))); break;
      case 'Opcode': set('opcode', num(text(c))); break;
      case 'Keywords': set('keywords', text(c) || undefined); break;
      case 'TimeCreated': set('timeCreated', attr(c, 'SystemTime')); break;
      case 'EventRecordID': set('recordId', num(text(c))); break;
      case 'Correlation': set('activityId', attr(c, 'ActivityID')); set('relatedActivityId', attr(c, 'RelatedActivityID')); break;
      case 'Execution': set('processId', num(attr(c, 'ProcessID'))); set('threadId', num(attr(c, 'ThreadID'))); break;
      case 'Channel': set('channel', text(c)); break;
      case 'Computer': set('computer', text(c)); break;
      case 'Security': set('userId', attr(c, 'UserID')); break;
    }
  }
  if (Number.isNaN(system.eventId)) return 'event has no numeric <System>/<EventID>';
  if (system.timeCreated === '') return 'event has no <System>/<TimeCreated SystemTime=…>';
  const rendering = child(event, 'RenderingInfo');
  const renderingInfo = rendering && {
    message: text(child(rendering, 'Message')),
    level: text(child(rendering, 'Level')),
    task: text(child(rendering, 'Task')),
    opcode: text(child(rendering, 'Opcode')),
  };
  const base = { system: orderSystem(system), ...(renderingInfo ? { renderingInfo: stripUndefined(renderingInfo) } : {}) };
  const eventData = child(event, 'EventData');
  if (eventData !== undefined) {
    const data = elements(eventData).map((d) => {
      const name = d.name === 'Data' ? attr(d, 'Name') : d.name;
      const value = xmlText(d.children);
      return name === undefined ? { value } : { name, value };
    });
    return { ...base, dataKind: 'EventData', data };
  }
  const userData = child(event, 'UserData');
  const root = userData && elements(userData)[0];
  if (root !== undefined) {
    const data = elements(root).map((d) => ({ name: d.name, value: xmlText(d.children) }));
    return { ...base, dataKind: 'UserData', userDataRoot: root.name, data };
  }
  return { ...base, dataKind: 'none', data: [] };
}

const SYSTEM_ORDER = ['provider', 'providerGuid', 'eventSourceName', 'eventId', 'qualifiers', 'version', 'level', 'task', 'opcode',
  'keywords', 'timeCreated', 'recordId', 'activityId', 'relatedActivityId', 'processId', 'threadId', 'channel', 'computer', 'userId'];

/** Fields in one fixed order whatever order the XML had, so records compare by value and as JSON. */
function orderSystem(s: Record<string, string | number>): WinSystem {
  const o: Record<string, string | number> = {};
  for (const k of SYSTEM_ORDER) if (k in s) o[k] = s[k];
  return o as unknown as WinSystem;
}

/** Optional fields are left out rather than set to undefined, so records compare by value. */
function stripUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
