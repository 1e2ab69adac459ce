import { describe, expect, it } from 'vitest';
import speciesJson from '../../../data/species.json';
import type { PlainDate } from '../shared/plain-date';
import type { Household, Member, YearlyRecord } from './household';
import { makeSpeciesCatalogue } from './species';
import { validateArea, validateCount, validateHousehold, validateLivestock } from './validation';

const catalogue = makeSpeciesCatalogue(speciesJson);
if (!catalogue.ok) throw new Error('data/species.json is broken');
const species = catalogue.value;
const today = '2025-03-10' as PlainDate;

const head: Member = {
  iin: '680412300015', // 1968-04-12, male
  surname: 'Ахметов',
  name: 'Серік',
  patronymic: 'Болатұлы',
  relation: 'head',
  joinedOn: '1995-05-01' as PlainDate,
};
const wife: Member = {
  iin: '710930400010', // 1971-09-30, female
  surname: 'Ахметова',
  name: 'Айгүл',
  patronymic: 'Нұрланқызы',
  relation: 'spouse',
  joinedOn: '1995-05-01' as PlainDate,
};
const record: YearlyRecord = {
  referenceYear: 2025,
  landPlots: [{ purpose: 'homestead', areaHa: 0.12, cadastralNumber: '03-047-028-1153' }],
  livestock: { cattle: 5, cows: 3, sheep: 20, poultry: 30, chickens: 25, geese: 5 },
  machinery: [{ description: 'трактор МТЗ-82', count: 1 }],
};
const valid: Household = {
  bookNumber: '3',
  accountNumber: '127',
  akimatKato: '101033000',
  settlementKato: '101033100',
  address: 'Абай көшесі, 12',
  status: 'open',
  members: [head, wife],
  yearlyRecords: [record],
};

const withRecord = (r: Partial<YearlyRecord>): Household => ({
  ...valid,
  yearlyRecords: [{ ...record, ...r }],
});
const withMember = (i: number, m: Partial<Member>): Household => ({
  ...valid,
  members: valid.members.map((x, k) => (k === i ? { ...x, ...m } : x)),
});

// Issue 4 / R-5: what the household book accepts. Each case: one wrong field → its code and path.
describe('validateHousehold', () => {
  it('accepts a well-formed household', () => {
    expect(validateHousehold(valid, { species, today })).toEqual([]);
  });

  it.each<[string, Household, string, string]>([
    ['bad check digit', withMember(0, { iin: '680412300016' }), 'IIN.BAD_CHECK_DIGIT', 'members[0].iin'],
    ['IIN of 11 digits', withMember(1, { iin: '71093040001' }), 'IIN.BAD_FORMAT', 'members[1].iin'],
    [
      'unknown species',
      withRecord({ livestock: { yaks: 2 } }),
      'HOUSEHOLD.UNKNOWN_SPECIES',
      'yearlyRecords[0].livestock.yaks',
    ],
    [
      'negative count',
      withRecord({ livestock: { sheep: -1 } }),
      'HOUSEHOLD.NEGATIVE_COUNT',
      'yearlyRecords[0].livestock.sheep',
    ],
    [
      'absurd count',
      withRecord({ livestock: { sheep: 100_001 } }),
      'HOUSEHOLD.ABSURD_COUNT',
      'yearlyRecords[0].livestock.sheep',
    ],
    [
      'fractional count',
      withRecord({ livestock: { goats: 2.5 } }),
      'HOUSEHOLD.BAD_COUNT',
      'yearlyRecords[0].livestock.goats',
    ],
    [
      'cows above cattle',
      withRecord({ livestock: { cattle: 2, cows: 3 } }),
      'HOUSEHOLD.PART_EXCEEDS_TOTAL',
      'yearlyRecords[0].livestock.cows',
    ],
    [
      'birds above poultry',
      withRecord({ livestock: { poultry: 10, chickens: 8, ducks: 3 } }),
      'HOUSEHOLD.PART_EXCEEDS_TOTAL',
      'yearlyRecords[0].livestock.ducks',
    ],
    [
      'cows without cattle',
      withRecord({ livestock: { cows: 1 } }),
      'HOUSEHOLD.PART_EXCEEDS_TOTAL',
      'yearlyRecords[0].livestock.cows',
    ],
    [
      'negative area',
      withRecord({ landPlots: [{ purpose: 'garden', areaHa: -0.1 }] }),
      'HOUSEHOLD.BAD_AREA',
      'yearlyRecords[0].landPlots[0].areaHa',
    ],
    [
      'NaN area',
      withRecord({ landPlots: [{ purpose: 'garden', areaHa: Number.NaN }] }),
      'HOUSEHOLD.BAD_AREA',
      'yearlyRecords[0].landPlots[0].areaHa',
    ],
    [
      'zero area',
      withRecord({ landPlots: [{ purpose: 'garden', areaHa: 0 }] }),
      'HOUSEHOLD.BAD_AREA',
      'yearlyRecords[0].landPlots[0].areaHa',
    ],
    [
      'unknown purpose',
      withRecord({ landPlots: [{ purpose: 'orchard' as 'garden', areaHa: 0.1 }] }),
      'HOUSEHOLD.BAD_LAND_PURPOSE',
      'yearlyRecords[0].landPlots[0].purpose',
    ],
    [
      'bad cadastral',
      withRecord({ landPlots: [{ purpose: 'garden', areaHa: 0.1, cadastralNumber: 'N/A' }] }),
      'HOUSEHOLD.BAD_CADASTRAL_NUMBER',
      'yearlyRecords[0].landPlots[0].cadastralNumber',
    ],
    [
      'year not begun',
      withRecord({ referenceYear: 2026 }),
      'HOUSEHOLD.BAD_REFERENCE_YEAR',
      'yearlyRecords[0].referenceYear',
    ],
    [
      'machine without name',
      withRecord({ machinery: [{ description: ' ', count: 1 }] }),
      'HOUSEHOLD.BAD_MACHINERY',
      'yearlyRecords[0].machinery[0].description',
    ],
    [
      'two records of a year',
      { ...valid, yearlyRecords: [record, record] },
      'HOUSEHOLD.DUPLICATE_YEAR',
      'yearlyRecords[1].referenceYear',
    ],
    [
      'settlement elsewhere',
      { ...valid, settlementKato: '101035100' },
      'HOUSEHOLD.SETTLEMENT_NOT_IN_AKIMAT',
      'settlementKato',
    ],
    ['KATO of 8 digits', { ...valid, settlementKato: '10103310' }, 'HOUSEHOLD.BAD_KATO', 'settlementKato'],
    ['no address', { ...valid, address: '  ' }, 'HOUSEHOLD.MISSING_ADDRESS', 'address'],
    ['empty book number', { ...valid, bookNumber: '' }, 'HOUSEHOLD.BAD_BOOK_NUMBER', 'bookNumber'],
    [
      'account with spaces',
      { ...valid, accountNumber: '12 7' },
      'HOUSEHOLD.BAD_ACCOUNT_NUMBER',
      'accountNumber',
    ],
    ['no surname', withMember(1, { surname: '' }), 'HOUSEHOLD.MISSING_NAME', 'members[1].surname'],
    ['digits in a name', withMember(1, { name: 'Айгүл2' }), 'HOUSEHOLD.BAD_NAME', 'members[1].name'],
    [
      'markup in a name',
      withMember(1, { name: '<script>alert(1)</script>' }),
      'HOUSEHOLD.BAD_NAME',
      'members[1].name',
    ],
    // Latin "e" and "a" among Cyrillic letters (issue 10: Unicode confusables).
    [
      'a Latin look-alike in a name',
      withMember(1, { surname: 'Ахмeтова' }),
      'HOUSEHOLD.MIXED_SCRIPT_NAME',
      'members[1].surname',
    ],
    [
      'a Latin look-alike in a patronymic',
      withMember(1, { patronymic: 'Сeрікқызы' }),
      'HOUSEHOLD.MIXED_SCRIPT_NAME',
      'members[1].patronymic',
    ],
    [
      'unknown relation',
      withMember(1, { relation: 'cousin' as 'other' }),
      'HOUSEHOLD.BAD_RELATION',
      'members[1].relation',
    ],
    [
      'joined before birth',
      withMember(1, { joinedOn: '1960-01-01' as PlainDate }),
      'HOUSEHOLD.BAD_MEMBERSHIP_DATES',
      'members[1].joinedOn',
    ],
    [
      'left before joining',
      withMember(1, { leftOn: '1990-01-01' as PlainDate }),
      'HOUSEHOLD.BAD_MEMBERSHIP_DATES',
      'members[1].leftOn',
    ],
    [
      'joins tomorrow',
      withMember(1, { joinedOn: '2025-03-11' as PlainDate }),
      'HOUSEHOLD.FUTURE_DATE',
      'members[1].joinedOn',
    ],
    ['two heads', withMember(1, { relation: 'head' }), 'HOUSEHOLD.SEVERAL_HEADS', 'members[1].relation'],
    ['no head', withMember(0, { relation: 'parent' }), 'HOUSEHOLD.NO_HEAD', 'members'],
    ['head has left', withMember(0, { leftOn: '2024-01-01' as PlainDate }), 'HOUSEHOLD.NO_HEAD', 'members'],
    [
      'listed twice',
      { ...valid, members: [head, wife, { ...wife, relation: 'other' }] },
      'HOUSEHOLD.DUPLICATE_MEMBER',
      'members[2].iin',
    ],
    ['nobody left', { ...valid, members: [] }, 'HOUSEHOLD.NO_MEMBERS', 'members'],
    ['closed without a date', { ...valid, status: 'closed' }, 'HOUSEHOLD.BAD_CLOSURE', 'closedOn'],
  ])('%s → %s at %s', (_label, household, code, path) => {
    const errors = validateHousehold(household, { species, today });
    expect(errors.map((e) => [e.code, e.path])).toContainEqual([code, path]);
  });

  it.each([
    ['101033000', '101033100'],
    ['632400400', '632400401'], // a settlement akimat coded at group H: its prefix has seven digits
    ['111600000', '111600100'], // a settlement directly under a city administration
    ['101037000', '101037000'], // a village that is its own akimat
  ])('akimat %s keeps settlement %s (R-1, KATO containment)', (akimatKato, settlementKato) => {
    expect(validateHousehold({ ...valid, akimatKato, settlementKato }, { species, today })).toEqual([]);
  });

  it('refuses a settlement of the neighbouring akimat even when the first six digits agree', () => {
    const errors = validateHousehold(
      { ...valid, akimatKato: '632400400', settlementKato: '632400500' },
      { species, today },
    );
    expect(errors.map((e) => e.code)).toEqual(['HOUSEHOLD.SETTLEMENT_NOT_IN_AKIMAT']);
  });

  it('refuses a current member of another open household, but not a former one (issue 4: one open household per IIN)', () => {
    const openIinsElsewhere = new Set(['710930400010']);
    const errors = validateHousehold(valid, { species, today, openIinsElsewhere });
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['HOUSEHOLD.IIN_IN_TWO_OPEN_HOUSEHOLDS', 'members[1].iin'],
    ]);
    const left = withMember(1, { leftOn: '2020-01-01' as PlainDate });
    expect(validateHousehold(left, { species, today, openIinsElsewhere })).toEqual([]);
    const closed: Household = { ...valid, status: 'closed', closedOn: '2025-01-15' as PlainDate };
    expect(validateHousehold(closed, { species, today, openIinsElsewhere })).toEqual([]);
  });

  it('lets a closed household keep its members and have no head', () => {
    const closed: Household = {
      ...withMember(0, { relation: 'other' }),
      status: 'closed',
      closedOn: '2025-01-15' as PlainDate,
    };
    expect(validateHousehold(closed, { species, today })).toEqual([]);
  });
});

describe('field validators', () => {
  it.each([
    [0.12, []],
    [0.0001, []],
    [10_000, []],
    [-0.5, ['negative']],
    [0, ['zero']],
    [10_000.5, ['too-large']],
    [0.00001, ['too-precise']],
    [Number.POSITIVE_INFINITY, ['not-a-number']],
  ])('area %f ha → %j', (area, reasons) => {
    expect(validateArea(area, 'a').map((e) => e.details?.reason)).toEqual(reasons);
  });

  it.each([
    [0, undefined],
    [100_000, undefined],
    [100_001, 'HOUSEHOLD.ABSURD_COUNT'],
    [-3, 'HOUSEHOLD.NEGATIVE_COUNT'],
    [1.5, 'HOUSEHOLD.BAD_COUNT'],
    [Number.NaN, 'HOUSEHOLD.BAD_COUNT'],
  ])('count %d → %s', (count, code) => {
    expect(validateCount(count, 'c')[0]?.code).toBe(code);
  });

  it('checks every "of which" group at once', () => {
    const errors = validateLivestock({ cattle: 1, cows: 2, poultry: 0, turkeys: 1 }, species, 'l');
    expect(errors.map((e) => [e.code, e.path, e.details?.parent])).toEqual([
      ['HOUSEHOLD.PART_EXCEEDS_TOTAL', 'l.cows', 'cattle'],
      ['HOUSEHOLD.PART_EXCEEDS_TOTAL', 'l.turkeys', 'poultry'],
    ]);
  });
});
