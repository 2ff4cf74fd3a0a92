/**
 * Sysmon (Microsoft-Windows-Sysmon/Operational) ↔ ECS, as Winlogbeat's Sysmon module sets it
 * (x-pack/winlogbeat/module/sysmon/ingest/sysmon.yml in elastic/beats) and pySigma's ECS Windows
 * pipeline names it. dac additions are marked `dac`.
 */
import type { Categorization, Family, FieldRule } from './types.ts';

const SYSMON_EVENTS: Readonly<Record<number, Categorization>> = {
  1: { category: ['process'], type: ['start'], action: 'Process creation' },
  2: { category: ['file'], type: ['change'], action: 'A process changed a file creation time' },
  3: { category: ['network'], type: ['start', 'connection', 'protocol'], action: 'Network connection' },
  4: { category: ['process'], type: ['change'], action: 'Sysmon service state changed' },
  5: { category: ['process'], type: ['end'], action: 'Process terminated' },
  6: { category: ['driver'], type: ['start'], action: 'Driver loaded' },
  7: { category: ['process'], type: ['change'], action: 'Image loaded' },
  8: { category: ['process'], type: ['change'], action: 'CreateRemoteThread' },
  9: { category: ['process'], type: ['access'], action: 'RawAccessRead' },
  10: { category: ['process'], type: ['access'], action: 'ProcessAccess' },
  11: { category: ['file'], type: ['creation'], action: 'FileCreate' },
  12: { category: ['configuration', 'registry'], type: ['change'], action: 'RegistryEvent (Object create and delete)' },
  13: { category: ['configuration', 'registry'], type: ['change'], action: 'RegistryEvent (Value Set)' },
  14: { category: ['configuration', 'registry'], type: ['change'], action: 'RegistryEvent (Key and Value Rename)' },
  15: { category: ['file'], type: ['access'], action: 'FileCreateStreamHash' },
  16: { category: ['configuration'], type: ['change'], action: 'ServiceConfigurationChange' },
  17: { category: ['file'], type: ['creation'], action: 'PipeEvent (Pipe Created)' },
  18: { category: ['file'], type: ['access'], action: 'PipeEvent (Pipe Connected)' },
  19: { category: ['process'], type: ['info'], action: 'WmiEvent (WmiEventFilter activity detected)' },
  20: { category: ['process'], type: ['change'], action: 'WmiEvent (WmiEventConsumer activity detected)' },
  21: { category: ['process'], type: ['access'], action: 'WmiEvent (WmiEventConsumerToFilter activity detected)' },
  22: { category: ['network'], type: ['connection', 'protocol', 'info'], action: 'DNSEvent (DNS query)' },
  23: { category: ['file'], type: ['deletion'], action: 'FileDelete (File Delete archived)' },
  24: { category: [], type: ['change'], action: 'ClipboardChange (New content in the clipboard)' },
  25: { category: ['process'], type: ['change'], action: 'ProcessTampering (Process image change)' },
  26: { category: ['file'], type: ['deletion'], action: 'FileDeleteDetected (File Delete logged)' },
  27: { category: ['file'], type: ['creation'], action: 'FileBlockExecutable', outcome: 'failure' },
  28: { category: ['file'], type: ['deletion'], action: 'FileBlockShredding' },
  29: { category: ['file'], type: ['creation'], action: 'FileExecutableDetected' },
  255: { category: ['process'], type: [], action: 'Error', outcome: 'failure' },
};

/** QueryStatus codes → names (the common ones; others stay numeric). */
export const DNS_STATUS: Readonly<Record<string, string>> = {
  0: 'SUCCESS', 5: 'ERROR_ACCESS_DENIED', 123: 'ERROR_INVALID_NAME', 1460: 'ERROR_TIMEOUT',
  9002: 'DNS_ERROR_RCODE_SERVER_FAILURE', 9003: 'DNS_ERROR_RCODE_NAME_ERROR', 9501: 'DNS_INFO_NO_RECORDS',
  9701: 'DNS_ERROR_RECORD_DOES_NOT_EXIST', 1214: 'ERROR_INVALID_NETNAME',
};

const IMAGE_LOAD = [7];
const PROCESS_HASH_IDS = [1, 23, 24, 25, 26];
const FILE_HASH_IDS = [6, 7, 15, 26, 29];
const REGISTRY_IDS = [12, 13, 14];

const SYSMON_FIELDS: readonly FieldRule[] = [
  { from: 'RuleName', to: 'rule.name' },
  { from: 'ProcessGuid', to: 'process.entity_id' },
  { from: 'ProcessId', to: 'process.pid', conv: 'long' },
  { from: 'Image', to: 'process.executable' },
  { from: 'SourceProcessGuid', to: 'process.entity_id' },
  { from: 'SourceProcessGUID', to: 'process.entity_id' },
  { from: 'SourceProcessId', to: 'process.pid', conv: 'long' },
  { from: 'SourceThreadId', to: 'process.thread.id', conv: 'long' },
  { from: 'SourceImage', to: 'process.executable' },
  { from: 'Destination', to: 'process.executable' },
  { from: 'CommandLine', to: 'process.command_line' },
  { from: 'CurrentDirectory', to: 'process.working_directory' },
  { from: 'ParentProcessGuid', to: 'process.parent.entity_id' },
  { from: 'ParentProcessId', to: 'process.parent.pid', conv: 'long' },
  { from: 'ParentImage', to: 'process.parent.executable' },
  { from: 'ParentCommandLine', to: 'process.parent.command_line' },
  { from: 'OriginalFileName', to: 'process.pe.original_file_name', except: IMAGE_LOAD },
  { from: 'Company', to: 'process.pe.company', except: IMAGE_LOAD },
  { from: 'Description', to: 'process.pe.description', except: IMAGE_LOAD },
  { from: 'FileVersion', to: 'process.pe.file_version', except: IMAGE_LOAD },
  { from: 'Product', to: 'process.pe.product', except: IMAGE_LOAD },
  { from: 'TargetFilename', to: 'file.path' },
  { from: 'Device', to: 'file.path' },
  { from: 'PipeName', to: 'file.name' },
  { from: 'ImageLoaded', to: 'file.path' },
  { from: 'ImageLoaded', to: 'dll.path', only: IMAGE_LOAD, dac: 'Elastic\'s library rules query dll.*; Winlogbeat leaves it to the endpoint' },
  { from: 'Signature', to: 'file.code_signature.subject_name' },
  { from: 'SignatureStatus', to: 'file.code_signature.status' },
  { from: 'Signed', to: 'file.code_signature.signed', conv: 'bool' },
  { from: 'OriginalFileName', to: 'file.pe.original_file_name', only: IMAGE_LOAD },
  { from: 'Company', to: 'file.pe.company', only: IMAGE_LOAD },
  { from: 'Description', to: 'file.pe.description', only: IMAGE_LOAD },
  { from: 'FileVersion', to: 'file.pe.file_version', only: IMAGE_LOAD },
  { from: 'Product', to: 'file.pe.product', only: IMAGE_LOAD },
  { from: 'Protocol', to: 'network.transport' },
  { from: 'DestinationPortName', to: 'network.protocol', except: [22] },
  { from: 'SourcePortName', to: 'network.protocol', except: [22], fallback: true },
  { from: 'SourceIp', to: 'source.ip', conv: 'ip' },
  { from: 'SourceHostname', to: 'source.domain' },
  { from: 'SourcePort', to: 'source.port', conv: 'long' },
  { from: 'DestinationIp', to: 'destination.ip', conv: 'ip' },
  { from: 'DestinationHostname', to: 'destination.domain' },
  { from: 'DestinationPort', to: 'destination.port', conv: 'long' },
  { from: 'QueryName', to: 'dns.question.name' },
  { from: 'QueryStatus', to: 'sysmon.dns.status', conv: 'enum', values: DNS_STATUS },
  { from: 'Archived', to: 'sysmon.file.archived', conv: 'bool' },
  { from: 'IsExecutable', to: 'sysmon.file.is_executable', conv: 'bool' },
  { from: 'TargetObject', to: 'registry.path', conv: 'registry' },
  // Not EventData: the IMPHASH= part of Hashes, which pySigma names Imphash.
  { from: 'Imphash', to: 'process.pe.imphash', only: PROCESS_HASH_IDS, virtual: true },
  { from: 'Imphash', to: 'file.pe.imphash', only: FILE_HASH_IDS.filter((i) => !PROCESS_HASH_IDS.includes(i)), virtual: true },
];

export const SYSMON: Family = {
  id: 'sysmon',
  module: 'sysmon',
  channels: ['Microsoft-Windows-Sysmon/Operational'],
  providers: ['Microsoft-Windows-Sysmon'],
  events: SYSMON_EVENTS,
  fields: SYSMON_FIELDS,
  computed: [
    'process.name', 'process.parent.name', 'process.args', 'process.args_count', 'process.parent.args', 'process.parent.args_count',
    'file.name', 'file.directory', 'file.extension', 'dll.name', 'user.name', 'user.domain', 'network.direction', 'network.type',
    'registry.hive', 'registry.key', 'registry.value', 'registry.data.strings', 'registry.data.type',
  ],
  leaves: { 'process.name': 'Image', 'process.parent.name': 'ParentImage', 'file.name': 'TargetFilename', 'registry.value': 'TargetObject', 'user.name': 'User' },
  sentinel: { table: 'Sysmon' },
};

/** Which event codes put Hashes under process.hash vs file.hash (first match wins for 26). */
export const PROCESS_HASH_CODES: ReadonlySet<number> = new Set(PROCESS_HASH_IDS);
export const FILE_HASH_CODES: ReadonlySet<number> = new Set(FILE_HASH_IDS);
export const REGISTRY_CODES: ReadonlySet<number> = new Set(REGISTRY_IDS);

/** Registry hive names → Elastic's short form. */
export const HIVES: Readonly<Record<string, string>> = {
  HKEY_CLASSES_ROOT: 'HKCR', HKCR: 'HKCR', HKEY_CURRENT_CONFIG: 'HKCC', HKCC: 'HKCC', HKEY_CURRENT_USER: 'HKCU',
  HKCU: 'HKCU', HKEY_DYN_DATA: 'HKDD', HKDD: 'HKDD', HKEY_LOCAL_MACHINE: 'HKLM', HKLM: 'HKLM',
  HKEY_PERFORMANCE_DATA: 'HKPD', HKPD: 'HKPD', HKEY_USERS: 'HKU', HKU: 'HKU',
};

/** DNS record type numbers Sysmon writes in QueryResults (`type:  5 name`). */
export const DNS_TYPES: Readonly<Record<string, string>> = {
  1: 'A', 2: 'NS', 5: 'CNAME', 6: 'SOA', 12: 'PTR', 13: 'HINFO', 15: 'MX', 16: 'TXT', 28: 'AAAA', 33: 'SRV',
  35: 'NAPTR', 39: 'DNAME', 41: 'OPT', 43: 'DS', 46: 'RRSIG', 47: 'NSEC', 48: 'DNSKEY', 65: 'HTTPS', 255: 'ANY',
};
