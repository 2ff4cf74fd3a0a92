/**
 * The Sentinel Sysmon parser's columns (function alias `Sysmon`: the EventData names as columns,
 * with Computer, EventID, TimeGenerated; values are strings) as KQL expressions per ECS field. The
 * KQL back-end (export/kql.ts) writes these and the Kusto reader (to-ir.ts) reads them back, so
 * the pairs live here once. (To be derived from the one Windows↔ECS table once it lands.)
 */
export const SYSMON_TABLE = 'Sysmon';

export const leaf = (col: string) => `tostring(split(${col}, "\\\\")[-1])`;

/** ECS field → KQL expression over the Sysmon parser's columns. */
export const FIELDS: Readonly<Record<string, string>> = {
  'process.executable': 'Image', 'process.command_line': 'CommandLine', 'process.entity_id': 'ProcessGuid',
  'process.pid': 'toint(ProcessId)', 'process.parent.executable': 'ParentImage', 'process.parent.command_line': 'ParentCommandLine',
  'process.parent.entity_id': 'ParentProcessGuid', 'process.parent.pid': 'toint(ParentProcessId)', 'process.working_directory': 'CurrentDirectory',
  'process.pe.original_file_name': 'OriginalFileName', 'process.name': leaf('Image'), 'process.parent.name': leaf('ParentImage'),
  'registry.path': 'TargetObject', 'registry.value': leaf('TargetObject'), 'registry.data.strings': 'Details',
  'file.path': 'TargetFilename', 'file.name': leaf('TargetFilename'), 'dll.path': 'ImageLoaded',
  'source.ip': 'SourceIp', 'source.port': 'toint(SourcePort)', 'destination.ip': 'DestinationIp', 'destination.port': 'toint(DestinationPort)',
  'source.domain': 'SourceHostname', 'destination.domain': 'DestinationHostname', 'network.transport': 'Protocol',
  'dns.question.name': 'QueryName', 'user.name': leaf('User'),
  'winlog.computer_name': 'Computer', 'host.name': 'Computer', 'host.hostname': 'Computer',
  'event.code': 'tostring(EventID)', 'winlog.event_id': 'toint(EventID)', '@timestamp': 'TimeGenerated',
  // Sysmon's Initiated is "true" for outbound connections: ECS network.direction egress/ingress.
  'network.direction': 'iff(tostring(Initiated) == "true", "egress", "ingress")',
  'event.category': 'case(EventID in (1, 5), "process", EventID == 3, "network", EventID in (12, 13, 14), "registry", EventID in (2, 11, 15, 23, 26), "file", EventID == 22, "network", EventID == 7, "library", "")',
  'event.type': 'case(EventID == 1, "start", EventID == 5, "end", EventID in (2, 12, 13, 14), "change", EventID in (3, 22), "connection", EventID == 11, "creation", EventID in (23, 26), "deletion", "")',
  // The parser reads the Sysmon channel only, and Sysmon runs on Windows.
  'host.os.type': '"windows"', 'winlog.channel': '"Microsoft-Windows-Sysmon/Operational"',
};

/** Fields named by their column for a caveat (host.id is a GUID in ECS; Sysmon has only the computer name). */
export const APPROXIMATE: Readonly<Record<string, readonly [string, string]>> = {
  'host.id': ['Computer', 'host.id (an agent GUID in ECS) is matched on Computer, the only host key Sysmon events carry'],
};

export function kqlString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

