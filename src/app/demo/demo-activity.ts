/**
 * The demo's recent past, so that a newcomer's first look at the indicators (R-21, Appendix 3), the akimat's and
 * the PSC's lists and the director's statistics finds something to show: for each working day of the last
 * weeks, a few people served at the Kenes akimat's counter and a few PSC applications taken through the
 * whole path — intake, sent to the akimat, decided, returned, handed over, now and then a day late —
 * the PSC's walk-in queue (demo-queue.ts), the satisfaction surveys some of those people answer
 * (demo-surveys.ts) and the complaints a few of them file, reviewed and answered (demo-complaints.ts).
 * Everything goes through the use cases with the clock set to that moment, so every row is what the product
 * itself writes (numbers, audit rows, roll-ups). First start only, after the demo household book.
 */
import type { Applicant } from '../../domain/applications/application';
import { isWorkingDay } from '../../domain/calendar';
import { fromCivil, toCivil } from '../../domain/calendar/civil-time';
import { createRng } from '../../domain/household/prng';
import { addDays, compareDates, type PlainDate } from '../../domain/shared/plain-date';
import { decideApplication } from '../applications/decide-application';
import { handOver } from '../applications/hand-over';
import { receiveAtPsc } from '../applications/psc-intake';
import { returnToPsc } from '../applications/return-to-psc';
import { sendToAkimat } from '../applications/send-to-akimat';
import { serveAtAkimat } from '../applications/serve-at-akimat';
import type { Deps } from '../ports';
import { demoComplaints } from './demo-complaints';
import { queueDay } from './demo-queue';
import { serviceSurvey } from './demo-surveys';
import { minutes, newTally, type Served, type Step } from './demo-timeline';
import { DEMO_TERRITORY } from './demo-users';

/** How far back the demo's activity goes (calendar days, within the current year). */
export const DEMO_ACTIVITY_DAYS = 45;

const COUNTER_PER_DAY = 3;
const PSC_PER_DAY = 2;

export interface DemoActivity {
  readonly applications: number;
  /** Complaints filed and answered, survey answers given (the rest of the plan is still ahead of now). */
  readonly complaints: number;
  readonly answered: number;
  readonly surveys: number;
  /** The demo actions a use case refused ("what: CODE"); empty unless something is wrong. */
  readonly failed: readonly string[];
}

export async function seedDemoActivity(deps: Deps): Promise<DemoActivity | undefined> {
  const t = DEMO_TERRITORY;
  const already = await deps.uow.read((repos) =>
    repos.applications.list({ akimatKato: t.akimatKato, limit: 1, offset: 0 }),
  );
  if (already.total > 0) return undefined;
  const [officer, operator, director, district, citizen] = await deps.uow.run((repos) =>
    Promise.all(
      ['akimat', 'psc', 'director', 'district', 'citizen'].map((u) => repos.users.findByUsername(u)),
    ),
  );
  if (!officer || !operator) return undefined;
  const people = await applicantsOf(deps, t.akimatKato);
  if (people.length === 0) return undefined;

  const calendar = await deps.calendar.current();
  const today = toCivil(deps.clock.now().getTime()).date;
  const from = activityStart(today);
  const working: PlainDate[] = [];
  for (let d = from; compareDates(d, today) < 0; d = addDays(d, 1)) {
    const w = isWorkingDay(calendar, d);
    if (w.ok && w.value) working.push(d);
  }
  const rng = createRng(`qosalqy-demo-activity-${today}`);
  let next = 0;
  const nextPerson = () => people[next++ % people.length]!;
  const steps: Step[] = [];
  const served: Served[] = [];
  let applications = 0;

  working.forEach((day, i) => {
    steps.push(...queueDay(day, rng, operator, t.pscOfficeId));
    // The counter: served in the same visit; one in ten without the identity card (a refusal on ground 1).
    for (let k = 0; k < COUNTER_PER_DAY; k++) {
      const person = nextPerson();
      const shown = !rng.chance(0.1);
      const at = fromCivil(day, minutes(10 + k * 2, rng.int(0, 50)));
      let id: string | undefined;
      steps.push({
        at,
        run: async (then) => {
          const r = await serveAtAkimat(
            then,
            officer,
            { applicant: person, identityDocumentShown: shown },
            null,
          );
          if (r.ok) id = r.value.application.id;
        },
      });
      served.push({
        channel: 'akimat',
        person,
        dayIndex: i,
        at,
        refused: !shown,
        late: false,
        applicationId: () => id,
      });
      applications++;
    }
    // The PSC: decided at the akimat the next working day, most often, or a day late now and then (the
    // timeliness indicator then shows it); handed over the working day after the return. The last days'
    // applications are still on their way (in the akimat's inbox, or waiting at the PSC for the applicant).
    const decideIndex = i + (rng.chance(0.15) ? 3 : 1);
    const decideOn = working[decideIndex];
    const handOn = working[decideIndex + 1];
    for (let k = 0; k < PSC_PER_DAY; k++) {
      const person = nextPerson();
      let id: string | undefined;
      const intakeAt = fromCivil(day, minutes(9 + k * 3, rng.int(10, 50)));
      steps.push({
        at: intakeAt,
        run: async (then) => {
          const r = await receiveAtPsc(
            then,
            operator,
            {
              applicant: person,
              documents: { application: true, identity_copy: true, identity_original: true },
            },
            null,
          );
          if (r.ok) id = r.value.application.id;
        },
      });
      const whenId = (f: (deps: Deps, id: string) => Promise<unknown>) => async (then: Deps) => {
        if (id) await f(then, id);
      };
      steps.push({
        at: intakeAt + 40 * 60_000,
        run: whenId((then, x) => sendToAkimat(then, operator, x, {}, null)),
      });
      if (decideOn) {
        steps.push({
          at: fromCivil(decideOn, minutes(11 + k, rng.int(0, 50))),
          run: whenId((then, x) => decideApplication(then, officer, x, null)),
        });
        steps.push({
          at: fromCivil(decideOn, minutes(16, rng.int(0, 30))),
          run: whenId((then, x) => returnToPsc(then, operator, x, null)),
        });
      }
      if (handOn) {
        const handAt = fromCivil(handOn, minutes(10 + k * 2, rng.int(0, 50)));
        steps.push({
          at: handAt,
          run: whenId((then, x) => handOver(then, operator, x, { presentedIin: person.iin }, null)),
        });
        served.push({
          channel: 'psc',
          person,
          dayIndex: decideIndex + 1,
          at: handAt,
          refused: false,
          late: decideIndex > i + 1,
          applicationId: () => id,
        });
      }
      applications++;
    }
  });

  // After a finished service some people answer its survey; a few complain (and rate the complaint's answer).
  const tally = newTally();
  for (const s of served) steps.push(...serviceSurvey(s, rng, tally));
  if (director && district && citizen) {
    steps.push(
      ...demoComplaints({
        working,
        served,
        cast: { officer, operator, director, district, citizen },
        akimatOfficeId: `akimat-${t.akimatKato}`,
        pscOfficeId: t.pscOfficeId,
        rng,
        tally,
      }),
    );
  }

  // In time order, each with the clock at its moment: the numbers, deadlines and audit rows follow the days.
  steps.sort((a, b) => a.at - b.at);
  for (const step of steps) {
    if (step.at >= deps.clock.now().getTime()) continue;
    await step.run({ ...deps, clock: { now: () => new Date(step.at) } });
  }
  return { applications, ...tally };
}

/** The first day of the demo's past: DEMO_ACTIVITY_DAYS back, but not before this year's 1 January. */
function activityStart(today: PlainDate): PlainDate {
  const firstOfYear = `${today.slice(0, 4)}-01-01` as PlainDate;
  const from = addDays(today, -DEMO_ACTIVITY_DAYS);
  return compareDates(from, firstOfYear) < 0 ? firstOfYear : from;
}

/**
 * When the demo book is recorded: 08:00 on the first day of the demo's past, so that the counter reading the
 * book as of those days finds it (a book recorded today has no history before today).
 */
export function demoBookRecordedAt(now: Date): Date {
  const start = fromCivil(activityStart(toCivil(now.getTime()).date), minutes(8));
  // Before 08:00 on 1 January the start of the past is later today: never record the book in the future.
  return new Date(Math.min(start, now.getTime()));
}

/** Current members of the akimat's open households, as applicants, in a fixed order. */
async function applicantsOf(deps: Deps, akimatKato: string): Promise<Applicant[]> {
  const out: Applicant[] = [];
  let after: string | null = null;
  while (out.length < 2000) {
    const page = await deps.uow.read((repos) => repos.households.currentVersions(akimatKato, after, 200));
    if (page.length === 0) break;
    for (const v of page) {
      if (v.household.status !== 'open') continue;
      for (const m of v.household.members) {
        if (m.leftOn) continue;
        out.push({
          iin: m.iin,
          surname: m.surname,
          name: m.name,
          ...(m.patronymic ? { patronymic: m.patronymic } : {}),
        });
      }
    }
    after = page.at(-1)!.householdId;
  }
  return out;
}
