/**
 * R-15, properties: a level's figure is computed from the sums of the units below it and equals the figure
 * computed over the union of their records; a share lies within 0..100 %; nothing counted is no data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyAt as keyAtLevel } from './facts';
import { rollUp, tallyAt, tallyByPlace, tallyOf } from './aggregate';
import { type CountContext, tally } from './count';
import {
  type ApplicationFact,
  type ComplaintFact,
  type DocumentFact,
  type FactSet,
  LEVELS,
  type Placement,
  pscPlacement,
  type ServiceInfoSetting,
  type SurveyFact,
  type TicketFact,
  UNPLACED,
} from './facts';
import { AKIMAT_A, AKIMAT_B, AKIMAT_C, day, MARCH, PSC_1 } from './fixtures.test-support';
import { INDICATOR_CODES } from './indicators';
import { fromDayNumber, toDayNumber } from '../shared/plain-date';
import { indicatorValue } from './value';

const PLACES: readonly Placement[] = [
  AKIMAT_A,
  AKIMAT_B,
  AKIMAT_C,
  PSC_1,
  pscPlacement('psc-99', null),
  UNPLACED,
];

const HOUR = 3_600_000;
const { fromMs, toMs } = MARCH.range;
/** Instants from a week before March to a week after it, so some records fall outside. */
const instant = fc.integer({ min: fromMs - 7 * 24 * HOUR, max: toMs + 7 * 24 * HOUR });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const place = fc.constantFrom(...PLACES);
const dayArb = fc
  .integer({ min: toDayNumber(day('2025-02-22')), max: toDayNumber(day('2025-04-07')) })
  .map(fromDayNumber);
const score = fc.integer({ min: 1, max: 5 });

const application: fc.Arbitrary<ApplicationFact> = fc.record({
  id: fc.uuid(),
  place,
  channel: fc.constantFrom('akimat', 'psc', 'online'),
  receivedMs: instant,
  dueMs: maybe(instant),
  completedMs: maybe(instant),
  refusedAtIntake: fc.boolean(),
  refusalGround: fc.constantFrom(null, 'incomplete_documents', 'no_psf_record'),
});
const document: fc.Arbitrary<DocumentFact> = fc.record({
  id: fc.uuid(),
  place,
  kind: fc.constantFrom('certificate', 'refusal'),
  issuedMs: instant,
  status: fc.constantFrom('valid', 'revoked', 'superseded'),
});
const ticket: fc.Arbitrary<TicketFact> = fc.record({
  id: fc.uuid(),
  place,
  day: dayArb,
  waitMinutes: maybe(fc.integer({ min: 0, max: 3000 }).map((n) => n / 100)),
});
const complaint: fc.Arbitrary<ComplaintFact> = fc.record({
  id: fc.uuid(),
  place,
  registeredMs: instant,
  dueMs: instant,
  answeredMs: maybe(instant),
  outcome: fc.constantFrom(null, 'justified_satisfied', 'justified_partly', 'not_justified'),
});
const survey: fc.Arbitrary<SurveyFact> = fc.oneof(
  fc.record({
    place,
    subject: fc.constant('application' as const),
    answeredOn: dayArb,
    scores: fc.record({ '2.1': score, '3.1': score, '5.1': score }),
  }),
  fc.record({
    place,
    subject: fc.constant('complaint' as const),
    answeredOn: dayArb,
    scores: fc.record({ '4.3': score, '4.4': score, '5.1': score }),
  }),
);
const setting: fc.Arbitrary<ServiceInfoSetting> = fc
  .tuple(place, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }))
  .map(([p, a, b]) => ({ place: p, servicesTotal: Math.max(a, b), servicesOnline: Math.min(a, b) }));

const facts: fc.Arbitrary<FactSet> = fc.record({
  applications: fc.array(application, { maxLength: 30 }),
  documents: fc.array(document, { maxLength: 15 }),
  tickets: fc.array(ticket, { maxLength: 30 }),
  complaints: fc.array(complaint, { maxLength: 15 }),
  surveys: fc.array(survey, { maxLength: 30 }),
  settings: fc.array(setting, { maxLength: 5 }),
});

const ctx: CountContext = MARCH;

/** The records of a set that lie in a unit of a level. */
function within(set: FactSet, level: (typeof LEVELS)[number], key: string): FactSet {
  const inUnit = (f: { place: Placement }) => keyAtLevel(f.place, level) === key;
  return {
    applications: set.applications?.filter(inUnit),
    documents: set.documents?.filter(inUnit),
    tickets: set.tickets?.filter(inUnit),
    complaints: set.complaints?.filter(inUnit),
    surveys: set.surveys?.filter(inUnit),
    settings: set.settings?.filter(inUnit),
  };
}

describe('aggregation (R-15: office → district → oblast → country)', () => {
  it('each unit of each level, summed from the finest rows, equals the indicator over its records', () => {
    fc.assert(
      fc.property(facts, (set) => {
        const rows = tallyByPlace(set, ctx);
        for (const level of LEVELS) {
          const units = rollUp(rows, level);
          for (const unit of units) {
            const key = unit.key as string;
            for (const code of INDICATOR_CODES) {
              expect(tallyOf(unit, code)).toEqual(tally(code, within(set, level, key), ctx));
            }
          }
          // Units with no rows are units with no records: no unit is lost or invented.
          const keys = new Set(units.map((u) => u.key));
          for (const f of [...(set.applications ?? []), ...(set.tickets ?? []), ...(set.surveys ?? [])]) {
            const k = keyAtLevel(f.place, level);
            if (k !== null && !keys.has(k)) {
              for (const code of INDICATOR_CODES) {
                expect(tally(code, within(set, level, k), ctx).denominator).toBe(0);
              }
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the country is the sum of everything; district rows summed to oblasts equal oblasts from records', () => {
    fc.assert(
      fc.property(facts, (set) => {
        const country = tallyAt('country', set, ctx);
        expect(country.length).toBeLessThanOrEqual(1);
        for (const code of INDICATOR_CODES) {
          expect(tallyOf(country[0], code)).toEqual(tally(code, set, ctx));
        }
        // Every placed record here with a district has an oblast, so districts roll up to oblasts exactly.
        const placedInDistricts: FactSet = {
          applications: set.applications?.filter((f) => f.place.district !== null),
          tickets: set.tickets?.filter((f) => f.place.district !== null),
          surveys: set.surveys?.filter((f) => f.place.district !== null),
          complaints: set.complaints?.filter((f) => f.place.district !== null),
          documents: set.documents?.filter((f) => f.place.district !== null),
          settings: set.settings?.filter((f) => f.place.district !== null),
        };
        expect(rollUp(tallyAt('district', placedInDistricts, ctx), 'oblast')).toEqual(
          tallyAt('oblast', placedInDistricts, ctx),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('the order of the records does not matter', () => {
    fc.assert(
      fc.property(facts, (set) => {
        const reversed: FactSet = {
          applications: [...(set.applications ?? [])].reverse(),
          tickets: [...(set.tickets ?? [])].reverse(),
          surveys: [...(set.surveys ?? [])].reverse(),
        };
        const forward: FactSet = {
          applications: set.applications,
          tickets: set.tickets,
          surveys: set.surveys,
        };
        expect(tallyAt('office', reversed, ctx)).toEqual(tallyAt('office', forward, ctx));
      }),
      { numRuns: 300 },
    );
  });
});

describe('values', () => {
  it('every share but 4.1 lies within 0..100 %; 4.1 is never negative; nothing counted is no data', () => {
    fc.assert(
      fc.property(facts, (set) => {
        for (const code of INDICATOR_CODES) {
          const t = tally(code, set, ctx);
          const v = indicatorValue(t);
          expect(t.numerator).toBeGreaterThanOrEqual(0);
          if (t.denominator === 0) {
            expect(v.kind).toBe('no_data');
            continue;
          }
          if (v.kind !== 'value') throw new Error('expected a value');
          expect(v.percent).toBeGreaterThanOrEqual(0);
          // 4.1 is justified complaints over applicants served — two different records, so a tiny office can
          // have more justified complaints in a month than applications; every other share counts a subset.
          if (code !== '4.1') expect(v.percent).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('an empty set of records is no data for every indicator, at every level', () => {
    for (const level of LEVELS) expect(tallyAt(level, {}, ctx)).toEqual([]);
    for (const code of INDICATOR_CODES) expect(indicatorValue(tally(code, {}, ctx)).kind).toBe('no_data');
  });
});
