/** EQL function names as users type them → registry names (Elasticsearch resolves them case-insensitively). */
const NAMES = ['add', 'between', 'cidrMatch', 'concat', 'divide', 'endsWith', 'indexOf', 'length', 'modulo', 'multiply', 'number', 'startsWith', 'string', 'stringContains', 'substring', 'subtract'];
const BY_LOWER = new Map(NAMES.map((n) => [n.toLowerCase(), n]));

export function canonicalFunction(name: string): string | undefined {
  return BY_LOWER.get(name.toLowerCase());
}

/** Functions only the Endgame dialect has (for pointed errors and the conformance exclusions). */
export const ENDGAME_FUNCTIONS = new Set(['arraycontains', 'arraysearch', 'arraycount', 'match', 'matchlite', 'safe', 'wildcard']);
