/** The eql front-end. Placeholder until issue 5 lands: every compile says so. */
import type { CompileResult, FrontEnd } from '../types.ts';

const notBuilt = (file?: string): CompileResult => ({
  diagnostics: [{ code: 'eql/not-built', severity: 'error', message: 'the eql front-end is not built yet (issue 5)', file }],
});

export const frontEnd: FrontEnd = {
  language: 'eql',
  compileRule: (rule) => notBuilt(rule.file),
  compileText: (_text, origin) => notBuilt(origin),
};
