import { describe, expect, it } from 'vitest';
import { TcpDirection, type StreamChunk } from '../../../engine/events/pcap/tcp-reassembly.ts';

const meta = (packet: number) => ({ packet, tsMs: packet, fileOffset: packet * 100 });
const bytes = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
const text = (cs: readonly StreamChunk[]): string => cs.map((c) => Buffer.from(c.data).toString('latin1')).join('');

describe('TCP reassembly (one direction)', () => {
  it('delivers in-order segments after the SYN', () => {
    const d = new TcpDirection();
    d.syn(999);
    expect(text(d.accept(1000, bytes('abc'), meta(1)).chunks)).toBe('abc');
    expect(text(d.accept(1003, bytes('def'), meta(2)).chunks)).toBe('def');
  });

  it('holds early segments until the gap fills, then delivers in order', () => {
    const d = new TcpDirection();
    d.syn(0);
    expect(d.accept(4, bytes('def'), meta(2)).chunks).toEqual([]);
    expect(d.accept(7, bytes('ghi'), meta(3)).chunks).toEqual([]);
    const r = d.accept(1, bytes('abc'), meta(1));
    expect(text(r.chunks)).toBe('abcdefghi');
    expect(r.chunks.map((c) => c.meta.packet)).toEqual([1, 2, 3]);
  });

  it('drops retransmissions and trims overlaps (keeping file offsets right)', () => {
    const d = new TcpDirection();
    d.syn(0);
    d.accept(1, bytes('abcd'), meta(1));
    expect(d.accept(1, bytes('abcd'), meta(2)).chunks).toEqual([]);
    const r = d.accept(3, bytes('cdEF'), meta(3));
    expect(text(r.chunks)).toBe('EF');
    expect(r.chunks[0]!.meta.fileOffset).toBe(302);
  });

  it('handles sequence numbers wrapping past 2^32', () => {
    const d = new TcpDirection();
    d.syn(0xfffffffd);
    const a = d.accept(0xfffffffe, bytes('ab'), meta(1));
    const b = d.accept(0, bytes('cd'), meta(2));
    expect(text([...a.chunks, ...b.chunks])).toBe('abcd');
  });

  it('starts mid-stream when the capture missed the SYN', () => {
    const d = new TcpDirection();
    expect(text(d.accept(5000, bytes('xy'), meta(1)).chunks)).toBe('xy');
  });

  it('reports a gap never filled at flush, located at the segment after it, and marks the resume', () => {
    const d = new TcpDirection();
    d.syn(0);
    d.accept(1, bytes('ab'), meta(1));
    d.accept(10, bytes('zz'), meta(4));
    const r = d.flush();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ packet: 4, offset: 400 });
    expect(r.issues[0]!.reason).toMatch(/7 bytes before this segment/);
    expect(r.chunks[0]!.afterGap).toBe(true);
    expect(text(r.chunks)).toBe('zz');
  });
});
