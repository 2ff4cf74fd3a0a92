/** Security, TaskScheduler, flat (OTRF/NXLog) and clock handling. */
import { describe, expect, it } from 'vitest';
import { readXml } from '../../../engine/events/xml/reader.ts';
import { ECS_CATALOG } from '../../../engine/ir/fields.ts';
import { normalize } from '../../../engine/events/normalize/index.ts';
import { eventXml, norm, readAll, SECURITY, TASKS, type EventSpec } from '../helpers.ts';

async function ecs(spec: EventSpec): Promise<Record<string, unknown>> {
  const [item] = await readAll(readXml, eventXml(spec), 4096);
  if (!item?.ok) throw new Error('read failed');
  const { fields } = norm(item.record);
  for (const k of Object.keys(fields)) expect(ECS_CATALOG.typeOf(k), `field ${k}`).toBeDefined();
  return fields;
}

const SUBJECT = { SubjectUserSid: 'S-1-5-21-1-500', SubjectUserName: 'admin', SubjectDomainName: 'CORP', SubjectLogonId: '0x17e2d2' };
const OK = '0x8020000000000000';

describe('Security normalization', () => {
  it('4624 logon: target user, logon type name, source address', async () => {
    const f = await ecs({ source: SECURITY, id: 4624, keywords: OK, data: { SubjectUserSid: 'S-1-5-18', SubjectUserName: 'SRV-01$', SubjectDomainName: 'CORP',
      TargetUserSid: 'S-1-5-21-1-1104', TargetUserName: 'alice', TargetDomainName: 'CORP', TargetLogonId: '0x2bc327', LogonType: '3',
      WorkstationName: 'WKS-02', IpAddress: '10.0.1.22', IpPort: '52110', ProcessId: '0x0', ProcessName: '-' } });
    expect(f).toMatchObject({ 'event.code': '4624', 'event.module': 'security', 'event.category': ['authentication'], 'event.type': ['start'], 'event.action': 'logged-in',
      'event.outcome': 'success', 'user.name': 'alice', 'user.domain': 'CORP', 'user.id': 'S-1-5-21-1-1104', 'winlog.logon.type': 'Network', 'winlog.logon.id': '0x2bc327',
      'source.ip': '10.0.1.22', 'source.port': 52110, 'source.domain': 'WKS-02', 'related.user': ['SRV-01$', 'alice'], 'related.ip': ['10.0.1.22'], '@timestamp': '2024-03-01T10:00:05.123Z' });
    // ProcessName "-" is kept, as Winlogbeat's Security module keeps it; it names no process.
    expect(f['process.executable']).toBe('-');
    expect(f['process.name']).toBeUndefined();
  });

  it('4688 process creation: hex pids, parent, command line', async () => {
    const f = await ecs({ source: SECURITY, id: 4688, keywords: OK, data: { ...SUBJECT, NewProcessId: '0x1a2c', NewProcessName: 'C:\\Windows\\System32\\schtasks.exe',
      TokenElevationType: '%%1937', ProcessId: '0x10f0', CommandLine: 'schtasks /run /tn Updater /s SRV-01', ParentProcessName: 'C:\\Windows\\System32\\cmd.exe' } });
    expect(f).toMatchObject({ 'event.category': ['process'], 'event.type': ['start'], 'event.action': 'created-process', 'process.pid': 6700,
      'process.executable': 'C:\\Windows\\System32\\schtasks.exe', 'process.name': 'schtasks.exe', 'process.command_line': 'schtasks /run /tn Updater /s SRV-01',
      'process.args': ['schtasks', '/run', '/tn', 'Updater', '/s', 'SRV-01'], 'process.args_count': 6, 'process.parent.pid': 4336,
      'process.parent.executable': 'C:\\Windows\\System32\\cmd.exe', 'process.parent.name': 'cmd.exe', 'user.name': 'admin', 'user.domain': 'CORP', 'winlog.logon.id': '0x17e2d2' });
  });

  it.each([
    [4698, ['creation', 'admin'], 'scheduled-task-created'],
    [4699, ['deletion', 'admin'], 'scheduled-task-deleted'],
    [4700, ['change', 'admin'], 'scheduled-task-enabled'],
    [4701, ['change', 'admin'], 'scheduled-task-disabled'],
    [4702, ['change', 'admin'], 'scheduled-task-updated'],
  ])('%i scheduled task event', async (id, type, action) => {
    const f = await ecs({ source: SECURITY, id, keywords: OK, data: { ...SUBJECT, TaskName: '\\Updater', TaskContent: '<?xml version="1.0"?><Task/>' } });
    expect(f).toMatchObject({ 'event.code': String(id), 'event.category': ['iam', 'configuration'], 'event.type': type, 'event.action': action, 'event.outcome': 'success',
      'user.name': 'admin', 'user.domain': 'CORP', 'user.id': 'S-1-5-21-1-500', 'winlog.event_data.TaskName': '\\Updater', 'winlog.event_data.TaskContent': '<?xml version="1.0"?><Task/>' });
  });

  it('audit failure keyword gives event.outcome failure', async () => {
    expect(await ecs({ source: SECURITY, id: 4625, keywords: '0x8010000000000000', data: { TargetUserName: 'x' } })).toMatchObject({ 'event.outcome': 'failure', 'event.action': 'logon-failed' });
  });
});

describe('TaskScheduler/Operational normalization', () => {
  it.each([
    [106, { TaskName: '\\Updater', UserContext: 'CORP\\alice' }, ['configuration'], ['creation'], 'scheduled-task-registered'],
    [140, { TaskName: '\\Updater', UserName: 'CORP\\alice' }, ['configuration'], ['change'], 'scheduled-task-updated'],
    [141, { TaskName: '\\Updater', UserName: 'CORP\\alice' }, ['configuration'], ['deletion'], 'scheduled-task-deleted'],
    [200, { TaskName: '\\Updater', ActionName: 'C:\\Windows\\system32\\cmd.exe', TaskInstanceId: '{1}' }, ['process'], ['start'], 'scheduled-task-action-started'],
    [201, { TaskName: '\\Updater', TaskInstanceId: '{1}', ActionName: 'C:\\Windows\\system32\\cmd.exe', ResultCode: '0' }, ['process'], ['end'], 'scheduled-task-action-completed'],
  ])('%i', async (id, data, category, type, action) => {
    const f = await ecs({ source: TASKS, id, data });
    expect(f).toMatchObject({ 'event.module': 'taskscheduler', 'event.code': String(id), 'event.category': category, 'event.type': type, 'event.action': action,
      'winlog.event_data.TaskName': '\\Updater', 'winlog.channel': 'Microsoft-Windows-TaskScheduler/Operational' });
    if (id < 200) expect(f).toMatchObject({ 'user.name': 'alice', 'user.domain': 'CORP' });
    expect(f['process.executable']).toBeUndefined();
  });
});

describe('flat records (OTRF, NXLog) through the same mappings', () => {
  const nxlog = {
    EventTime: '2020-08-01 06:49:15', Hostname: 'win-dc.attackrange.local', Keywords: -9223372036854775808, EventID: 1, SourceName: 'Microsoft-Windows-Sysmon',
    RecordNumber: 828, ProcessID: 2928, ThreadID: 3404, Channel: 'Microsoft-Windows-Sysmon/Operational', UserID: 'S-1-5-18',
    Message: 'Process Create:\r\nRuleName: \r\nUtcTime: 2020-08-01 06:48:59.131\r\nProcessId: 5120\r\nImage: C:\\Windows\\System32\\schtasks.exe',
    UtcTime: '2020-08-01 06:48:59.131', ProcessGuid: '{E2A3D6B1-105A-5F25-0000-0010CE650000}', Image: 'C:\\Windows\\System32\\schtasks.exe',
    CommandLine: 'schtasks /create /tn x', User: 'ATTACKRANGE\\Administrator', OriginalFileName: 'sctasks.exe', SourceModuleType: 'im_msvistalog',
  };

  it('maps NXLog Sysmon fields, recovers ProcessId from the message, keeps collector fields out of event_data', () => {
    const { fields: f, ts } = norm({ kind: 'flat', doc: nxlog });
    expect(f).toMatchObject({ 'event.code': '1', 'event.category': ['process'], 'process.pid': 5120, 'process.name': 'schtasks.exe', 'process.pe.original_file_name': 'sctasks.exe',
      'host.name': 'win-dc.attackrange.local', 'winlog.record_id': 828, 'winlog.process.pid': 2928, 'user.name': 'Administrator', '@timestamp': '2020-08-01T06:48:59.131Z', 'event.created': '2020-08-01T06:49:15.000Z' });
    expect(ts).toBe(Date.UTC(2020, 7, 1, 6, 48, 59, 131));
    expect(f['winlog.event_data.SourceModuleType']).toBeUndefined();
    expect(f['winlog.event_data.Keywords']).toBeUndefined();
  });

  it('rejects a flat record without EventID', () => {
    expect(normalize({ kind: 'flat', doc: { Channel: 'Security', EventID: 'x' } }, { clock: 'activity' })).toMatchObject({ ok: false });
  });
});

describe('replay clock', () => {
  it('activity uses Sysmon UtcTime; record uses TimeCreated; non-Sysmon events use TimeCreated either way', async () => {
    const [s] = await readAll(readXml, eventXml({ id: 3, data: { UtcTime: '2024-03-01 09:59:20.000' }, time: '2024-03-01T10:00:01.5Z' }), 4096);
    const [w] = await readAll(readXml, eventXml({ source: SECURITY, id: 4698, data: {}, time: '2024-03-01T10:00:01.5Z' }), 4096);
    if (!s?.ok || !w?.ok) throw new Error('read');
    expect(norm(s.record, 'activity').fields).toMatchObject({ '@timestamp': '2024-03-01T09:59:20.000Z', 'event.created': '2024-03-01T10:00:01.500Z' });
    expect(norm(s.record, 'record').fields).toMatchObject({ '@timestamp': '2024-03-01T10:00:01.500Z', 'event.created': '2024-03-01T10:00:01.500Z' });
    expect(norm(w.record, 'activity').ts).toBe(norm(w.record, 'record').ts);
  });
});
