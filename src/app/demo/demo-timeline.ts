/** The demo's timeline (demo-activity.ts): one action at one moment, played with the clock stopped there. */
import type { Deps } from '../ports';

/** One action at one moment; `run` gets the dependencies with the clock stopped at that moment. */
export interface Step {
  readonly at: number;
  readonly run: (then: Deps) => Promise<void>;
}

export const minutes = (h: number, m = 0) => h * 60 + m;

export const MINUTE = 60_000;
