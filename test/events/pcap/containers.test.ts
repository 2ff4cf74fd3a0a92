import { describe, expect, it } from 'vitest';
import { writePcap, writePcapng, type Packet } from '../../../scripts/captures/net.ts';
import { bind, request, windowsContexts } from '../../../scripts/captures/rpc-pdus.ts';
import { conversation, readBytes, records, rejections, T0 } from './helpers.ts';

const TSCH = '86d35949-83c9-4044-b424-db363231fd0c';

function sample(vlan?: number): Packet[] {
  const c = conversation(undefined, undefined, vlan);
  let t = c.handshake(T0 + 123_456);
  t = c.send(t, true, bind(1, windowsContexts(TSCH, [1, 0])));
  c.send(t + 1000, true, request(2, 0, 1, new Uint8Array(32)));
  return c.packets;
}

const expectTwo = (rs: ReturnType<typeof records>): void => {
  expect(rs.map((r) => [r.packetType, r.interfaceName, r.operation])).toEqual([
    ['bind', 'ITaskSchedulerService', undefined], ['request', 'ITaskSchedulerService', 'SchRpcRegisterTask'],
  ]);
};

describe('capture containers', () => {
  for (const little of [true, false]) {
    for (const nanos of [false, true]) {
      it(`pcap, ${little ? 'little' : 'big'}-endian, ${nanos ? 'ns' : 'µs'} timestamps`, async () => {
        const items = await readBytes(writePcap(sample(), { little, nanos }));
        expect(rejections(items)).toEqual([]);
        const rs = records(items);
        expectTwo(rs);
        expect(rs[0]!.ts).toBeCloseTo((T0 + 123_456 + 420) / 1000, 3);
      });
    }
  }

  for (const little of [true, false]) {
    it(`pcapng, ${little ? 'little' : 'big'}-endian section`, async () => {
      const items = await readBytes(writePcapng(sample(), { little, comment: 'dac test' }));
      expect(rejections(items)).toEqual([]);
      expectTwo(records(items));
    });
  }

  it('pcapng with nanosecond if_tsresol', async () => {
    const rs = records(await readBytes(writePcapng(sample(), { nanos: true })));
    expect(rs[0]!.ts).toBeCloseTo((T0 + 123_456 + 420) / 1000, 3);
  });

  it('reads byte by byte exactly as in one piece', async () => {
    const file = writePcapng(sample());
    expect(await readBytes(file, 1)).toEqual(await readBytes(file));
  });

  it('skips unknown pcapng blocks and reads simple packet blocks', async () => {
    const file = writePcapng(sample());
    // Insert an unknown block (type 0x0bad) and an SPB after the IDB.
    const shbLen = new DataView(file.buffer).getUint32(4, true);
    const idbLen = new DataView(file.buffer, shbLen).getUint32(4, true);
    const at = shbLen + idbLen;
    const unknown = Uint8Array.from([0xad, 0x0b, 0, 0, 16, 0, 0, 0, 1, 2, 3, 4, 16, 0, 0, 0]);
    const frame = sample()[0]!.data; // the SYN, 60 bytes
    const spb = new Uint8Array(16 + frame.length);
    const dv = new DataView(spb.buffer);
    dv.setUint32(0, 3, true); dv.setUint32(4, spb.length, true); dv.setUint32(8, frame.length, true);
    spb.set(frame, 12); dv.setUint32(spb.length - 4, spb.length, true);
    const patched = new Uint8Array(file.length + unknown.length + spb.length);
    patched.set(file.subarray(0, at)); patched.set(unknown, at); patched.set(spb, at + 16); patched.set(file.subarray(at), at + 16 + spb.length);
    const items = await readBytes(patched);
    expect(rejections(items)).toEqual([]);
    expectTwo(records(items));
    // The SPB counts as packet 1, so the bind's packet number moves by one.
    expect(items[0]!.loc.record).toBe(5);
  });

  it('reads Ethernet frames with an 802.1Q VLAN tag', async () => {
    expectTwo(records(await readBytes(writePcap(sample(100)))));
  });

  it('reads IPv6', async () => {
    const c = conversation({ ip: 'fd00:1::22', port: 52115, mac: '02:00:00:00:00:01' }, { ip: 'fd00:1::10', port: 49668, mac: '02:00:00:00:00:02' });
    const t = c.handshake(T0);
    c.send(t, true, bind(1, windowsContexts(TSCH, [1, 0])));
    const rs = records(await readBytes(writePcap(c.packets)));
    expect(rs[0]).toMatchObject({ srcIp: 'fd00:1::22', dstIp: 'fd00:1::10', interfaceName: 'ITaskSchedulerService' });
  });
});
