/** Every hostile case (issue 15), for the unit tests (small) and the bench (full size). */
import type { HostileCase } from '../case.ts';
import { containmentCases } from './containment.ts';
import { limitCases } from './limits.ts';

export const allCases: readonly HostileCase[] = [...containmentCases, ...limitCases];
