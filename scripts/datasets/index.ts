/** Every generated dataset, in the order the generator writes them. */
import type { Scenario } from './scenario.ts';
import { remoteTaskRpc } from './scenarios/remote-task-rpc.ts';
import { schtasksRun } from './scenarios/schtasks-run.ts';
import { nearMissSchtasksNoRun, nearMissTaskLocal } from './scenarios/near-miss-schtasks.ts';
import { nearMissLoopback, nearMissRpcOtherInterfaces, nearMissSvchostNoTaskcache, nearMissTaskcacheLate } from './scenarios/near-miss-network.ts';
import { benignBaseline } from './baseline/index.ts';

export const SCENARIOS: readonly Scenario[] = [
  remoteTaskRpc, schtasksRun, nearMissSchtasksNoRun, nearMissTaskLocal, nearMissSvchostNoTaskcache,
  nearMissLoopback, nearMissTaskcacheLate, nearMissRpcOtherInterfaces, benignBaseline,
];
