/** Sysmon → ECS, one test per event ID, field by field (Winlogbeat Sysmon module semantics). */
import { describe, expect, it } from 'vitest';
import { readXml } from '../../../engine/events/xml/reader.ts';
import { ECS_CATALOG } from '../../../engine/ir/fields.ts';
import { eventXml, norm, readAll, type EventSpec } from '../helpers.ts';

const P = { ProcessGuid: '{6A3E1C2B-1F00-65E1-4C01-000000002A00}', ProcessId: '4242', Image: 'C:\\Windows\\System32\\svchost.exe' };
const UTC = '2024-03-01 10:00:00.123';

async function ecs(spec: EventSpec): Promise<Record<string, unknown>> {
  const [item] = await readAll(readXml, eventXml(spec), 4096);
  if (!item?.ok) throw new Error('read failed');
  const { fields } = norm(item.record);
  for (const k of Object.keys(fields)) expect(ECS_CATALOG.typeOf(k), `field ${k} is in the ECS catalogue`).toBeDefined();
  return fields;
}

function common(f: Record<string, unknown>, code: number): void {
  expect(f).toMatchObject({
    'event.code': String(code), 'event.kind': 'event', 'event.module': 'sysmon', 'event.provider': 'Microsoft-Windows-Sysmon',
    'winlog.event_id': String(code), 'winlog.channel': 'Microsoft-Windows-Sysmon/Operational', 'winlog.computer_name': 'WKS-01.corp.example',
    'winlog.record_id': 100, 'winlog.provider_name': 'Microsoft-Windows-Sysmon', 'host.name': 'WKS-01.corp.example', 'host.os.type': 'windows',
    '@timestamp': '2024-03-01T10:00:00.123Z', 'event.created': '2024-03-01T10:00:05.123Z', 'user.id': 'S-1-5-18',
  });
}

describe('Sysmon normalization', () => {
  it('1 process creation', async () => {
    const f = await ecs({ id: 1, data: {
      RuleName: '-', UtcTime: UTC, ...P, FileVersion: '10.0', Description: 'Host Process', Product: 'Windows', Company: 'Microsoft Corporation',
      OriginalFileName: 'svchost.exe', CommandLine: 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule', CurrentDirectory: 'C:\\Windows\\system32\\',
      User: 'NT AUTHORITY\\SYSTEM', LogonGuid: '{6A3E1C2B-1F00-65E1-E703-000000000000}', LogonId: '0x3e7', TerminalSessionId: '0', IntegrityLevel: 'System',
      Hashes: 'SHA1=AA,MD5=BB,SHA256=CC,IMPHASH=00000000', ParentProcessGuid: '{6A3E1C2B-1E00-65E1-0B00-000000002A00}', ParentProcessId: '640',
      ParentImage: 'C:\\Windows\\System32\\services.exe', ParentCommandLine: 'C:\\Windows\\system32\\services.exe',
    } });
    common(f, 1);
    expect(f).toMatchObject({
      'event.category': ['process'], 'event.type': ['start'], 'event.action': 'Process creation',
      'process.entity_id': P.ProcessGuid, 'process.pid': 4242, 'process.executable': P.Image, 'process.name': 'svchost.exe',
      'process.command_line': 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule',
      'process.args': ['C:\\Windows\\system32\\svchost.exe', '-k', 'netsvcs', '-p', '-s', 'Schedule'], 'process.args_count': 6,
      'process.working_directory': 'C:\\Windows\\system32\\', 'process.pe.original_file_name': 'svchost.exe', 'process.pe.company': 'Microsoft Corporation',
      'process.pe.description': 'Host Process', 'process.pe.product': 'Windows', 'process.pe.file_version': '10.0',
      'process.hash.sha1': 'aa', 'process.hash.md5': 'bb', 'process.hash.sha256': 'cc', 'related.hash': ['aa', 'bb', 'cc'],
      'process.parent.entity_id': '{6A3E1C2B-1E00-65E1-0B00-000000002A00}', 'process.parent.pid': 640,
      'process.parent.executable': 'C:\\Windows\\System32\\services.exe', 'process.parent.name': 'services.exe', 'process.parent.args_count': 1,
      'user.name': 'SYSTEM', 'user.domain': 'NT AUTHORITY', 'related.user': ['SYSTEM'],
      'winlog.event_data.IntegrityLevel': 'System', 'winlog.event_data.LogonId': '0x3e7', 'winlog.event_data.Image': P.Image,
    });
    expect(f['process.pe.imphash']).toBeUndefined(); // all-zero hashes are dropped
    // Windows' "-" placeholder is a value (issue 18: Sigma filters test it), raw and in ECS.
    expect(f['rule.name']).toBe('-');
    expect(f['winlog.event_data.RuleName']).toBe('-');
  });

  it('3 network connection: direction from Initiated, transport, ports', async () => {
    const base = { UtcTime: UTC, ...P, User: 'NT AUTHORITY\\NETWORK SERVICE', Protocol: 'tcp', SourceIsIpv6: 'false', SourceIp: '10.0.1.22',
      SourceHostname: 'WKS-02.corp.example', SourcePort: '52115', SourcePortName: '-', DestinationIsIpv6: 'false', DestinationIp: '10.0.1.10',
      DestinationHostname: '-', DestinationPort: '49668', DestinationPortName: '-' };
    const inbound = await ecs({ id: 3, data: { ...base, Initiated: 'false' } });
    common(inbound, 3);
    expect(inbound).toMatchObject({
      'event.category': ['network'], 'event.type': ['start', 'connection', 'protocol'], 'event.action': 'Network connection',
      'network.direction': 'ingress', 'network.transport': 'tcp', 'network.type': 'ipv4', 'source.ip': '10.0.1.22', 'source.port': 52115,
      'source.domain': 'WKS-02.corp.example', 'destination.ip': '10.0.1.10', 'destination.port': 49668, 'related.ip': ['10.0.1.22', '10.0.1.10'],
      'process.name': 'svchost.exe', 'process.pid': 4242, 'user.name': 'NETWORK SERVICE',
    });
    expect(inbound['destination.domain']).toBe('-');
    expect(inbound['network.protocol']).toBe('-');
    const outbound = await ecs({ id: 3, data: { ...base, Initiated: 'true', DestinationPortName: 'http' } });
    expect(outbound).toMatchObject({ 'network.direction': 'egress', 'network.protocol': 'http' });
  });

  it('5 process terminated', async () => {
    const f = await ecs({ id: 5, data: { UtcTime: UTC, ...P } });
    common(f, 5);
    expect(f).toMatchObject({ 'event.category': ['process'], 'event.type': ['end'], 'event.action': 'Process terminated', 'process.entity_id': P.ProcessGuid, 'process.pid': 4242, 'process.name': 'svchost.exe' });
  });

  it('7 image loaded: file.* and file.pe.*, dll.* (dac addition), file hashes', async () => {
    const f = await ecs({ id: 7, data: { UtcTime: UTC, ...P, ImageLoaded: 'C:\\Windows\\System32\\taskschd.dll', FileVersion: '10.0', Description: 'Task Scheduler COM API',
      Product: 'Windows', Company: 'Microsoft Corporation', OriginalFileName: 'taskschd.dll', Hashes: 'SHA256=ABCD,IMPHASH=EF01', Signed: 'true', Signature: 'Microsoft Windows', SignatureStatus: 'Valid' } });
    common(f, 7);
    expect(f).toMatchObject({
      'event.category': ['process'], 'event.type': ['change'], 'event.action': 'Image loaded', 'process.executable': P.Image,
      'file.path': 'C:\\Windows\\System32\\taskschd.dll', 'file.name': 'taskschd.dll', 'file.directory': 'C:\\Windows\\System32', 'file.extension': 'dll',
      'file.pe.original_file_name': 'taskschd.dll', 'file.pe.company': 'Microsoft Corporation', 'file.pe.description': 'Task Scheduler COM API',
      'file.hash.sha256': 'abcd', 'file.pe.imphash': 'ef01', 'file.code_signature.subject_name': 'Microsoft Windows', 'file.code_signature.status': 'Valid',
      'file.code_signature.signed': true, 'file.code_signature.valid': true, 'dll.path': 'C:\\Windows\\System32\\taskschd.dll', 'dll.name': 'taskschd.dll',
    });
    expect(f['process.pe.original_file_name']).toBeUndefined();
    expect(f['process.hash.sha256']).toBeUndefined();
  });

  it('8 CreateRemoteThread: source process is process.*', async () => {
    const f = await ecs({ id: 8, data: { UtcTime: UTC, SourceProcessGuid: P.ProcessGuid, SourceProcessId: '4242', SourceImage: 'C:\\Temp\\inj.exe',
      TargetProcessGuid: '{6A3E1C2B-0000-0000-0000-000000000001}', TargetProcessId: '700', TargetImage: 'C:\\Windows\\System32\\lsass.exe', NewThreadId: '1', StartAddress: '0x1' } });
    common(f, 8);
    expect(f).toMatchObject({ 'event.category': ['process'], 'event.type': ['change'], 'event.action': 'CreateRemoteThread', 'process.entity_id': P.ProcessGuid,
      'process.pid': 4242, 'process.executable': 'C:\\Temp\\inj.exe', 'process.name': 'inj.exe', 'winlog.event_data.TargetImage': 'C:\\Windows\\System32\\lsass.exe' });
  });

  it('10 process access: SourceProcessGUID, thread id, granted access raw', async () => {
    const f = await ecs({ id: 10, data: { UtcTime: UTC, SourceProcessGUID: P.ProcessGuid, SourceProcessId: '4242', SourceThreadId: '77', SourceImage: 'C:\\Temp\\m.exe',
      TargetProcessGUID: '{6A3E1C2B-0000-0000-0000-000000000002}', TargetProcessId: '700', TargetImage: 'C:\\Windows\\system32\\lsass.exe', GrantedAccess: '0x1010', CallTrace: 'C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4' } });
    common(f, 10);
    expect(f).toMatchObject({ 'event.category': ['process'], 'event.type': ['access'], 'event.action': 'ProcessAccess', 'process.entity_id': P.ProcessGuid,
      'process.pid': 4242, 'process.thread.id': 77, 'process.executable': 'C:\\Temp\\m.exe', 'winlog.event_data.GrantedAccess': '0x1010', 'winlog.event_data.TargetProcessGUID': '{6A3E1C2B-0000-0000-0000-000000000002}' });
  });

  it('11 file create', async () => {
    const f = await ecs({ id: 11, data: { UtcTime: UTC, ...P, TargetFilename: 'C:\\Windows\\System32\\Tasks\\Updater', CreationUtcTime: UTC, User: 'CORP\\alice' } });
    common(f, 11);
    expect(f).toMatchObject({ 'event.category': ['file'], 'event.type': ['creation'], 'event.action': 'FileCreate', 'file.path': 'C:\\Windows\\System32\\Tasks\\Updater',
      'file.name': 'Updater', 'file.directory': 'C:\\Windows\\System32\\Tasks', 'user.name': 'alice', 'user.domain': 'CORP' });
    expect(f['file.extension']).toBeUndefined();
  });

  it('12 registry key create: path, hive, key, value', async () => {
    const path = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Schedule\\TaskCache\\Tasks\\{0D4A1B4E-3B2C-4F6E-9C51-2A3B4C5D6E7F}';
    const f = await ecs({ id: 12, data: { EventType: 'CreateKey', UtcTime: UTC, ...P, TargetObject: path } });
    common(f, 12);
    expect(f).toMatchObject({ 'event.category': ['configuration', 'registry'], 'event.type': ['change'], 'event.action': 'RegistryEvent (Object create and delete)',
      'registry.path': path, 'registry.hive': 'HKLM', 'registry.key': path.slice(5), 'registry.value': '{0D4A1B4E-3B2C-4F6E-9C51-2A3B4C5D6E7F}', 'winlog.event_data.TargetObject': path });
    expect(f['registry.data.strings']).toBeUndefined();
  });

  it('13 registry value set: data strings and type (REG_SZ, DWORD, QWORD, binary); kernel paths to HKLM/HKU', async () => {
    const path = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Schedule\\TaskCache\\Tasks\\{0D4A1B4E-3B2C-4F6E-9C51-2A3B4C5D6E7F}\\Actions';
    const f = await ecs({ id: 13, data: { EventType: 'SetValue', UtcTime: UTC, ...P, TargetObject: path, Details: 'Binary Data' } });
    common(f, 13);
    expect(f).toMatchObject({ 'event.action': 'RegistryEvent (Value Set)', 'registry.path': path, 'registry.hive': 'HKLM', 'registry.value': 'Actions',
      'registry.data.strings': ['Binary Data'], 'registry.data.type': 'REG_BINARY' });
    expect(await ecs({ id: 13, data: { UtcTime: UTC, TargetObject: 'HKU\\S-1-5-21-1\\Run\\x', Details: 'DWORD (0x00000010)' } })).toMatchObject({ 'registry.hive': 'HKU', 'registry.data.strings': ['16'], 'registry.data.type': 'SZ_DWORD' });
    expect(await ecs({ id: 13, data: { UtcTime: UTC, TargetObject: 'HKLM\\x', Details: 'QWORD (0x00000001-0x00000002)' } })).toMatchObject({ 'registry.data.strings': ['4294967298'], 'registry.data.type': 'SZ_QWORD' });
    expect(await ecs({ id: 13, data: { UtcTime: UTC, TargetObject: 'HKLM\\Run\\x', Details: 'C:\\a.exe' } })).toMatchObject({ 'registry.data.strings': ['C:\\a.exe'], 'registry.data.type': 'REG_SZ' });
    expect(await ecs({ id: 13, data: { UtcTime: UTC, TargetObject: '\\REGISTRY\\MACHINE\\SYSTEM\\x' } })).toMatchObject({ 'registry.path': 'HKLM\\SYSTEM\\x', 'registry.hive': 'HKLM', 'registry.key': 'SYSTEM\\x' });
  });

  it('14 registry rename', async () => {
    const f = await ecs({ id: 14, data: { EventType: 'RenameKey', UtcTime: UTC, ...P, TargetObject: 'HKCU\\Software\\A', NewName: 'HKCU\\Software\\B' } });
    common(f, 14);
    expect(f).toMatchObject({ 'event.category': ['configuration', 'registry'], 'event.action': 'RegistryEvent (Key and Value Rename)', 'registry.hive': 'HKCU', 'registry.key': 'Software\\A', 'winlog.event_data.NewName': 'HKCU\\Software\\B' });
  });

  it('15 file stream hash', async () => {
    const f = await ecs({ id: 15, data: { UtcTime: UTC, ...P, TargetFilename: 'C:\\Users\\a\\Downloads\\x.zip:Zone.Identifier', Hash: 'SHA256=DEAD' } });
    common(f, 15);
    expect(f).toMatchObject({ 'event.category': ['file'], 'event.type': ['access'], 'event.action': 'FileCreateStreamHash', 'file.hash.sha256': 'dead', 'file.name': 'x.zip:Zone.Identifier' });
  });

  it('17 and 18 pipe events: file.name', async () => {
    const c = await ecs({ id: 17, data: { EventType: 'CreatePipe', UtcTime: UTC, ...P, PipeName: '\\atsvc' } });
    common(c, 17);
    expect(c).toMatchObject({ 'event.category': ['file'], 'event.type': ['creation'], 'event.action': 'PipeEvent (Pipe Created)', 'file.name': '\\atsvc' });
    const k = await ecs({ id: 18, data: { EventType: 'ConnectPipe', UtcTime: UTC, ...P, PipeName: '\\svcctl' } });
    expect(k).toMatchObject({ 'event.type': ['access'], 'event.action': 'PipeEvent (Pipe Connected)', 'file.name': '\\svcctl', 'process.name': 'svchost.exe' });
  });

  it('22 DNS query: question, answers, resolved IPs', async () => {
    const f = await ecs({ id: 22, data: { UtcTime: UTC, ...P, QueryName: 'update.example.com', QueryStatus: '0',
      QueryResults: 'type:  5 cdn.example.net;::ffff:93.184.216.34;2606:2800:220:1::1;', User: 'CORP\\alice' } });
    common(f, 22);
    expect(f).toMatchObject({ 'event.category': ['network'], 'event.type': ['connection', 'protocol', 'info'], 'event.action': 'DNSEvent (DNS query)',
      'network.protocol': 'dns', 'dns.question.name': 'update.example.com', 'sysmon.dns.status': 'SUCCESS',
      'dns.resolved_ip': ['93.184.216.34', '2606:2800:220:1::1'], 'dns.answers.type': ['CNAME', 'A', 'AAAA'],
      'dns.answers.data': ['cdn.example.net', '93.184.216.34', '2606:2800:220:1::1'], 'related.hosts': ['cdn.example.net', 'update.example.com'] });
  });

  it('23 and 26 file delete: process hashes, archived flag', async () => {
    const a = await ecs({ id: 23, data: { UtcTime: UTC, ...P, User: 'CORP\\bob', TargetFilename: 'C:\\Temp\\a.ps1', Hashes: 'MD5=AB', IsExecutable: 'false', Archived: 'true' } });
    common(a, 23);
    expect(a).toMatchObject({ 'event.category': ['file'], 'event.type': ['deletion'], 'event.action': 'FileDelete (File Delete archived)', 'file.path': 'C:\\Temp\\a.ps1',
      'file.extension': 'ps1', 'process.hash.md5': 'ab', 'sysmon.file.archived': true, 'sysmon.file.is_executable': false });
    const d = await ecs({ id: 26, data: { UtcTime: UTC, ...P, TargetFilename: 'C:\\Temp\\b.txt', Hashes: 'MD5=CD' } });
    expect(d).toMatchObject({ 'event.action': 'FileDeleteDetected (File Delete logged)', 'event.type': ['deletion'], 'process.hash.md5': 'cd' });
    expect(d['file.hash.md5']).toBeUndefined();
  });

  it('25 process tampering: Type becomes message', async () => {
    const f = await ecs({ id: 25, data: { UtcTime: UTC, ...P, Type: 'Image is replaced' } });
    common(f, 25);
    expect(f).toMatchObject({ 'event.category': ['process'], 'event.type': ['change'], 'event.action': 'ProcessTampering (Process image change)', message: 'Image is replaced' });
  });
});
