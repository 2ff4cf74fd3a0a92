/**
 * The build-time fields detection-rules adds to a Kibana rule (rule.py _convert_add_related_integrations,
 * _convert_add_required_fields), from the facts in catalogue.json (scripts/gen-kibana-catalogue.ts):
 * - required_fields: every field the query reads, sorted, typed from ECS (`ecs: true`), else from
 *   the non-ECS schema, else `unknown`;
 * - related_integrations: the rule's metadata.integration packages that have no dataset of their
 *   own (or every one for ML rules, and for ES|QL those not named by a dataset), then one entry per
 *   event.dataset / data_stream.dataset value the query tests, each with the package's least
 *   compatible version for the stack and `integration` only where it is a policy template.
 */
import { readFileSync } from 'node:fs';
import type { Expr, IrQuery, Predicate } from '../../ir/types.ts';

interface Catalogue {
  readonly source: string;
  readonly stack: string;
  readonly ecs: Readonly<Record<string, string>>;
  readonly nonEcs: Readonly<Record<string, string>>;
  readonly packages: Readonly<Record<string, { readonly version: string; readonly policy_templates: readonly string[] }>>;
}

let cached: { cat: Catalogue; ecs: Map<string, string>; nonEcs: Map<string, string>; packages: Map<string, Catalogue['packages'][string]> } | undefined;
function catalogue(): NonNullable<typeof cached> {
  if (!cached) {
    const cat = JSON.parse(readFileSync(new URL('./catalogue.json', import.meta.url), 'utf8')) as Catalogue;
    cached = { cat, ecs: new Map(Object.entries(cat.ecs)), nonEcs: new Map(Object.entries(cat.nonEcs)), packages: new Map(Object.entries(cat.packages)) };
  }
  return cached;
}

/** The stack version the catalogue was built for (packages.yaml), e.g. "9.6". */
export const catalogueStack = (): string => catalogue().cat.stack;

export interface RequiredField { readonly name: string; readonly type: string; readonly ecs: boolean }

/** The ECS type of a field, or undefined when it is not an ECS field. */
export const ecsType = (name: string): string | undefined => catalogue().ecs.get(name);

export function requiredFields(fields: readonly string[]): RequiredField[] {
  const c = catalogue();
  return [...new Set(fields)].sort().map((name) => {
    const ecs = c.ecs.get(name);
    return { name, type: ecs ?? c.nonEcs.get(name) ?? 'unknown', ecs: ecs !== undefined };
  });
}

const DATASET_FIELDS = new Set(['event.dataset', 'data_stream.dataset']);

/** Literal values the query compares event.dataset / data_stream.dataset with (beats.get_datasets_and_modules). */
export function datasetsOf(q: IrQuery): string[] {
  const out = new Set<string>();
  const isDataset = (e: Expr): boolean => e.kind === 'field' && DATASET_FIELDS.has(e.name);
  const pred = (p: Predicate): void => {
    switch (p.kind) {
      case 'and': case 'or': p.args.forEach(pred); break;
      case 'not': pred(p.arg); break;
      case 'compare':
        if (p.op === '==' && isDataset(p.left) && p.right.kind === 'literal' && typeof p.right.value === 'string') out.add(p.right.value);
        break;
      case 'in': if (isDataset(p.left)) for (const v of p.values) if (typeof v === 'string') out.add(v); break;
      case 'glob':
        if (isDataset(p.left)) for (const pat of p.patterns) if (pat.length === 1 && pat[0]!.kind === 'lit') out.add(pat[0]!.text);
        break;
      default: break;
    }
  };
  const query = (x: IrQuery): void => {
    switch (x.kind) {
      case 'event': pred(x.filter); break;
      case 'sequence': x.steps.forEach((s) => pred(s.filter.filter)); if (x.until) pred(x.until.filter.filter); break;
      case 'sample': x.steps.forEach((s) => pred(s.filter.filter)); break;
      case 'pipeline': query(x.source); break;
    }
  };
  query(q);
  return [...out].sort();
}

/** Dataset values an ES|QL query names (`event.dataset == "x"`, `in ("x", …)`), read from its text. */
export function esqlDatasets(query: string): string[] {
  const out = new Set<string>();
  for (const m of query.matchAll(/\b(?:event|data_stream)\.dataset\s*(?:==|:)\s*"([^"]+)"/g)) out.add(m[1]!);
  for (const m of query.matchAll(/\b(?:event|data_stream)\.dataset\s+in\s*\(([^)]*)\)/gi)) for (const v of m[1]!.matchAll(/"([^"]+)"/g)) out.add(v[1]!);
  return [...out].sort();
}

/** detection-rules' definitions.NON_DATASET_PACKAGES and MACHINE_LEARNING_PACKAGES (lower-cased). */
const NON_DATASET = new Set(['apm', 'auditd_manager', 'cloud_defend', 'corelight', 'endpoint', 'jamf_protect', 'network_traffic', 'pfsense', 'system', 'windows', 'sentinel_one_cloud_funnel', 'ti_rapid7_threat_command', 'm365_defender', 'panw', 'crowdstrike']);
const ML_PACKAGES = new Set(['lmd', 'dga', 'ded', 'problemchild', 'beaconing', 'pad']);

export interface RelatedIntegration { readonly package: string; readonly version: string; readonly integration?: string }

/**
 * related_integrations for a rule; `unknown` lists packages the catalogue has no manifest for
 * (detection-rules fails the build on those; dac leaves them out and says so).
 */
export function relatedIntegrations(integrations: readonly string[], type: string, datasets: readonly string[]): { value: RelatedIntegration[]; unknown: string[] } {
  const c = catalogue();
  const wanted: { package: string; integration?: string }[] = [];
  for (const pkg of integrations) {
    if (NON_DATASET.has(pkg) || ML_PACKAGES.has(pkg) || type === 'machine_learning' || (type === 'esql' && !datasets.includes(pkg))) wanted.push({ package: pkg });
  }
  for (const raw of datasets) {
    const value = raw.replace(/^"+|"+$/g, '');
    const dot = value.indexOf('.');
    const pkg = dot < 0 ? value : value.slice(0, dot);
    let integration = dot < 0 ? 'Unknown' : value.slice(dot + 1);
    if (pkg === 'endpoint' && integration.includes('events')) integration = integration.split('.')[1] ?? integration;
    if (c.packages.has(pkg)) wanted.push({ package: pkg, integration });
  }
  const unknown: string[] = [];
  const seen = new Map<string, RelatedIntegration>();
  for (const w of wanted) {
    const p = c.packages.get(w.package);
    if (!p) { unknown.push(w.package); continue; }
    const entry: RelatedIntegration = { package: w.package, version: p.version, ...(w.integration !== undefined && p.policy_templates.includes(w.integration) ? { integration: w.integration } : {}) };
    const key = JSON.stringify([entry.package, entry.version, entry.integration ?? null]);
    if (!seen.has(key)) seen.set(key, entry);
  }
  return { value: [...seen.values()], unknown };
}
