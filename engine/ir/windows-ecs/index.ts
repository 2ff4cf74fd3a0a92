/**
 * The one Windows ↔ ECS table (issue 13 item 3): per (channel, event ID) the ECS categorization,
 * per EventData name the ECS field, one file per family. What reads it: events/normalize (the
 * normalizer), lang/sigma (Sigma field names), lang/spl/print.ts (SPL raw names) and
 * export/kql.ts (Sentinel columns, category `case()`, tables) through ./views.ts.
 */
export type { Categorization, Conv, Family, FamilyId, FieldRule } from './types.ts';
export { applies } from './types.ts';
export { FAMILIES, categoriesOf, familyById, familyOf, rulesFor } from './families.ts';
export {
  KQL_MULTI_VALUED, SENTINEL_SYSMON_FIELDS, SPL_ECS_TO_RAW, SYSTEM_FIELDS, ecsFieldOf, kqlColumnOf, rawNameOf, rawRuleOf, scopeOfChannel, sentinelCategoryCase, sentinelSourceOf, type Scope,
} from './views.ts';
export { DNS_STATUS, DNS_TYPES, FILE_HASH_CODES, HIVES, PROCESS_HASH_CODES, REGISTRY_CODES } from './sysmon.ts';
export { LOGON_TYPES, TARGET_USER_IDS } from './security.ts';
