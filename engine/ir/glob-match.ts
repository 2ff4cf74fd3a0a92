/**
 * Glob matching without regexes or backtracking, shared by the runtime's wildcard predicates and
 * SPL's like() (issue 15 item 6).
 */
import type { GlobPart } from './types.ts';

/**
 * A segment between stars: literal text where `?` positions (one code unit, any) are `null`.
 * Kept as a string plus a mask so the common all-literal segment is one indexOf.
 */
interface Segment { readonly text: string; readonly any: readonly boolean[] | undefined }

function segmentAt(s: string, seg: Segment, i: number): boolean {
  const { text, any } = seg;
  if (!any) return s.startsWith(text, i);
  if (i + text.length > s.length) return false;
  for (let k = 0; k < text.length; k++) if (!any[k] && s.charCodeAt(i + k) !== text.charCodeAt(k)) return false;
  return true;
}

function findSegment(s: string, seg: Segment, from: number): number {
  if (!seg.any) return s.indexOf(seg.text, from);
  for (let i = from; i + seg.text.length <= s.length; i++) if (segmentAt(s, seg, i)) return i;
  return -1;
}

/**
 * The general glob: no regex, no backtracking (issue 15 item 6: `*a*a*a*a*a*a*a*b` compiled to
 * `[\s\S]*` regexes took seconds per value). With the pattern cut at its stars into segments,
 * the first segment must start the value, the last must end it, and each middle one is matched
 * at its leftmost place after the previous: leftmost is always safe for `*`, so one pass
 * decides, in O(value × pattern) at worst.
 */
export function globTest(parts: readonly GlobPart[]): (s: string) => boolean {
  const segs: Segment[] = [];
  let text = '';
  let any: boolean[] = [];
  let hasAny = false;
  const close = () => { segs.push({ text, any: hasAny ? any : undefined }); text = ''; any = []; hasAny = false; };
  for (const p of parts) {
    if (p.kind === 'star') { close(); continue; }
    if (p.kind === 'one') { text += '?'; any.push(true); hasAny = true; continue; }
    text += p.text;
    for (let k = 0; k < p.text.length; k++) any.push(false);
  }
  close();
  if (segs.length === 1) { const only = segs[0]!; return (s) => s.length === only.text.length && segmentAt(s, only, 0); }
  const head = segs[0]!;
  const tail = segs[segs.length - 1]!;
  const middle = segs.slice(1, -1);
  const minLen = segs.reduce((n, g) => n + g.text.length, 0);
  return (s) => {
    if (s.length < minLen || !segmentAt(s, head, 0)) return false;
    const end = s.length - tail.text.length;
    if (!segmentAt(s, tail, end)) return false;
    let at = head.text.length;
    for (const seg of middle) {
      const i = findSegment(s, seg, at);
      if (i < 0 || i + seg.text.length > end) return false;
      at = i + seg.text.length;
    }
    return true;
  };
}

