/**
 * The other Windows channels SigmaHQ reads. TaskScheduler has no Winlogbeat module: its
 * categorization is dac's, in the Security module's style, named for what the event records. The
 * rest carry no ECS categorization (Winlogbeat sets none); their EventData and UserData stay as
 * raw fields, which is what Sigma's names address.
 */
import type { Family } from './types.ts';

const none = { events: {}, fields: [] } as const;

export const TASK_SCHEDULER: Family = {
  id: 'taskscheduler',
  module: 'taskscheduler',
  channels: ['Microsoft-Windows-TaskScheduler/Operational'],
  providers: ['Microsoft-Windows-TaskScheduler'],
  events: {
    106: { category: ['configuration'], type: ['creation'], action: 'scheduled-task-registered' },
    140: { category: ['configuration'], type: ['change'], action: 'scheduled-task-updated' },
    141: { category: ['configuration'], type: ['deletion'], action: 'scheduled-task-deleted' },
    200: { category: ['process'], type: ['start'], action: 'scheduled-task-action-started' },
    201: { category: ['process'], type: ['end'], action: 'scheduled-task-action-completed' },
  },
  fields: [],
  // 106 names the registering user UserContext, 140/141 UserName: DOMAIN\user either way.
  computed: ['user.name', 'user.domain'],
  placeholders: true,
  sentinel: { table: 'Event', filter: 'EventLog == "Microsoft-Windows-TaskScheduler/Operational"' },
};

export const SYSTEM: Family = {
  id: 'system', module: 'system', channels: ['System'], providers: [], ...none,
  // Service Control Manager 7045 (service installed): the service's name, as Security's 4697.
  fields: [{ from: 'ServiceName', to: 'service.name', only: [7045] }],
  placeholders: true,
  sentinel: { table: 'Event', filter: 'EventLog == "System"' },
};

export const WMI: Family = {
  id: 'wmi', module: 'windows', channels: ['Microsoft-Windows-WMI-Activity/Operational'], providers: ['Microsoft-Windows-WMI-Activity'], ...none,
  placeholders: true,
  sentinel: { table: 'Event', filter: 'EventLog == "Microsoft-Windows-WMI-Activity/Operational"' },
};

export const DEFENDER: Family = {
  id: 'defender', module: 'windows', channels: ['Microsoft-Windows-Windows Defender/Operational'], providers: ['Microsoft-Windows-Windows Defender'], ...none,
  placeholders: true,
  sentinel: { table: 'Event', filter: 'EventLog == "Microsoft-Windows-Windows Defender/Operational"' },
};

/** Any other channel: raw fields only. */
export const WINDOWS: Family = {
  id: 'windows', module: 'windows', channels: [], providers: [], ...none,
  placeholders: true,
  sentinel: { table: 'Event' },
};
