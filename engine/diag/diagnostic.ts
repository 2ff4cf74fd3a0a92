/**
 * Diagnostics are data: every layer reports problems as values through an `onError`-style sink and
 * keeps going; only the edge (CLI, report) turns offsets into file:line:col text (see render.ts).
 *
 * Codes are `<layer>/<name>`. Each layer declares its own closed union of names next to its code
 * (e.g. `SchemaCode` in rule/, `EqlCode` in lang/eql/) so tests can pin codes, not wording.
 */
export type Layer =
  | 'toml' | 'yaml' | 'rule' | 'schema' | 'attack' | 'dataset'
  | 'eql' | 'kuery' | 'esql' | 'spl' | 'car' | 'sigma' | 'ir' | 'events' | 'evtx' | 'pcap'
  | 'runtime' | 'harness' | 'export' | 'cli';

export type DiagnosticCode = `${Layer}/${string}`;
export type Severity = 'error' | 'warning' | 'info';

/** Half-open byte range [start, end) in UTF-16 code units of the text it refers to. */
export interface Span { readonly start: number; readonly end: number }

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  /** File the span points into; absent for problems with no file (e.g. a CLI argument). */
  readonly file?: string;
  /** Offsets into the file's text (not into an embedded query: front-ends map those first). */
  readonly span?: Span;
  /** The rule's id when known, so a reviewer can find it in the report. */
  readonly ruleId?: string;
  /** How to fix it, in one sentence, when we know. */
  readonly hint?: string;
}

export type DiagnosticSink = (d: Diagnostic) => void;

export function isError(d: Diagnostic): boolean {
  return d.severity === 'error';
}

/** Collects diagnostics; handy where a function both reports and needs to know if it failed. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  readonly add: DiagnosticSink = (d) => { this.items.push(d); };
  get hasErrors(): boolean { return this.items.some(isError); }
}
