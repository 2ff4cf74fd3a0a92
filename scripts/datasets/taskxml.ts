/** The task definition XML that Security 4698/4702 carry in TaskContent (Task Scheduler 1.2 schema). */
import { taskDate } from './time.ts';

export interface TaskDefinition {
  readonly uri: string;
  readonly author: string;
  readonly registeredMs: number;
  readonly command: string;
  readonly arguments?: string;
  /** Principal: a SID for a service account, or DOMAIN\user. */
  readonly runAs: string;
  readonly trigger: { readonly kind: 'time'; readonly startMs: number } | { readonly kind: 'daily'; readonly startMs: number } | { readonly kind: 'boot' };
  readonly hidden?: boolean;
  readonly description?: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function taskXml(t: TaskDefinition): string {
  const trig = t.trigger.kind === 'boot'
    ? ['    <BootTrigger>', '      <Enabled>true</Enabled>', '    </BootTrigger>']
    : t.trigger.kind === 'daily'
      ? ['    <CalendarTrigger>', `      <StartBoundary>${taskDate(t.trigger.startMs)}</StartBoundary>`, '      <Enabled>true</Enabled>',
        '      <ScheduleByDay>', '        <DaysInterval>1</DaysInterval>', '      </ScheduleByDay>', '    </CalendarTrigger>']
      : ['    <TimeTrigger>', `      <StartBoundary>${taskDate(t.trigger.startMs)}</StartBoundary>`, '      <Enabled>true</Enabled>', '    </TimeTrigger>'];
  const system = t.runAs.startsWith('S-1-5-');
  const lines = [
    '<?xml version="1.0" encoding="UTF-16"?>',
    '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">',
    '  <RegistrationInfo>',
    `    <Date>${taskDate(t.registeredMs)}</Date>`,
    `    <Author>${esc(t.author)}</Author>`,
    ...(t.description ? [`    <Description>${esc(t.description)}</Description>`] : []),
    `    <URI>${esc(t.uri)}</URI>`,
    '  </RegistrationInfo>',
    '  <Triggers>', ...trig, '  </Triggers>',
    '  <Principals>',
    '    <Principal id="Author">',
    `      <UserId>${esc(t.runAs)}</UserId>`,
    `      <LogonType>${system ? 'ServiceAccount' : 'InteractiveToken'}</LogonType>`,
    `      <RunLevel>${system ? 'HighestAvailable' : 'LeastPrivilege'}</RunLevel>`,
    '    </Principal>',
    '  </Principals>',
    '  <Settings>',
    '    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>',
    '    <DisallowStartIfOnBatteries>true</DisallowStartIfOnBatteries>',
    '    <StopIfGoingOnBatteries>true</StopIfGoingOnBatteries>',
    '    <AllowHardTerminate>true</AllowHardTerminate>',
    '    <StartWhenAvailable>false</StartWhenAvailable>',
    '    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>',
    '    <IdleSettings>', '      <StopOnIdleEnd>true</StopOnIdleEnd>', '      <RestartOnIdle>false</RestartOnIdle>', '    </IdleSettings>',
    '    <AllowStartOnDemand>true</AllowStartOnDemand>',
    '    <Enabled>true</Enabled>',
    `    <Hidden>${t.hidden ? 'true' : 'false'}</Hidden>`,
    '    <RunOnlyIfIdle>false</RunOnlyIfIdle>',
    '    <WakeToRun>false</WakeToRun>',
    '    <ExecutionTimeLimit>PT72H</ExecutionTimeLimit>',
    '    <Priority>7</Priority>',
    '  </Settings>',
    '  <Actions Context="Author">',
    '    <Exec>',
    `      <Command>${esc(t.command)}</Command>`,
    ...(t.arguments ? [`      <Arguments>${esc(t.arguments)}</Arguments>`] : []),
    '    </Exec>',
    '  </Actions>',
    '</Task>',
  ];
  return lines.join('\r\n');
}
