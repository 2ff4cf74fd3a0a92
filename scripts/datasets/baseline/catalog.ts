/** Everyday names for the baseline: web destinations, maintenance tasks, user applications. */

export const WEB: ReadonlyArray<readonly [string, string]> = [
  ['www.google.com', '142.250.185.68'], ['outlook.office365.com', '52.97.146.178'], ['login.microsoftonline.com', '20.190.160.20'],
  ['teams.microsoft.com', '52.113.194.132'], ['graph.microsoft.com', '20.190.151.7'], ['www.bing.com', '13.107.21.200'],
  ['github.com', '140.82.121.4'], ['docs.microsoft.com', '23.46.201.164'], ['cdn.jsdelivr.net', '151.101.1.229'],
  ['onedrive.live.com', '13.107.42.13'], ['www.wikipedia.org', '185.15.59.224'], ['news.ycombinator.com', '209.216.230.207'],
  ['stackoverflow.com', '172.64.155.249'], ['fonts.gstatic.com', '142.250.186.35'], ['contoso.sharepoint.com', '13.107.136.10'],
];

export const SERVICE_DNS: ReadonlyArray<readonly [string, string]> = [
  ['settings-win.data.microsoft.com', '4.150.240.254'], ['v10.events.data.microsoft.com', '20.189.173.14'],
  ['ctldl.windowsupdate.com', '93.184.221.240'], ['wdcp.microsoft.com', '52.182.143.212'], ['fe3cr.delivery.mp.microsoft.com', '20.12.23.50'],
  ['time.windows.com', '168.61.215.74'], ['slscr.update.microsoft.com', '20.72.205.209'],
];

export interface MaintenanceTask {
  readonly uri: string;
  readonly guid: string;
  readonly image: string;
  readonly commandLine: string;
  readonly viaTaskhost?: boolean;
}

const TASKHOSTW = 'C:\\Windows\\system32\\taskhostw.exe';

export const MAINTENANCE_TASKS: readonly MaintenanceTask[] = [
  { uri: '\\Microsoft\\Windows\\Application Experience\\ProgramDataUpdater', guid: '{2A4B7C1E-5D30-4F8A-9B62-C1E07D3A8F54}', image: 'C:\\Windows\\System32\\taskhostw.exe', commandLine: `${TASKHOSTW}`, viaTaskhost: true },
  { uri: '\\Microsoft\\Windows\\Servicing\\StartComponentCleanup', guid: '{61C8E2F0-3B7A-4D95-8E14-A0B5D9C36F27}', image: 'C:\\Windows\\System32\\taskhostw.exe', commandLine: `${TASKHOSTW} /RuntimeWide`, viaTaskhost: true },
  { uri: '\\Microsoft\\Windows\\Windows Defender\\Windows Defender Cache Maintenance', guid: '{A7F2046B-1D8C-4E35-9B2F-80C6D3E15A97}', image: 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25080.5-0\\MpCmdRun.exe', commandLine: '"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25080.5-0\\MpCmdRun.exe" -IdleTask -TaskName WdCacheMaintenance' },
  { uri: '\\Microsoft\\Windows\\WindowsUpdate\\Scheduled Start', guid: '{C93D5A08-E71F-4B26-A8C4-5F2E16B07D91}', image: 'C:\\Windows\\System32\\taskhostw.exe', commandLine: `${TASKHOSTW}`, viaTaskhost: true },
  { uri: '\\Microsoft\\Windows\\Time Synchronization\\SynchronizeTime', guid: '{0E6F3B92-8C1D-4A57-B3E0-7D29A4F51C68}', image: 'C:\\Windows\\System32\\taskhostw.exe', commandLine: `${TASKHOSTW}`, viaTaskhost: true },
  { uri: '\\Microsoft\\Windows\\Defrag\\ScheduledDefrag', guid: '{3C5E8A71-D94B-4F26-B0E8-17A6C2F95D43}', image: 'C:\\Windows\\System32\\defrag.exe', commandLine: 'C:\\Windows\\system32\\defrag.exe -c -h -o -$' },
];

/** Tasks Windows components re-register during maintenance (TaskCache Actions writes, no network). */
export const REREGISTERED_TASKS: readonly MaintenanceTask[] = [
  { uri: '\\Microsoft\\Windows\\UpdateOrchestrator\\Schedule Scan', guid: '{5B18F4C2-0A9E-4D63-87B1-E3C6A2D05F49}', image: 'C:\\Windows\\system32\\usoclient.exe', commandLine: 'C:\\Windows\\system32\\usoclient.exe StartScan' },
  { uri: '\\Microsoft\\Windows\\Windows Defender\\Windows Defender Scheduled Scan', guid: '{0B8D1C3F-2E64-4B9A-8D57-C4A1E93F6D20}', image: 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25080.5-0\\MpCmdRun.exe', commandLine: 'Scan -ScheduleJob -ScanTrigger 55 -IdleScheduledJob' },
];

export const ADMIN_COMMANDS: ReadonlyArray<readonly [string, string]> = [
  ['C:\\Windows\\System32\\schtasks.exe', 'schtasks  /query /fo LIST /v'],
  ['C:\\Windows\\System32\\schtasks.exe', 'schtasks  /query /tn "\\Microsoft\\Windows\\WindowsUpdate\\Scheduled Start"'],
  ['C:\\Windows\\System32\\ipconfig.exe', 'ipconfig  /all'],
  ['C:\\Windows\\System32\\whoami.exe', 'whoami  /groups'],
  ['C:\\Windows\\System32\\net.exe', 'net  use'],
  ['C:\\Windows\\System32\\gpupdate.exe', 'gpupdate  /force'],
];
