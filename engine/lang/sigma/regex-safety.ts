/** Moved to ir/regex/safety.ts: one backtracking analysis for every language (issue 15 item 6). */
export { checkRegex, regexHazard, type RegexCheck } from '../../ir/regex/safety.ts';
