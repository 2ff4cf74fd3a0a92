/**
 * The ATT&CK side of a rule, as the checks read it: each technique a rule maps to (with the tactic
 * and parent it names), and the narrow view of a rule the checks need. The Rule model uses these
 * types; attack/ knows nothing of rules beyond them.
 */
import type { KeyPath, Locator } from '../source/locator.ts';

export interface AttackMapping {
  /** The tactic the file pairs with this technique, when the dialect says (Elastic threat, CAR coverage). */
  readonly tactic?: { readonly id?: string; readonly name?: string; readonly path: KeyPath };
  /** Technique or sub-technique id as written (T1053 or T1053.005), with its name when given. */
  readonly technique: { readonly id: string; readonly name?: string; readonly path: KeyPath };
  /** The technique this one is nested under in the file (Elastic `subtechnique`, CAR `subtechniques`). */
  readonly parent?: { readonly id: string; readonly path: KeyPath };
}

/**
 * An `attack.*` tag that names no technique and no group/software (Sigma): a tactic by shortname
 * (`attack.lateral-movement`, `attack.lateral_movement`), or a malformed technique (`attack.t12`).
 * `name` is the part after `attack.`, as written.
 */
export interface AttackTag { readonly kind: 'tactic' | 'malformed-technique'; readonly name: string; readonly path: KeyPath }

/** What the ATT&CK checks read of a rule. */
export interface AttackSubject {
  readonly file: string;
  /** Empty when the rule has no id yet. */
  readonly id: string;
  /** Elastic nests ids and references in objects; Sigma also names tactics in `tags`. */
  readonly dialect: string;
  readonly document: Readonly<Record<string, unknown>>;
  readonly attack: readonly AttackMapping[];
  readonly attackTags?: readonly AttackTag[];
  readonly locate: Locator;
}
