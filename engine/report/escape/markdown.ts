/**
 * Markdown (GitHub-flavoured) escaping for report.md: every untrusted value goes through one of
 * these, so a rule title, id or reason can never open a link, an image, raw HTML, a code span,
 * a heading or a new table cell (issue 15 item 3).
 *
 * Text: the punctuation that opens inline markup (emphasis, code, links, images, strikethrough,
 * tables, headings, math) is backslash-escaped, as are list/quote markers at the start of the
 * value; `&`, `<`, `>` become entities; line breaks and other control characters become spaces.
 * Plain punctuation (`-`, `.`, `:`, `/`) stays as is, so the raw file stays readable.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const PUNCT = /[!#$()*[\\\]`{|}~]/g;
/** `_` opens emphasis only at a word boundary (CommonMark): intraword `snake_case` stays as is. */
const UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
const LEADING = /^(\s*)([-+=>]|\d{1,9}[.)])/;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Inline text, safe in a paragraph, a heading, a list item or a table cell. */
export function mdText(s: string): string {
  // Leading blanks go: four of them open an indented code block in a list item.
  return s.replace(CONTROL, ' ').replace(/^[ \t]+/, '').replace(PUNCT, (c) => '\\' + c).replace(UNDERSCORE, '\\_').replace(/[&<>]/g, (c) => ENTITY[c]!)
    .replace(LEADING, (_m, sp: string, mark: string) => `${sp}${mark.slice(0, -1)}\\${mark.slice(-1)}`);
}

/**
 * A code span holding `s` verbatim: the fence is one backtick longer than the longest run inside,
 * padded when the content starts or ends with a backtick. Not for table cells (a `|` would end
 * the cell there); use mdText in tables.
 */
export function mdCode(s: string): string {
  const flat = s.replace(CONTROL, ' ');
  let longest = 0;
  for (const m of flat.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space from each end when both ends have one (and not all are spaces).
  const pad = flat.startsWith('`') || flat.endsWith('`') || /^ .*[^ ].* $/.test(flat) ? ' ' : '';
  return flat === '' ? '` `' : `${fence}${pad}${flat}${pad}${fence}`;
}

/** GitHub's step summary takes at most 1 MiB; report.md stays under this with a note when cut. */
export const MARKDOWN_MAX_BYTES = 1_000_000;

/**
 * Cuts `md` at a line boundary so the result (note included) fits in `maxBytes` UTF-8 bytes,
 * closing an open `<details>` so the rest of the page renders; unchanged when it fits.
 */
export function capMarkdown(md: string, maxBytes = MARKDOWN_MAX_BYTES, fullReport = 'report.json'): string {
  if (Buffer.byteLength(md, 'utf8') <= maxBytes) return md;
  const note = (shown: number, total: number) =>
    `\n\n> **Report cut**: ${shown} of ${total} lines shown to stay under ${maxBytes} bytes (GitHub's step-summary limit); the full results are in ${fullReport}.\n`;
  const lines = md.split('\n');
  const budget = maxBytes - Buffer.byteLength(note(lines.length, lines.length), 'utf8') - '\n</details>'.length - 16;
  let used = 0;
  let kept = 0;
  let open = 0;
  for (const line of lines) {
    const n = Buffer.byteLength(line, 'utf8') + 1;
    if (used + n > budget) break;
    used += n;
    kept++;
    if (line.startsWith('<details>')) open++;
    else if (line.startsWith('</details>')) open--;
  }
  const head = lines.slice(0, kept).join('\n');
  return head + (open > 0 ? '\n</details>'.repeat(open) : '') + note(kept, lines.length);
}
