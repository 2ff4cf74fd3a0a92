import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SCENARIOS } from '../../scripts/datasets/index.ts';
import { generateDataset } from '../../scripts/datasets/generate.ts';

const SMALL = 0.05;
const roots: string[] = [];
function generateAll(): string {
  const root = mkdtempSync(join(tmpdir(), 'dac-gen-'));
  roots.push(root);
  for (const s of SCENARIOS) generateDataset(s, root, SMALL);
  return root;
}
afterAll(() => { for (const r of roots) rmSync(r, { recursive: true, force: true }); });

const first = generateAll();
const second = generateAll();

const readText = (path: string): string => {
  const buf = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
};
const linesOf = (path: string): string[] => readText(path).split('\n').filter((l) => l.length > 0);

/** Minimal well-formedness: balanced tags, quoted attributes, known entities only. */
function wellFormed(line: string): string | undefined {
  const stack: string[] = [];
  const re = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+='[^'<&]*(?:&(?:amp|lt|gt|quot|apos|#\d+);[^'<&]*)*')*)\s*(\/?)>|&(?:amp|lt|gt|quot|apos|#\d+);|[<&]/g;
  for (const m of line.matchAll(re)) {
    if (m[0] === '<' || m[0] === '&') return `stray '${m[0]}' at ${m.index}`;
    if (m[0].startsWith('&')) continue;
    const [, close, name, , selfClose] = m;
    if (close) { if (stack.pop() !== name) return `unbalanced </${name}> at ${m.index}`; }
    else if (!selfClose) stack.push(name);
  }
  return stack.length ? `unclosed <${stack.join('><')}>` : undefined;
}

interface Ev { id: number; computer: string; data: Record<string, string> }
function parseEvent(line: string): Ev {
  const data: Record<string, string> = {};
  for (const m of line.matchAll(/<Data Name='([^']+)'>([^<]*)<\/Data>/g)) data[m[1]] = m[2];
  return { id: Number(/<EventID>(\d+)</.exec(line)?.[1]), computer: /<Computer>([^<]+)</.exec(line)?.[1] ?? '', data };
}
const sysmon = (name: string): Ev[] => linesOf(join(first, name, 'sysmon.xml')).map(parseEvent);
const utc = (s: string): number => Date.parse(`${s.replace(' ', 'T')}Z`);
const isLoopback = (ip: string): boolean => ip === '127.0.0.1' || /^(0:){7}1$|^::1$/.test(ip);

/** The Elastic seed's sequence, evaluated on the raw Sysmon fields with the activity clock. */
function elasticMatches(events: Ev[]): number {
  const pending = new Map<string, number>();
  let matches = 0;
  const sorted = [...events].sort((a, b) => utc(a.data.UtcTime) - utc(b.data.UtcTime));
  for (const e of sorted) {
    const key = `${e.computer}|${e.data.ProcessGuid}`;
    const t = utc(e.data.UtcTime);
    if (e.id === 3 && e.data.Image.toLowerCase().endsWith('\\svchost.exe') && e.data.Initiated === 'false' &&
      Number(e.data.SourcePort) >= 49152 && Number(e.data.DestinationPort) >= 49152 && !isLoopback(e.data.SourceIp)) pending.set(key, t);
    if ((e.id === 12 || e.id === 13) && /^HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Schedule\\TaskCache\\Tasks\\[^\\]+\\Actions$/i.test(e.data.TargetObject)) {
      const start = pending.get(key);
      if (start !== undefined && t - start <= 60_000) { matches++; pending.delete(key); }
    }
  }
  return matches;
}

describe('gen-datasets', () => {
  it('writes byte-identical files on every run', () => {
    for (const s of SCENARIOS) {
      const files = readdirSync(join(first, s.name)).sort();
      expect(readdirSync(join(second, s.name)).sort()).toEqual(files);
      for (const f of files) expect(readFileSync(join(second, s.name, f)).equals(readFileSync(join(first, s.name, f))), `${s.name}/${f}`).toBe(true);
    }
  });

  it('states event counts in each manifest that equal the files', () => {
    for (const s of SCENARIOS) {
      const m = parse(readFileSync(join(first, s.name, 'dataset.yml'), 'utf8'));
      expect(m.name).toBe(s.name);
      let total = 0;
      const byId: Record<string, number> = {};
      for (const f of m.files as Array<{ path: string; format: string }>) {
        const lines = linesOf(join(first, s.name, f.path));
        total += lines.length;
        if (f.format === 'xml') for (const l of lines) { const id = String(parseEvent(l).id); byId[id] = (byId[id] ?? 0) + 1; }
        else for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
      }
      expect(m.expected.events, s.name).toBe(total);
      expect(m.expected.rejected).toBe(0);
      expect(m.expected.by_event_id, s.name).toEqual(byId);
    }
  });

  it('writes one well-formed <Event> per line', () => {
    for (const s of SCENARIOS) {
      for (const f of readdirSync(join(first, s.name)).filter((n) => n.includes('.xml'))) {
        linesOf(join(first, s.name, f)).forEach((line, i) => {
          expect(line.startsWith("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"), `${s.name}/${f}:${i + 1}`).toBe(true);
          expect(wellFormed(line), `${s.name}/${f}:${i + 1}`).toBeUndefined();
        });
      }
    }
  });

  it('gives the Elastic sequence exactly one match in remote_task_rpc and none in the near misses', () => {
    expect(elasticMatches(sysmon('remote_task_rpc'))).toBe(1);
    for (const name of ['schtasks_run', 'near_miss_schtasks_no_run', 'near_miss_task_local', 'near_miss_svchost_no_taskcache', 'near_miss_loopback', 'near_miss_taskcache_late']) {
      expect(elasticMatches(sysmon(name)), name).toBe(0);
    }
    const base = linesOf(join(first, 'benign_baseline', 'sysmon.xml.gz')).map(parseEvent);
    expect(elasticMatches(base)).toBe(0);
  });

  it('logs Sysmon network events after the activity, and uses real Sysmon formats', () => {
    const lines = linesOf(join(first, 'remote_task_rpc', 'sysmon.xml'));
    for (const line of lines.filter((l) => l.includes('<EventID>3<'))) {
      const created = Date.parse(/SystemTime='([^']+)'/.exec(line)![1]);
      expect(created - utc(parseEvent(line).data.UtcTime)).toBeGreaterThan(1000);
    }
    const schtasks = sysmon('schtasks_run').filter((e) => e.id === 1 && e.data.Image.endsWith('\\schtasks.exe'));
    expect(schtasks.every((e) => e.data.OriginalFileName === 'sctasks.exe')).toBe(true);
    for (const e of sysmon('remote_task_rpc').filter((x) => x.id === 1)) {
      expect(e.data.ProcessGuid).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
      expect(e.data.Hashes).toMatch(/^SHA1=[0-9A-F]{40},MD5=[0-9A-F]{32},SHA256=[0-9A-F]{64},IMPHASH=[0-9A-F]{32}$/);
      expect(e.data.UtcTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);
    }
  });

  it('gives the Splunk seed three (process, parent, host, user) groups in schtasks_run, one of them twice', () => {
    const groups = new Map<string, number>();
    for (const e of sysmon('schtasks_run').filter((x) => x.id === 1 && /\\schtasks\.exe$/i.test(x.data.Image) && /\/run/i.test(x.data.CommandLine))) {
      const key = [e.data.ParentImage.split('\\').pop(), e.computer, e.data.User].join('|');
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    expect(groups.size).toBe(3);
    expect([...groups.values()].sort()).toEqual([1, 1, 2]);
  });

  it('gives CAR three ITaskSchedulerService records between high ports in remote_task_rpc only', () => {
    const car = (name: string, file: string) => linesOf(join(first, name, file)).map((l) => JSON.parse(l))
      .filter((r) => r.endpoint === 'ITaskSchedulerService' && r['id.orig_p'] >= 49152 && r['id.resp_p'] >= 49152).length;
    expect(car('remote_task_rpc', 'dce_rpc.log')).toBe(3);
    expect(car('near_miss_rpc_other_interfaces', 'dce_rpc.log')).toBe(0);
    expect(car('benign_baseline', 'dce_rpc.log.gz')).toBe(0);
  });
});
