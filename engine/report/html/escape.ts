/** HTML escaping and the small shared bits of markup. Every report string is untrusted text. */
import type { Status } from '../../harness/types.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for quoted attribute values alike. */
export function esc(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Worst first: the order a status column sorts in, ascending. */
export const STATUS_RANK: Record<Status, number> = { error: 0, fail: 1, skipped: 2, untested: 3, 'cannot-run': 3, pass: 4 };

const LABEL: Record<Status, string> = { pass: 'pass', fail: 'fail', skipped: 'skipped', error: 'error', untested: 'untested', 'cannot-run': 'cannot run' };

export function badge(s: Status): string {
  return `<span class="st st-${s}">${LABEL[s]}</span>`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A value shown compactly: strings as is, everything else as JSON. */
export function showValue(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v) ?? 'undefined';
}
