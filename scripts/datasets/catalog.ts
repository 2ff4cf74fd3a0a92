/**
 * Version resources of the binaries the scenarios run or load, as Sysmon reports them
 * (FileVersion, Description, Product, Company, OriginalFileName). Hashes are synthetic but
 * well-formed and stable per path.
 */
import { Rng } from './prng.ts';

export interface BinaryInfo {
  readonly fileVersion: string;
  readonly description: string;
  readonly product: string;
  readonly company: string;
  readonly originalFileName: string;
}

const WIN = 'Microsoft\u00ae Windows\u00ae Operating System';
const MS = 'Microsoft Corporation';
const BUILD = '10.0.20348.2849 (WinBuild.160101.0800)';
const OS = (description: string, originalFileName: string, fileVersion = BUILD): BinaryInfo =>
  ({ fileVersion, description, product: WIN, company: MS, originalFileName });

const TABLE: Record<string, BinaryInfo> = {
  'c:\\windows\\system32\\smss.exe': OS('Windows Session Manager', 'smss.exe'),
  'c:\\windows\\system32\\csrss.exe': OS('Client Server Runtime Process', 'CSRSS.Exe'),
  'c:\\windows\\system32\\wininit.exe': OS('Windows Start-Up Application', 'WinInit.exe'),
  'c:\\windows\\system32\\winlogon.exe': OS('Windows Logon Application', 'WINLOGON.EXE'),
  'c:\\windows\\system32\\services.exe': OS('Services and Controller app', 'services.exe'),
  'c:\\windows\\system32\\lsass.exe': OS('Local Security Authority Process', 'lsass.exe'),
  'c:\\windows\\system32\\svchost.exe': OS('Host Process for Windows Services', 'svchost.exe'),
  'c:\\windows\\system32\\spoolsv.exe': OS('Spooler SubSystem App', 'spoolsv.exe'),
  'c:\\windows\\system32\\userinit.exe': OS('Userinit Logon Application', 'USERINIT.EXE'),
  'c:\\windows\\explorer.exe': OS('Windows Explorer', 'EXPLORER.EXE'),
  'c:\\windows\\system32\\cmd.exe': OS('Windows Command Processor', 'Cmd.Exe'),
  'c:\\windows\\system32\\conhost.exe': OS('Console Window Host', 'CONHOST.EXE'),
  'c:\\windows\\system32\\windowspowershell\\v1.0\\powershell.exe': OS('Windows PowerShell', 'PowerShell.EXE'),
  'c:\\windows\\system32\\schtasks.exe': OS('Task Scheduler Configuration Tool', 'sctasks.exe'),
  'c:\\windows\\system32\\taskhostw.exe': OS('Host Process for Windows Tasks', 'taskhostw.exe'),
  'c:\\windows\\system32\\backgroundtaskhost.exe': OS('Background Task Host', 'backgroundTaskHost.exe'),
  'c:\\windows\\system32\\searchindexer.exe': OS('Microsoft Windows Search Indexer', 'SearchIndexer.exe'),
  'c:\\windows\\system32\\searchprotocolhost.exe': OS('Microsoft Windows Search Protocol Host', 'SearchProtocolHost.exe'),
  'c:\\windows\\system32\\searchfilterhost.exe': OS('Microsoft Windows Search Filter Host', 'SearchFilterHost.exe'),
  'c:\\windows\\system32\\wbem\\wmiprvse.exe': OS('WMI Provider Host', 'Wmiprvse.exe'),
  'c:\\windows\\system32\\gpupdate.exe': OS('Microsoft\u00ae Windows Operating System Group Policy Update Utility', 'GPUpdate.exe'),
  'c:\\windows\\system32\\ipconfig.exe': OS('IP Configuration Utility', 'ipconfig.exe'),
  'c:\\windows\\system32\\whoami.exe': OS('whoami - displays logged on user information', 'whoami.exe'),
  'c:\\windows\\system32\\net.exe': OS('Net Command', 'net.exe'),
  'c:\\windows\\system32\\robocopy.exe': OS('Microsoft Robocopy', 'robocopy.exe'),
  'c:\\windows\\system32\\mmc.exe': OS('Microsoft Management Console', 'MMC.EXE'),
  'c:\\windows\\system32\\dllhost.exe': OS('COM Surrogate', 'dllhost.exe'),
  'c:\\windows\\system32\\runtimebroker.exe': OS('Runtime Broker', 'RuntimeBroker.exe'),
  'c:\\windows\\system32\\sihost.exe': OS('Shell Infrastructure Host', 'sihost.exe'),
  'c:\\windows\\system32\\ctfmon.exe': OS('CTF Loader', 'CTFMON.EXE'),
  'c:\\windows\\system32\\audiodg.exe': OS('Windows Audio Device Graph Isolation', 'AUDIODG.EXE'),
  'c:\\windows\\system32\\dns.exe': OS('Domain Name System (DNS) Server', 'dns.exe'),
  'c:\\windows\\system32\\dfsrs.exe': OS('Distributed File System Replication', 'dfsrs.exe'),
  'c:\\windows\\servicing\\trustedinstaller.exe': OS('Windows Modules Installer', 'TrustedInstaller.exe'),
  'c:\\windows\\winsxs\\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_10.0.20348.2845_none_4b1d0a2f5bd6d0a1\\tiworker.exe': OS('Windows Modules Installer Worker', 'TiWorker.exe'),
  'c:\\windows\\sysmon64.exe': { fileVersion: '15.15', description: 'System activity monitor', product: 'Sysinternals Sysmon', company: 'Sysinternals - www.sysinternals.com', originalFileName: 'Sysmon.exe' },
  'c:\\programdata\\microsoft\\windows defender\\platform\\4.18.25080.5-0\\msmpeng.exe': OS('Antimalware Service Executable', 'MsMpEng.exe', '4.18.25080.5 (WinBuild.160101.0800)'),
  'c:\\programdata\\microsoft\\windows defender\\platform\\4.18.25080.5-0\\mpcmdrun.exe': OS('Microsoft Malware Protection Command Line Utility', 'MpCmdRun.exe', '4.18.25080.5 (WinBuild.160101.0800)'),
  'c:\\program files\\google\\chrome\\application\\chrome.exe': { fileVersion: '141.0.7390.55', description: 'Google Chrome', product: 'Google Chrome', company: 'Google LLC', originalFileName: 'chrome.exe' },
  'c:\\program files (x86)\\microsoft\\edge\\application\\msedge.exe': { fileVersion: '141.0.3537.57', description: 'Microsoft Edge', product: 'Microsoft Edge', company: MS, originalFileName: 'msedge.exe' },
  'c:\\program files\\windowsapps\\msteams_25255.703.3873.1236_x64__8wekyb3d8bbwe\\ms-teams.exe': { fileVersion: '25255.703.3873.1236', description: 'Microsoft Teams', product: 'Microsoft Teams', company: MS, originalFileName: 'ms-teams.exe' },
  'c:\\program files\\microsoft onedrive\\onedrive.exe': { fileVersion: '25.174.0907.0003', description: 'Microsoft OneDrive', product: 'Microsoft OneDrive', company: MS, originalFileName: 'OneDrive.exe' },
  'c:\\program files\\microsoft office\\root\\office16\\outlook.exe': { fileVersion: '16.0.19127.20192', description: 'Microsoft Outlook', product: 'Microsoft Outlook', company: MS, originalFileName: 'Outlook.exe' },
};

export function binaryInfo(image: string): BinaryInfo {
  const info = TABLE[image.toLowerCase()];
  if (info) return info;
  const base = image.slice(image.lastIndexOf('\\') + 1);
  return { fileVersion: '-', description: '-', product: '-', company: '-', originalFileName: base };
}

const hashCache = new Map<string, string>();

/** Sysmon's Hashes value: 'SHA1=…,MD5=…,SHA256=…,IMPHASH=…' (upper-case hex), stable per path. */
export function hashesFor(image: string): string {
  const key = image.toLowerCase();
  let h = hashCache.get(key);
  if (!h) {
    const r = new Rng(0x5eed, `hash:${key}`);
    h = `SHA1=${r.hex(40)},MD5=${r.hex(32)},SHA256=${r.hex(64)},IMPHASH=${r.hex(32)}`.toUpperCase();
    hashCache.set(key, h);
  }
  return h;
}

/** DLLs that show up in image-load events, by the kind of process loading them. */
export const COMMON_DLLS = [
  'C:\\Windows\\System32\\ntdll.dll', 'C:\\Windows\\System32\\kernel32.dll', 'C:\\Windows\\System32\\KernelBase.dll',
  'C:\\Windows\\System32\\advapi32.dll', 'C:\\Windows\\System32\\msvcrt.dll', 'C:\\Windows\\System32\\sechost.dll',
  'C:\\Windows\\System32\\rpcrt4.dll', 'C:\\Windows\\System32\\combase.dll', 'C:\\Windows\\System32\\ucrtbase.dll',
  'C:\\Windows\\System32\\bcryptprimitives.dll', 'C:\\Windows\\System32\\user32.dll', 'C:\\Windows\\System32\\win32u.dll',
  'C:\\Windows\\System32\\gdi32.dll', 'C:\\Windows\\System32\\ole32.dll', 'C:\\Windows\\System32\\oleaut32.dll',
  'C:\\Windows\\System32\\shell32.dll', 'C:\\Windows\\System32\\ws2_32.dll', 'C:\\Windows\\System32\\crypt32.dll',
  'C:\\Windows\\System32\\wintrust.dll', 'C:\\Windows\\System32\\cfgmgr32.dll', 'C:\\Windows\\System32\\imm32.dll',
] as const;

export const DLL_DESCRIPTIONS: Record<string, string> = {
  'ntdll.dll': 'NT Layer DLL', 'kernel32.dll': 'Windows NT BASE API Client DLL', 'kernelbase.dll': 'Windows NT BASE API Client DLL',
  'advapi32.dll': 'Advanced Windows 32 Base API', 'msvcrt.dll': 'Windows NT CRT DLL', 'sechost.dll': 'Host for SCM/SDDL/LSA Lookup APIs',
  'rpcrt4.dll': 'Remote Procedure Call Runtime', 'combase.dll': 'Microsoft COM for Windows', 'ucrtbase.dll': 'Microsoft\u00ae C Runtime Library',
  'bcryptprimitives.dll': 'Windows Cryptographic Primitives Library', 'user32.dll': 'Multi-User Windows USER API Client DLL',
  'win32u.dll': 'Win32u', 'gdi32.dll': 'GDI Client DLL', 'ole32.dll': 'Microsoft OLE for Windows', 'oleaut32.dll': 'OLEAUT32.DLL',
  'shell32.dll': 'Windows Shell Common Dll', 'ws2_32.dll': 'Windows Socket 2.0 32-Bit DLL', 'crypt32.dll': 'Crypto API32',
  'wintrust.dll': 'Microsoft Trust Verification APIs', 'cfgmgr32.dll': 'Configuration Manager DLL', 'imm32.dll': 'Multi-User Windows IMM32 API Client DLL',
  'taskschd.dll': 'Task Scheduler COM API', 'amsi.dll': 'Anti-Malware Scan Interface', 'clr.dll': 'Microsoft .NET Runtime Common Language Runtime - WorkStation',
  'schedsvc.dll': 'Task Scheduler Service', 'wevtsvc.dll': 'Event Logging Service',
};
