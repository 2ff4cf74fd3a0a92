/** The sigma front-end. Placeholder until issue 10 lands: every compile says so. */
import type { CompileResult, FrontEnd } from '../types.ts';

const notBuilt = (file?: string): CompileResult => ({
  diagnostics: [{ code: 'sigma/not-built', severity: 'error', message: 'the sigma front-end is not built yet (issue 10)', file }],
});

export const frontEnd: FrontEnd = {
  language: 'sigma',
  compileRule: (rule) => notBuilt(rule.file),
  compileText: (_text, origin) => notBuilt(origin),
};
