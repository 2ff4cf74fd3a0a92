/**
 * Front-ends by the name users type (`--language eql`). CLI choices come from these keys. Every
 * front-end's IR leaves through here in canonical form (ir/canonical.ts), so no caller sees a
 * front-end's own spelling of and/or nesting, constants or duplicate values.
 */
import { canonicalQuery } from '../ir/canonical.ts';
import type { Language } from '../rule/model.ts';
import type { CompileResult, FrontEnd } from './types.ts';
import { guardFrontEnd } from './guard.ts';
import { frontEnd as eql } from './eql/index.ts';
import { frontEnd as sigma } from './sigma/index.ts';
import { frontEnd as spl } from './spl/index.ts';
import { frontEnd as car } from './car/index.ts';
import { frontEnd as kuery } from './kuery/index.ts';

const canonical = (r: CompileResult): CompileResult => (r.query ? { ...r, query: canonicalQuery(r.query) } : r);

/** The front-end with its output canonicalised. */
export function canonicalising(fe: FrontEnd): FrontEnd {
  return {
    ...fe,
    compileRule: (rule, env) => canonical(fe.compileRule(rule, env)),
    compileText: (text, origin, env) => canonical(fe.compileText(text, origin, env)),
  };
}

/** Each also wrapped by guardFrontEnd (lang/guard.ts): nesting limit, and a throw is that rule's error (issue 15 item 4). */
export const frontEnds: ReadonlyMap<Language, FrontEnd> = new Map<Language, FrontEnd>(
  ([['eql', eql], ['kuery', kuery], ['sigma', sigma], ['spl', spl], ['car', car]] as const).map(([k, fe]) => [k, guardFrontEnd(canonicalising(fe))]),
);

export function frontEndFor(language: Language): FrontEnd | undefined {
  return frontEnds.get(language);
}
