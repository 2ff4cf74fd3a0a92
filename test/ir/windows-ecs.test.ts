/**
 * The one Windows ↔ ECS table (engine/ir/windows-ecs) and its derived views. The drift bugs of
 * issue 13 are pinned here, at the table: each back-end reads its names from these views.
 */
import { describe, expect, it } from 'vitest';
import {
  FAMILIES, KQL_MULTI_VALUED, SENTINEL_SYSMON_FIELDS, SPL_ECS_TO_RAW, categoriesOf, ecsFieldOf, familyOf, kqlColumnOf, rawNameOf, scopeOfChannel, sentinelCategoryCase, sentinelSourceOf,
} from '../../engine/ir/windows-ecs/index.ts';
import { IP_FIELDS } from '../../engine/ir/ip.ts';
import { ECS_CATALOG } from '../../engine/ir/fields.ts';

const SYSMON = 'Microsoft-Windows-Sysmon/Operational';

describe('categorization', () => {
  it('Sysmon 10 (process access) is a process event', () => {
    expect(categoriesOf(SYSMON, 10)?.category).toEqual(['process']);
    // Sentinel's category case() is derived from the same entry: 10 sits in the process arm.
    expect(sentinelCategoryCase('category')).toMatch(/EventID in \([^)]*\b10\b[^)]*\), dynamic\(\["process"\]\)/);
  });

  it('Sysmon 12–14 are configuration and registry, in the normalizer and in Sentinel', () => {
    for (const id of [12, 13, 14]) expect(categoriesOf(SYSMON, id)?.category).toEqual(['configuration', 'registry']);
    expect(sentinelCategoryCase('category')).toContain('EventID in (12, 13, 14), dynamic(["configuration","registry"])');
  });

  it('Security events are read from SecurityEvent, not from the Sysmon parser', () => {
    expect(sentinelSourceOf('Security')).toEqual({ table: 'SecurityEvent' });
    expect(sentinelSourceOf(SYSMON)).toEqual({ table: 'Sysmon' });
    expect(categoriesOf('Security', 5136)?.action).toBe('directory-service-object-modified');
    expect(categoriesOf('Security', 5145)?.category).toEqual(['network', 'file']);
    expect(sentinelSourceOf('Microsoft-Windows-Foo/Operational')).toEqual({ table: 'Event', filter: 'EventLog == "Microsoft-Windows-Foo/Operational"' });
  });

  it('finds the family by provider first, then channel (case-insensitive), else the generic one', () => {
    expect(familyOf('ForwardedEvents', 'Microsoft-Windows-Sysmon').id).toBe('sysmon');
    expect(familyOf('security').id).toBe('security');
    expect(familyOf('Windows PowerShell').id).toBe('powershell-classic');
    expect(familyOf('Whatever').id).toBe('windows');
  });

  it('an event ID named like an object key is no categorization', () => {
    expect(categoriesOf(SYSMON, Number('constructor'))).toBeUndefined();
  });
});

describe('derived views', () => {
  it('SPL raw names: each ECS field back to the EventData name it is read from', () => {
    expect(SPL_ECS_TO_RAW).toMatchObject({
      'process.executable': 'Image', 'process.command_line': 'CommandLine', 'process.pid': 'ProcessId', 'process.entity_id': 'ProcessGuid',
      'process.parent.executable': 'ParentImage', 'process.parent.command_line': 'ParentCommandLine', 'process.parent.pid': 'ParentProcessId',
      'process.parent.entity_id': 'ParentProcessGuid', 'process.working_directory': 'CurrentDirectory', 'process.pe.original_file_name': 'OriginalFileName',
      'registry.path': 'TargetObject', 'file.path': 'TargetFilename', 'destination.ip': 'DestinationIp', 'destination.port': 'DestinationPort',
      'source.ip': 'SourceIp', 'source.port': 'SourcePort', 'dns.question.name': 'QueryName', 'dll.path': 'ImageLoaded', 'event.code': 'EventCode',
    });
    // Computed fields have no raw equivalent: file.name is the leaf of file.path, not PipeName.
    expect(SPL_ECS_TO_RAW['file.name']).toBeUndefined();
    expect(rawNameOf('process.name')).toBeUndefined();
    expect(rawNameOf('process.executable', 'security')).toBe('NewProcessName');
  });

  it('Sentinel Sysmon columns: numbers through toint(), names as the leaf of a path', () => {
    expect(kqlColumnOf('process.executable')).toBe('Image');
    expect(kqlColumnOf('process.pid')).toBe('toint(ProcessId)');
    expect(kqlColumnOf('destination.port')).toBe('toint(DestinationPort)');
    expect(kqlColumnOf('process.name')).toBe('tostring(split(Image, "\\\\")[-1])');
    expect(kqlColumnOf('registry.value')).toBe('tostring(split(TargetObject, "\\\\")[-1])');
    expect(kqlColumnOf('dce_rpc.operation')).toBeUndefined();
  });

  it('Sentinel Sysmon fields: the same shape as export/kql.ts FIELDS, categorization multi-valued', () => {
    expect(SENTINEL_SYSMON_FIELDS).toMatchObject({
      'process.executable': 'Image', 'process.pid': 'toint(ProcessId)', 'registry.path': 'TargetObject', 'dll.path': 'ImageLoaded',
      'process.name': 'tostring(split(Image, "\\\\")[-1])', 'host.name': 'Computer', '@timestamp': 'TimeGenerated',
    });
    expect(SENTINEL_SYSMON_FIELDS['event.category']).toContain('dynamic(["configuration","registry"])');
    expect(KQL_MULTI_VALUED.has('event.category')).toBe(true);
  });

  it('one IP-field set: the ECS catalogue\'s ip fields', () => {
    expect([...IP_FIELDS].sort()).toEqual(['client.ip', 'destination.ip', 'dns.resolved_ip', 'host.ip', 'related.ip', 'server.ip', 'source.ip']);
  });

  it('every ECS field the table fills is in the ECS catalogue', () => {
    const unknown = FAMILIES.flatMap((f) => f.fields.map((r) => r.to)).filter((t) => !ECS_CATALOG.typeOf(t));
    expect(unknown).toEqual([]);
  });
});

describe('ecsFieldOf: where a Sigma/EventData name reaches an ECS field', () => {
  const sysmon = (...ids: number[]) => [scopeOfChannel(SYSMON, ids)];
  const security = (...ids: number[]) => [scopeOfChannel('Security', ids)];
  const label = (scopes: ReturnType<typeof sysmon>) => scopes.map((s) => `${s.family.id}[${s.eventIds.join(',')}]`).join('+');
  it.each([
    ['Image', sysmon(1), 'process.executable'],
    ['OriginalFileName', sysmon(1), 'process.pe.original_file_name'],
    ['OriginalFileName', sysmon(7), 'file.pe.original_file_name'],
    ['OriginalFileName', sysmon(), undefined], // differs per event ID
    ['TargetObject', sysmon(12, 13, 14), 'registry.path'],
    ['SourcePortName', sysmon(3), undefined], // only when DestinationPortName is absent
    ['QueryStatus', sysmon(22), undefined], // renamed codes: rules compare the number
    ['Signed', sysmon(7), undefined], // boolean in ECS, 'true'/'false'/'-' in rules
    ['Imphash', sysmon(1), 'process.pe.imphash'],
    ['Imphash', sysmon(7), 'file.pe.imphash'],
    ['ProcessName', security(), 'process.executable'],
    ['ProcessName', security(4616, 4648, 4656, 4658, 4661, 4673, 4674, 4904, 4905, 4907), 'process.executable'],
    ['IpAddress', security(5140, 5145, 4648), undefined], // Security writes '-' there: the raw field keeps it
    ['SubjectUserName', security(), undefined], // user.name is Target* on 4624/4625
    ['SubjectUserName', security(4688), 'user.name'],
    ['NewProcessName', security(4688), 'process.executable'],
    ['ScriptBlockText', [scopeOfChannel('Microsoft-Windows-PowerShell/Operational', [4104])], 'powershell.file.script_block_text'],
    ['Payload', [scopeOfChannel('Microsoft-Windows-PowerShell/Operational', [4103])], 'powershell.file.script_block_text'],
    ['HostApplication', [scopeOfChannel('Windows PowerShell', [400])], 'process.command_line'],
    ['Image', [...sysmon(1), ...security(4688)], undefined], // 4688 calls it NewProcessName
    ['Operation', [scopeOfChannel('Microsoft-Windows-WMI-Activity/Operational')], undefined],
  ])('%s', (name, scopes, want) => {
    expect(ecsFieldOf(name, scopes), `${name} over ${label(scopes)}`).toBe(want);
  });
});
