/**
 * The MITRE CAR data model (objects, actions, fields) → ECS, as data.
 *
 * Decisions:
 * - Flow:Message selects network events that carry an application message: for dac that is
 *   DCE/RPC, i.e. event.category network AND network.protocol dcerpc (set both by the Zeek dce_rpc
 *   normalizer and by pcap decoding). Flow:Start / Flow:End are network events of type start / end.
 * - proto_info.rpc_interface → dce_rpc.interface.name (the interface's name, e.g.
 *   ITaskSchedulerService, from the UUID table); the UUID itself is proto_info.rpc_interface_uuid.
 *   The operation name (SchRpcRegisterTask …) is proto_info.rpc_operation (also `operation`).
 * - exe is the image *name* (process.name), image_path the full path (process.executable), as
 *   CAR's data model defines them.
 * - Process:Create is event.category process AND event.type start (Sysmon 1 / 4688).
 * - Registry actions come from Sysmon's EventType (Add: CreateKey/CreateValue, Edit: SetValue/
 *   RenameKey, Remove: DeleteKey/DeleteValue), since ECS's event.type does not separate them.
 *   CAR `key` is the full key path (registry.path).
 * - String comparisons are case-insensitive (Windows names are), `*` in a string is a wildcard.
 */
import { table } from '../../source/own.ts';

export interface CarObject {
  readonly actions: Readonly<Record<string, readonly { readonly field: string; readonly values: readonly string[] }[]>>;
  readonly fields: Readonly<Record<string, string>>;
}

const host = { hostname: 'host.name', fqdn: 'host.hostname', user: 'user.name' };
const actor = { exe: 'process.name', image_path: 'process.executable', pid: 'process.pid', ppid: 'process.parent.pid' };
const cat = (c: string) => ({ field: 'event.category', values: [c] });

export const CAR_OBJECTS: Readonly<Record<string, CarObject>> = table<CarObject>({
  flow: {
    actions: {
      message: [cat('network'), { field: 'network.protocol', values: ['dcerpc'] }],
      start: [cat('network'), { field: 'event.type', values: ['start', 'connection'] }],
      end: [cat('network'), { field: 'event.type', values: ['end'] }],
    },
    fields: {
      ...host, ...actor,
      src_ip: 'source.ip', dest_ip: 'destination.ip', src_port: 'source.port', dest_port: 'destination.port',
      src_fqdn: 'source.domain', dest_fqdn: 'destination.domain',
      protocol: 'network.transport', transport: 'network.transport', application_protocol: 'network.protocol',
      'proto_info.rpc_interface': 'dce_rpc.interface.name',
      'proto_info.rpc_interface_uuid': 'dce_rpc.interface.uuid',
      'proto_info.rpc_operation': 'dce_rpc.operation',
      'proto_info.rpc_opnum': 'dce_rpc.opnum',
      'proto_info.named_pipe': 'dce_rpc.named_pipe',
      operation: 'dce_rpc.operation',
      direction: 'network.direction',
    },
  },
  process: {
    actions: {
      create: [cat('process'), { field: 'event.type', values: ['start'] }],
      terminate: [cat('process'), { field: 'event.type', values: ['end'] }],
    },
    fields: {
      ...host, ...actor,
      command_line: 'process.command_line',
      parent_exe: 'process.parent.name', parent_image_path: 'process.parent.executable',
      parent_command_line: 'process.parent.command_line',
      md5_hash: 'process.hash.md5', sha1_hash: 'process.hash.sha1', sha256_hash: 'process.hash.sha256',
      integrity_level: 'winlog.event_data.IntegrityLevel', current_working_directory: 'process.working_directory',
      guid: 'process.entity_id', parent_guid: 'process.parent.entity_id', sid: 'user.id',
    },
  },
  registry: {
    actions: {
      add: [cat('registry'), { field: 'winlog.event_data.EventType', values: ['CreateKey', 'CreateValue'] }],
      edit: [cat('registry'), { field: 'winlog.event_data.EventType', values: ['SetValue', 'RenameKey'] }],
      remove: [cat('registry'), { field: 'winlog.event_data.EventType', values: ['DeleteKey', 'DeleteValue'] }],
    },
    fields: {
      ...host, ...actor,
      key: 'registry.path', value: 'registry.value', data: 'registry.data.strings', type: 'registry.data.type', hive: 'registry.hive',
    },
  },
  file: {
    actions: {
      create: [cat('file'), { field: 'event.type', values: ['creation'] }],
      delete: [cat('file'), { field: 'event.type', values: ['deletion'] }],
      modify: [cat('file'), { field: 'event.type', values: ['change'] }],
    },
    fields: {
      ...host, ...actor,
      file_name: 'file.name', file_path: 'file.path', extension: 'file.extension',
      md5_hash: 'file.hash.md5', sha1_hash: 'file.hash.sha1', sha256_hash: 'file.hash.sha256',
      creation_time: 'winlog.event_data.CreationUtcTime',
    },
  },
});
