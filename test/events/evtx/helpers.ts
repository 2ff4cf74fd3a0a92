/** Shared helpers for the EVTX tests: feed bytes in odd-sized pieces, collect every item. */
import { readEvtx } from '../../../engine/events/evtx/index.ts';
import type { ReaderItem } from '../../../engine/events/types.ts';

export async function readAll(bytes: Uint8Array, file = 'test.evtx', piece = 7919): Promise<ReaderItem[]> {
  async function* pieces() {
    for (let i = 0; i < bytes.length; i += piece) yield bytes.subarray(i, i + piece);
  }
  const out: ReaderItem[] = [];
  for await (const it of readEvtx(file, pieces())) out.push(it);
  return out;
}

export function oks(items: readonly ReaderItem[]) {
  return items.flatMap((i) => (i.ok && i.record.kind === 'win' ? [i.record.win] : []));
}
export function errors(items: readonly ReaderItem[]) {
  return items.flatMap((i) => (i.ok ? [] : [i]));
}
