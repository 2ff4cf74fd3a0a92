/** <System> Version/Level/Task/Opcode per channel and event id (values as the real providers log them). */
import type { Channel } from './model.ts';
import type { Header } from './xml.ts';

const sysmon = (version: number, task: number): Header => ({ version, level: 4, task, opcode: 0 });

const TABLE: Record<Channel, Record<number, Header>> = {
  sysmon: {
    1: sysmon(5, 1), 3: sysmon(5, 3), 5: sysmon(3, 5), 7: sysmon(3, 7), 11: sysmon(2, 11),
    12: sysmon(2, 12), 13: sysmon(2, 13), 14: sysmon(2, 14), 22: sysmon(5, 22),
  },
  security: {
    4624: { version: 2, level: 0, task: 12544, opcode: 0 },
    4698: { version: 0, level: 0, task: 12804, opcode: 0 },
    4699: { version: 0, level: 0, task: 12804, opcode: 0 },
    4702: { version: 0, level: 0, task: 12804, opcode: 0 },
  },
  taskscheduler: {
    106: { version: 0, level: 4, task: 106, opcode: 0 },
    140: { version: 0, level: 4, task: 140, opcode: 0 },
    141: { version: 0, level: 4, task: 141, opcode: 0 },
    200: { version: 0, level: 4, task: 200, opcode: 1 },
    201: { version: 0, level: 4, task: 201, opcode: 2 },
  },
};

export function headerFor(channel: Channel, eventId: number): Header {
  const h = TABLE[channel][eventId];
  if (!h) throw new Error(`no header for ${channel} event ${eventId}`);
  return h;
}
