/**
 * Sigma Windows log sources → the events they select, as data. Channels per service follow
 * pySigma's Windows pipeline (windows_logsource_mapping) plus the services SigmaHQ's logsource
 * guide names that it lacks; categories follow pySigma's Sysmon pipeline (event IDs on the Sysmon
 * channel) and its Windows audit/PowerShell mappings. Each category lists every source that can
 * produce it (process_creation: Sysmon 1 and Security 4688), with the EventData names that
 * differ in that source; which ECS field a name reaches is the Windows ↔ ECS table's.
 */
import { table } from '../../../source/own.ts';
export interface EventSource {
  readonly channels: readonly string[];
  /** Event IDs on those channels; empty = any event of the channel. */
  readonly eventIds: readonly number[];
  /** Sigma field (Sysmon's name) → this source's EventData name for the same thing, where it differs. */
  readonly rawFields?: Readonly<Record<string, string>>;
}

const SYSMON = 'Microsoft-Windows-Sysmon/Operational';
const sysmon = (...eventIds: number[]): EventSource => ({ channels: [SYSMON], eventIds });
const PS_OPERATIONAL = ['Microsoft-Windows-PowerShell/Operational', 'PowerShellCore/Operational'];

export const WINDOWS_SERVICES: Readonly<Record<string, readonly string[]>> = table({
  security: ['Security'],
  application: ['Application'],
  system: ['System'],
  sysmon: [SYSMON],
  powershell: PS_OPERATIONAL,
  'powershell-classic': ['Windows PowerShell'],
  taskscheduler: ['Microsoft-Windows-TaskScheduler/Operational'],
  wmi: ['Microsoft-Windows-WMI-Activity/Operational'],
  'dns-server': ['DNS Server'],
  'dns-server-audit': ['Microsoft-Windows-DNS-Server/Audit'],
  'dns-server-analytic': ['Microsoft-Windows-DNS-Server/Analytical'],
  'driver-framework': ['Microsoft-Windows-DriverFrameworks-UserMode/Operational'],
  ntlm: ['Microsoft-Windows-NTLM/Operational'],
  dhcp: ['Microsoft-Windows-DHCP-Server/Operational'],
  'msexchange-management': ['MSExchange Management'],
  applocker: [
    'Microsoft-Windows-AppLocker/MSI and Script', 'Microsoft-Windows-AppLocker/EXE and DLL',
    'Microsoft-Windows-AppLocker/Packaged app-Deployment', 'Microsoft-Windows-AppLocker/Packaged app-Execution',
  ],
  'printservice-admin': ['Microsoft-Windows-PrintService/Admin'],
  'printservice-operational': ['Microsoft-Windows-PrintService/Operational'],
  'codeintegrity-operational': ['Microsoft-Windows-CodeIntegrity/Operational'],
  'smbclient-security': ['Microsoft-Windows-SmbClient/Security'],
  'firewall-as': ['Microsoft-Windows-Windows Firewall With Advanced Security/Firewall'],
  'bits-client': ['Microsoft-Windows-Bits-Client/Operational'],
  windefend: ['Microsoft-Windows-Windows Defender/Operational'],
  'terminalservices-localsessionmanager': ['Microsoft-Windows-TerminalServices-LocalSessionManager/Operational'],
  'microsoft-servicebus-client': ['Microsoft-ServiceBus-Client'],
  ldap_debug: ['Microsoft-Windows-LDAP-Client/Debug'],
  'security-mitigations': ['Microsoft-Windows-Security-Mitigations/Kernel Mode', 'Microsoft-Windows-Security-Mitigations/User Mode'],
  'diagnosis-scripted': ['Microsoft-Windows-Diagnosis-Scripted/Operational'],
  'shell-core': ['Microsoft-Windows-Shell-Core/Operational'],
  openssh: ['OpenSSH/Operational'],
  bitlocker: ['Microsoft-Windows-BitLocker/BitLocker Management'],
  // Named in SigmaHQ's logsource guide, absent from pySigma's table.
  'appxdeployment-server': ['Microsoft-Windows-AppXDeploymentServer/Operational'],
  'appxpackaging-om': ['Microsoft-Windows-AppxPackaging/Operational'],
  'appmodel-runtime': ['Microsoft-Windows-AppModel-Runtime/Admin'],
  'dns-client': ['Microsoft-Windows-DNS Client Events/Operational'],
  'iis-configuration': ['Microsoft-IIS-Configuration/Operational'],
  'smbserver-connectivity': ['Microsoft-Windows-SmbServer/Connectivity'],
  'lsa-server': ['Microsoft-Windows-LSA/Operational'],
  ldap: ['Microsoft-Windows-LDAP-Client/Debug'],
  'certificateservicesclient-lifecycle-system': ['Microsoft-Windows-CertificateServicesClient-Lifecycle-System/Operational'],
  capi2: ['Microsoft-Windows-CAPI2/Operational'],
});

/** Security 4688's own names for Sysmon 1's process-creation fields. */
const SECURITY_4688_RAW: Readonly<Record<string, string>> = table({
  Image: 'NewProcessName', ParentImage: 'ParentProcessName', ProcessId: 'NewProcessId', ParentProcessId: 'ProcessId',
  IntegrityLevel: 'MandatoryLabel', User: 'SubjectUserName', LogonId: 'SubjectLogonId',
});

export const WINDOWS_CATEGORIES: Readonly<Record<string, readonly EventSource[]>> = table({
  process_creation: [sysmon(1), { channels: ['Security'], eventIds: [4688], rawFields: SECURITY_4688_RAW }],
  file_change: [sysmon(2)],
  network_connection: [sysmon(3)],
  sysmon_status: [sysmon(4, 16)],
  process_termination: [sysmon(5)],
  driver_load: [sysmon(6)],
  image_load: [sysmon(7)],
  create_remote_thread: [sysmon(8)],
  raw_access_thread: [sysmon(9)],
  process_access: [sysmon(10)],
  file_event: [sysmon(11)],
  registry_add: [sysmon(12)],
  registry_delete: [sysmon(12)],
  registry_set: [sysmon(13)],
  registry_rename: [sysmon(14)],
  registry_event: [sysmon(12, 13, 14)],
  create_stream_hash: [sysmon(15)],
  pipe_created: [sysmon(17, 18)],
  wmi_event: [sysmon(19, 20, 21)],
  dns_query: [sysmon(22)],
  file_delete: [sysmon(23, 26)],
  clipboard_capture: [sysmon(24)],
  process_tampering: [sysmon(25)],
  file_delete_detected: [sysmon(26)],
  file_block_executable: [sysmon(27)],
  file_block_shredding: [sysmon(28)],
  file_executable_detected: [sysmon(29)],
  sysmon_error: [sysmon(255)],
  // Object access auditing (Security 4663) is how SigmaHQ reads file_access / file_rename.
  file_access: [{ channels: ['Security'], eventIds: [4663] }],
  file_rename: [{ channels: ['Security'], eventIds: [4663] }],
  ps_module: [{ channels: PS_OPERATIONAL, eventIds: [4103] }],
  ps_script: [{ channels: PS_OPERATIONAL, eventIds: [4104] }],
  ps_classic_start: [{ channels: ['Windows PowerShell'], eventIds: [400] }],
  ps_classic_provider_start: [{ channels: ['Windows PowerShell'], eventIds: [600] }],
  ps_classic_script: [{ channels: ['Windows PowerShell'], eventIds: [800] }],
});
