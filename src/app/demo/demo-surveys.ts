/**
 * R-19 in the demo's past: a quarter of the people served answer the satisfaction survey printed on their
 * certificate, refusal or PSC result — later that day or the next — and most complainants rate the handling of
 * their complaint after its answer. Mostly satisfied; now and then a low score, which opens a follow-up task for
 * the director (the PSC's, or the district akim over the akimat), as the product does. So indicators 2.1, 3.1,
 * 4.3, 4.4 and 5.1 have answers to count. The demo's queue tickets are not rated: they lead to no application,
 * and a ticket's survey opens only through one.
 * Steps for the timeline of demo-activity.ts, through the public survey use case.
 */
import { addDays } from '../../domain/shared/plain-date';
import { fromCivil, toCivil } from '../../domain/calendar/civil-time';
import type { ComplaintOutcome } from '../../domain/complaints/complaint';
import type { Rng } from '../../domain/household/prng';
import { submitSurvey } from '../surveys/submit-survey';
import { type DemoTally, MINUTE, minutes, type Served, type Step, succeeded } from './demo-timeline';

/** The share of people served who answer the service's survey. */
export const SERVICE_SURVEY_SHARE = 0.25;
/** The share of complainants who rate the handling of their complaint once it is answered. */
export const COMPLAINT_SURVEY_SHARE = 0.6;

type Scores = Record<string, number>;

/** Satisfied, as most are: a 5, sometimes a 4. */
const high = (rng: Rng) => (rng.chance(0.7) ? 5 : 4);

/** When a survey is answered: within a few hours of the service or answer, or in the daytime of the next day. */
function answeredAt(after: number, rng: Rng): number {
  if (rng.chance(0.5)) return after + rng.int(20, 240) * MINUTE;
  const next = addDays(toCivil(after).date, 1);
  return fromCivil(next, minutes(8) + rng.int(0, 14 * 60 - 1));
}

/** Most are satisfied; a refusal or a late result makes a middling or low answer likelier. */
function serviceScores(s: Served, rng: Rng): Scores {
  const letDown = s.refused || s.late;
  const mood = rng.int(1, 100);
  if (mood > (letDown ? 85 : 97)) return { '2.1': rng.int(1, 2), '3.1': rng.int(2, 4), '5.1': rng.int(3, 5) };
  if (mood > (letDown ? 60 : 92)) return { '2.1': 3, '3.1': rng.int(3, 5), '5.1': high(rng) };
  return { '2.1': high(rng), '3.1': high(rng), '5.1': high(rng) };
}

/** The survey of one service, if this person answers it (2.1, 3.1, 5.1). */
export function serviceSurvey(s: Served, rng: Rng, tally: DemoTally): Step[] {
  if (!rng.chance(SERVICE_SURVEY_SHARE)) return [];
  const scores = serviceScores(s, rng);
  return [
    {
      at: answeredAt(s.at, rng),
      run: async (then) => {
        const reference = s.applicationId();
        if (!reference) return;
        const r = await submitSurvey(
          then,
          { subject: 'application', reference, iin: s.person.iin, scores },
          null,
        );
        if (succeeded(tally, 'survey of an application', r)) tally.surveys++;
      },
    },
  ];
}

export interface AnsweredComplaint {
  /** When the answer is planned. */
  readonly at: number;
  /** The complaint's number once its answer has been given (undefined if it never was). */
  readonly number: () => string | undefined;
  readonly iin: string;
  readonly outcome: ComplaintOutcome;
  /** Answered after its deadline. */
  readonly late: boolean;
}

/** What a complainant thinks of the procedure (4.3), the time it took (4.4) and the staff (5.1). */
function complaintScores(c: AnsweredComplaint, rng: Rng): Scores {
  const time = c.late ? 2 : high(rng);
  switch (c.outcome) {
    case 'justified_satisfied':
      return { '4.3': c.late ? 3 : high(rng), '4.4': time, '5.1': high(rng) };
    case 'justified_partly':
      return { '4.3': rng.int(3, 5), '4.4': time, '5.1': high(rng) };
    case 'not_justified':
      // Turned down, some are unhappy with the procedure too.
      return { '4.3': rng.chance(0.6) ? high(rng) : rng.int(2, 3), '4.4': time, '5.1': rng.int(3, 5) };
  }
}

/** The complaint's survey, if this complainant answers it (4.3, 4.4, 5.1). */
export function complaintSurvey(
  c: AnsweredComplaint,
  rng: Rng,
  tally: DemoTally,
  share = COMPLAINT_SURVEY_SHARE,
): Step[] {
  if (!rng.chance(share)) return [];
  const scores = complaintScores(c, rng);
  return [
    {
      at: answeredAt(c.at, rng),
      run: async (then) => {
        const reference = c.number();
        if (!reference) return;
        const r = await submitSurvey(then, { subject: 'complaint', reference, iin: c.iin, scores }, null);
        if (succeeded(tally, 'survey of a complaint', r)) tally.surveys++;
      },
    },
  ];
}
