/**
 * Macros ESCU searches call that ship with other Splunk apps, not with ESCU: contentctl's
 * MACROS_TO_IGNORE (contentctl/objects/macro.py) lists them as "included in commonly-installed
 * apps". dac expands them with their app's definition (a fact about that app, e.g. Splunk_SA_CIM's
 * macros.conf) so the searches run offline; exports never write them (the app defines them).
 * Macros whose definition needs Enterprise Security's KV stores have no offline meaning and are
 * listed without one, so a search that calls them gets a clear "external" error.
 */
import type { MacroDefinition } from '../../rule/model.ts';

interface External { readonly key: string; readonly app: string; readonly args: readonly string[]; readonly definition?: string }

const TABLE: readonly External[] = [
  // Splunk_SA_CIM default/macros.conf: strips the data model object prefix from field names.
  { key: 'drop_dm_object_name(1)', app: 'Splunk_SA_CIM', args: ['object'], definition: 'rename $object$.* AS *' },
  { key: 'cim_corporate_web_domain_search', app: 'Splunk_SA_CIM', args: [] },
  { key: 'get_asset(1)', app: 'SA-IdentityManagement (Enterprise Security)', args: ['field'] },
  { key: 'get_risk_severity(1)', app: 'SA-ThreatIntelligence (Enterprise Security)', args: ['risk_score'] },
  { key: 'globedistance(4)', app: 'SA-Utils (Enterprise Security)', args: ['lat1', 'lon1', 'lat2', 'lon2'] },
];

/** The app each external macro belongs to, for messages. */
export const EXTERNAL_MACRO_APPS: ReadonlyMap<string, string> = new Map(TABLE.map((t) => [t.key, t.app]));

/** External macros with a definition dac can expand offline. */
export const EXTERNAL_MACROS: ReadonlyMap<string, MacroDefinition> = new Map(
  TABLE.filter((t) => t.definition !== undefined)
    .map((t) => [t.key, { name: t.key, definition: t.definition!, arguments: t.args, file: `(${t.app})`, description: `defined by ${t.app}` }]),
);
