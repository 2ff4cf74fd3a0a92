/**
 * The Sigma value modifiers, keyed by the name users type (`field|contains|all`). Each has a role:
 * transforms rewrite values (in chain order), one match modifier says how a value compares, flags
 * adjust the comparison. `planChain` checks a chain against the specification's rules and returns
 * the plan detection-item.ts follows, or the reason the chain is invalid.
 *
 * Adding a modifier: add it to MODIFIERS with its role; a transform also needs a case in
 * value-transforms.ts, a match modifier a case in detection-item.ts.
 */
export type ModifierRole = 'transform' | 'encoding' | 'match' | 'flag' | 'regex-flag';

export interface ModifierDef {
  readonly name: string;
  readonly role: ModifierRole;
  /** Match modifiers that take no string transforms before them (regex, cidr, numbers …). */
  readonly rawValue?: boolean;
  readonly summary: string;
}

const defs: ModifierDef[] = [
  { name: 'contains', role: 'match', summary: 'value anywhere in the field' },
  { name: 'startswith', role: 'match', summary: 'field starts with value' },
  { name: 'endswith', role: 'match', summary: 'field ends with value' },
  { name: 're', role: 'match', rawValue: true, summary: 'regular expression, unanchored' },
  { name: 'cidr', role: 'match', rawValue: true, summary: 'IP address in network' },
  { name: 'exists', role: 'match', rawValue: true, summary: 'field present (true) or absent (false)' },
  { name: 'fieldref', role: 'match', rawValue: true, summary: 'equal to another field of the event' },
  { name: 'gt', role: 'match', rawValue: true, summary: 'numerically greater than' },
  { name: 'gte', role: 'match', rawValue: true, summary: 'numerically greater or equal' },
  { name: 'lt', role: 'match', rawValue: true, summary: 'numerically less than' },
  { name: 'lte', role: 'match', rawValue: true, summary: 'numerically less or equal' },
  { name: 'all', role: 'flag', summary: 'every value must match (AND instead of OR)' },
  { name: 'cased', role: 'flag', summary: 'case-sensitive match' },
  { name: 'i', role: 'regex-flag', summary: 're: case-insensitive' },
  { name: 'm', role: 'regex-flag', summary: 're: multi-line' },
  { name: 's', role: 'regex-flag', summary: 're: dot matches newline' },
  { name: 'base64', role: 'transform', summary: 'base64-encode the value' },
  { name: 'base64offset', role: 'transform', summary: 'base64 at the three byte offsets (needs contains)' },
  { name: 'utf16le', role: 'encoding', summary: 'UTF-16LE bytes (before base64*)' },
  { name: 'utf16be', role: 'encoding', summary: 'UTF-16BE bytes (before base64*)' },
  { name: 'utf16', role: 'encoding', summary: 'UTF-16 with BOM (before base64*)' },
  { name: 'wide', role: 'encoding', summary: 'alias of utf16le' },
  { name: 'windash', role: 'transform', summary: 'flag dashes as - / – — ―' },
  { name: 'expand', role: 'transform', summary: '%placeholder% values from configuration' },
];

export const MODIFIERS: ReadonlyMap<string, ModifierDef> = (() => {
  const m = new Map<string, ModifierDef>();
  for (const d of defs) {
    if (m.has(d.name)) throw new Error(`duplicate Sigma modifier ${d.name}`);
    m.set(d.name, d);
  }
  return m;
})();

export interface ModifierPlan {
  /** Transforms and encodings in chain order. */
  readonly transforms: readonly string[];
  readonly match?: string;
  readonly all: boolean;
  readonly cased: boolean;
  readonly reFlags: ReadonlySet<string>;
}

/** Checks a modifier chain; returns the plan or a message naming the broken rule. */
export function planChain(chain: readonly string[]): ModifierPlan | { readonly error: string; readonly unknown?: string } {
  const transforms: string[] = [];
  let match: string | undefined;
  let all = false;
  let cased = false;
  const reFlags = new Set<string>();
  const seen = new Set<string>();
  for (const name of chain) {
    const def = MODIFIERS.get(name);
    if (!def) return { error: `unknown modifier '${name}'`, unknown: name };
    if (seen.has(name)) return { error: `modifier '${name}' appears twice` };
    seen.add(name);
    switch (def.role) {
      case 'match':
        if (match) return { error: `'${name}' cannot follow '${match}': a value has one comparison` };
        if (def.rawValue && transforms.length) return { error: `'${name}' cannot follow the transformation '${transforms[transforms.length - 1]}'` };
        match = name;
        break;
      case 'regex-flag':
        if (match !== 're') return { error: `'${name}' is a regular-expression flag: it must follow 're'` };
        reFlags.add(name);
        break;
      case 'flag':
        if (name === 'all') all = true; else cased = true;
        break;
      case 'transform': case 'encoding':
        // windash and expand rewrite text, so they commute with the wildcards contains & co add
        // (SigmaHQ writes `contains|windash`); encodings would encode those wildcards.
        if (match && (MODIFIERS.get(match)?.rawValue || (name !== 'windash' && name !== 'expand'))) {
          return { error: `the transformation '${name}' must come before '${match}'` };
        }
        transforms.push(name);
        break;
    }
  }
  // An encoding yields bytes, which only a base64 transform can turn back into text.
  for (let i = 0; i < transforms.length; i++) {
    const def = MODIFIERS.get(transforms[i]);
    if (def?.role === 'encoding' && !transforms.slice(i + 1).some((t) => t === 'base64' || t === 'base64offset')) {
      return { error: `'${transforms[i]}' must be followed by 'base64' or 'base64offset'` };
    }
  }
  if (transforms.includes('base64offset') && match !== 'contains') return { error: `'base64offset' must be followed by 'contains' (the encoded fragment sits inside a longer value)` };
  if (cased && match && MODIFIERS.get(match)?.rawValue && match !== 'fieldref') return { error: `'cased' does not apply to '${match}'` };
  if (all && match === 'exists') return { error: `'all' does not apply to 'exists'` };
  return { transforms, ...(match ? { match } : {}), all, cased, reFlags };
}
