/** Moved to ir/regex/parse.ts (shared by every language's regex check). */
export { parseRegex, RxCursor, type RxNode } from '../../ir/regex/parse.ts';
