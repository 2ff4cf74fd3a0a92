/**
 * `dac run` output: a table that fits the terminal (long values cut with an ellipsis), the key
 * fields of each kind of event, and — for queries that shape rows (SPL stats/table/fields, EQL
 * pipes) — the result rows themselves, in the query's column order.
 */
import type { EcsEvent, FieldValue } from '../events/types.ts';
import type { IrQuery } from '../ir/types.ts';
import type { Alert } from '../runtime/index.ts';

export interface TableOptions {
  /** Total width to fit (the terminal's); 0 = no limit. */
  readonly width: number;
  /** Fields to show instead of the per-kind key fields. */
  readonly fields?: readonly string[];
}

const text = (v: unknown): string => (v === undefined || v === null ? '-' : Array.isArray(v) ? v.join(',') : String(v));
const has = (f: EcsEvent['fields'], k: string) => f[k] !== undefined && f[k] !== null;

/** Key fields per kind of event: what an analyst reads first (event code, then category). */
const BY_CODE: ReadonlyMap<string, readonly string[]> = new Map([
  ['4624', ['user.name', 'source.ip', 'winlog.logon.type', 'winlog.event_data.LogonType']],
  ['4625', ['user.name', 'source.ip', 'winlog.event_data.LogonType', 'winlog.event_data.Status']],
  ['4648', ['user.name', 'winlog.event_data.TargetUserName', 'winlog.event_data.TargetServerName']],
  ['4697', ['service.name', 'winlog.event_data.ServiceFileName']],
  ['7045', ['service.name', 'winlog.event_data.ImagePath', 'winlog.event_data.AccountName']],
  ['4698', ['winlog.event_data.TaskName', 'user.name']],
  ['4699', ['winlog.event_data.TaskName', 'user.name']],
  ['4702', ['winlog.event_data.TaskName', 'user.name']],
  ['5140', ['winlog.event_data.ShareName', 'source.ip', 'user.name']],
  ['5145', ['winlog.event_data.ShareName', 'winlog.event_data.RelativeTargetName', 'source.ip']],
]);
const BY_CATEGORY: ReadonlyArray<[string, readonly string[]]> = [
  ['registry', ['registry.path', 'registry.data.strings']],
  ['file', ['file.path']],
  ['process', ['process.command_line', 'process.executable', 'process.name']],
  ['configuration', ['registry.path', 'registry.data.strings']],
];

function keyFields(ev: EcsEvent, chosen?: readonly string[]): string {
  const f = ev.fields;
  if (chosen?.length) return chosen.map((k) => `${k}=${text(f[k])}`).join(' ');
  if (has(f, 'dce_rpc.interface.name') || has(f, 'dce_rpc.operation')) {
    return `${text(f['source.ip'])} -> ${text(f['destination.ip'])}:${text(f['destination.port'])} ${text(f['dce_rpc.interface.name'] ?? f['dce_rpc.endpoint'])}.${text(f['dce_rpc.operation'])}`;
  }
  if (has(f, 'destination.ip') && has(f, 'source.ip')) {
    return `${text(f['source.ip'])}:${text(f['source.port'])} -> ${text(f['destination.ip'])}:${text(f['destination.port'])} ${text(f['network.transport'] ?? '')} ${text(f['process.name'] ?? '')}`.trimEnd();
  }
  if (has(f, 'dns.question.name')) return `dns.question.name=${text(f['dns.question.name'])}`;
  const code = f['event.code'] ?? f['winlog.event_id'];
  const cats = ([] as unknown[]).concat(f['event.category'] ?? []).map(String);
  const keys = (code !== undefined ? BY_CODE.get(String(code)) : undefined) ?? BY_CATEGORY.find(([c]) => cats.includes(c))?.[1];
  const shown = (keys ?? ['event.action', 'message']).filter((k) => has(f, k)).map((k) => `${k}=${text(f[k])}`);
  return shown.join(' ');
}

function where(ev: EcsEvent): string {
  const p = ev.provenance;
  return `${p.file}${p.line !== undefined ? `:${p.line}` : p.record !== undefined ? `#${p.record}` : ''}`;
}

/** Cuts a cell to `max` characters, ending in an ellipsis. */
export function cut(s: string, max: number): string {
  const flat = s.replace(/[\r\n\t]+/g, ' ');
  return max > 0 && flat.length > max ? `${flat.slice(0, Math.max(0, max - 1))}…` : flat;
}

/**
 * Lays out rows so the whole line fits `width`: `fixed` columns keep their natural width, the
 * others are capped at a sixth of the width, and `flex` takes what is left (at least 12 characters).
 */
function layout(head: readonly string[], rows: readonly string[][], width: number, flex: number, fixed: readonly number[] = []): string {
  const cap = width > 0 ? Math.max(10, Math.floor(width / 6)) : Infinity;
  const natural = head.map((h, c) => rows.reduce((m, r) => Math.max(m, r[c].length), h.length));
  const widths = natural.map((w, c) => (c === flex || fixed.includes(c) ? w : Math.min(w, cap)));
  if (width > 0) {
    const others = widths.reduce((s, w, c) => (c === flex ? s : s + w + 2), 0);
    widths[flex] = Math.max(12, Math.min(natural[flex], width - others));
  }
  const line = (r: readonly string[]) => r.map((v, c) => {
    const cell = cut(v, widths[c]);
    return c === r.length - 1 ? cell : cell.padEnd(widths[c]);
  }).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

/** The columns of a row-shaping query's result: its last `project` stage's, else every key in first-seen order. */
function rowColumns(query: IrQuery | undefined, alerts: readonly Alert[]): string[] {
  if (query?.kind === 'pipeline') {
    for (let i = query.stages.length - 1; i >= 0; i--) {
      const s = query.stages[i];
      if (s.kind === 'project') return [...s.fields];
      if (s.kind === 'aggregate') return [...s.groupBy.map((g) => g.name), ...s.aggregates.map((a) => a.name)];
    }
  }
  const seen = new Set<string>();
  for (const a of alerts) for (const k of Object.keys(a.fields)) seen.add(k);
  return [...seen];
}

export function renderTable(alerts: readonly Alert[], opts: TableOptions = { width: 0 }, query?: IrQuery): string {
  if (alerts.some((a) => Object.keys(a.fields).length > 0)) {
    const cols = rowColumns(query, alerts);
    const rows = alerts.map((a) => cols.map((c) => text(a.fields[c] as FieldValue | undefined)));
    return layout(cols, rows, opts.width, Math.max(0, cols.length - 1));
  }
  const rows: string[][] = [];
  alerts.forEach((a, i) => {
    const grouped = a.events.length > 1;
    if (grouped) rows.push([`sequence ${i + 1}`, `(${a.events.length} events)`, '', '', '', '']);
    for (const ev of a.events) {
      rows.push([
        `${grouped ? '  ' : ''}${new Date(ev.ts).toISOString()}`, text(ev.fields['host.name']), text(ev.fields['event.category']),
        text(ev.fields['event.code'] ?? ev.fields['winlog.event_id']), keyFields(ev, opts.fields), where(ev),
      ]);
    }
  });
  return layout(['timestamp', 'host', 'category', 'code', 'key fields', 'source'], rows, opts.width, 4, [0, 2, 3]);
}

export function renderNdjson(alerts: readonly Alert[]): string {
  return alerts.map((a, i) => JSON.stringify({
    match: i + 1,
    '@timestamp': new Date(a.ts).toISOString(),
    ...(Object.keys(a.fields).length ? { fields: a.fields } : {}),
    events: a.events.map((ev) => ({ '@timestamp': new Date(ev.ts).toISOString(), ...ev.fields, 'dac.provenance': ev.provenance })),
  }) + '\n').join('');
}
