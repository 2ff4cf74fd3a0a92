/**
 * The Sentinel Sysmon parser's columns (function alias `Sysmon`: the EventData names as columns,
 * with Computer, EventID, TimeGenerated; values are strings) as KQL expressions per ECS field. The
 * KQL back-end (export/kql.ts) writes these and the Kusto reader (to-ir.ts) reads them back, so
 * the pairs are the Sentinel view of the one Windows↔ECS table (ir/windows-ecs/views.ts).
 */
import { KQL_MULTI_VALUED, SENTINEL_SYSMON_FIELDS } from '../../ir/windows-ecs/views.ts';

export const SYSMON_TABLE = 'Sysmon';

export const leaf = (col: string) => `tostring(split(${col}, "\\\\")[-1])`;

/** ECS field → KQL expression over the Sysmon parser's columns: the view of the one Windows↔ECS table. */
export const FIELDS: Readonly<Record<string, string>> = SENTINEL_SYSMON_FIELDS;

/** Fields whose expression is a dynamic array (ECS categorization): tested with set_has_element(). */
export const MULTI_VALUED: ReadonlySet<string> = KQL_MULTI_VALUED;

/** Fields named by their column for a caveat (host.id is a GUID in ECS; Sysmon has only the computer name). */
export const APPROXIMATE: Readonly<Record<string, readonly [string, string]>> = {
  'host.id': ['Computer', 'host.id (an agent GUID in ECS) is matched on Computer, the only host key Sysmon events carry'],
};

export function kqlString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

