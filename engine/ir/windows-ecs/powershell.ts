/**
 * PowerShell ↔ ECS, as Winlogbeat's PowerShell module sets it (x-pack/winlogbeat/module/powershell/
 * ingest/powershell.yml and powershell_operational.yml in elastic/beats): every event is
 * category process; 400/4105 start, 403/4106 end, the rest info. Operational 4103 carries its
 * context as `Key = Value` lines in ContextInfo and classic 400/403/600/800 as `Key=Value` lines in
 * their unnamed Data; the Windows view splits both into named fields, spaces removed, as the
 * module does, so HostApplication, CommandLine … are fields of those events.
 */
import type { Categorization, Family, FieldRule } from './types.ts';

const info: Categorization = { category: ['process'], type: ['info'] };

const OPERATIONAL_FIELDS: readonly FieldRule[] = [
  { from: 'ScriptBlockText', to: 'powershell.file.script_block_text' },
  { from: 'ScriptBlockId', to: 'powershell.file.script_block_id' },
  { from: 'MessageNumber', to: 'powershell.sequence', conv: 'long' },
  { from: 'MessageTotal', to: 'powershell.total', conv: 'long' },
  { from: 'Path', to: 'file.path' },
  { from: 'ScriptName', to: 'file.path' },
  { from: 'HostID', to: 'process.entity_id' },
  { from: 'HostApplication', to: 'process.command_line' },
  { from: 'HostName', to: 'process.title' },
  { from: 'EngineVersion', to: 'powershell.engine.version' },
  { from: 'HostVersion', to: 'powershell.process.executable_version' },
  { from: 'CommandLine', to: 'powershell.command.value' },
  { from: 'CommandPath', to: 'powershell.command.path' },
  { from: 'CommandName', to: 'powershell.command.name' },
  { from: 'CommandType', to: 'powershell.command.type' },
  { from: 'RunspaceID', to: 'powershell.runspace_id' },
  { from: 'RunspaceId', to: 'powershell.runspace_id' },
  { from: 'PipelineID', to: 'powershell.pipeline_id' },
  { from: 'ShellID', to: 'powershell.id' },
  { from: 'SequenceNumber', to: 'event.sequence', conv: 'long' },
  // Winlogbeat parses 4103's Payload into invocation details; pySigma reads it as the script text.
  { from: 'Payload', to: 'powershell.file.script_block_text', only: [4103], dac: 'pySigma maps Payload here; Winlogbeat keeps no copy, so dac fills it' },
];

export const POWERSHELL: Family = {
  id: 'powershell',
  module: 'powershell',
  channels: ['Microsoft-Windows-PowerShell/Operational', 'PowerShellCore/Operational'],
  providers: ['Microsoft-Windows-PowerShell', 'PowerShellCore'],
  events: {
    4103: info, 4104: info,
    4105: { category: ['process'], type: ['start'] },
    4106: { category: ['process'], type: ['end'] },
  },
  fields: OPERATIONAL_FIELDS,
  computed: ['process.args', 'process.args_count', 'file.name', 'file.directory', 'file.extension'],
  placeholders: true,
  sentinel: { table: 'Event', filter: 'EventLog == "Microsoft-Windows-PowerShell/Operational"' },
};

const CLASSIC_FIELDS: readonly FieldRule[] = [
  { from: 'NewEngineState', to: 'powershell.engine.new_state' },
  { from: 'PreviousEngineState', to: 'powershell.engine.previous_state' },
  { from: 'NewProviderState', to: 'powershell.provider.new_state' },
  { from: 'ProviderName', to: 'powershell.provider.name' },
  { from: 'SequenceNumber', to: 'event.sequence', conv: 'long' },
  { from: 'HostName', to: 'process.title' },
  { from: 'HostVersion', to: 'powershell.process.executable_version' },
  { from: 'HostId', to: 'process.entity_id' },
  { from: 'HostApplication', to: 'process.command_line' },
  { from: 'EngineVersion', to: 'powershell.engine.version' },
  { from: 'RunspaceId', to: 'powershell.runspace_id' },
  { from: 'PipelineId', to: 'powershell.pipeline_id' },
  { from: 'CommandName', to: 'powershell.command.name' },
  { from: 'CommandType', to: 'powershell.command.type' },
  { from: 'ScriptName', to: 'file.path' },
  { from: 'CommandPath', to: 'powershell.command.path' },
  { from: 'CommandLine', to: 'powershell.command.value' },
];

export const POWERSHELL_CLASSIC: Family = {
  id: 'powershell-classic',
  module: 'powershell',
  channels: ['Windows PowerShell'],
  providers: ['PowerShell'],
  events: {
    400: { category: ['process'], type: ['start'] },
    403: { category: ['process'], type: ['end'] },
    600: info, 800: info,
  },
  fields: CLASSIC_FIELDS,
  computed: ['process.args', 'process.args_count', 'file.name', 'file.directory', 'file.extension'],
  placeholders: true,
  sentinel: { table: 'Event', filter: 'EventLog == "Windows PowerShell"' },
};
