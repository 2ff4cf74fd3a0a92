/**
 * A Splunk .conf reader for tests, written from the .conf file rules (savedsearches.conf.spec /
 * "About configuration files"): `[stanza]` headers, `key = value` lines, `#` comment lines, blank
 * lines, and a value continued onto the next physical line by a trailing backslash (the backslash
 * is dropped, a line break kept). Leading/trailing whitespace of keys and values is trimmed.
 * Anything else is an error, so a test sees exactly what Splunk would have to guess at.
 */
export interface ConfStanza { readonly name: string; readonly line: number; readonly entries: Map<string, string> }
export interface ParsedConf { readonly stanzas: ConfStanza[]; readonly errors: string[] }

export function parseConf(text: string): ParsedConf {
  const lines = text.split('\n');
  const stanzas: ConfStanza[] = [];
  const errors: string[] = [];
  let current: ConfStanza = { name: 'default', line: 0, entries: new Map() };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    if (t.startsWith('[') && t.endsWith(']')) {
      current = { name: t.slice(1, -1), line: i + 1, entries: new Map() };
      stanzas.push(current);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) { errors.push(`line ${i + 1}: neither a stanza, a key = value, nor a comment: ${JSON.stringify(line)}`); continue; }
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1);
    while (value.endsWith('\\') && i + 1 < lines.length) {
      value = `${value.slice(0, -1)}\n${lines[++i]!}`;
    }
    current.entries.set(key, value.trim());
  }
  return { stanzas, errors };
}
