/**
 * Kusto (Sentinel KQL) escaping, for the export back-end to use for every column name and string
 * (issue 15 item 2).
 */

/** A string literal: double-quoted with `\\`, `\"` and control characters escaped. */
export function kqlString(s: string): string {
  return `"${s.replace(/[\\"\u0000-\u001f\u2028\u2029]/g, (c) => (c === '\\' ? '\\\\' : c === '"' ? '\\"' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))}"`;
}

/**
 * A column name. Plain identifiers (letters, digits, `_`, not starting with a digit) print as is;
 * anything else is bracketed `['…']`, whose content follows string-literal rules, so a field
 * named ``x) or true or tostring(x`` stays one column name.
 */
export function kqlIdentifier(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return name;
  return `['${name.replace(/[\\'\u0000-\u001f\u2028\u2029]/g, (c) => (c === '\\' ? '\\\\' : c === "'" ? "\\'" : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))}']`;
}
