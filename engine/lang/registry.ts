/** Front-ends by the name users type (`--language eql`). CLI choices come from these keys. */
import type { Language } from '../rule/model.ts';
import type { FrontEnd } from './types.ts';
import { frontEnd as eql } from './eql/index.ts';
import { frontEnd as sigma } from './sigma/index.ts';
import { frontEnd as spl } from './spl/index.ts';
import { frontEnd as car } from './car/index.ts';
import { frontEnd as kuery } from './kuery/index.ts';

export const frontEnds: ReadonlyMap<Language, FrontEnd> = new Map<Language, FrontEnd>([
  ['eql', eql], ['kuery', kuery], ['sigma', sigma], ['spl', spl], ['car', car],
]);

export function frontEndFor(language: Language): FrontEnd | undefined {
  return frontEnds.get(language);
}
