/** TCP header: ports, sequence number, flags and the payload's place in the frame. */
export const FIN = 0x01;
export const SYN = 0x02;
export const RST = 0x04;
export const ACK = 0x10;

export interface TcpHeader {
  readonly srcPort: number;
  readonly dstPort: number;
  readonly seq: number;
  readonly flags: number;
  /** Payload start/end as frame offsets. */
  readonly start: number;
  readonly end: number;
}

export function decodeTcp(d: Uint8Array, start: number, end: number): TcpHeader | string {
  if (end - start < 20) return `truncated TCP header (${end - start} bytes)`;
  const dataOffset = (d[start + 12]! >> 4) * 4;
  if (dataOffset < 20 || dataOffset > end - start) return `bad TCP data offset ${dataOffset}`;
  const seq = ((d[start + 4]! << 24) | (d[start + 5]! << 16) | (d[start + 6]! << 8) | d[start + 7]!) >>> 0;
  return {
    srcPort: (d[start]! << 8) | d[start + 1]!,
    dstPort: (d[start + 2]! << 8) | d[start + 3]!,
    seq,
    flags: d[start + 13]!,
    start: start + dataOffset,
    end,
  };
}
