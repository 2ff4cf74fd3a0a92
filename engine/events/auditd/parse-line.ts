/**
 * One auditd log line: `[node=N ]type=T msg=audit(<epoch>.<ms>:<serial>): k=v k="v" …`. Values
 * may be quoted, hex-encoded (auditd encodes strings holding spaces or control characters as
 * upper-case hex: proctitle, EXECVE arguments, comm, exe, name, cwd) or a single-quoted `msg='…'`
 * holding more key=value pairs (USER_* records); enriched logs append `\x1d` and upper-case
 * translations (UID="root"), kept as their own keys.
 */
export interface AuditLine {
  readonly node?: string;
  readonly type: string;
  readonly ts: number;
  readonly serial: number;
  readonly fields: Array<readonly [string, string]>;
}

const HEAD = /^(?:node=(\S+) )?type=([A-Z0-9_]+) msg=audit\((\d+)(?:\.(\d{1,9}))?:(\d+)\):\s?/;

/** Fields auditd hex-encodes when the value has a space, quote or control character. */
const HEX_FIELDS = /^(?:proctitle|comm|exe|name|cwd|path|a\d+|a\d+\[\d+\]|data|cmd|old-?name|new-?name|key|acct|ocomm|watch|dir|file|vm|new_?value)$/;

function decodeHex(v: string): string {
  let out = '';
  for (let i = 0; i + 1 < v.length; i += 2) {
    const c = parseInt(v.slice(i, i + 2), 16);
    out += c === 0 ? ' ' : String.fromCharCode(c);
  }
  return out.trimEnd();
}

function fieldsOf(body: string, out: Array<readonly [string, string]>): string | undefined {
  let i = 0;
  const n = body.length;
  while (i < n) {
    while (i < n && (body[i] === ' ' || body[i] === '\x1d')) i++;
    if (i >= n) break;
    const eq = body.indexOf('=', i);
    if (eq < 0) return `text without key=value at column ${i + 1}`;
    const key = body.slice(i, eq);
    if (!/^[A-Za-z0-9_\-[\]]+$/.test(key)) return `bad key '${key.slice(0, 40)}' at column ${i + 1}`;
    i = eq + 1;
    let value: string;
    if (body[i] === '"') {
      const end = body.indexOf('"', i + 1);
      if (end < 0) return `unterminated quoted value of ${key}`;
      value = body.slice(i + 1, end);
      i = end + 1;
    } else if (body[i] === "'") {
      const end = body.indexOf("'", i + 1);
      if (end < 0) return `unterminated '…' value of ${key}`;
      const inner = body.slice(i + 1, end);
      i = end + 1;
      // msg='op=… acct="x" exe="/usr/bin/su" res=success': the pairs inside are fields too.
      const err = fieldsOf(inner, out);
      if (err) out.push([key, inner]);
      continue;
    } else {
      let end = i;
      while (end < n && body[end] !== ' ' && body[end] !== '\x1d') end++;
      value = body.slice(i, end);
      i = end;
      if (HEX_FIELDS.test(key) && value.length >= 2 && value.length % 2 === 0 && /^[0-9A-F]+$/.test(value) && value !== '00') value = decodeHex(value);
    }
    out.push([key, value]);
  }
  return undefined;
}

export function parseAuditLine(text: string): AuditLine | { error: string } {
  const m = HEAD.exec(text);
  if (!m) return { error: 'not an auditd record (expected `type=… msg=audit(<time>:<serial>): …`)' };
  const ms = m[4] ? Number(m[4].padEnd(3, '0').slice(0, 3)) : 0;
  const fields: Array<readonly [string, string]> = [];
  const err = fieldsOf(text.slice(m[0].length), fields);
  if (err) return { error: `auditd ${m[2]} record: ${err}` };
  return { ...(m[1] ? { node: m[1] } : {}), type: m[2], ts: Number(m[3]) * 1000 + ms, serial: Number(m[5]), fields };
}
