/** SPL pipeline parser: splits at `|` and parses each command of the subset (see ast.ts). */
import type { Span } from '../../diag/diagnostic.ts';
import { AGG_NAMES, type Agg, type AggName, type Command, type FieldRef, type Pipeline } from './ast.ts';
import { Cursor, ParseError, describe, join, type SplParseCode } from './cursor.ts';
import { parseEval, parseSearch } from './expr-parser.ts';
import { lex, type Token } from './lexer.ts';
import { table } from '../../source/own.ts';

export interface SplSyntaxError { readonly code: SplParseCode | 'unbalanced-quotes'; readonly message: string; readonly span: Span }

export function parseSpl(text: string): { pipeline?: Pipeline; errors: SplSyntaxError[] } {
  const { tokens, errors: lexErrors } = lex(text);
  if (lexErrors.length) return { errors: lexErrors.map((e) => ({ ...e })) };
  const c = new Cursor(tokens);
  const commands: Command[] = [];
  const errors: SplSyntaxError[] = [];
  let first = true;
  while (!c.at('eof')) {
    const leadingPipe = c.at('pipe');
    if (leadingPipe) c.next();
    try {
      commands.push(parseCommand(c, first && !leadingPipe));
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      errors.push({ code: e.code, message: e.message, span: e.span });
      while (!c.atEnd()) c.next(); // resume at the next command
    }
    if (!c.atEnd()) {
      const t = c.peek();
      errors.push({ code: 'syntax', message: `unexpected ${describe(t)} in this command`, span: t.span });
      while (!c.atEnd()) c.next();
    }
    first = false;
  }
  return errors.length ? { errors } : { pipeline: { commands }, errors };
}

const COMMANDS: Readonly<Record<string, (c: Cursor, start: Token) => Command>> = table({
  search: (c, s) => { const expr = parseSearch(c); return { kind: 'search', expr, span: join(s.span, expr?.span ?? s.span) }; },
  tstats: parseTstats,
  stats: (c, s) => {
    const aggs = parseAggs(c, 'stats');
    const by = c.atWord('by') ? (c.next(), parseFieldList(c)) : [];
    return { kind: 'stats', aggs, by, span: spanTo(s, c) };
  },
  where: (c, s) => ({ kind: 'where', expr: parseEval(c), span: spanTo(s, c) }),
  eval: (c, s) => {
    const assignments: { name: string; expr: ReturnType<typeof parseEval>; span: Span }[] = [];
    do {
      if (c.at('comma')) c.next();
      const name = fieldToken(c, 'a field name to assign');
      const eq = c.peek();
      if (!(eq.kind === 'op' && eq.text === '=')) throw new ParseError('syntax', `expected \`=\` after \`${name.name}\` in eval, found ${describe(eq)}`, eq.span);
      c.next();
      const expr = parseEval(c);
      assignments.push({ name: name.name, expr, span: join(name.span, expr.span) });
    } while (c.at('comma'));
    return { kind: 'eval', assignments, span: spanTo(s, c) };
  },
  rename: (c, s) => {
    const pairs: { from: string; to: string; span: Span }[] = [];
    while (!c.atEnd()) {
      if (c.at('comma')) { c.next(); continue; }
      const from = fieldToken(c, 'a field to rename');
      if (!c.atWord('as')) throw new ParseError('syntax', `expected \`AS\` after \`${from.name}\` in rename, found ${describe(c.peek())}`, c.peek().span);
      c.next();
      const to = fieldToken(c, 'the new field name');
      if (from.name.split('*').length !== to.name.split('*').length) {
        throw new ParseError('syntax', 'rename: both sides must have the same number of `*`', join(from.span, to.span));
      }
      pairs.push({ from: from.name, to: to.name, span: join(from.span, to.span) });
    }
    if (!pairs.length) throw new ParseError('syntax', 'rename needs at least one `field AS new_name`', s.span);
    return { kind: 'rename', pairs, span: spanTo(s, c) };
  },
  table: (c, s) => ({ kind: 'table', fields: parseFieldList(c), span: spanTo(s, c) }),
  fields: (c, s) => {
    let remove = false;
    if (c.at('word', '-') || c.at('word', '+')) remove = c.next().text === '-';
    return { kind: 'fields', remove, fields: parseFieldList(c), span: spanTo(s, c) };
  },
  dedup: (c, s) => {
    const fields = parseFieldList(c);
    if (!fields.length) throw new ParseError('syntax', 'dedup needs at least one field', s.span);
    return { kind: 'dedup', fields, span: spanTo(s, c) };
  },
  convert: parseConvert,
  head: (c, s) => ({ kind: 'head', n: countArg(c), span: spanTo(s, c) }),
  tail: (c, s) => ({ kind: 'tail', n: countArg(c), span: spanTo(s, c) }),
  sort: (c, s) => {
    const keys: { field: FieldRef; desc: boolean }[] = [];
    while (!c.atEnd()) {
      if (c.at('comma')) { c.next(); continue; }
      // `sort - count` and `sort -count` both mean descending.
      const sign = c.at('word', '-') || c.at('word', '+') ? c.next().text : '';
      const t = fieldToken(c, 'a sort field');
      const desc = sign === '-' || t.name.startsWith('-');
      const name = t.name.replace(/^[-+]/, '');
      keys.push({ field: { name, span: t.span }, desc });
    }
    return { kind: 'sort', keys, span: spanTo(s, c) };
  },
});

function parseCommand(c: Cursor, implicitSearch: boolean): Command {
  const start = c.peek();
  if (implicitSearch && !(start.kind === 'word' && start.text.toLowerCase() === 'search')) {
    const expr = parseSearch(c);
    return { kind: 'search', expr, span: expr?.span ?? start.span };
  }
  if (start.kind !== 'word') throw new ParseError('syntax', `expected a command name, found ${describe(start)}`, start.span);
  const parse = COMMANDS[start.text.toLowerCase()];
  if (!parse) {
    throw new ParseError('unknown-command', `unknown or unsupported command \`${start.text}\` (supported: ${Object.keys(COMMANDS).join(', ')})`, start.span);
  }
  c.next();
  return parse(c, start);
}

function parseTstats(c: Cursor, s: Token): Command {
  const options = new Map<string, string>();
  while (c.peek().kind === 'word' && c.peek(1).kind === 'op' && c.peek(1).text === '=') {
    const k = c.next();
    c.next();
    const v = c.next();
    if (v.kind !== 'word' && v.kind !== 'string') throw new ParseError('bad-tstats', `tstats option \`${k.text}\` needs a value`, v.span);
    options.set(k.text.toLowerCase(), v.text);
  }
  const aggs = parseAggs(c, 'tstats');
  if (!c.atWord('from')) throw new ParseError('bad-tstats', `tstats: expected \`from datamodel=<Model>.<Dataset>\`, found ${describe(c.peek())}`, c.peek().span);
  c.next();
  const dmKey = c.peek();
  if (!(c.atWord('datamodel') && c.peek(1).kind === 'op' && c.peek(1).text === '=')) {
    throw new ParseError('bad-tstats', `tstats: expected \`datamodel=<Model>.<Dataset>\` after from, found ${describe(dmKey)}`, dmKey.span);
  }
  c.next(); c.next();
  const dm = c.next();
  const m = /^([A-Za-z_][\w]*)\.([A-Za-z_][\w]*)$/.exec(dm.text);
  if ((dm.kind !== 'word' && dm.kind !== 'string') || !m) {
    throw new ParseError('bad-tstats', `tstats: the data model must be written <Model>.<Dataset> (e.g. Endpoint.Processes), found ${describe(dm)}`, dm.span);
  }
  let where;
  if (c.atWord('where')) {
    const w = c.next();
    where = parseSearch(c, new Set(['by']));
    if (!where) throw new ParseError('bad-tstats', 'tstats: `where` has no conditions', w.span);
  }
  let by: FieldRef[] = [];
  if (c.atWord('by')) {
    const b = c.next();
    by = parseFieldList(c);
    if (!by.length) throw new ParseError('bad-tstats', 'tstats: `by` names no fields', b.span);
  }
  return { kind: 'tstats', options, aggs, model: m[1]!, dataset: m[2]!, modelSpan: dm.span, where, by, span: spanTo(s, c) };
}

function parseAggs(c: Cursor, cmd: 'stats' | 'tstats'): Agg[] {
  const aggs: Agg[] = [];
  const code: SplParseCode = cmd === 'tstats' ? 'bad-tstats' : 'syntax';
  while (!c.atEnd() && !c.atWord('by') && !c.atWord('from')) {
    if (c.at('comma')) { c.next(); continue; }
    const t = c.next();
    const fn = t.text.toLowerCase();
    if (t.kind !== 'word' || !AGG_NAMES.has(fn)) {
      throw new ParseError(code, `${cmd}: expected an aggregation (${[...AGG_NAMES].join(', ')}), found ${describe(t)}`, t.span);
    }
    let arg: FieldRef | undefined;
    let end = t.span;
    if (c.at('lparen')) {
      c.next();
      if (!c.at('rparen')) arg = fieldToken(c, `the field of ${fn}()`);
      end = c.expect('rparen', `\`)\` to close ${fn}(`, code).span;
    } else if (fn !== 'count') {
      throw new ParseError(code, `${cmd}: ${fn} needs a field: ${fn}(<field>)`, t.span);
    }
    let as = arg ? `${fn}(${arg.name})` : fn;
    if (c.atWord('as')) { c.next(); const a = fieldToken(c, 'a column name after AS'); as = a.name; end = a.span; }
    aggs.push({ fn: fn as AggName, arg, as, span: join(t.span, end) });
  }
  if (!aggs.length) throw new ParseError(code, `${cmd} needs at least one aggregation (e.g. count)`, c.peek().span);
  return aggs;
}

function parseConvert(c: Cursor, s: Token): Command {
  let timeformat = '%m/%d/%Y %H:%M:%S'; // Splunk's default for convert
  const conversions: { fn: 'ctime'; field: FieldRef; as?: string; span: Span }[] = [];
  while (!c.atEnd()) {
    if (c.at('comma')) { c.next(); continue; }
    const t = c.next();
    if (t.kind === 'word' && t.text.toLowerCase() === 'timeformat' && c.at('op', '=')) {
      c.next();
      timeformat = c.next().text;
      continue;
    }
    if (t.kind !== 'word' || !c.at('lparen')) throw new ParseError('syntax', `convert: expected timeformat=… or ctime(<field>), found ${describe(t)}`, t.span);
    if (t.text.toLowerCase() !== 'ctime') throw new ParseError('unsupported', `convert: only ctime() is supported, not ${t.text}()`, t.span);
    c.next();
    const field = fieldToken(c, 'a field in ctime()');
    let end = c.expect('rparen', '`)`').span;
    let as: string | undefined;
    if (c.atWord('as')) { c.next(); const a = fieldToken(c, 'a field after AS'); as = a.name; end = a.span; }
    conversions.push({ fn: 'ctime', field, as, span: join(t.span, end) });
  }
  if (!conversions.length) throw new ParseError('syntax', 'convert needs a conversion such as ctime(<field>)', s.span);
  return { kind: 'convert', timeformat, conversions, span: spanTo(s, c) };
}

function fieldToken(c: Cursor, what: string): FieldRef {
  const t = c.peek();
  if (t.kind !== 'word' && t.kind !== 'string') throw new ParseError('syntax', `expected ${what}, found ${describe(t)}`, t.span);
  c.next();
  return { name: t.text, span: t.span };
}

function parseFieldList(c: Cursor): FieldRef[] {
  const out: FieldRef[] = [];
  while (!c.atEnd()) {
    if (c.at('comma')) { c.next(); continue; }
    out.push(fieldToken(c, 'a field name'));
  }
  return out;
}

function countArg(c: Cursor): number {
  if (c.atEnd()) return 10; // Splunk's default for head/tail
  const t = c.next();
  if (!/^\d+$/.test(t.text)) throw new ParseError('syntax', `expected a count, found ${describe(t)}`, t.span);
  return Number(t.text);
}

function spanTo(s: Token, c: Cursor): Span {
  return { start: s.span.start, end: Math.max(s.span.end, c.peek().span.start) };
}
