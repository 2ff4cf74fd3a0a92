/** Front-ends by the name users type (`--language eql`). CLI choices come from these keys. */
import type { Language } from '../rule/model.ts';
import type { FrontEnd } from './types.ts';
import { guardFrontEnd } from './guard.ts';
import { frontEnd as eql } from './eql/index.ts';
import { frontEnd as sigma } from './sigma/index.ts';
import { frontEnd as spl } from './spl/index.ts';
import { frontEnd as car } from './car/index.ts';

/** Each wrapped by guardFrontEnd: nesting limit, and a throw is that rule's error (issue 15 item 4). */
export const frontEnds: ReadonlyMap<Language, FrontEnd> = new Map<Language, FrontEnd>(
  ([['eql', eql], ['sigma', sigma], ['spl', spl], ['car', car]] as const).map(([k, fe]) => [k, guardFrontEnd(fe)]),
);

export function frontEndFor(language: Language): FrontEnd | undefined {
  return frontEnds.get(language);
}
