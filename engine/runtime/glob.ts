/**
 * Compiles IR globs once into the cheapest test: equality, prefix, suffix, substring, or a regex
 * for the general case. Matching is on whole strings; `*` spans newlines.
 */
import type { Glob } from '../ir/types.ts';

export type StringTest = (s: string) => boolean;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function compileGlob(glob: Glob, ci: boolean): StringTest {
  const parts = glob.map((p) => (p.kind === 'lit' ? { ...p, text: ci ? p.text.toLowerCase() : p.text } : p));
  const lits = parts.filter((p) => p.kind === 'lit');
  const stars = parts.filter((p) => p.kind === 'star').length;
  const ones = parts.length - lits.length - stars;
  const norm = ci ? (s: string) => s.toLowerCase() : (s: string) => s;
  if (ones === 0 && lits.length <= 1) {
    const lit = lits.length ? (lits[0] as { text: string }).text : '';
    const first = parts[0]?.kind;
    const last = parts[parts.length - 1]?.kind;
    if (stars === 0) return (s) => norm(s) === lit;
    if (lits.length === 0) return () => true;
    if (first === 'star' && last === 'star') return (s) => norm(s).includes(lit);
    if (first === 'star') return (s) => norm(s).endsWith(lit);
    if (last === 'star') return (s) => norm(s).startsWith(lit);
  }
  let src = '^';
  for (const p of parts) src += p.kind === 'lit' ? escapeRegex(p.text) : p.kind === 'star' ? '[\\s\\S]*' : '[\\s\\S]';
  const re = new RegExp(src + '$', ci ? 'i' : '');
  return (s) => re.test(s);
}
