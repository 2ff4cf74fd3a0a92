/**
 * Untrusted values printed on a terminal or into a CI log: control characters (ANSI escapes,
 * carriage returns, line breaks) are shown as `\xNN`/`\uNNNN`, so a value cannot repaint the
 * screen, hide a line or start a new log line (issue 15 item 3).
 */
export function consoleText(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}
