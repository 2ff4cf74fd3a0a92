/** GitHub workflow commands (`::error file=…,line=…,col=…,title=…::message`), escaped as GitHub requires. */

const property = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
const message = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export interface Annotation {
  readonly level: 'error' | 'warning';
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
  readonly title: string;
  readonly message: string;
}

export function annotation(a: Annotation): string {
  const at = a.file ? `file=${property(a.file)}${a.line ? `,line=${a.line}${a.col ? `,col=${a.col}` : ''}` : ''},` : '';
  return `::${a.level} ${at}title=${property(a.title)}::${message(a.message)}`;
}
