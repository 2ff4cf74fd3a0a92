/**
 * Windows Security and TaskScheduler/Operational categorization. Security follows Winlogbeat's
 * Security module (event.action names, categories, LogonType names). TaskScheduler has no
 * Winlogbeat module: its entries are dac's, in the same style, named for what the event records.
 */
import type { Categorization } from './sysmon-table.ts';

export const SECURITY_EVENTS: Readonly<Record<number, Categorization>> = {
  4624: { category: ['authentication'], type: ['start'], action: 'logged-in' },
  4625: { category: ['authentication'], type: ['start'], action: 'logon-failed' },
  4634: { category: ['authentication'], type: ['end'], action: 'logged-out' },
  4648: { category: ['authentication'], type: ['start'], action: 'logged-in-explicit' },
  4672: { category: ['iam'], type: ['admin'], action: 'logged-in-special' },
  4688: { category: ['process'], type: ['start'], action: 'created-process' },
  4689: { category: ['process'], type: ['end'], action: 'exited-process' },
  4697: { category: ['iam', 'configuration'], type: ['admin', 'change'], action: 'service-installed' },
  4698: { category: ['iam', 'configuration'], type: ['creation', 'admin'], action: 'scheduled-task-created' },
  4699: { category: ['iam', 'configuration'], type: ['deletion', 'admin'], action: 'scheduled-task-deleted' },
  4700: { category: ['iam', 'configuration'], type: ['change', 'admin'], action: 'scheduled-task-enabled' },
  4701: { category: ['iam', 'configuration'], type: ['change', 'admin'], action: 'scheduled-task-disabled' },
  4702: { category: ['iam', 'configuration'], type: ['change', 'admin'], action: 'scheduled-task-updated' },
  5140: { category: ['network', 'file'], type: ['info', 'access'], action: 'network-share-object-accessed' },
  5145: { category: ['network', 'file'], type: ['info', 'access'], action: 'network-share-object-access-checked' },
  5156: { category: ['network'], type: ['connection', 'info', 'allowed'], action: 'windows-firewall-connection' },
};

export const LOGON_TYPES: Readonly<Record<string, string>> = {
  2: 'Interactive', 3: 'Network', 4: 'Batch', 5: 'Service', 7: 'Unlock', 8: 'NetworkCleartext',
  9: 'NewCredentials', 10: 'RemoteInteractive', 11: 'CachedInteractive',
};

export const TASK_SCHEDULER_EVENTS: Readonly<Record<number, Categorization>> = {
  106: { category: ['configuration'], type: ['creation'], action: 'scheduled-task-registered' },
  140: { category: ['configuration'], type: ['change'], action: 'scheduled-task-updated' },
  141: { category: ['configuration'], type: ['deletion'], action: 'scheduled-task-deleted' },
  200: { category: ['process'], type: ['start'], action: 'scheduled-task-action-started' },
  201: { category: ['process'], type: ['end'], action: 'scheduled-task-action-completed' },
};
