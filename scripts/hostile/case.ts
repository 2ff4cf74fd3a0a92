/**
 * A hostile case: how to build its fixture (small for the unit test, full-size for the bench) and
 * what to run on it. `run` returns a plain observation (codes, counts, located reasons) that
 * test/hostile/ asserts and `npm run bench -- hostile` times under a 5 s / 512 MB bound.
 */
import type { Scale } from './fixture.ts';

export interface HostileCase {
  /** Stable id, also the fixture folder name. */
  readonly id: string;
  /** Where the issue lists it ("15.1 reading outside the repo"). */
  readonly item: string;
  readonly build: (dir: string, scale: Scale) => void | Promise<void>;
  readonly run: (dir: string) => Promise<Observation>;
}

export type Observation = Readonly<Record<string, unknown>>;
