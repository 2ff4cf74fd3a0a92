import { describe, expect, it } from 'vitest';
import { codes, matches, sigma } from './helpers.ts';

const det = (body: string, cond = 'sel'): string => `  sel:\n${body}\n  condition: ${cond}`;

describe('sigma detection semantics', () => {
  it('maps are AND, lists of values OR, case-insensitive by default', () => {
    const { query } = sigma(det("    Image|endswith: '\\cmd.exe'\n    CommandLine|contains:\n      - 'whoami'\n      - 'hostname'"));
    expect(matches(query, { 'process.executable': 'C:\\Windows\\CMD.EXE', 'process.command_line': 'cmd /c WHOAMI' })).toBe(true);
    expect(matches(query, { 'process.executable': 'C:\\Windows\\cmd.exe', 'process.command_line': 'cmd /c dir' })).toBe(false);
    expect(matches(query, { 'process.executable': 'C:\\x\\pwsh.exe', 'process.command_line': 'whoami' })).toBe(false);
  });

  it('lists of maps are OR', () => {
    const { query } = sigma(det("    - Image|endswith: '\\a.exe'\n    - CommandLine: 'b'"));
    expect(matches(query, { 'process.executable': 'c:\\a.exe' })).toBe(true);
    expect(matches(query, { 'process.command_line': 'B' })).toBe(true);
    expect(matches(query, { 'process.command_line': 'bb' })).toBe(false);
  });

  it('|cased makes the match case-sensitive', () => {
    const { query } = sigma(det("    CommandLine|contains|cased: 'Secret'"));
    expect(matches(query, { 'process.command_line': 'a Secret b' })).toBe(true);
    expect(matches(query, { 'process.command_line': 'a secret b' })).toBe(false);
  });

  it('|all with several values is AND, with one value the same as without', () => {
    const { query } = sigma(det("    CommandLine|contains|all:\n      - 'a1'\n      - 'b2'"));
    expect(matches(query, { 'process.command_line': 'x a1 b2' })).toBe(true);
    expect(matches(query, { 'process.command_line': 'x a1' })).toBe(false);
    const one = sigma(det("    CommandLine|contains|all: 'a1'")).query;
    expect(matches(one, { 'process.command_line': 'xa1x' })).toBe(true);
    expect(matches(one, { 'process.command_line': 'x' })).toBe(false);
  });

  it('not over a missing field is true (boolean null logic)', () => {
    const { query } = sigma("  sel:\n    Image|endswith: '\\a.exe'\n  filter:\n    ParentImage|endswith: '\\b.exe'\n  condition: sel and not filter");
    expect(matches(query, { 'process.executable': 'c:\\a.exe' })).toBe(true);
    expect(matches(query, { 'process.executable': 'c:\\a.exe', 'process.parent.executable': 'c:\\b.exe' })).toBe(false);
  });

  it('null matches a missing field and |exists tests presence', () => {
    const n = sigma(det('    ParentImage: null')).query;
    expect(matches(n, {})).toBe(true);
    expect(matches(n, { 'process.parent.executable': 'x' })).toBe(false);
    const e = sigma(det('    ParentImage|exists: true')).query;
    expect(matches(e, { 'process.parent.executable': 'x' })).toBe(true);
    expect(matches(e, {})).toBe(false);
  });

  it('keywords match any field value, anywhere in it', () => {
    const { query } = sigma("  keywords:\n    - 'mimikatz'\n    - 'sekurlsa'\n  condition: keywords");
    expect(matches(query, { 'process.command_line': 'run Mimikatz.exe' })).toBe(true);
    expect(matches(query, { 'process.command_line': 'notepad' })).toBe(false);
  });

  it('escaped wildcards are literal; \\\\* is a backslash then a wildcard', () => {
    const lit = sigma(det("    CommandLine: 'a\\*b'")).query;
    expect(matches(lit, { 'process.command_line': 'a*b' })).toBe(true);
    expect(matches(lit, { 'process.command_line': 'axxb' })).toBe(false);
    const wild = sigma(det("    TargetObject: 'HKLM\\Tasks\\\\*\\Actions'"), 'product: windows\n  category: registry_set').query;
    expect(matches(wild, { 'registry.path': 'HKLM\\Tasks\\{1234}\\Actions' }, { 'event.code': '13', 'winlog.channel': 'Microsoft-Windows-Sysmon/Operational' })).toBe(true);
    const q = sigma(det("    CommandLine: 'a\\?b?'")).query;
    expect(matches(q, { 'process.command_line': 'a?bc' })).toBe(true);
    expect(matches(q, { 'process.command_line': 'axbc' })).toBe(false);
  });

  it('numbers match numeric and string field values', () => {
    const { query } = sigma(det('    EventID: 4688'), 'product: windows\n  service: security');
    expect(matches(query, { 'event.code': '4688' }, { 'winlog.channel': 'Security' })).toBe(true);
    expect(matches(query, { 'event.code': '4689' }, { 'winlog.channel': 'Security' })).toBe(false);
  });

  it('gt/gte/lt/lte compare numbers; cidr matches networks', () => {
    const { query } = sigma(det("    DestinationPort|gte: 49152\n    DestinationIp|cidr: '10.0.0.0/8'"), 'product: windows\n  category: network_connection');
    const base = { 'event.code': '3', 'winlog.channel': 'Microsoft-Windows-Sysmon/Operational' };
    expect(matches(query, { 'destination.port': 50000, 'destination.ip': '10.1.2.3' }, base)).toBe(true);
    expect(matches(query, { 'destination.port': 445, 'destination.ip': '10.1.2.3' }, base)).toBe(false);
    expect(matches(query, { 'destination.port': 50000, 'destination.ip': '192.168.1.1' }, base)).toBe(false);
  });

  it('fieldref compares two fields of the event', () => {
    const { query } = sigma(det('    ParentImage|fieldref: Image'));
    expect(matches(query, { 'process.executable': 'C:\\a.exe', 'process.parent.executable': 'c:\\A.exe' })).toBe(true);
    expect(matches(query, { 'process.executable': 'C:\\a.exe', 'process.parent.executable': 'c:\\b.exe' })).toBe(false);
  });

  it('|re is unanchored; |re|i is case-insensitive; (?i) is translated', () => {
    const r = sigma(det("    CommandLine|re: 'who(ami)?\\s+/all'")).query;
    expect(matches(r, { 'process.command_line': 'cmd /c whoami  /all' })).toBe(true);
    expect(matches(r, { 'process.command_line': 'WHOAMI /all' })).toBe(false);
    expect(matches(sigma(det("    CommandLine|re|i: 'whoami'")).query, { 'process.command_line': 'WHOAMI' })).toBe(true);
    expect(matches(sigma(det("    CommandLine|re: '(?i)whoami'")).query, { 'process.command_line': 'WHOAMI' })).toBe(true);
  });

  it('security 4688 is selected too, and uses its own raw field names', () => {
    const { query } = sigma(det("    IntegrityLevel: 'High'"));
    expect(matches(query, { 'winlog.event_data.IntegrityLevel': 'High' })).toBe(true);
    expect(matches(query, { 'winlog.event_data.MandatoryLabel': 'High' }, { 'event.code': '4688', 'winlog.channel': 'Security' })).toBe(true);
    expect(matches(query, { 'winlog.event_data.IntegrityLevel': 'High' }, { 'event.code': '11', 'winlog.channel': 'Microsoft-Windows-Sysmon/Operational' })).toBe(false);
  });

  it('reports bad detections with codes and spans', () => {
    const r = sigma(det('    Image: []'));
    expect(codes(r)).toContain('sigma/bad-detection');
    expect(r.diagnostics[0].span).toBeDefined();
    expect(codes(sigma(det("    Image|unknownmod: 'x'")))).toEqual(['sigma/unknown-modifier']);
    expect(codes(sigma(det("    Image: 'x'"), 'product: windows\n  category: nope'))).toEqual(['sigma/unknown-logsource']);
  });
});
