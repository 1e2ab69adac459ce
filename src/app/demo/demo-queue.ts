/**
 * The demo's walk-in queue at its PSC: on each working day people take tickets through the morning
 * and one desk calls, serves and finishes them in turn, so some wait longer than 10 minutes (indicator 1.2 shows
 * it) and the director's queue statistics have days to show. Steps for the timeline of demo-activity.ts.
 */
import type { Rng } from '../../domain/household/prng';
import { fromCivil } from '../../domain/calendar/civil-time';
import type { PlainDate } from '../../domain/shared/plain-date';
import type { Deps, UserRecord } from '../ports';
import { actOnTicket } from '../queue/act-on-ticket';
import { callNext } from '../queue/call-next';
import { openDesk } from '../queue/open-desk';
import { takeTicket } from '../queue/take-ticket';
import { MINUTE, minutes, type Step } from './demo-timeline';

const TICKETS_PER_DAY = 8;

export function queueDay(day: PlainDate, rng: Rng, operator: UserRecord, officeId: string): Step[] {
  let deskId: string | undefined;
  const steps: Step[] = [
    {
      at: fromCivil(day, minutes(8, 55)),
      run: async (then) => {
        const desk = await openDesk(then, operator, { officeId, number: 1 }, null);
        if (desk.ok) deskId = desk.value.id;
      },
    },
  ];
  const arrivals = Array.from({ length: TICKETS_PER_DAY }, () =>
    fromCivil(day, minutes(9, 15) + rng.int(0, 180)),
  ).sort((a, b) => a - b);
  // One desk, first come first served: a call waits for the desk to be free.
  let free = fromCivil(day, minutes(9));
  for (const arrival of arrivals) {
    let ticketId: string | undefined;
    const call = Math.max(arrival + MINUTE, free);
    const finish = call + MINUTE + rng.int(5, 14) * MINUTE;
    const act = (type: 'start' | 'finish') => async (then: Deps) => {
      if (ticketId && deskId) await actOnTicket(then, operator, { ticketId, deskId, action: { type } }, null);
    };
    steps.push(
      {
        at: arrival,
        run: async (then) => {
          await takeTicket(then, { officeId }, null);
        },
      },
      {
        at: call,
        run: async (then) => {
          if (!deskId) return;
          const r = await callNext(then, operator, { deskId }, null);
          if (r.ok) ticketId = r.value.id;
        },
      },
      { at: call + MINUTE, run: act('start') },
      { at: finish, run: act('finish') },
    );
    free = finish + MINUTE / 2;
  }
  return steps;
}
