/**
 * XML 1.0 text and attribute escaping (junit.xml). Markup characters become entities; characters
 * XML 1.0 does not allow at all — C0 controls other than tab/LF/CR, lone surrogates, U+FFFE and
 * U+FFFF — become U+FFFD, so the document stays well-formed whatever a rule says (issue 15
 * item 3). Tab, LF and CR are written as character references so attribute values and text keep
 * them through a parser's whitespace and line-end normalisation.
 */
const REF: Readonly<Record<string, string>> = {
  '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;',
};

/** Replaces every code point outside XML 1.0's Char production with U+FFFD. */
export function xmlChars(s: string): string {
  // Lone surrogates: a high not followed by a low, or a low not preceded by a high.
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Text or attribute content (the same escaping serves both). */
export function xmlEscape(s: string): string {
  return xmlChars(s).replace(/[<>&"'\t\n\r]/g, (c) => REF[c]!);
}
