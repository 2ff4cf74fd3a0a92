/**
 * GitHub workflow commands (`::error file=…,line=…,title=…::message`) and the text printed
 * around them. Properties escape `% \r \n : ,`; the message escapes `% \r \n`, as the runner
 * decodes them, so no value can end its command or start another (issue 15 item 3).
 *
 * Human-readable text printed in a workflow log goes between `::stop-commands::TOKEN` and
 * `::TOKEN::`, so a rule titled `::error::…` or `::stop-commands::` prints as text. The token is
 * a hash of the text it guards: deterministic, and no text can contain its own resume token.
 */
import { createHash } from 'node:crypto';

export const ghProperty = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
export const ghMessage = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export interface Annotation {
  readonly level: 'error' | 'warning' | 'notice';
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
  readonly title: string;
  readonly message: string;
}

export function annotation(a: Annotation): string {
  const at = a.file ? `file=${ghProperty(a.file)}${a.line ? `,line=${a.line}${a.col ? `,col=${a.col}` : ''}` : ''},` : '';
  return `::${a.level} ${at}title=${ghProperty(a.title)}::${ghMessage(a.message)}`;
}

/** `text` with workflow commands switched off around it. */
export function ghInert(text: string): string {
  if (text === '') return '';
  const token = createHash('sha256').update(text).digest('hex').slice(0, 32);
  return `::stop-commands::${token}\n${text}${text.endsWith('\n') ? '' : '\n'}::${token}::\n`;
}
