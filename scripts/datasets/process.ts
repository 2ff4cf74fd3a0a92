/**
 * Processes and logon sessions on one host, with Sysmon-style ProcessGuid/LogonGuid:
 * {hostPrefix-TTTT-tttt-CCCC-CCCC0000BOOT}, where TTTTtttt are the two halves of the start time
 * in Unix seconds (low half first, as Sysmon prints them) and CCCCCCCC a little-endian counter.
 */
import type { Account, HostSpec } from './hosts.ts';
import { ACCOUNTS } from './hosts.ts';
import type { Rng } from './prng.ts';

export type Integrity = 'System' | 'High' | 'Medium' | 'Low' | 'AppContainer';

export interface Logon {
  readonly account: Account;
  /** Hex as Sysmon writes it: 0x3e7. */
  readonly logonId: string;
  readonly logonGuid: string;
  readonly session: number;
}

export interface Proc {
  readonly host: HostSpec;
  readonly guid: string;
  readonly pid: number;
  readonly image: string;
  readonly commandLine: string;
  readonly currentDirectory: string;
  readonly logon: Logon;
  readonly integrity: Integrity;
  readonly parent?: Proc;
  readonly startMs: number;
}

const le32 = (n: number): string => {
  const b = [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
  const h = b.map((x) => x.toString(16).padStart(2, '0'));
  return `${h[0]}${h[1]}-${h[2]}${h[3]}`;
};

export function sysmonGuid(host: HostSpec, startMs: number, counter: number, tail = `0000${host.bootTag}`): string {
  const t = Math.floor(startMs / 1000).toString(16).padStart(8, '0');
  return `{${host.guidPrefix}-${t.slice(4)}-${t.slice(0, 4)}-${le32(counter)}${tail}}`;
}

/** The well-known logon sessions every host has from boot. */
export function serviceLogons(host: HostSpec): { system: Logon; localService: Logon; networkService: Logon } {
  const mk = (account: Account, id: number): Logon => ({
    account, logonId: `0x${id.toString(16)}`, session: 0,
    logonGuid: sysmonGuid(host, host.bootMs, id, '000000000000'),
  });
  return { system: mk(ACCOUNTS.system, 0x3e7), localService: mk(ACCOUNTS.localService, 0x3e5), networkService: mk(ACCOUNTS.networkService, 0x3e4) };
}

/** Per-host allocator for pids, GUID counters and logon ids. Deterministic given its Rng. */
export class HostState {
  private counter: number;
  private readonly usedPids = new Set<number>();

  constructor(readonly spec: HostSpec, private readonly rng: Rng, counterStart: number) {
    this.counter = counterStart;
  }

  nextPid(): number {
    for (;;) {
      const pid = this.rng.int(300, 16000) & ~3; // Windows pids are multiples of 4
      if (pid > 0 && !this.usedPids.has(pid)) {
        this.usedPids.add(pid);
        return pid;
      }
    }
  }

  reservePid(pid: number): void {
    this.usedPids.add(pid);
  }

  nextGuid(startMs: number): string {
    this.counter += this.rng.int(1, 6);
    return sysmonGuid(this.spec, startMs, this.counter);
  }

  newLogon(account: Account, atMs: number, session: number): Logon {
    const id = this.rng.int(0x100000, 0x3fffffff);
    return { account, logonId: `0x${id.toString(16)}`, session, logonGuid: sysmonGuid(this.spec, atMs, id, '000000000000') };
  }

  spawn(o: {
    parent?: Proc; image: string; commandLine: string; startMs: number; logon?: Logon;
    integrity?: Integrity; currentDirectory?: string; pid?: number;
  }): Proc {
    const logon = o.logon ?? o.parent?.logon;
    if (!logon) throw new Error(`spawn of ${o.image} needs a logon or a parent`);
    const pid = o.pid ?? this.nextPid();
    this.reservePid(pid);
    return {
      host: this.spec, guid: this.nextGuid(o.startMs), pid, image: o.image, commandLine: o.commandLine,
      currentDirectory: o.currentDirectory ?? o.parent?.currentDirectory ?? 'C:\\Windows\\system32\\',
      logon, integrity: o.integrity ?? o.parent?.integrity ?? 'Medium', parent: o.parent, startMs: o.startMs,
    };
  }
}

export const baseName = (image: string): string => image.slice(image.lastIndexOf('\\') + 1);
