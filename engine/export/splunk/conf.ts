/**
 * Splunk .conf text, safe by construction: every stanza name and every value goes through the two
 * functions below, and a stanza is written only by `stanza()`. Rule text is hostile (a title with
 * "\n[Injected Stanza]\nsearch = | delete" must not create a stanza), so:
 * - a stanza name is one line: line breaks and other control characters become a space;
 * - a value keeps its line breaks as `\` continuations (as contentctl's escapeNewlines writes them),
 *   so a continuation line is never read as a stanza or a key; a line of the value that itself ends
 *   in a backslash gets a space after it, so it cannot continue into the next key.
 * Keys are dac's own constants, never rule input.
 */

/** A stanza name on one line (the text between `[` and `]`). */
export function confName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim() || 'unnamed';
}

/** A value as one logical line: CRLF/CR normalised, each break written as a `\` continuation. */
export function confValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  const lines = value.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ').split('\n');
  return lines.map((l, i) => (i < lines.length - 1 && l.endsWith('\\') ? `${l} ` : l)).join('\\\n').replace(/\\$/, '\\ ');
}

export type ConfPairs = ReadonlyArray<readonly [key: string, value: string]>;

/** `[name]` then `key = value` lines. */
export function stanza(name: string, pairs: ConfPairs): string {
  return `[${confName(name)}]\n${pairs.map(([k, v]) => `${k} = ${confValue(v)}`).join('\n')}\n`;
}

/**
 * JSON as Jinja2's `tojson` filter writes it (contentctl's templates): keys sorted, ", " and ": "
 * separators, non-ASCII escaped, and <, >, &, ' escaped as \u003c, \u003e, \u0026, \u0027.
 */
export function jinjaJson(v: unknown): string {
  const enc = (x: unknown): string => {
    if (x === null || x === undefined) return 'null';
    if (x instanceof PyFloat) return x.text();
    if (Array.isArray(x)) return `[${x.map(enc).join(', ')}]`;
    if (typeof x === 'object') return `{${Object.keys(x).sort().map((k) => `${enc(k)}: ${enc((x as Record<string, unknown>)[k])}`).join(', ')}}`;
    return JSON.stringify(x);
  };
  return enc(v)
    .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/[<>&']/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A float that prints as Python prints it (1727654400.0), for contentctl's publish_time. */
export class PyFloat {
  constructor(readonly value: number) {}
  text(): string { return Number.isInteger(this.value) ? `${this.value}.0` : String(this.value); }
}
