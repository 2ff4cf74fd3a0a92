/**
 * detection-rules' table of revoked/deprecated ATT&CK techniques and what replaced them
 * (etc/attack-technique-redirects.json, copied by scripts/update-field-catalogues.ts into
 * technique-redirects.json with its source named). detection-rules follows these redirects
 * instead of rejecting a rule, so dac warns for Elastic rules and names the replacement.
 */
import { readFileSync } from 'node:fs';

let table: ReadonlyMap<string, string> | undefined;

/** The technique that replaced `id` (upper-case T-number), if detection-rules names one. */
export function techniqueRedirect(id: string): string | undefined {
  table ??= new Map(Object.entries((JSON.parse(readFileSync(new URL('./technique-redirects.json', import.meta.url), 'utf8')) as { mapping: Record<string, string> }).mapping));
  return table.get(id.toUpperCase());
}
