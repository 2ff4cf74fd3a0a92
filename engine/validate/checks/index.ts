/** The checks `validateRepo` runs, in report order. Add a check: write it beside these, list it here. */
import type { Diagnostic } from '../../diag/diagnostic.ts';
import { checkAttack } from '../../attack/check.ts';
import { checkSchema } from './schema.ts';
import { compileCheck } from './compile.ts';
import { duplicatesCheck } from './duplicates.ts';
import { escuCheck } from './escu.ts';
import { identityCheck } from './identity.ts';
import { sigmaKeysCheck } from './sigma-keys.ts';
import { testsDatasetsCheck } from './tests-datasets.ts';
import type { RuleCheck } from './types.ts';

const schemaCheck: RuleCheck = { name: 'schema', validate: (rule): Diagnostic[] => checkSchema(rule) };
const attackCheck: RuleCheck = { name: 'attack', validate: (rule): Diagnostic[] => checkAttack(rule) };

/** Fresh instances per run: cross-rule checks keep state until finalize. */
export function defaultChecks(): RuleCheck[] {
  return [schemaCheck, identityCheck, escuCheck, sigmaKeysCheck, attackCheck, testsDatasetsCheck, compileCheck, duplicatesCheck()];
}

export type { CheckContext, RuleCheck } from './types.ts';
