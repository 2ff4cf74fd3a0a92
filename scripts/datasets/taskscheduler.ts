/** Microsoft-Windows-TaskScheduler/Operational EventData builders (106, 140, 141, 200, 201). */
import type { DataPairs } from './sysmon.ts';

export interface TaskEvent { readonly eventId: number; readonly name: string; readonly data: DataPairs }

export const taskRegistered = (task: string, user: string): TaskEvent =>
  ({ eventId: 106, name: 'TaskRegisteredEvent', data: [['TaskName', task], ['UserContext', user]] });

export const taskUpdated = (task: string, user: string): TaskEvent =>
  ({ eventId: 140, name: 'TaskRegistrationUpdatedEvent', data: [['TaskName', task], ['UserName', user]] });

export const taskDeleted = (task: string, user: string): TaskEvent =>
  ({ eventId: 141, name: 'TaskRegistrationDeleted', data: [['TaskName', task], ['UserName', user]] });

export const actionStarted = (task: string, action: string, instance: string, enginePid: number): TaskEvent =>
  ({ eventId: 200, name: 'ActionStart', data: [['TaskName', task], ['ActionName', action], ['TaskInstanceId', instance], ['EnginePID', String(enginePid)]] });

export const actionCompleted = (task: string, action: string, instance: string, enginePid: number, result = 0): TaskEvent =>
  ({ eventId: 201, name: 'ActionSuccess', data: [['TaskName', task], ['TaskInstanceId', instance], ['ActionName', action], ['ResultCode', String(result)], ['EnginePID', String(enginePid)]] });
