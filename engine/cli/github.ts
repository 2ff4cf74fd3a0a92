/** GitHub workflow commands: the one escaping lives in report/escape/github.ts (shared with reports). */
export { annotation, ghInert, type Annotation } from '../report/escape/github.ts';
