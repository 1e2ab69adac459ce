import { describe, expect, it } from 'vitest';
import speciesJson from '../../../data/species.json';
import type { PlainDate } from '../shared/plain-date';
import type { Household, Member } from './household';
import { findPsfRecord, summarizeFarm } from './psf-lookup';
import { makeSpeciesCatalogue } from './species';
import type { HouseholdVersion } from './versions';

const catalogue = makeSpeciesCatalogue(speciesJson);
if (!catalogue.ok) throw new Error('data/species.json is broken');
const species = catalogue.value;

const APPLICANT = '950707300010'; // 1995-07-07, male
const head: Member = {
  iin: '680412300015',
  surname: 'Ахметов',
  name: 'Серік',
  patronymic: 'Болатұлы',
  relation: 'head',
  joinedOn: '1995-05-01' as PlainDate,
};
const son: Member = {
  iin: APPLICANT,
  surname: 'Ахметов',
  name: 'Дархан',
  patronymic: 'Серікұлы',
  relation: 'child',
  joinedOn: '1995-07-07' as PlainDate,
};
const farm: Household = {
  bookNumber: '2',
  accountNumber: '45',
  akimatKato: '101033000',
  settlementKato: '101033100',
  address: 'Абай көшесі, 12',
  status: 'open',
  members: [head, son],
  yearlyRecords: [
    {
      referenceYear: 2024,
      landPlots: [{ purpose: 'homestead', areaHa: 0.1 }],
      livestock: { cattle: 4, cows: 2 },
      machinery: [],
    },
    {
      referenceYear: 2025,
      landPlots: [
        { purpose: 'homestead', areaHa: 0.1, cadastralNumber: '10-103-310-1' },
        { purpose: 'garden', areaHa: 0.2 },
        { purpose: 'homestead', areaHa: 0.05 },
      ],
      livestock: { sheep: 15, cattle: 5, cows: 3, chickens: 20, poultry: 20 },
      machinery: [{ description: 'мотоблок', count: 1 }],
    },
  ],
};
const version = (householdId: string, n: number, on: string, household: Household): HouseholdVersion => ({
  householdId,
  version: n,
  change: n === 1 ? 'created' : 'edited',
  recordedOn: on as PlainDate,
  recordedAt: `${on}T05:00:00Z`,
  recordedBy: 'officer',
  reason: 'test',
  household,
});

// R-6 ground 2 and R-5: the certificate's facts come from the book as it stood on the day of the request.
describe('findPsfRecord', () => {
  const versions = [version('hh-1', 1, '2024-02-01', farm)];

  it('finds the open household where the applicant is a member, with the latest yearly record', () => {
    const r = findPsfRecord(versions, APPLICANT, '2025-03-10' as PlainDate);
    expect(r.kind).toBe('found');
    if (r.kind !== 'found') return;
    expect(r.record).toMatchObject({ householdId: 'hh-1', version: 1, member: son, head });
    expect(r.record.yearlyRecord.referenceYear).toBe(2025);
  });

  it.each([
    ['2024-12-31', 2024], // the 2025 record does not describe 2024
    ['2025-01-01', 2025],
  ])('on %s relies on the record of %i', (date, year) => {
    const r = findPsfRecord(versions, APPLICANT, date as PlainDate);
    expect(r.kind === 'found' && r.record.yearlyRecord.referenceYear).toBe(year);
  });

  it.each<[string, HouseholdVersion[], string, string, Record<string, unknown>]>([
    [
      'no household lists the IIN',
      [version('hh-1', 1, '2024-02-01', { ...farm, members: [head] })],
      '2025-03-10',
      'NOT_IN_BOOK',
      {},
    ],
    ['the household entered the book later', versions, '2024-01-31', 'NOT_IN_BOOK', {}],
    [
      'the applicant has left',
      [
        version('hh-1', 1, '2024-02-01', {
          ...farm,
          members: [head, { ...son, leftOn: '2024-09-01' as PlainDate }],
        }),
      ],
      '2025-03-10',
      'NOT_A_MEMBER_ON_DATE',
      { householdId: 'hh-1', leftOn: '2024-09-01' },
    ],
    [
      'the household is closed',
      [
        ...versions,
        version('hh-1', 2, '2025-02-01', { ...farm, status: 'closed', closedOn: '2025-01-31' as PlainDate }),
      ],
      '2025-03-10',
      'HOUSEHOLD_CLOSED',
      { householdId: 'hh-1', closedOn: '2025-01-31', bookNumber: '2', accountNumber: '45' },
    ],
    [
      'no yearly record up to that year',
      [version('hh-1', 1, '2024-02-01', { ...farm, yearlyRecords: farm.yearlyRecords.slice(1) })],
      '2024-06-01',
      'NO_YEARLY_RECORD',
      { householdId: 'hh-1' },
    ],
    [
      'the record shows no land and no animals',
      [
        version('hh-1', 1, '2024-02-01', {
          ...farm,
          yearlyRecords: [{ referenceYear: 2025, landPlots: [], livestock: { sheep: 0 }, machinery: [] }],
        }),
      ],
      '2025-03-10',
      'NOTHING_KEPT',
      { referenceYear: 2025 },
    ],
  ])('no record when %s', (_label, vs, date, reason, facts) => {
    const r = findPsfRecord(vs, APPLICANT, date as PlainDate);
    expect(r).toMatchObject({ kind: 'no-record', reason, facts });
  });

  it('reads the book as it stood on a past day, across a move between households', () => {
    const moved = { ...farm, members: [head, { ...son, leftOn: '2025-04-01' as PlainDate }] };
    const ownFarm: Household = {
      ...farm,
      accountNumber: '46',
      members: [{ ...son, relation: 'head', joinedOn: '2025-04-01' as PlainDate }],
    };
    const vs = [
      ...versions,
      version('hh-1', 2, '2025-04-02', moved),
      version('hh-2', 1, '2025-04-02', ownFarm),
    ];
    const before = findPsfRecord(vs, APPLICANT, '2025-03-31' as PlainDate);
    const after = findPsfRecord(vs, APPLICANT, '2025-04-02' as PlainDate);
    expect(before.kind === 'found' && before.record.householdId).toBe('hh-1');
    expect(after.kind === 'found' && after.record.householdId).toBe('hh-2');
    // 1 April: left hh-1 that day, joined hh-2 that day, but the book said so only on 2 April.
    const onTheDay = findPsfRecord(vs, APPLICANT, '2025-04-01' as PlainDate);
    expect(onTheDay.kind === 'found' && onTheDay.record.householdId).toBe('hh-1');
  });

  it('prefers the most telling reason when several households fail', () => {
    const vs = [
      version('hh-1', 1, '2024-02-01', {
        ...farm,
        members: [head, { ...son, leftOn: '2024-09-01' as PlainDate }],
      }),
      version('hh-2', 1, '2024-10-01', {
        ...farm,
        accountNumber: '46',
        status: 'closed',
        closedOn: '2024-12-01' as PlainDate,
      }),
    ];
    expect(findPsfRecord(vs, APPLICANT, '2025-03-10' as PlainDate)).toMatchObject({
      reason: 'HOUSEHOLD_CLOSED',
      facts: { householdId: 'hh-2' },
    });
  });

  it('reports a conflict instead of guessing when the data hold two open households', () => {
    const vs = [...versions, version('hh-0', 1, '2024-02-01', { ...farm, accountNumber: '44' })];
    expect(findPsfRecord(vs, APPLICANT, '2025-03-10' as PlainDate)).toEqual({
      kind: 'conflict',
      householdIds: ['hh-0', 'hh-1'],
    });
  });
});

describe('summarizeFarm (R-5: land by purpose, livestock by species)', () => {
  it('groups land by purpose and lists animals in the reference order', () => {
    const s = summarizeFarm(farm.yearlyRecords[1]!, species);
    expect(s.referenceYear).toBe(2025);
    expect(s.land).toEqual([
      { purpose: 'homestead', areaHa: 0.15, plots: 2, cadastralNumbers: ['10-103-310-1'] },
      { purpose: 'garden', areaHa: 0.2, plots: 1, cadastralNumbers: [] },
    ]);
    expect(s.totalAreaHa).toBe(0.35);
    expect(s.livestock.map((l) => [l.code, l.count, l.parent])).toEqual([
      ['cattle', 5, null],
      ['cows', 3, 'cattle'],
      ['sheep', 15, null],
      ['poultry', 20, null],
      ['chickens', 20, 'poultry'],
    ]);
    expect(s.livestock[0]).toMatchObject({ kk: 'Ірі қара мал', ru: 'Крупный рогатый скот', unit: 'head' });
    expect(s.machinery).toEqual([{ description: 'мотоблок', count: 1 }]);
  });
});
