/**
 * ATT&CK mapping checks for every dialect's way of naming techniques: Elastic `threat`, ESCU
 * `tags.mitre_attack_id`, CAR `coverage`, Sigma `attack.*` tags. Each mapping was read by the
 * loader into `rule.attack`, Sigma's tactic tags into `rule.attackTags` (rule/load-sigma.ts).
 */
import type { Diagnostic, Span } from '../diag/diagnostic.ts';
import type { KeyPath } from '../source/locator.ts';
import type { AttackMapping, AttackSubject } from './mapping.ts';
import { attackCatalogue, type AttackCatalogue } from './catalogue.ts';
import { techniqueRedirect } from './redirects.ts';

export type AttackCode =
  | 'attack/unknown-technique' | 'attack/newer-than-catalogue' | 'attack/deprecated' | 'attack/revoked'
  | 'attack/name-mismatch' | 'attack/wrong-parent' | 'attack/tactic-mismatch' | 'attack/unknown-tactic'
  | 'attack/tactic-name-mismatch' | 'attack/bad-reference' | 'attack/bad-tag';

const TECHNIQUE_URL = /^https:\/\/attack\.mitre\.org\/techniques\/(T\d{4})\/(?:(\d{3})\/)?$/;
const TACTIC_URL = /^https:\/\/attack\.mitre\.org\/tactics\/(TA\d{4})\/$/;

function str(v: unknown): string | undefined { return typeof v === 'string' ? v : undefined; }

function lookup(doc: unknown, path: KeyPath): unknown {
  let v: unknown = doc;
  for (const s of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[s] : undefined;
  return v;
}

class Reporter {
  readonly out: Diagnostic[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly rule: AttackSubject) {}
  add(code: AttackCode, path: KeyPath, message: string, hint?: string, severity: 'error' | 'warning' = 'error'): void {
    const span: Span | undefined = this.rule.locate(path);
    const key = `${code}|${span?.start}|${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.out.push({ code, severity, message, file: this.rule.file, span, ...(this.rule.id ? { ruleId: this.rule.id } : {}), ...(hint ? { hint } : {}) });
  }
}

/** The ID's own key path: Elastic maps to an object with `id`; other dialects name the string itself. */
const idPath = (rule: AttackSubject, p: KeyPath): KeyPath => (rule.dialect === 'elastic' ? [...p, 'id'] : p);

function checkTechnique(rule: AttackSubject, m: AttackMapping, cat: AttackCatalogue, r: Reporter): void {
  const { id, name, path } = m.technique;
  const at = idPath(rule, path);
  const t = cat.technique(id);
  if (!t) {
    // A warning only where the ID is numbered as the next release would number it (content often
    // runs ahead of the bundled release); anything else is an error.
    if (cat.isNewerThanCatalogue(id)) r.add('attack/newer-than-catalogue', at, `${id} is not in the bundled ATT&CK ${cat.version}; it may come from a newer release`, 'load a newer catalogue with `dac attack update enterprise-attack.json`, or fix the ID', 'warning');
    else r.add('attack/unknown-technique', at, `${id} is not an ATT&CK ${cat.version} technique`, 'look it up with `dac attack lookup <id or name>`');
    return;
  }
  if (t.revoked || t.deprecated) {
    // Elastic: detection-rules follows attack-technique-redirects.json, so a warning naming the
    // replacement (issue 20 item 4). contentctl (ESCU's own tool) only warns about a revoked
    // technique. Elsewhere the mapping is an error.
    const elastic = rule.dialect === 'elastic';
    const to = (elastic ? techniqueRedirect(id) : undefined) ?? t.replacedBy;
    const use = to ? `; use ${to} (${cat.technique(to)?.name ?? '?'})` : '';
    const sev = elastic || (t.revoked && rule.dialect === 'escu') ? 'warning' : 'error';
    if (t.revoked) r.add('attack/revoked', at, `${id} (${t.name}) is revoked${use}`, undefined, sev);
    else r.add('attack/deprecated', at, `${id} (${t.name}) is deprecated in ATT&CK ${cat.version}${use}`, to ? undefined : 'map the rule to a current technique', sev);
  }
  if (name !== undefined && name !== t.name) r.add('attack/name-mismatch', [...path, 'name'], `${id} is named '${t.name}', not '${name}'`);
  if (m.parent && id.includes('.') && id.split('.')[0] !== m.parent.id.toUpperCase()) {
    r.add('attack/wrong-parent', at, `sub-technique ${id} is listed under ${m.parent.id}, but its parent is ${id.split('.')[0]}`);
  }
  if (m.tactic?.id) {
    const tac = cat.tactic(m.tactic.id);
    if (tac && !t.revoked && !t.tactics.includes(tac.shortname)) {
      r.add('attack/tactic-mismatch', idPath(rule, m.tactic.path), `${id} (${t.name}) is not a technique of ${tac.id} ${tac.name}; its tactics are ${t.tactics.join(', ')}`);
    }
  }
  if (rule.dialect === 'elastic') {
    const ref = str(lookup(rule.document, [...path, 'reference']));
    const u = ref === undefined ? null : TECHNIQUE_URL.exec(ref);
    const want = `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`;
    if (ref !== undefined && (!u || `${u[1]}${u[2] ? '.' + u[2] : ''}` !== id.toUpperCase())) r.add('attack/bad-reference', [...path, 'reference'], `reference '${ref}' should be ${want}`);
  }
}

function checkTactic(rule: AttackSubject, m: AttackMapping, cat: AttackCatalogue, r: Reporter): void {
  if (!m.tactic?.id) return;
  const at = idPath(rule, m.tactic.path);
  const tac = cat.tactic(m.tactic.id);
  if (!tac) { r.add('attack/unknown-tactic', at, `${m.tactic.id} is not an ATT&CK ${cat.version} tactic`); return; }
  if (m.tactic.name !== undefined && m.tactic.name !== tac.name) r.add('attack/tactic-name-mismatch', [...m.tactic.path, 'name'], `${tac.id} is named '${tac.name}', not '${m.tactic.name}'`);
  if (rule.dialect === 'elastic') {
    const ref = str(lookup(rule.document, [...m.tactic.path, 'reference']));
    const u = ref === undefined ? null : TACTIC_URL.exec(ref);
    if (ref !== undefined && u?.[1] !== tac.id) r.add('attack/bad-reference', [...m.tactic.path, 'reference'], `reference '${ref}' should be https://attack.mitre.org/tactics/${tac.id}/`);
  }
}

/**
 * Tactic shortnames from ATT&CK releases after the bundled one, as current Sigma content uses them
 * (Defense Evasion was split into Stealth and Defense Impairment). Reported as newer, not wrong.
 */
const LATER_TACTICS: ReadonlySet<string> = new Set(['stealth', 'defense-impairment']);

/** Sigma tactic tags (read by the loader into `attackTags`): the tactic exists, by shortname. */
function checkTacticTags(rule: AttackSubject, cat: AttackCatalogue, r: Reporter): void {
  for (const tag of rule.attackTags ?? []) {
    const text = `attack.${tag.name}`;
    if (tag.kind === 'malformed-technique') { r.add('attack/bad-tag', tag.path, `'${text}' is not a technique tag (attack.tNNNN or attack.tNNNN.NNN)`); continue; }
    if (LATER_TACTICS.has(tag.name.toLowerCase().replace(/_/g, '-'))) {
      r.add('attack/newer-than-catalogue', tag.path, `tactic '${tag.name}' is not in the bundled ATT&CK ${cat.version}; it comes from a newer release`, 'run scripts/update-attack.ts with a newer bundle', 'warning');
      continue;
    }
    if (!cat.tacticByShortname(tag.name)) {
      r.add('attack/bad-tag', tag.path, `'${text}' names no ATT&CK tactic, technique, group or software`, `tactic tags use the tactic's shortname, e.g. attack.lateral-movement`);
    }
  }
}

export function checkAttack(rule: AttackSubject, cat: AttackCatalogue = attackCatalogue()): Diagnostic[] {
  const r = new Reporter(rule);
  for (const m of rule.attack) { checkTactic(rule, m, cat, r); checkTechnique(rule, m, cat, r); }
  checkTacticTags(rule, cat, r);
  // An Elastic threat may name only a tactic; the loader made no mapping for it, so check it here.
  if (rule.dialect === 'elastic') {
    const threats = lookup(rule.document, ['rule', 'threat']);
    (Array.isArray(threats) ? threats : []).forEach((t, i) => {
      const tech = lookup(t, ['technique']);
      const tac = lookup(t, ['tactic']);
      if ((Array.isArray(tech) && tech.length > 0) || tac === null || typeof tac !== 'object') return;
      const tactic = { id: str(lookup(tac, ['id'])), name: str(lookup(tac, ['name'])), path: ['rule', 'threat', i, 'tactic'] };
      checkTactic(rule, { tactic, technique: { id: '', path: [] } }, cat, r);
    });
  }
  return r.out;
}
