/**
 * The Windows view has no holes (issue 18 item 0, issue 15): each field a Sigma rule names is
 * reachable on the event that carries it — UserData, names with spaces, PowerShell's context,
 * unnamed Data, Windows' `-` — checked end to end: Sigma rule → IR → the normalized event.
 */
import { describe, expect, it } from 'vitest';
import { readXml } from '../../../engine/events/xml/reader.ts';
import type { EcsFields } from '../../../engine/events/types.ts';
import { evalPredicate } from '../../../engine/runtime/index.ts';
import { sigma } from '../../lang/sigma/helpers.ts';
import { norm, readAll } from '../helpers.ts';

const NS = "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'";
function system(provider: string, channel: string, id: number): string {
  return `<System><Provider Name='${provider}'/><EventID>${id}</EventID><TimeCreated SystemTime='2024-03-01T10:00:05.1234567Z'/>` +
    `<EventRecordID>7</EventRecordID><Channel>${channel}</Channel><Computer>WKS-01</Computer></System>`;
}
const data = (d: Record<string, string>) => Object.entries(d).map(([k, v]) => `<Data Name='${k}'>${v}</Data>`).join('');

async function event(xml: string): Promise<EcsFields> {
  const [item] = await readAll(readXml, xml, 4096);
  if (!item?.ok) throw new Error('read failed');
  return norm(item.record).fields;
}

/** Does the Sigma detection (under the log source) match the event? */
function fires(detection: string, logsource: string, f: EcsFields): boolean {
  const r = sigma(`  selection:\n${detection}${detection.includes('condition:') ? '' : '\n  condition: selection'}`, logsource);
  const q = r.query;
  if (!q || q.kind !== 'event') throw new Error(`no event query: ${JSON.stringify(r.diagnostics)}`);
  const sel = q.source?.select;
  return (sel === undefined || evalPredicate(sel, f, 'boolean') === true) && evalPredicate(q.filter, f, 'boolean') === true;
}

describe('Windows view', () => {
  it('UserData fields are reachable by their plain names (WMI-Activity 5858 Operation)', async () => {
    const f = await event(`<Event ${NS}>${system('Microsoft-Windows-WMI-Activity', 'Microsoft-Windows-WMI-Activity/Operational', 5858)}` +
      `<UserData><Operation_ClientFailure xmlns='http://manifests.microsoft.com/win/2006/windows/WMI'><Id>{1}</Id><ClientMachine>WKS-01</ClientMachine>` +
      `<User>CORP\\alice</User><ClientProcessId>4242</ClientProcessId><Component>Unknown</Component><Operation>Start IWbemServices::ExecQuery - root\\cimv2 : SELECT * FROM AntiVirusProduct</Operation>` +
      `<ResultCode>0x80041032</ResultCode><PossibleCause>Unknown</PossibleCause></Operation_ClientFailure></UserData></Event>`);
    expect(f['winlog.user_data.Operation']).toMatch(/^Start IWbemServices/);
    expect(fires("    Operation|contains: 'AntiVirusProduct'\n    ResultCode: '0x80041032'", 'product: windows\n  service: wmi', f)).toBe(true);
  });

  it('names with spaces are reachable without them (Defender "Threat Name", "Process Name")', async () => {
    const f = await event(`<Event ${NS}>${system('Microsoft-Windows-Windows Defender', 'Microsoft-Windows-Windows Defender/Operational', 1116)}` +
      `<EventData>${data({ 'Threat Name': 'HackTool:Win32/Mimikatz', 'Process Name': 'C:\\Tools\\m.exe', 'Severity Name': 'High' })}</EventData></Event>`);
    expect(f['winlog.event_data.Threat Name']).toBe('HackTool:Win32/Mimikatz');
    expect(fires("    ThreatName|contains: 'Mimikatz'\n    ProcessName|endswith: '\\m.exe'", 'product: windows\n  service: windefend', f)).toBe(true);
    expect(fires("    ThreatName|contains: 'Emotet'", 'product: windows\n  service: windefend', f)).toBe(false);
  });

  it('PowerShell 4104 ScriptBlockText and 4103 Payload reach their ECS fields', async () => {
    const ps = (id: number, d: Record<string, string>) =>
      event(`<Event ${NS}>${system('Microsoft-Windows-PowerShell', 'Microsoft-Windows-PowerShell/Operational', id)}<EventData>${data(d)}</EventData></Event>`);
    const sb = await ps(4104, { MessageNumber: '1', MessageTotal: '1', ScriptBlockText: 'IEX (New-Object Net.WebClient).DownloadString(x)', ScriptBlockId: 'abc', Path: '' });
    expect(sb).toMatchObject({ 'event.category': ['process'], 'event.type': ['info'], 'powershell.file.script_block_text': 'IEX (New-Object Net.WebClient).DownloadString(x)', 'powershell.sequence': 1 });
    expect(fires("    ScriptBlockText|contains: 'DownloadString'", 'product: windows\n  category: ps_script', sb)).toBe(true);
    const ctx = '        Severity = Informational\r\n        Host Name = ConsoleHost\r\n        Host Application = powershell.exe -nop -w hidden\r\n        Command Name = Invoke-WebRequest\r\n        User = CORP\\alice\r\n';
    const mod = await ps(4103, { ContextInfo: ctx, UserData: '', Payload: 'CommandInvocation(Invoke-WebRequest): "Invoke-WebRequest"' });
    expect(mod).toMatchObject({ 'process.command_line': 'powershell.exe -nop -w hidden', 'powershell.command.name': 'Invoke-WebRequest', 'user.name': 'alice' });
    expect(fires("    Payload|contains: 'Invoke-WebRequest'\n    ContextInfo|contains: 'hidden'", 'product: windows\n  category: ps_module', mod)).toBe(true);
  });

  it('classic PowerShell 400: unnamed Data is `Data`, its Key=Value lines are fields', async () => {
    const text = '\tNewEngineState=Available\r\n\tPreviousEngineState=None\r\n\tHostName=ConsoleHost\r\n\tHostApplication=powershell.exe -enc SQBFAFgA\r\n\tEngineVersion=2.0\r\n';
    const f = await event(`<Event ${NS}>${system('PowerShell', 'Windows PowerShell', 400)}<EventData><Data>Available</Data><Data>None</Data><Data>${text}</Data></EventData></Event>`);
    expect(f).toMatchObject({ 'process.command_line': 'powershell.exe -enc SQBFAFgA', 'powershell.engine.version': '2.0', 'winlog.event_data.param3': text });
    expect(fires("    Data|contains: 'EngineVersion=2.'", 'product: windows\n  category: ps_classic_start', f)).toBe(true);
    expect(fires("    HostApplication|contains: ' -enc '", 'product: windows\n  category: ps_classic_start', f)).toBe(true);
  });

  it('Security: ProcessName on every event that carries it; `-` kept where Windows writes it', async () => {
    const sec = (id: number, d: Record<string, string>) =>
      event(`<Event ${NS}>${system('Microsoft-Windows-Security-Auditing', 'Security', id)}<EventData>${data(d)}</EventData></Event>`);
    const time = await sec(4616, { SubjectUserName: 'SYSTEM', ProcessId: '0x1f0', ProcessName: 'C:\\Program Files\\VMware\\VMware Tools\\vmtoolsd.exe' });
    expect(time).toMatchObject({ 'process.executable': 'C:\\Program Files\\VMware\\VMware Tools\\vmtoolsd.exe', 'process.name': 'vmtoolsd.exe', 'process.pid': 496 });
    expect(fires("    EventID: 4616\n  filter:\n    ProcessName|endswith: '\\vmtoolsd.exe'\n  condition: selection and not filter", 'product: windows\n  service: security', time)).toBe(false);
    const share = await sec(5145, { SubjectUserName: 'alice', IpAddress: '-', IpPort: '-', ShareName: '\\\\*\\IPC$', RelativeTargetName: 'svcctl' });
    expect(share['winlog.event_data.IpAddress']).toBe('-');
    expect(share['source.ip']).toBeUndefined();
    expect(fires("    EventID: 5145\n    IpAddress: '-'", 'product: windows\n  service: security', share)).toBe(true);
    const smb = await sec(5145, { SubjectUserName: 'alice', IpAddress: '10.0.0.9', IpPort: '50000', ShareName: '\\\\*\\C$' });
    expect(smb).toMatchObject({ 'source.ip': '10.0.0.9', 'source.port': 50000, 'related.ip': ['10.0.0.9'] });
    expect(fires("    EventID: 5145\n    IpAddress|cidr: '10.0.0.0/8'", 'product: windows\n  service: security', smb)).toBe(true);
  });
});
