/**
 * Sigma's Windows field names → ECS, as pySigma's ECS/Winlogbeat pipeline (ecs_windows) maps
 * them: a few names depend on the log source (category or service), the rest are global, and any
 * other name without a dot falls back to `winlog.event_data.<Name>`.
 */
export type LogsourceKey = `category:${string}` | `service:${string}`;

/** Field → [(log source, ECS field)]; first match wins. */
export const ECS_VARIABLE_FIELDS: Readonly<Record<string, readonly (readonly [LogsourceKey, string])[]>> = {
  FileVersion: [['category:process_creation', 'process.pe.file_version'], ['category:image_load', 'file.pe.file_version']],
  Description: [['category:process_creation', 'process.pe.description'], ['category:image_load', 'file.pe.description'], ['category:sysmon_error', 'winlog.event_data.Description']],
  Product: [['category:process_creation', 'process.pe.product'], ['category:image_load', 'file.pe.product']],
  Company: [['category:process_creation', 'process.pe.company'], ['category:image_load', 'file.pe.company']],
  OriginalFileName: [['category:process_creation', 'process.pe.original_file_name'], ['category:image_load', 'file.pe.original_file_name']],
  CommandLine: [['category:process_creation', 'process.command_line'], ['service:security', 'process.command_line'], ['service:powershell-classic', 'powershell.command.value']],
  Protocol: [['category:network_connection', 'network.transport']],
  Signature: [['category:driver_load', 'file.code_signature.subject_name'], ['category:image_load', 'file.code_signature.subject_name']],
  EngineVersion: [['service:powershell-classic', 'powershell.engine.version']],
  HostVersion: [['service:powershell-classic', 'powershell.process.executable_version']],
  SubjectLogonId: [['service:security', 'winlog.logon.id']],
  ServiceName: [['service:security', 'service.name']],
  SubjectDomainName: [['service:security', 'user.domain']],
  SubjectUserName: [['service:security', 'user.name']],
  SubjectUserSid: [['service:security', 'user.id']],
  TargetLogonId: [['service:security', 'winlog.logon.id']],
};

export const ECS_FIELD_MAP: Readonly<Record<string, string>> = {
  EventID: 'event.code', Channel: 'winlog.channel', Provider_Name: 'winlog.provider_name',
  ComputerName: 'winlog.computer_name', FileName: 'file.path', ProcessGuid: 'process.entity_id',
  ProcessId: 'process.pid', Image: 'process.executable', CurrentDirectory: 'process.working_directory',
  ParentProcessGuid: 'process.parent.entity_id', ParentProcessId: 'process.parent.pid',
  ParentImage: 'process.parent.executable', ParentCommandLine: 'process.parent.command_line',
  TargetFilename: 'file.path', SourceIp: 'source.ip', SourceHostname: 'source.domain', SourcePort: 'source.port',
  DestinationIp: 'destination.ip', DestinationHostname: 'destination.domain', DestinationPort: 'destination.port',
  DestinationPortName: 'network.protocol', ImageLoaded: 'file.path', Signed: 'file.code_signature.signed',
  SignatureStatus: 'file.code_signature.status', Imphash: 'file.pe.imphash', SourceProcessGuid: 'process.entity_id',
  SourceProcessId: 'process.pid', SourceImage: 'process.executable', Device: 'file.path',
  SourceThreadId: 'process.thread.id', TargetObject: 'registry.path', PipeName: 'file.name',
  Destination: 'process.executable', QueryName: 'dns.question.name', QueryStatus: 'sysmon.dns.status',
  IsExecutable: 'sysmon.file.is_executable', Archived: 'sysmon.file.archived',
  CommandName: 'powershell.command.name', CommandPath: 'powershell.command.path', CommandType: 'powershell.command.type',
  HostApplication: 'process.command_line', HostId: 'process.entity_id', HostName: 'process.title',
  NewEngineState: 'powershell.engine.new_state', PipelineId: 'powershell.pipeline_id',
  PreviousEngineState: 'powershell.engine.previous_state', RunspaceId: 'powershell.runspace_id',
  ScriptName: 'file.path', SequenceNumber: 'event.sequence', NewProviderState: 'powershell.provider.new_state',
  ProviderName: 'powershell.provider.name', MessageNumber: 'powershell.sequence', MessageTotal: 'powershell.total',
  ScriptBlockText: 'powershell.file.script_block_text', ScriptBlockId: 'powershell.file.script_block_id',
  AccountDomain: 'user.domain', AccountName: 'user.name', Application: 'process.executable',
  ClientAddress: 'source.ip', ClientName: 'source.domain', DestAddress: 'destination.ip', DestPort: 'destination.port',
  IpAddress: 'source.ip', IpPort: 'source.port', NewProcessId: 'process.pid', NewProcessName: 'process.executable',
  ParentProcessName: 'process.parent.name', ProcessName: 'process.executable', SourceAddress: 'source.ip',
  TargetDomainName: 'user.domain', User: 'user.name', WorkstationName: 'source.domain',
  Payload: 'powershell.file.script_block_text',
  // dac additions (not in pySigma's table): the event's host, which correlations group by.
  Computer: 'winlog.computer_name',
};

/**
 * Deliberate departures from the pipeline, each because the ECS value differs from Sigma's:
 * Sysmon's `Initiated` is 'true'/'false' while ECS network.direction is 'egress'/'ingress', so the
 * raw EventData field (which dac's normalizer keeps) is matched instead; likewise Sysmon's `User`
 * is 'DOMAIN\name' where ECS user.name holds only the name, and rules match the domain part.
 */
export const RAW_OVERRIDES: ReadonlySet<string> = new Set(['Initiated', 'User']);
