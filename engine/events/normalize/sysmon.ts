/**
 * Sysmon events → ECS as Winlogbeat's Sysmon module produces them. The EventData → ECS rules and
 * the categorization are the table's (engine/ir/windows-ecs/sysmon.ts); this file computes what
 * rules cannot say. dac additions, all marked: raw EventData is kept (win-common.ts); image loads
 * (7) also fill dll.*, which Elastic's library rules query; registry paths written in the
 * kernel's form (\REGISTRY\MACHINE\…) are rewritten to Elastic's HKLM\… form.
 */
import type { WinView } from './win-view.ts';
import { append, set, type Out } from './out.ts';
import { commonWinFields, relatedUser, setDomainUser } from './win-common.ts';
import { baseName, splitCommandLine } from './cmdline.ts';
import { DNS_TYPES, FILE_HASH_CODES, HIVES, PROCESS_HASH_CODES, REGISTRY_CODES, type Family } from '../../ir/windows-ecs/index.ts';
import { applyRules, categorize } from './rules.ts';

function hashes(out: Out, code: number, raw: string | undefined): void {
  if (!raw) return;
  const target = PROCESS_HASH_CODES.has(code) ? 'process' : FILE_HASH_CODES.has(code) ? 'file' : undefined;
  for (const part of raw.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim().toLowerCase();
    if (!value || /^0*$/.test(value)) continue;
    append(out, 'related.hash', value);
    if (!target) continue;
    if (key === 'imphash') set(out, `${target}.pe.imphash`, value);
    else set(out, `${target}.hash.${key}`, value);
  }
}

function registry(out: Out, path: string | undefined, details: string | undefined): void {
  if (!path) return;
  const tokens = path.split('\\');
  const hive = HIVES[tokens[0]!];
  if (hive) {
    set(out, 'registry.hive', hive);
    if (tokens.length > 1) set(out, 'registry.key', tokens.slice(1).join('\\'));
  }
  set(out, 'registry.value', tokens[tokens.length - 1]);
  if (!details) return;
  const q = /^QWORD \((0x[0-9A-F]{8})-(0x[0-9A-F]{8})\)$/i.exec(details);
  const d = /^DWORD \((0x[0-9A-F]{8})\)$/i.exec(details);
  if (q) {
    const v = (BigInt(q[1]!) << 32n) + BigInt(q[2]!);
    out['registry.data.strings'] = [v.toString()];
    out['registry.data.type'] = 'SZ_QWORD';
  } else if (d) {
    out['registry.data.strings'] = [String(parseInt(d[1]!.slice(2), 16))];
    out['registry.data.type'] = 'SZ_DWORD';
  } else {
    out['registry.data.strings'] = [details];
    out['registry.data.type'] = details === 'Binary Data' ? 'REG_BINARY' : 'REG_SZ';
  }
}

function unmapV4(ip: string): string {
  const m = /^\[?::ffff:(\d+\.\d+\.\d+\.\d+)(?:\](?::\d+)?)?$/i.exec(ip);
  return m ? m[1]! : ip;
}

function dnsResults(out: Out, results: string | undefined): void {
  if (!results) return;
  const types: string[] = [];
  const data: string[] = [];
  const ips: string[] = [];
  for (const answer of results.split(';')) {
    const a = answer.trim();
    if (!a) continue;
    if (a.startsWith('type:')) {
      const parts = a.split(/\s+/);
      if (parts.length === 3) {
        types.push(DNS_TYPES[parts[1]!] ?? parts[1]!);
        data.push(parts[2]!);
        append(out, 'related.hosts', parts[2]);
      }
    } else {
      ips.push(unmapV4(a));
    }
  }
  for (const ip of ips) {
    types.push(ip.includes(':') ? 'AAAA' : 'A');
    data.push(ip);
    append(out, 'related.ip', ip);
  }
  if (ips.length) out['dns.resolved_ip'] = ips;
  if (data.length) { out['dns.answers.type'] = types; out['dns.answers.data'] = data; }
}

export function normalizeSysmon(v: WinView, family: Family): Out {
  const out = commonWinFields(v, family.module);
  const code = v.eventId;
  const d = v.data;
  categorize(out, v);
  applyRules(out, family, v);
  if (code === 22) out['network.protocol'] = 'dns';
  if (code === 25) set(out, 'message', d['Type']);
  if (d['SignatureStatus'] === 'Valid') out['file.code_signature.valid'] = true;
  hashes(out, code, d['Hashes'] ?? d['Hash']);

  const cmd = out['process.command_line'];
  if (typeof cmd === 'string') { const a = splitCommandLine(cmd); out['process.args'] = a; out['process.args_count'] = a.length; }
  const pcmd = out['process.parent.command_line'];
  if (typeof pcmd === 'string') { const a = splitCommandLine(pcmd); out['process.parent.args'] = a; out['process.parent.args_count'] = a.length; }
  const exe = out['process.executable'];
  if (typeof exe === 'string') set(out, 'process.name', baseName(exe));
  const pexe = out['process.parent.executable'];
  if (typeof pexe === 'string') set(out, 'process.parent.name', baseName(pexe));

  const fpath = out['file.path'];
  if (typeof fpath === 'string' && fpath.includes('\\')) {
    const i = fpath.lastIndexOf('\\');
    set(out, 'file.name', fpath.slice(i + 1));
    set(out, 'file.directory', fpath.slice(0, i));
    const dot = fpath.lastIndexOf('.');
    if (dot > i) set(out, 'file.extension', fpath.slice(dot + 1));
  }
  if (code === 7 && typeof fpath === 'string') {
    set(out, 'dll.name', out['file.name'] as string | undefined);
    set(out, 'dll.pe.original_file_name', out['file.pe.original_file_name'] as string | undefined);
    set(out, 'dll.hash.sha256', out['file.hash.sha256'] as string | undefined);
  }

  const initiated = d['Initiated'];
  if (initiated === 'true') out['network.direction'] = 'egress';
  else if (initiated === 'false') out['network.direction'] = 'ingress';
  const v6 = d['SourceIsIpv6'];
  if (v6 === 'false') out['network.type'] = 'ipv4';
  else if (v6 === 'true') out['network.type'] = 'ipv6';
  dnsResults(out, d['QueryResults']);
  const q = out['dns.question.name'];
  if (typeof q === 'string') append(out, 'related.hosts', q);

  set(out, 'user.id', v.userId);
  setDomainUser(out, d['User']);
  relatedUser(out);
  for (const k of ['source.ip', 'destination.ip'] as const) {
    const ip = out[k];
    if (typeof ip === 'string') append(out, 'related.ip', ip);
  }
  if (REGISTRY_CODES.has(code)) registry(out, out['registry.path'] as string | undefined, d['Details']);
  return out;
}
