/**
 * report.json: the source of truth the other views render. Byte-identical for the same inputs;
 * wall-clock figures live only under `timings`, which `--no-timings` leaves out.
 */
import type { RunReport, Timings } from '../harness/types.ts';

export function withTimings(report: RunReport, timings: Timings | undefined): RunReport {
  return timings ? { ...report, timings } : report;
}

export function renderJson(report: RunReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
