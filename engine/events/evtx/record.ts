/**
 * Rendered event tree → WinEventRecord, the shape the XML reader also produces: System fields,
 * EventData's <Data Name=…> pairs in order (other EventData children such as <Binary> keep their
 * element name), or the children of UserData's root element, and RenderingInfo when present.
 */
import type { WinEventRecord, WinSystem } from '../types.ts';
import { xmlText } from './templates.ts';
import type { XElement, XNode } from './tree.ts';

function child(el: XElement | undefined, name: string): XElement | undefined {
  if (el === undefined) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}
function attr(el: XElement | undefined, name: string): string | undefined {
  if (el === undefined) return undefined;
  for (const a of el.attrs) if (a.name === name) return a.value;
  return undefined;
}
function elements(el: XElement): XElement[] {
  return el.children.filter((c): c is XElement => typeof c !== 'string');
}
function text(el: XElement | undefined): string | undefined {
  return el === undefined ? undefined : xmlText(el.children);
}
function num(s: string | undefined): number | undefined {
  if (s === undefined || s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** Maps the decoded tree; a string result is the reason it is not a Windows event. */
export function toWinEvent(nodes: readonly XNode[]): WinEventRecord | string {
  const event = nodes.find((n): n is XElement => typeof n !== 'string');
  if (event === undefined) return 'record holds no XML element';
  if (event.name !== 'Event') return `root element is <${event.name}>, not <Event>`;
  const sys = child(event, 'System');
  if (sys === undefined) return 'event has no <System> element';
  const eventIdEl = child(sys, 'EventID');
  const eventId = num(text(eventIdEl));
  if (eventId === undefined) return 'event has no numeric System/EventID';
  const provider = child(sys, 'Provider');
  const correlation = child(sys, 'Correlation');
  const execution = child(sys, 'Execution');
  const system: WinSystem = {
    provider: attr(provider, 'Name') ?? '',
    providerGuid: attr(provider, 'Guid'),
    eventSourceName: attr(provider, 'EventSourceName'),
    eventId,
    qualifiers: num(attr(eventIdEl, 'Qualifiers')),
    version: num(text(child(sys, 'Version'))),
    level: num(text(child(sys, 'Level'))),
    task: num(text(child(sys, 'Task'))),
    opcode: num(text(child(sys, 'Opcode'))),
    keywords: text(child(sys, 'Keywords')),
    timeCreated: attr(child(sys, 'TimeCreated'), 'SystemTime') ?? '',
    recordId: num(text(child(sys, 'EventRecordID'))),
    activityId: attr(correlation, 'ActivityID'),
    relatedActivityId: attr(correlation, 'RelatedActivityID'),
    processId: num(attr(execution, 'ProcessID')),
    threadId: num(attr(execution, 'ThreadID')),
    channel: text(child(sys, 'Channel')) ?? '',
    computer: text(child(sys, 'Computer')) ?? '',
    userId: attr(child(sys, 'Security'), 'UserID'),
  };
  const rendering = child(event, 'RenderingInfo');
  const renderingInfo = rendering && {
    message: text(child(rendering, 'Message')),
    level: text(child(rendering, 'Level')),
    task: text(child(rendering, 'Task')),
    opcode: text(child(rendering, 'Opcode')),
  };
  const base = { system: stripUndefined(system), ...(renderingInfo ? { renderingInfo: stripUndefined(renderingInfo) } : {}) };
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

/** Optional fields are left out rather than set to undefined, so records compare by value. */
function stripUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
