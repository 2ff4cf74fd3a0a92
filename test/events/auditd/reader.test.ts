import { describe, expect, it } from 'vitest';
import { readAuditd } from '../../../engine/events/auditd/reader.ts';
import { normalize } from '../../../engine/events/normalize/index.ts';
import { bytesStream } from '../../../engine/events/open.ts';
import type { ReaderItem } from '../../../engine/events/types.ts';

const LOG = [
  'type=SYSCALL msg=audit(1767225601.100:2001): arch=c000003e syscall=59 success=yes exit=0 a0=55d1 items=2 ppid=900 pid=901 auid=1000 uid=0 euid=0 comm="cat" exe="/usr/bin/cat" key="shadow"',
  'type=USER_LOGIN msg=audit(1767225601.200:2002): pid=1 uid=0 auid=1000 msg=\'op=login acct="root" exe="/usr/sbin/sshd" addr=203.0.113.9 res=failed\'',
  'type=EXECVE msg=audit(1767225601.100:2001): argc=3 a0="cat" a1="/etc/shadow" a2=2F746D702F6D792066696C65',
  'type=CWD msg=audit(1767225601.100:2001): cwd="/root"',
  'type=PATH msg=audit(1767225601.100:2001): item=0 name="/etc/shadow" nametype=NORMAL',
  'type=PROCTITLE msg=audit(1767225601.100:2001): proctitle=636174002F6574632F736861646F77',
  'type=EOE msg=audit(1767225601.100:2001): ',
  'not an audit line',
].join('\n');

async function read(): Promise<ReaderItem[]> {
  const out: ReaderItem[] = [];
  for await (const it of readAuditd('audit.log', bytesStream(new TextEncoder().encode(LOG)))) out.push(it);
  return out;
}

describe('auditd reader', () => {
  it('joins the records of an event by serial, even when another event interleaves, and rejects other lines', async () => {
    const items = await read();
    expect(items.map((i) => (i.ok && i.record.kind === 'auditd' ? `${i.record.event.serial}:${i.record.event.records.map((r) => r.type).join(',')}` : !i.ok ? `${i.loc.line}: ${i.reason.slice(0, 20)}` : '?'))).toEqual([
      '2001:SYSCALL,EXECVE,CWD,PATH,PROCTITLE',
      '8: not an auditd record',
      '2002:USER_LOGIN',
    ]);
  });

  it('decodes hex values and maps an execve to an ECS process start', async () => {
    const [ev] = await read();
    if (!ev.ok) throw new Error('expected an event');
    const n = normalize(ev.record, { clock: 'activity' });
    if (!n.ok) throw new Error(n.reason);
    expect(n.fields).toMatchObject({
      'event.category': ['process'], 'event.type': ['start'], 'host.os.type': 'linux', 'process.executable': '/usr/bin/cat',
      'process.args': ['cat', '/etc/shadow', '/tmp/my file'], 'process.command_line': 'cat /etc/shadow /tmp/my file',
      'process.title': 'cat /etc/shadow', 'process.working_directory': '/root', 'auditd.log.a0': ['55d1', 'cat'],
      'auditd.log.record_type': ['SYSCALL', 'EXECVE', 'CWD', 'PATH', 'PROCTITLE'], '@timestamp': '2026-01-01T00:00:01.100Z',
    });
  });

  it('reads the pairs inside a quoted msg=\'…\' as fields', async () => {
    const items = await read();
    const login = items.find((i) => i.ok && i.record.kind === 'auditd' && i.record.event.serial === 2002);
    if (!login?.ok) throw new Error('expected the login');
    const n = normalize(login.record, { clock: 'activity' });
    expect(n.ok && n.fields).toMatchObject({ 'auditd.log.acct': 'root', 'auditd.log.addr': '203.0.113.9', 'event.outcome': 'failure' });
  });
});
