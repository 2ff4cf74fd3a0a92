/**
 * Fields every Windows event gets, whatever its provider: winlog.*, host.*, event.code/provider,
 * the raw EventData as winlog.event_data.<Name>, and the two clocks.
 *
 * Raw fields are kept even where Winlogbeat renames them away (Image → process.executable removes
 * winlog.event_data.Image there): Sigma and CAR content addresses the raw names, and keeping
 * both costs nothing at replay. Empty values are dropped as Winlogbeat does; Windows' `-`
 * placeholder is kept, since Sigma filters test it (issue 18). UserData fields sit under
 * winlog.user_data (Winlogbeat's place) and winlog.event_data (where Sigma's names look), and the
 * values of unnamed <Data> elements under winlog.event_data.Data (Sigma's name for them).
 */
import { createHash } from 'node:crypto';
import type { WinView } from './win-view.ts';
import { append, set, type Out } from './out.ts';

/**
 * host.id: on a live host Winlogbeat/Elastic Agent add the machine's GUID (add_host_metadata);
 * replayed logs carry none, yet Elastic's rules join on it (`sequence by host.id`). dac derives a
 * stable UUID-shaped id from the computer name, so every event of one computer shares one id.
 */
const hostIds = new Map<string, string>();
export function hostId(computer: string): string {
  const key = computer.toLowerCase();
  let id = hostIds.get(key);
  if (!id) {
    const h = createHash('sha1').update('dac-host:' + key).digest('hex');
    id = `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    hostIds.set(key, id);
  }
  return id;
}

const NULL_GUID = '{00000000-0000-0000-0000-000000000000}';

export function isEmptyValue(v: string | undefined): boolean {
  return v === undefined || v === '' || v === '-' || v === NULL_GUID;
}

/** Audit success / failure keyword bits of Security events. */
const AUDIT_SUCCESS = 0x0020000000000000n;
const AUDIT_FAILURE = 0x0010000000000000n;

export function auditOutcome(keywords: string | undefined): 'success' | 'failure' | undefined {
  if (!keywords) return undefined;
  let k: bigint;
  try { k = BigInt(keywords.trim()); } catch { return undefined; }
  if (k < 0n) k = (1n << 64n) + k; // NXLog writes the 64-bit mask as a signed number
  if (k & AUDIT_FAILURE) return 'failure';
  if (k & AUDIT_SUCCESS) return 'success';
  return undefined;
}

export function commonWinFields(v: WinView, module: string): Out {
  const out: Out = {};
  set(out, 'event.kind', 'event');
  set(out, 'event.module', module);
  set(out, 'event.provider', v.provider);
  set(out, 'event.code', String(v.eventId));
  set(out, 'winlog.event_id', String(v.eventId));
  set(out, 'winlog.channel', v.channel);
  set(out, 'winlog.computer_name', v.computer);
  set(out, 'winlog.provider_name', v.provider);
  set(out, 'winlog.provider_guid', v.providerGuid);
  set(out, 'winlog.record_id', v.recordId);
  set(out, 'winlog.process.pid', v.processId);
  set(out, 'winlog.process.thread.id', v.threadId);
  set(out, 'winlog.user.identifier', v.userId);
  set(out, 'winlog.version', v.version);
  set(out, 'winlog.opcode', v.opcode);
  set(out, 'winlog.task', v.task);
  set(out, 'winlog.keywords', v.keywords);
  set(out, 'host.name', v.computer);
  set(out, 'host.hostname', v.computer.split('.')[0]);
  set(out, 'host.id', hostId(v.computer));
  set(out, 'host.os.type', 'windows');
  set(out, 'host.os.family', 'windows');
  set(out, 'message', v.message);
  for (const [name, value] of Object.entries(v.data)) set(out, `winlog.event_data.${name}`, value);
  const unnamed = (v.unnamed ?? []).filter((x) => x !== '');
  if (unnamed.length && v.data['Data'] === undefined) out['winlog.event_data.Data'] = unnamed.length === 1 ? unnamed[0]! : unnamed;
  if (v.userData) for (const [name, value] of Object.entries(v.userData)) set(out, `winlog.user_data.${name}`, value);
  return out;
}

/** user.domain / user.name from `DOMAIN\user` (left alone when it is not in that form). */
export function setDomainUser(out: Out, value: string | undefined): void {
  if (!value) return;
  const parts = value.split('\\');
  if (parts.length !== 2) return;
  set(out, 'user.domain', parts[0]);
  set(out, 'user.name', parts[1]);
}

export function relatedUser(out: Out): void {
  const u = out['user.name'];
  if (typeof u === 'string') append(out, 'related.user', u);
}
