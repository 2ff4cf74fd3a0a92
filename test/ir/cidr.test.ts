import { describe, expect, it } from 'vitest';
import { getFunction } from '../../engine/ir/functions/index.ts';

const cidrMatch = (...a: string[]) => getFunction('eql.cidrMatch')?.run(a, false);

describe('eql.cidrMatch', () => {
  it('matches IPv4 and IPv6 blocks, each family only its own', () => {
    expect(cidrMatch('10.0.1.22', '10.0.0.0/8')).toBe(true);
    expect(cidrMatch('192.168.1.1', '10.0.0.0/8', '192.168.0.0/16')).toBe(true);
    expect(cidrMatch('::1', '::1/128')).toBe(true);
    expect(cidrMatch('0:0:0:0:0:0:0:1', '::1/128')).toBe(true);
    expect(cidrMatch('fe80::abcd', 'fe80::/10')).toBe(true);
    expect(cidrMatch('10.0.0.1', '::/0')).toBe(false);
    expect(cidrMatch('::1', '0.0.0.0/0')).toBe(false);
    expect(cidrMatch('not an ip', '10.0.0.0/8')).toBe(false);
  });
});
