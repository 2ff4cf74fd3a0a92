/**
 * Splunk .conf escaping (savedsearches.conf, macros.conf), for the exports helper to use for every
 * stanza name and value (issue 15 item 2). Splunk reads a conf file line by line: a stanza header
 * is a line starting with `[`, a value ends at the line end unless the line ends with `\`, which
 * continues it on the next line (kept as a line break).
 */

/**
 * A stanza name: one line, no `]` (it would end the header early). Line breaks and control
 * characters become spaces, `[`/`]` become `(`/`)`; leading/trailing blanks are trimmed because
 * Splunk trims them too.
 */
export function confStanzaName(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ').replace(/\[/g, '(').replace(/\]/g, ')').trim();
}

/**
 * A value: every line break is written as `\` + newline, so Splunk joins the lines back and no
 * line of the value can start a stanza (`[x]`) or a key (`search = …`) of its own. Other control
 * characters become spaces. A value ending in `\` gets a trailing space so it does not swallow
 * the next key.
 */
export function confValue(s: string): string {
  const v = s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]/g, ' ').split('\n').join('\\\n');
  return v.endsWith('\\') ? v + ' ' : v;
}
