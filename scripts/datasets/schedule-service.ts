/**
 * What the Task Scheduler service (the `svchost.exe -k netsvcs -p -s Schedule` process) logs when
 * a task is registered, updated, run or deleted: TaskCache registry writes (Sysmon 12/13), the task
 * file (Sysmon 11), Security 4698/4702/4699 and TaskScheduler/Operational 106/140/141/200/201.
 */
import type { Account, HostSpec } from './hosts.ts';
import { userString } from './hosts.ts';
import { bootTree } from './boot.ts';
import type { Recorder } from './recorder.ts';
import { taskAudit } from './security.ts';
import * as T from './taskscheduler.ts';
import { taskXml, type TaskDefinition } from './taskxml.ts';
import type { Proc } from './process.ts';

export const TASKCACHE = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Schedule\\TaskCache';

export interface TaskRef {
  readonly host: HostSpec;
  /** Task path as Windows names it: \Folder\Name. */
  readonly uri: string;
  /** {GUID} of the task's TaskCache\Tasks key. */
  readonly guid: string;
}

export interface Registration {
  readonly task: TaskRef;
  readonly def: TaskDefinition;
  readonly by: Account;
  readonly byLogonId: string;
  readonly atMs: number;
  /** Re-registration of an existing task (140/4702) rather than a new one (106/4698). */
  readonly update?: boolean;
}

/** The Schedule svchost writes the TaskCache; returns the time of its Actions write. */
export function registerTask(rec: Recorder, r: Registration): number {
  const svc = bootTree(r.task.host).schedule;
  const tree = `${TASKCACHE}\\Tree${r.task.uri}`;
  const tasks = `${TASKCACHE}\\Tasks\\${r.task.guid}`;
  let t = r.atMs;
  const step = (): number => (t += rec.rng.int(0, 3));
  if (!r.update) {
    rec.regKey(svc, step(), tree);
    rec.regSet(svc, step(), `${tree}\\Id`, r.task.guid);
    rec.regSet(svc, step(), `${tree}\\Index`, 'DWORD (0x00000003)');
    rec.regKey(svc, step(), tasks);
    rec.regSet(svc, step(), `${tasks}\\Path`, r.task.uri);
  }
  rec.regSet(svc, step(), `${tasks}\\Hash`, 'Binary Data');
  rec.regSet(svc, step(), `${tasks}\\Triggers`, 'Binary Data');
  const actionsMs = step();
  rec.regSet(svc, actionsMs, `${tasks}\\Actions`, 'Binary Data');
  rec.regSet(svc, step(), `${tasks}\\DynamicInfo`, 'Binary Data');
  if (!r.update) rec.regKey(svc, step(), `${TASKCACHE}\\Plain\\${r.task.guid}`);
  rec.file(svc, step(), `C:\\Windows\\System32\\Tasks${r.task.uri}`);
  const content = taskXml(r.def);
  rec.security(r.task.host, r.update ? 4702 : 4698, step(), taskAudit(r.update ? 4702 : 4698, r.by, r.byLogonId, r.task.uri, content));
  rec.task(r.task.host, r.update ? T.taskUpdated(r.task.uri, userString(r.by)) : T.taskRegistered(r.task.uri, userString(r.by)), step());
  return actionsMs;
}

export function deleteTask(rec: Recorder, task: TaskRef, def: TaskDefinition, by: Account, byLogonId: string, atMs: number): void {
  const svc = bootTree(task.host).schedule;
  let t = atMs;
  rec.regKey(svc, (t += 1), `${TASKCACHE}\\Plain\\${task.guid}`, 'DeleteKey');
  rec.regKey(svc, (t += 1), `${TASKCACHE}\\Tasks\\${task.guid}`, 'DeleteKey');
  rec.regKey(svc, (t += 1), `${TASKCACHE}\\Tree${task.uri}`, 'DeleteKey');
  rec.security(task.host, 4699, (t += 2), taskAudit(4699, by, byLogonId, task.uri, taskXml(def)));
  rec.task(task.host, T.taskDeleted(task.uri, userString(by)), (t += 1));
}

export interface TaskRun {
  readonly task: TaskRef;
  readonly atMs: number;
  /** What the action starts: the child's image and command line and the account it runs as. */
  readonly image: string;
  readonly commandLine: string;
  readonly durationMs: number;
  /** Run inside taskhostw.exe (COM handler tasks) instead of a child of the Schedule svchost. */
  readonly viaTaskhost?: boolean;
  readonly logon?: Proc['logon'];
}

/** A task instance: 200, the action's process (Sysmon 1 … 5), DynamicInfo update, 201. */
export function runTask(rec: Recorder, r: TaskRun): Proc {
  const boot = bootTree(r.task.host);
  const svc = boot.schedule;
  const instance = rec.rng.guid().toLowerCase();
  rec.task(r.task.host, T.actionStarted(r.task.uri, r.viaTaskhost ? 'taskhostw.exe' : r.image, instance, svc.pid), r.atMs);
  const child = rec.host(r.task.host).spawn({
    parent: svc, image: r.image, commandLine: r.commandLine, startMs: r.atMs + rec.rng.int(5, 40),
    logon: r.logon ?? svc.logon, integrity: r.logon ? 'High' : 'System', currentDirectory: 'C:\\Windows\\system32\\',
  });
  rec.start(child, 4);
  rec.regSet(svc, r.atMs + rec.rng.int(40, 120), `${TASKCACHE}\\Tasks\\${r.task.guid}\\DynamicInfo`, 'Binary Data');
  const end = child.startMs + r.durationMs;
  rec.exit(child, end);
  rec.task(r.task.host, T.actionCompleted(r.task.uri, r.viaTaskhost ? 'taskhostw.exe' : r.image, instance, svc.pid), end + rec.rng.int(5, 30));
  return child;
}
