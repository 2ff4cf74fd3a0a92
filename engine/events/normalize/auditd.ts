/**
 * A Linux audit event (records joined by serial) → ECS, in the layout of Filebeat's auditd module:
 * every record field under auditd.log.<key> (a key several records carry holds each value, so a
 * rule on EXECVE's a0 and one on SYSCALL's a0 both find theirs), the record types under
 * auditd.log.record_type, and the ECS fields Elastic's Linux rules read: process.* from SYSCALL
 * and EXECVE, process.working_directory from CWD, file.path from PATH, user ids, and an execve
 * categorised as a process start so Sigma's linux/process_creation rules apply.
 */
import type { AuditEvent } from '../types.ts';
import { append, set, toLong, type Out } from './out.ts';

/** execve/execveat syscall numbers per audit arch (x86_64, i386, aarch64). */
const EXEC_SYSCALLS: Readonly<Record<string, readonly string[]>> = {
  c000003e: ['59', '322'], '40000003': ['11', '358'], c00000b7: ['221', '281'],
};

/** A value the first time, a list once a key repeats with another value. */
function add(out: Out, key: string, v: string): void {
  const prev = out[key];
  if (prev === undefined) { out[key] = v; return; }
  const arr = Array.isArray(prev) ? (prev as string[]) : [prev as string];
  if (!arr.includes(v)) out[key] = [...arr, v];
}

function firstOf(ev: AuditEvent, type: string, key: string): string | undefined {
  for (const r of ev.records) if (r.type === type) for (const [k, v] of r.fields) if (k === key) return v;
  return undefined;
}

export function normalizeAuditd(ev: AuditEvent): Out {
  const out: Out = { 'event.kind': 'event', 'event.module': 'auditd', 'event.dataset': 'auditd.log', 'host.os.type': 'linux' };
  set(out, 'host.name', ev.node);
  out['auditd.log.sequence'] = ev.serial;
  for (const r of ev.records) {
    add(out, 'auditd.log.record_type', r.type);
    for (const [k, v] of r.fields) add(out, `auditd.log.${k}`, v);
  }
  const syscall = ev.records.find((r) => r.type === 'SYSCALL');
  const execve = ev.records.find((r) => r.type === 'EXECVE');
  const sys = (k: string): string | undefined => firstOf(ev, 'SYSCALL', k) ?? firstOf(ev, ev.records[0]?.type ?? '', k);
  set(out, 'process.executable', sys('exe'));
  set(out, 'process.name', sys('comm'));
  set(out, 'process.pid', toLong(sys('pid')));
  set(out, 'process.parent.pid', toLong(sys('ppid')));
  set(out, 'user.id', sys('uid'));
  set(out, 'user.effective.id', sys('euid'));
  set(out, 'user.audit.id', sys('auid'));
  set(out, 'process.working_directory', firstOf(ev, 'CWD', 'cwd'));
  set(out, 'process.title', firstOf(ev, 'PROCTITLE', 'proctitle'));
  for (const r of ev.records) if (r.type === 'PATH') for (const [k, v] of r.fields) if (k === 'name') append(out, 'file.path', v);
  const success = sys('success') ?? sys('res');
  if (success) out['event.outcome'] = /^(yes|success|1)$/i.test(success) ? 'success' : 'failure';
  const key = sys('key');
  if (key && key !== '(null)') set(out, 'tags', [key]);
  const arch = syscall ? firstOf(ev, 'SYSCALL', 'arch') : undefined;
  const isExec = execve !== undefined || (arch !== undefined && syscall !== undefined && (EXEC_SYSCALLS[arch] ?? []).includes(firstOf(ev, 'SYSCALL', 'syscall') ?? ''));
  if (execve) {
    const args = execve.fields.filter(([k]) => /^a\d+$/.test(k)).sort((a, b) => Number(a[0].slice(1)) - Number(b[0].slice(1))).map(([, v]) => v);
    if (args.length) {
      out['process.args'] = args;
      out['process.args_count'] = args.length;
      out['process.command_line'] = args.join(' ');
    }
  }
  if (isExec) {
    out['event.category'] = ['process'];
    out['event.type'] = ['start'];
    out['event.action'] = 'executed';
  } else {
    set(out, 'event.action', (ev.records[0]?.type ?? '').toLowerCase());
  }
  return out;
}
