/** The car front-end. Placeholder until issue 6 lands: every compile says so. */
import type { CompileResult, FrontEnd } from '../types.ts';

const notBuilt = (file?: string): CompileResult => ({
  diagnostics: [{ code: 'car/not-built', severity: 'error', message: 'the car front-end is not built yet (issue 6)', file }],
});

export const frontEnd: FrontEnd = {
  language: 'car',
  compileRule: (rule) => notBuilt(rule.file),
  compileText: (_text, origin) => notBuilt(origin),
};
