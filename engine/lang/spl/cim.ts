/**
 * CIM data models → ECS, as data. The mapping follows what the Splunk Add-on for Microsoft Sysmon
 * puts in each CIM field, translated to the ECS field Winlogbeat's Sysmon module fills from the
 * same Sysmon attribute (e.g. CIM process ← Sysmon CommandLine → ECS process.command_line).
 *
 * Decisions (each was a choice; see the issue 6 report):
 * - Endpoint.Processes is process *creation* (Sysmon 1 / Security 4688): event.category process
 *   AND event.type start. ESCU's process analytics assume creation events.
 * - `user` is DOMAIN\name, as the Sysmon TA presents Sysmon's `User` attribute verbatim; ECS splits
 *   it into user.domain + user.name, so it is rebuilt by spl.cim_user (name alone when no domain).
 * - `dest` is the reporting host: host.name (Sysmon `Computer`).
 * - Registry `action` is derived from Sysmon's EventType (CreateKey → created, SetValue → modified,
 *   DeleteKey/DeleteValue → deleted), as the TA does; `registry_key_name` ← registry.key (ECS's
 *   path without the hive), `registry_value_name` ← registry.value.
 * - All_Traffic `direction` is CIM's inbound/outbound, from ECS network.direction (ingress/egress).
 * - `app` on All_Traffic is the process image name, as the Sysmon TA sets it for event 3.
 * - Filesystem `action` comes from the Sysmon event id (11 created, 23/26 deleted, 2 modified).
 */
import { table } from '../../source/own.ts';

/** How a CIM field is computed from an event: an ECS field, or an spl.* function over ECS fields. */
export type CimSource = string | { readonly fn: string; readonly args: readonly string[] };

export interface CimDataset {
  readonly model: string;
  readonly dataset: string;
  /** Which events belong to the dataset: every listed ECS field must hold one of its values. */
  readonly constraint: readonly { readonly field: string; readonly values: readonly string[] }[];
  readonly fields: Readonly<Record<string, CimSource>>;
}

const user: CimSource = { fn: 'spl.cim_user', args: ['user.domain', 'user.name'] };

const processFields: Readonly<Record<string, CimSource>> = table({
  dest: 'host.name',
  user,
  user_id: 'user.id',
  process_name: 'process.name',
  process_exec: 'process.name',
  process: 'process.command_line',
  process_id: 'process.pid',
  process_guid: 'process.entity_id',
  process_path: 'process.executable',
  process_current_directory: 'process.working_directory',
  process_hash: 'winlog.event_data.Hashes',
  process_integrity_level: 'winlog.event_data.IntegrityLevel',
  original_file_name: 'process.pe.original_file_name',
  parent_process_name: 'process.parent.name',
  parent_process_exec: 'process.parent.name',
  parent_process: 'process.parent.command_line',
  parent_process_id: 'process.parent.pid',
  parent_process_guid: 'process.parent.entity_id',
  parent_process_path: 'process.parent.executable',
});

export const CIM_DATASETS: readonly CimDataset[] = [
  {
    model: 'Endpoint', dataset: 'Processes',
    constraint: [{ field: 'event.category', values: ['process'] }, { field: 'event.type', values: ['start'] }],
    fields: processFields,
  },
  {
    model: 'Endpoint', dataset: 'Registry',
    constraint: [{ field: 'event.category', values: ['registry'] }],
    fields: {
      dest: 'host.name', user,
      registry_path: 'registry.path',
      registry_key_name: 'registry.key',
      registry_hive: 'registry.hive',
      registry_value_name: 'registry.value',
      registry_value_data: 'registry.data.strings',
      registry_value_type: 'registry.data.type',
      action: { fn: 'spl.cim_registry_action', args: ['winlog.event_data.EventType'] },
      process_guid: 'process.entity_id',
      process_id: 'process.pid',
      process_name: 'process.name',
      process_path: 'process.executable',
    },
  },
  {
    model: 'Endpoint', dataset: 'Filesystem',
    constraint: [{ field: 'event.category', values: ['file'] }],
    fields: {
      dest: 'host.name', user,
      file_path: 'file.path',
      file_name: 'file.name',
      file_hash: 'file.hash.sha256',
      file_create_time: 'winlog.event_data.CreationUtcTime',
      action: { fn: 'spl.cim_file_action', args: ['winlog.event_id'] },
      process_guid: 'process.entity_id',
      process_id: 'process.pid',
      process_name: 'process.name',
      process_path: 'process.executable',
    },
  },
  {
    model: 'Network_Traffic', dataset: 'All_Traffic',
    constraint: [{ field: 'event.category', values: ['network'] }],
    fields: {
      src: 'source.ip', src_ip: 'source.ip', src_port: 'source.port', src_host: 'source.domain',
      dest: 'destination.ip', dest_ip: 'destination.ip', dest_port: 'destination.port', dest_host: 'destination.domain',
      transport: 'network.transport',
      protocol: 'network.type',
      app: 'process.name',
      direction: { fn: 'spl.cim_direction', args: ['network.direction'] },
      user,
      process_id: 'process.pid',
      process_guid: 'process.entity_id',
      process_name: 'process.name',
      process_path: 'process.executable',
      dvc: 'host.name',
    },
  },
];

export function findDataset(model: string, dataset: string): CimDataset | undefined {
  return CIM_DATASETS.find((d) => d.model === model && d.dataset === dataset);
}

/**
 * Fields a search over raw Windows events (`sourcetype=XmlWinEventLog …`) may name besides the
 * EventData attributes (which live under winlog.event_data.<Name>): System fields as the Windows
 * TA extracts them.
 */
export const RAW_SYSTEM_FIELDS: Readonly<Record<string, string>> = table({
  EventCode: 'winlog.event_id',
  EventID: 'winlog.event_id',
  Computer: 'winlog.computer_name',
  ComputerName: 'winlog.computer_name',
  host: 'host.name',
  RecordNumber: 'winlog.record_id',
  EventRecordID: 'winlog.record_id',
  Channel: 'winlog.channel',
});

/** sourcetype values that mean "Windows event log records" (case-insensitive, as Splunk compares). */
export const WINDOWS_SOURCETYPES: readonly string[] = ['xmlwineventlog', 'wineventlog'];
