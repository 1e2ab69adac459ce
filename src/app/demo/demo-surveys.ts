/**
 * R-19 in the demo's past: a quarter of the people served answer the satisfaction survey printed on their
 * certificate, refusal or PSC result — later that day or the next. Mostly satisfied; now and then a low score,
 * which opens a follow-up task for the director (the PSC's, or the district akim over the akimat), as the product
 * does. So indicators 2.1, 3.1 and 5.1 have answers to count. The demo's queue tickets are not rated: they lead
 * to no application, and a ticket's survey opens only through one.
 * Steps for the timeline of demo-activity.ts, through the public survey use case.
 */
import { addDays } from '../../domain/shared/plain-date';
import { fromCivil, toCivil } from '../../domain/calendar/civil-time';
import type { Rng } from '../../domain/household/prng';
import { submitSurvey } from '../surveys/submit-survey';
import { type DemoTally, MINUTE, minutes, type Served, type Step, succeeded } from './demo-timeline';

/** The share of people served who answer the service's survey. */
export const SERVICE_SURVEY_SHARE = 0.25;

type Scores = Record<string, number>;

/** Satisfied, as most are: a 5, sometimes a 4. */
const high = (rng: Rng) => (rng.chance(0.7) ? 5 : 4);

/** When the survey is answered: within a few hours of the service, or during the next day. */
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
