/** Interactive sessions and short-lived commands, the building blocks of user and admin activity. */
import type { Account, HostSpec } from './hosts.ts';
import { bootTree } from './boot.ts';
import type { Recorder } from './recorder.ts';
import { logonSuccess } from './security.ts';
import type { Logon, Proc } from './process.ts';

export const CMD = 'C:\\Windows\\System32\\cmd.exe';
export const CONHOST = 'C:\\Windows\\System32\\conhost.exe';
export const POWERSHELL = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';
export const SCHTASKS = 'C:\\Windows\\System32\\schtasks.exe';
export const EXPLORER = 'C:\\Windows\\explorer.exe';

export interface Session {
  readonly host: HostSpec;
  readonly logon: Logon;
  readonly explorer: Proc;
}

/** Interactive logon (4624 type 2 or 10) and the user's explorer.exe. No userinit chain: kept short. */
export function interactiveSession(rec: Recorder, host: HostSpec, who: Account, atMs: number, type: 2 | 10 = 2, elevated = false): Session {
  const st = rec.host(host);
  const session = type === 10 ? 2 : 1;
  const logon = st.newLogon(who, atMs, session);
  rec.security(host, 4624, atMs, logonSuccess(host, {
    type, target: who, targetLogonId: logon.logonId, ip: type === 10 ? '10.0.1.23' : '127.0.0.1', port: 0,
    processId: bootTree(host).lsass.pid, processName: 'C:\\Windows\\System32\\svchost.exe', logonGuid: rec.rng.guid(), elevated,
  }));
  const userinit = st.spawn({ parent: bootTree(host).services, image: 'C:\\Windows\\System32\\userinit.exe', commandLine: 'C:\\Windows\\system32\\userinit.exe', startMs: atMs + 900, logon, integrity: elevated ? 'High' : 'Medium', currentDirectory: 'C:\\Windows\\system32\\' });
  rec.start(userinit, 3);
  const explorer = st.spawn({ parent: userinit, image: EXPLORER, commandLine: 'C:\\Windows\\Explorer.EXE', startMs: atMs + 1400, logon, integrity: elevated ? 'High' : 'Medium', currentDirectory: 'C:\\Windows\\system32\\' });
  rec.start(explorer, 8);
  rec.exit(userinit, atMs + 1900);
  return { host, logon, explorer };
}

/** A console program: cmd.exe or powershell.exe with its conhost, left open for more commands. */
export function openConsole(rec: Recorder, s: Session, image: string, commandLine: string, atMs: number, cwd?: string): Proc {
  const st = rec.host(s.host);
  const shell = st.spawn({ parent: s.explorer, image, commandLine, startMs: atMs, currentDirectory: cwd ?? `C:\\Users\\${s.logon.account.name}\\` });
  rec.start(shell, 5, image === POWERSHELL ? ['C:\\Windows\\System32\\amsi.dll'] : []);
  const con = st.spawn({ parent: shell, image: CONHOST, commandLine: '\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1', startMs: atMs + 12 });
  rec.start(con, 2);
  return shell;
}

/** A short command run from a shell: Sysmon 1, a few image loads, Sysmon 5. */
export function runCommand(rec: Recorder, parent: Proc, image: string, commandLine: string, atMs: number, durationMs = 180, loads = 3): Proc {
  const p = rec.host(parent.host).spawn({ parent, image, commandLine, startMs: atMs });
  rec.start(p, loads);
  rec.exit(p, atMs + durationMs);
  return p;
}
