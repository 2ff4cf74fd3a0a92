/**
 * Linux auditd logs as auditd 3 writes them (log_format=RAW): one line per record, the records of
 * an event sharing `msg=audit(<epoch>.<ms>:<serial>)`, execve events as SYSCALL + EXECVE + CWD +
 * PATH… + PROCTITLE (hex-encoded when it holds NULs or spaces), logins as USER_* records with a
 * quoted msg='…'. Attack: on lnx-web-01 root reads /etc/shadow with cat and copies it to /tmp.
 * Benign: the same host's cron, package and admin activity, including cat of other /etc files.
 */
import { Rng } from '../prng.ts';
import { SEED } from '../manifest.ts';
import { DAY, type OtherDataset, type OtherFile } from './model.ts';

const hex = (s: string): string => Buffer.from(s, 'utf8').toString('hex').toUpperCase();
const q = (s: string): string => (/[\s"\x00-\x1f]/.test(s) ? hex(s) : `"${s}"`);

interface Exec { argv: readonly string[]; exe: string; cwd: string; uid: number; auid: number; ppid: number; pid: number; key?: string; paths: readonly string[] }

class AuditLog {
  lines: string[] = [];
  events = 0;
  private serial: number;
  constructor(private readonly rng: Rng, start: number) { this.serial = start; }

  private stamp(t: number): string { return `audit(${t.toFixed(3)}:${++this.serial})`; }

  exec(t: number, e: Exec): void {
    const s = this.stamp(t);
    const comm = e.exe.split('/').pop() ?? e.exe;
    const a = () => this.rng.hex(12);
    this.lines.push(`type=SYSCALL msg=${s}: arch=c000003e syscall=59 success=yes exit=0 a0=${a()} a1=${a()} a2=${a()} a3=0 items=${e.paths.length} ppid=${e.ppid} pid=${e.pid} auid=${e.auid} uid=${e.uid} gid=${e.uid} euid=${e.uid} suid=${e.uid} fsuid=${e.uid} egid=${e.uid} sgid=${e.uid} fsgid=${e.uid} tty=pts1 ses=${e.auid === 4294967295 ? 4294967295 : 7} comm="${comm}" exe="${e.exe}" subj=unconfined key=${e.key ? `"${e.key}"` : '(null)'}`);
    this.lines.push(`type=EXECVE msg=${s}: argc=${e.argv.length} ${e.argv.map((v, i) => `a${i}=${q(v)}`).join(' ')}`);
    this.lines.push(`type=CWD msg=${s}: cwd=${q(e.cwd)}`);
    e.paths.forEach((p, i) => this.lines.push(`type=PATH msg=${s}: item=${i} name=${q(p)} inode=${this.rng.int(1000, 900000)} dev=08:01 mode=0100${i === 0 ? '755' : '640'} ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0`));
    this.lines.push(`type=PROCTITLE msg=${s}: proctitle=${hex(e.argv.join('\x00'))}`);
    this.events++;
  }

  login(t: number, user: string, addr: string, ok: boolean): void {
    const s = this.stamp(t);
    this.lines.push(`type=USER_LOGIN msg=${s}: pid=${this.rng.int(2000, 9000)} uid=0 auid=1000 ses=7 subj=unconfined msg='op=login acct="${user}" exe="/usr/sbin/sshd" hostname=? addr=${addr} terminal=sshd res=${ok ? 'success' : 'failed'}'`);
    this.events++;
  }

  file(name: string): OtherFile { return { name, format: 'auditd', lines: this.lines, events: this.events }; }
}

function routine(log: AuditLog, rng: Rng, t0: number): void {
  for (let i = 0; i < 12; i++) {
    const t = t0 + i * 61 + rng.int(0, 9);
    const pick = rng.pick([
      { argv: ['/bin/sh', '-c', 'run-parts --report /etc/cron.hourly'], exe: '/usr/bin/dash', cwd: '/', uid: 0, auid: 4294967295 },
      { argv: ['apt-get', '-qq', 'update'], exe: '/usr/bin/apt-get', cwd: '/root', uid: 0, auid: 1000 },
      { argv: ['cat', '/etc/hostname'], exe: '/usr/bin/cat', cwd: '/home/ops', uid: 1000, auid: 1000 },
      { argv: ['ls', '-la', '/var/www/html'], exe: '/usr/bin/ls', cwd: '/home/ops', uid: 1000, auid: 1000 },
    ]);
    log.exec(t, { ...pick, ppid: rng.int(900, 2000), pid: rng.int(2001, 30000), paths: [pick.exe, 'ld-linux-x86-64.so.2'] });
  }
}

export function auditdAttack(): OtherDataset {
  const rng = new Rng(SEED, 'dataset:linux_auditd_shadow');
  const log = new AuditLog(rng, 18230);
  routine(log, rng, DAY);
  log.login(DAY + 700, 'root', '198.51.100.23', true);
  log.exec(DAY + 760.25, { argv: ['cat', '/etc/shadow'], exe: '/usr/bin/cat', cwd: '/root', uid: 0, auid: 0, ppid: 4411, pid: 4502, key: 'etc_shadow', paths: ['/usr/bin/cat', '/etc/shadow'] });
  log.exec(DAY + 771.5, { argv: ['cp', '/etc/shadow', '/tmp/.s'], exe: '/usr/bin/cp', cwd: '/root', uid: 0, auid: 0, ppid: 4411, pid: 4510, key: 'etc_shadow', paths: ['/usr/bin/cp', '/etc/shadow', '/tmp/.s'] });
  return {
    name: 'linux_auditd_shadow', kind: 'attack', techniques: ['T1003.008'], hosts: ['lnx-web-01'],
    description: 'auditd log of lnx-web-01: after an SSH root login from 198.51.100.23, root runs `cat /etc/shadow` and `cp /etc/shadow /tmp/.s` (audit key etc_shadow), among cron, apt and admin commands. Each execve is SYSCALL, EXECVE, CWD, PATH and PROCTITLE records joined by serial. Expected alerts: auditd shadow read 2.',
    source: 'scripts/datasets/other/auditd.ts', files: [log.file('audit.log')],
  };
}

export function auditdBenign(): OtherDataset {
  const rng = new Rng(SEED, 'dataset:linux_auditd_benign');
  const log = new AuditLog(rng, 52010);
  routine(log, rng, DAY + 3600);
  log.login(DAY + 4400, 'ops', '10.0.2.31', true);
  log.exec(DAY + 4460, { argv: ['passwd', 'ops'], exe: '/usr/bin/passwd', cwd: '/home/ops', uid: 0, auid: 1000, ppid: 5120, pid: 5133, key: 'etc_shadow', paths: ['/usr/bin/passwd', '/etc/shadow'] });
  log.exec(DAY + 4470, { argv: ['cat', '/etc/passwd'], exe: '/usr/bin/cat', cwd: '/home/ops', uid: 1000, auid: 1000, ppid: 5120, pid: 5140, paths: ['/usr/bin/cat', '/etc/passwd'] });
  return {
    name: 'linux_auditd_benign', kind: 'benign', techniques: [], hosts: ['lnx-web-01'],
    description: 'auditd log of lnx-web-01 on an ordinary day: cron, apt, an admin SSH login, `passwd` (which writes /etc/shadow) and `cat /etc/passwd`. Near misses for the shadow-read rule. Expected alerts: none.',
    source: 'scripts/datasets/other/auditd.ts', files: [log.file('audit.log')],
  };
}
