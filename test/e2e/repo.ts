/**
 * Throwaway repos for the harness's end-to-end tests: rules, macros and tiny datasets written to
 * a temp dir. Events are Sysmon XML records (Splunk attack_data style, one <Event> per line), so
 * they go through the real readers and normalisation.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface ProcessEvent {
  readonly time: string;
  readonly host?: string;
  readonly image: string;
  readonly commandLine: string;
  readonly parent?: string;
  readonly user?: string;
  readonly recordId?: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;');

/** One Sysmon EventID 1 (process creation) record on one line. */
export function sysmonProcess(e: ProcessEvent, i: number): string {
  const data: Record<string, string> = {
    RuleName: '-',
    UtcTime: e.time.replace('T', ' ').replace('Z', ''),
    ProcessGuid: `{00000000-0000-0000-0000-${String(1000 + i).padStart(12, '0')}}`,
    ProcessId: String(4000 + i),
    Image: e.image,
    CommandLine: e.commandLine,
    CurrentDirectory: 'C:\\Windows\\system32\\',
    User: e.user ?? 'CORP\\alice',
    IntegrityLevel: 'High',
    ParentProcessGuid: '{00000000-0000-0000-0000-000000000001}',
    ParentProcessId: '1000',
    ParentImage: e.parent ?? 'C:\\Windows\\System32\\cmd.exe',
    ParentCommandLine: 'cmd.exe',
  };
  const fields = Object.entries(data).map(([k, v]) => `<Data Name='${k}'>${esc(v)}</Data>`).join('');
  return `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/><EventID>1</EventID><Version>5</Version><Level>4</Level><Task>1</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='${e.time}'/><EventRecordID>${e.recordId ?? 100 + i}</EventRecordID><Correlation/><Execution ProcessID='3348' ThreadID='8000'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>${esc(e.host ?? 'WKS-01.corp.example.com')}</Computer><Security UserID='S-1-5-18'/></System><EventData>${fields}</EventData></Event>`;
}

export interface DatasetSpec {
  readonly name: string;
  readonly kind: 'attack' | 'benign';
  readonly events: readonly ProcessEvent[];
  readonly techniques?: readonly string[];
}

export class TempRepo {
  readonly root: string;
  constructor(prefix = 'dac-e2e-') {
    this.root = mkdtempSync(join(tmpdir(), prefix));
    mkdirSync(join(this.root, 'rules'), { recursive: true });
    mkdirSync(join(this.root, 'datasets'), { recursive: true });
  }

  write(rel: string, text: string): this {
    const abs = join(this.root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    return this;
  }

  rule(rel: string, text: string): this {
    return this.write(join('rules', rel), text);
  }

  dataset(spec: DatasetSpec): this {
    const lines = spec.events.map((e, i) => sysmonProcess(e, i));
    const hosts = [...new Set(spec.events.map((e) => e.host ?? 'WKS-01.corp.example.com'))].sort();
    this.write(join('datasets', spec.name, 'sysmon.xml'), lines.join('\n') + '\n');
    this.write(join('datasets', spec.name, 'dataset.yml'), [
      `name: ${spec.name}`,
      `description: test dataset ${spec.name}`,
      `kind: ${spec.kind}`,
      `techniques: [${(spec.techniques ?? []).join(', ')}]`,
      'files:',
      '  - path: sysmon.xml',
      '    format: xml',
      `hosts: [${hosts.join(', ')}]`,
      'provenance: written by the dac end-to-end tests',
      'clock: activity',
      '',
    ].join('\n'));
    return this;
  }
}

export interface SigmaRuleSpec {
  readonly id: string;
  readonly title: string;
  /** `Image|endswith` value the selection matches. */
  readonly image: string;
  readonly commandContains?: string;
  readonly tags?: readonly string[];
  /** The YAML for the `tests` key (and anything after it), verbatim. */
  readonly tests?: string;
  readonly extra?: string;
}

/** A Sigma process_creation rule matching an image (and optionally a command-line substring). */
export function sigmaRule(s: SigmaRuleSpec): string {
  const sel = [`    Image|endswith: '${s.image}'`, ...(s.commandContains ? [`    CommandLine|contains: '${s.commandContains}'`] : [])];
  return [
    `title: ${s.title}`,
    `id: ${s.id}`,
    'status: test',
    `description: e2e rule ${s.title}`,
    'author: dac tests',
    'date: 2024-01-10',
    'tags:',
    ...(s.tags ?? ['attack.execution', 'attack.t1053.005']).map((t) => `  - ${t}`),
    'logsource:',
    '  category: process_creation',
    '  product: windows',
    'detection:',
    '  selection:',
    ...sel,
    '  condition: selection',
    'level: medium',
    ...(s.extra ? [s.extra] : []),
    ...(s.tests ? [s.tests] : []),
    '',
  ].join('\n');
}
