/**
 * A small parser for the regex subset Sigma rules use (PCRE-flavoured, JS-compatible), enough to
 * reason about backtracking: sequences, alternations, groups, quantifiers and atoms with their
 * possible first characters. It does not validate; `new RegExp` does that.
 */
import { table } from '../../source/own.ts';
export type RxNode =
  | { readonly kind: 'seq'; readonly items: RxNode[] }
  | { readonly kind: 'alt'; readonly branches: RxNode[] }
  | { readonly kind: 'group'; readonly body: RxNode }
  | { readonly kind: 'quant'; readonly atom: RxNode; readonly min: number; readonly max: number; readonly src: string; readonly start: number; readonly atomEnd: number }
  /** text: the atom's source; chars: the literal char it matches, or undefined for a class/dot. */
  | { readonly kind: 'atom'; readonly text: string; readonly char?: string; readonly anchor?: boolean; readonly backref?: boolean };

export class RxCursor {
  pos = 0;
  constructor(readonly src: string) {}
  peek(): string | undefined { return this.src[this.pos]; }
  next(): string { return this.src[this.pos++]; }
  done(): boolean { return this.pos >= this.src.length; }
}

const LITERAL_ESCAPES: Record<string, string> = table({ n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' });

function parseEscape(c: RxCursor): RxNode {
  const start = c.pos - 1;
  const e = c.next();
  if (e === undefined) return { kind: 'atom', text: '\\', char: '\\' };
  if (/[1-9]/.test(e)) return { kind: 'atom', text: `\\${e}`, backref: true };
  if (e === 'k' && c.peek() === '<') { while (!c.done() && c.next() !== '>'); return { kind: 'atom', text: c.src.slice(start, c.pos), backref: true }; }
  if ('bBAZz'.includes(e)) return { kind: 'atom', text: `\\${e}`, anchor: true };
  if ('dDwWsS'.includes(e)) return { kind: 'atom', text: `\\${e}` };
  if (e === 'x') { const h = c.src.slice(c.pos, c.pos + 2); c.pos += 2; return { kind: 'atom', text: `\\x${h}`, char: String.fromCharCode(parseInt(h, 16)) }; }
  if (e === 'u') { const h = c.src.slice(c.pos, c.pos + 4); c.pos += 4; return { kind: 'atom', text: `\\u${h}`, char: String.fromCharCode(parseInt(h, 16)) }; }
  if (e === 'p' || e === 'P') { if (c.peek() === '{') while (!c.done() && c.next() !== '}'); return { kind: 'atom', text: c.src.slice(start, c.pos) }; }
  return { kind: 'atom', text: `\\${e}`, char: LITERAL_ESCAPES[e] ?? e };
}

function parseClass(c: RxCursor): RxNode {
  const start = c.pos - 1;
  if (c.peek() === '^') c.next();
  if (c.peek() === ']') c.next();
  while (!c.done()) {
    const ch = c.next();
    if (ch === '\\') c.next();
    else if (ch === ']') break;
  }
  return { kind: 'atom', text: c.src.slice(start, c.pos) };
}

function parseQuant(c: RxCursor, atom: RxNode, atomStart: number): RxNode {
  const start = c.pos;
  const q = c.peek();
  let min: number; let max: number;
  if (q === '*') { c.next(); min = 0; max = Infinity; }
  else if (q === '+') { c.next(); min = 1; max = Infinity; }
  else if (q === '?') { c.next(); min = 0; max = 1; }
  else if (q === '{') {
    const m = /^\{(\d*)(,(\d*))?\}/.exec(c.src.slice(c.pos));
    if (!m || (m[1] === '' && m[3] === undefined)) return atom;
    c.pos += m[0].length;
    min = m[1] === '' ? 0 : Number(m[1]);
    max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
  } else return atom;
  if (c.peek() === '?' || c.peek() === '+') c.next(); // lazy / possessive: same language
  return { kind: 'quant', atom, min, max, src: c.src.slice(start, c.pos), start: atomStart, atomEnd: start };
}

function parseAlt(c: RxCursor): RxNode {
  const branches: RxNode[] = [parseSeq(c)];
  while (c.peek() === '|') { c.next(); branches.push(parseSeq(c)); }
  return branches.length === 1 ? branches[0] : { kind: 'alt', branches };
}

function parseSeq(c: RxCursor): RxNode {
  const items: RxNode[] = [];
  while (!c.done() && c.peek() !== '|' && c.peek() !== ')') {
    const atomStart = c.pos;
    const ch = c.next();
    let atom: RxNode;
    if (ch === '\\') atom = parseEscape(c);
    else if (ch === '[') atom = parseClass(c);
    else if (ch === '(') {
      if (c.peek() === '?') {
        c.next();
        const k = c.peek();
        if (k === ':' || k === '=' || k === '!' || k === '>') c.next();
        else if (k === '<' && (c.src[c.pos + 1] === '=' || c.src[c.pos + 1] === '!')) c.pos += 2;
        else if (k === '<' || k === 'P') { while (!c.done() && c.next() !== '>'); }
      }
      const body = parseAlt(c);
      if (c.peek() === ')') c.next();
      atom = { kind: 'group', body };
    } else if (ch === '.') atom = { kind: 'atom', text: '.' };
    else if (ch === '^' || ch === '$') atom = { kind: 'atom', text: ch, anchor: true };
    else atom = { kind: 'atom', text: ch, char: ch };
    items.push(parseQuant(c, atom, atomStart));
  }
  return items.length === 1 ? items[0] : { kind: 'seq', items };
}

export function parseRegex(src: string): RxNode {
  const c = new RxCursor(src);
  let node = parseAlt(c);
  // A stray ')' (invalid anyway): keep going so the analysis still sees the rest.
  while (!c.done()) { c.next(); node = { kind: 'seq', items: [node, parseAlt(c)] }; }
  return node;
}
