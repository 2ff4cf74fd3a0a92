/** TOML text → plain value plus a locator, with the same shape as yaml-source (one document). */
import { parse, TomlError } from 'smol-toml';
import type { Diagnostic } from '../diag/diagnostic.ts';
import type { ParsedSource } from './yaml-source.ts';
import { tomlLocator } from './toml-locator.ts';

/** Closed set of TOML diagnostic names; smol-toml gives only prose, so we classify it. */
export type TomlCode = 'toml/syntax' | 'toml/duplicate-key' | 'toml/unterminated-string' | 'toml/invalid-value';

function classify(message: string): TomlCode {
  if (/already|overrid|redefin|duplicate/i.test(message)) return 'toml/duplicate-key';
  if (/unterminated|not terminated|end of (file|string)/i.test(message)) return 'toml/unterminated-string';
  if (/invalid (number|date|value|boolean)|unexpected character/i.test(message)) return 'toml/invalid-value';
  return 'toml/syntax';
}

/** Offset of 1-based line/col, counting lines as smol-toml does (split on \r?\n). */
function offsetOf(text: string, line: number, col: number): number {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return text.length;
    start = next + 1;
  }
  return Math.min(text.length, start + col - 1);
}

export function parseTomlSource(text: string, file: string): ParsedSource {
  try {
    const value = parse(text);
    return { docs: [{ value, locate: tomlLocator(text), span: { start: 0, end: text.length } }], diagnostics: [] };
  } catch (e) {
    if (!(e instanceof TomlError)) throw e;
    const message = e.message.replace(/^Invalid TOML document: /, '').split('\n\n')[0];
    const start = offsetOf(text, e.line, e.column);
    const d: Diagnostic = { code: classify(message), severity: 'error', message, file, span: { start, end: Math.min(text.length, start + 1) } };
    return { docs: [], diagnostics: [d] };
  }
}
