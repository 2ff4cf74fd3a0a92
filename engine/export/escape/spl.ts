/** SPL escaping for the Splunk back-end (issue 15 item 2). */

/** A double-quoted SPL string: `\` and `"` backslash-escaped; line breaks become spaces. */
export function splString(s: string): string {
  return `"${s.replace(/[\r\n\u2028\u2029]/g, ' ').replace(/[\\"]/g, (c) => '\\' + c)}"`;
}

/** A field name: bare when it is a plain SPL name, else single-quoted (as `where`/`eval` read it). */
export function splField(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_.:-]*$/.test(name)) return name;
  return `'${name.replace(/[\r\n\u2028\u2029]/g, ' ').replace(/[\\']/g, (c) => '\\' + c)}'`;
}
