/**
 * Every family of the table, and lookups by channel/provider.
 * Adding a channel: write its Family (channels, categorization, EventData → ECS rules) in a file
 * of this folder and list it in FAMILIES; the normalizer and every view pick it up.
 */
import type { Categorization, Family, FamilyId, FieldRule } from './types.ts';
import { SYSMON } from './sysmon.ts';
import { SECURITY } from './security.ts';
import { POWERSHELL, POWERSHELL_CLASSIC } from './powershell.ts';
import { DEFENDER, SYSTEM, TASK_SCHEDULER, WINDOWS, WMI } from './other.ts';


/** In lookup order; WINDOWS (any other channel) last. */
export const FAMILIES: readonly Family[] = [SYSMON, SECURITY, POWERSHELL, POWERSHELL_CLASSIC, TASK_SCHEDULER, SYSTEM, WMI, DEFENDER, WINDOWS];

const BY_ID = new Map<FamilyId, Family>(FAMILIES.map((f) => [f.id, f]));
const BY_CHANNEL = new Map<string, Family>();
const BY_PROVIDER = new Map<string, Family>();
for (const f of FAMILIES) {
  for (const ch of f.channels) BY_CHANNEL.set(ch.toLowerCase(), f);
  for (const p of f.providers) BY_PROVIDER.set(p, f);
}

export function familyById(id: FamilyId): Family {
  return BY_ID.get(id) ?? WINDOWS;
}

/**
 * The family of an event: its provider decides where it names one (a Sysmon event forwarded to
 * another channel is still Sysmon), else its channel, else the generic Windows family.
 */
export function familyOf(channel: string, provider = ''): Family {
  return BY_PROVIDER.get(provider) ?? BY_CHANNEL.get(channel.toLowerCase()) ?? WINDOWS;
}

/** ECS categorization of a (channel, event ID), or undefined when the table has none. */
export function categoriesOf(channel: string, eventId: number, provider = ''): Categorization | undefined {
  const f = familyOf(channel, provider);
  return Object.prototype.hasOwnProperty.call(f.events, eventId) ? f.events[eventId] : undefined;
}

/** The rules of `family` that fill ECS fields from EventData on event `id`, in precedence order. */
export function rulesFor(family: Family, id: number): FieldRule[] {
  return family.fields.filter((r) => (!r.only || r.only.includes(id)) && !(r.except && r.except.includes(id)));
}
