/**
 * The shape of a non-Windows Sigma log source table entry, and the small predicate builders the
 * tables use to say which normalized events a log source selects. Tables hold facts only; the
 * lookup lives in ../logsources.ts.
 *
 * Adding a log source: add an entry to the family's table file (linux.ts, zeek.ts, cloud.ts …)
 * with the events it selects (`select`) and the Sigma field → ECS names it uses (`fields`);
 * names the table lacks pass through unchanged, or under `fallbackPrefix` when the family keeps
 * its raw fields under one (zeek.dns.*, aws.cloudtrail.*).
 */
import type { Predicate } from '../../../ir/types.ts';

export interface SourceSpec {
  /** Sigma `product`, `category`, `service`; '*' in product: any product (application logs). */
  readonly product?: string;
  readonly category?: string;
  readonly service?: string;
  /** The events it selects; a function when the selection names the rule's own product. */
  readonly select: Predicate | ((product: string | undefined) => Predicate);
  /** Sigma field name → ECS field. */
  readonly fields: Readonly<Record<string, string>>;
  /** Sigma name prefix → ECS prefix, tried after `fields` (nested objects kept under another name). */
  readonly prefixes?: readonly (readonly [string, string])[];
  /** Prefix for names the table lacks ('' or absent: the name is kept as written). */
  readonly fallbackPrefix?: string;
  /** Where the facts come from (a pipeline or the Elastic integration). */
  readonly source: string;
}

const field = (name: string) => ({ kind: 'field', name }) as const;

/** `event.dataset` is one of these (case-insensitive, as Elastic integrations name them). */
export function datasets(...names: string[]): Predicate {
  return { kind: 'in', left: field('event.dataset'), values: names, caseInsensitive: true };
}

/** `name` equals one of `values` (case-insensitive). */
export function is(name: string, ...values: string[]): Predicate {
  return { kind: 'in', left: field(name), values, caseInsensitive: true };
}

/** `event.dataset` starts with `prefix.` (an Elastic integration's data streams). */
export function datasetPrefix(prefix: string): Predicate {
  return { kind: 'glob', left: field('event.dataset'), patterns: [[{ kind: 'lit', text: `${prefix}.` }, { kind: 'star' }]], caseInsensitive: true };
}

export function allOf(...args: Predicate[]): Predicate {
  return args.length === 1 ? args[0] : { kind: 'and', args };
}

export function anyOf(...args: Predicate[]): Predicate {
  return args.length === 1 ? args[0] : { kind: 'or', args };
}

/** An ECS-categorised event: `event.category` and (when given) `event.type`, on an OS family. */
export function ecsEvent(category: string, types: readonly string[], os?: string): Predicate {
  const parts: Predicate[] = [is('event.category', category)];
  if (types.length) parts.push(is('event.type', ...types));
  if (os) parts.push(is('host.os.type', os));
  return allOf(...parts);
}

/**
 * Sigma's generic process/file/network taxonomy (the Sysmon names Sigma's Linux and macOS rules
 * use) → ECS, as pySigma's ECS pipelines map them (ecs_windows' global table, ecs_macos_esf).
 */
export const PROCESS_FIELDS: Readonly<Record<string, string>> = {
  Image: 'process.executable', CommandLine: 'process.command_line', CurrentDirectory: 'process.working_directory',
  ProcessId: 'process.pid', ProcessGuid: 'process.entity_id', ParentImage: 'process.parent.executable',
  ParentCommandLine: 'process.parent.command_line', ParentProcessId: 'process.parent.pid',
  ParentProcessGuid: 'process.parent.entity_id', User: 'user.name', OriginalFileName: 'process.pe.original_file_name',
  ProcessName: 'process.name', ParentProcessName: 'process.parent.name',
};

export const FILE_FIELDS: Readonly<Record<string, string>> = {
  ...PROCESS_FIELDS, TargetFilename: 'file.path', FileName: 'file.name', SourceFilename: 'file.source.path',
};

export const NETWORK_FIELDS: Readonly<Record<string, string>> = {
  ...PROCESS_FIELDS, SourceIp: 'source.ip', SourcePort: 'source.port', SourceHostname: 'source.domain',
  DestinationIp: 'destination.ip', DestinationPort: 'destination.port', DestinationHostname: 'destination.domain',
  Protocol: 'network.transport',
};
