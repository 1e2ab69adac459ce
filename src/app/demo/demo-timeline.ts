/**
 * The demo's timeline (demo-activity.ts): one action at one moment, played with the clock stopped there; a
 * service that has ended, which the later actions (a survey, a complaint) refer to; and the tally of what the
 * past's surveys and complaints wrote, so that a use case refusing a demo action does not go unnoticed.
 */
import type { Applicant } from '../../domain/applications/application';
import type { Ok, Result } from '../../domain/shared/result';
import type { Deps } from '../ports';

/** One action at one moment; `run` gets the dependencies with the clock stopped at that moment. */
export interface Step {
  readonly at: number;
  readonly run: (then: Deps) => Promise<void>;
}

export const minutes = (h: number, m = 0) => h * 60 + m;

export const MINUTE = 60_000;

/** A service that ended: at the Kenes counter (certificate or refusal) or by the hand-over at the PSC. */
export interface Served {
  readonly channel: 'akimat' | 'psc';
  readonly person: Applicant;
  /** The index of its working day in the demo's past (demo-activity.ts `working`). */
  readonly dayIndex: number;
  /** When it ended. */
  readonly at: number;
  /** Refused at the counter: no identity card shown (R-6 ground 1). */
  readonly refused: boolean;
  /** A PSC application decided after its deadline. */
  readonly late: boolean;
  /** The application's id, once the step that created it has run (undefined before, or if it was refused). */
  readonly applicationId: () => string | undefined;
}

/** What the demo's surveys and complaints wrote; `failed` names every use case that refused a demo action. */
export interface DemoTally {
  complaints: number;
  answered: number;
  surveys: number;
  readonly failed: string[];
}

export function newTally(): DemoTally {
  return { complaints: 0, answered: 0, surveys: 0, failed: [] };
}

/** True when the use case did it; otherwise its code goes to `tally.failed` with what was attempted. */
export function succeeded<T>(tally: DemoTally, what: string, r: Result<T>): r is Ok<T> {
  if (!r.ok) tally.failed.push(`${what}: ${r.error.code}`);
  return r.ok;
}

/** The name as an official writes it down: surname, name, patronymic. */
export function fullName(p: Applicant): string {
  return [p.surname, p.name, p.patronymic].filter(Boolean).join(' ');
}
