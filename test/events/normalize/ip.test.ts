import { describe, expect, it } from 'vitest';
import { canonicalIp, canonicalizeIps } from '../../../engine/events/normalize/ip.ts';

describe('canonicalIp (RFC 5952)', () => {
  it.each([
    ['0:0:0:0:0:0:0:1', '::1'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['FE80:0:0:0:0:0:0:1', 'fe80::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:0db8:0000:0000:0000:ff00:0042:8329', '2001:db8::ff00:42:8329'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['0:0:0:0:0:ffff:10.0.0.1', '::ffff:10.0.0.1'],
    ['fe80::1%12', 'fe80::1%12'],
    ['10.0.1.22', '10.0.1.22'],
    ['not:an:ip', 'not:an:ip'],
  ])('%s → %s', (raw, want) => expect(canonicalIp(raw)).toBe(want));

  it('rewrites only ECS ip fields', () => {
    const f = { 'source.ip': '0:0:0:0:0:0:0:1', 'related.ip': ['0:0:0:0:0:0:0:1', '10.0.0.1'], 'winlog.event_data.SourceIp': '0:0:0:0:0:0:0:1' };
    canonicalizeIps(f);
    expect(f).toEqual({ 'source.ip': '::1', 'related.ip': ['::1', '10.0.0.1'], 'winlog.event_data.SourceIp': '0:0:0:0:0:0:0:1' });
  });
});
