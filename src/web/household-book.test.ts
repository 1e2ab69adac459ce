import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../domain/shared/plain-date';
import { ApiError } from './api';
import {
  checkDraft,
  domainPath,
  draftFromHousehold,
  emptyDraft,
  fieldId,
  householdFromDraft,
  issuesByPath,
  issuesFromError,
  type Species,
  searchApiQuery,
  searchParamsOf,
  searchStateFrom,
  speciesCatalogue,
  speciesRows,
  templateCsv,
} from './household-book';

const SPECIES: Species[] = [
  { code: 'cattle', kk: 'Ірі қара мал', ru: 'КРС', parent: null, unit: 'head' },
  { code: 'sheep', kk: 'Қойлар', ru: 'Овцы', parent: null, unit: 'head' },
  { code: 'poultry', kk: 'Құс', ru: 'Птица', parent: null, unit: 'head' },
  { code: 'chickens', kk: 'тауықтар', ru: 'куры', parent: 'poultry', unit: 'head' },
  { code: 'cows', kk: 'сиырлар', ru: 'коровы', parent: 'cattle', unit: 'head' },
];
const TODAY = '2026-11-25' as PlainDate;

const valid = () => ({
  ...emptyDraft('113243000', 2026),
  bookNumber: '7',
  accountNumber: '701',
  settlementKato: '113243100',
  address: 'Бейбітшілік көшесі, 3',
  members: [
    {
      key: 'a',
      iin: '850315400025',
      surname: 'Ахметова',
      name: 'Гүлнар',
      patronymic: '',
      relation: 'head' as const,
      joinedOn: '2010-04-01',
      leftOn: '',
    },
  ],
});

// Issue 4, item 2 ("Bad input"): the same checks as the server, tied to the field they are about.
describe('household draft', () => {
  it('a valid draft passes the domain checks and becomes the domain value', () => {
    const draft = {
      ...valid(),
      records: [
        {
          key: 'r',
          referenceYear: '2026',
          landPlots: [{ key: 'p', purpose: 'homestead' as const, areaHa: '0,12', cadastralNumber: '' }],
          livestock: { cattle: '3', cows: '2', sheep: '' },
          machinery: [],
        },
      ],
    };
    const { household, issues } = checkDraft(draft, speciesCatalogue(SPECIES), TODAY);
    expect(issues).toEqual([]);
    expect(household.yearlyRecords[0]).toEqual({
      referenceYear: 2026,
      landPlots: [{ purpose: 'homestead', areaHa: 0.12 }],
      livestock: { cattle: 3, cows: 2 },
      machinery: [],
    });
    expect(household.members[0]).not.toHaveProperty('patronymic');
  });

  it.each([
    ['a bad check digit', { iin: '850315400026' }, 'members[0].iin', 'IIN.BAD_CHECK_DIGIT'],
    ['too few digits', { iin: '85031540002' }, 'members[0].iin', 'IIN.BAD_FORMAT'],
    ['no surname', { surname: ' ' }, 'members[0].surname', 'HOUSEHOLD.MISSING_NAME'],
    ['no relation', { relation: '' as const }, 'members[0].relation', 'HOUSEHOLD.BAD_RELATION'],
    ['a date that does not exist', { joinedOn: '2010-02-30' }, 'members[0].joinedOn', 'DATE.NO_SUCH_DAY'],
    ['joined in the future', { joinedOn: '2027-01-01' }, 'members[0].joinedOn', 'HOUSEHOLD.FUTURE_DATE'],
  ])('%s is reported on its field', (_what, change, path, code) => {
    const draft = valid();
    const member = { ...draft.members[0]!, ...change };
    const { issues } = checkDraft({ ...draft, members: [member] }, speciesCatalogue(SPECIES), TODAY);
    expect(issues).toContainEqual({ path, code });
  });

  it('a form problem hides the domain error of the same field', () => {
    const draft = valid();
    const member = { ...draft.members[0]!, joinedOn: 'вчера' };
    const { issues } = checkDraft({ ...draft, members: [member] }, speciesCatalogue(SPECIES), TODAY);
    expect(issues.filter((i) => i.path === 'members[0].joinedOn')).toEqual([
      { path: 'members[0].joinedOn', code: 'DATE.BAD_FORMAT' },
    ]);
  });

  it('a blank joining date means since birth, as in the import layout', () => {
    const draft = valid();
    const { household } = householdFromDraft({ ...draft, members: [{ ...draft.members[0]!, joinedOn: '' }] });
    expect(household.members[0]?.joinedOn).toBe('1985-03-15');
  });

  it.each([
    ['areaHa', 'abc', 'yearlyRecords[0].landPlots[0].areaHa', 'HOUSEHOLD.BAD_AREA'],
    ['areaHa', '-1', 'yearlyRecords[0].landPlots[0].areaHa', 'HOUSEHOLD.BAD_AREA'],
    ['cattle', '-2', 'yearlyRecords[0].livestock.cattle', 'HOUSEHOLD.NEGATIVE_COUNT'],
    ['cattle', '100001', 'yearlyRecords[0].livestock.cattle', 'HOUSEHOLD.ABSURD_COUNT'],
    ['cattle', '1,5', 'yearlyRecords[0].livestock.cattle', 'HOUSEHOLD.BAD_COUNT'],
    ['cows', '9', 'yearlyRecords[0].livestock.cows', 'HOUSEHOLD.PART_EXCEEDS_TOTAL'],
  ])('%s = %s gives %s %s', (field, text, path, code) => {
    const record = {
      key: 'r',
      referenceYear: '2026',
      landPlots: [
        {
          key: 'p',
          purpose: 'homestead' as const,
          areaHa: field === 'areaHa' ? text : '0.1',
          cadastralNumber: '',
        },
      ],
      livestock: { cattle: field === 'cattle' ? text : '3', ...(field === 'cows' ? { cows: text } : {}) },
      machinery: [],
    };
    const { issues } = checkDraft({ ...valid(), records: [record] }, speciesCatalogue(SPECIES), TODAY);
    expect(issues).toContainEqual({ path, code });
  });

  it('survives a round trip through the domain value', () => {
    const draft = { ...valid(), records: [{ ...emptyDraft('113243000', 2026).records[0]!, key: 'r' }] };
    const { household } = householdFromDraft(draft);
    expect(householdFromDraft(draftFromHousehold(household)).household).toEqual(household);
  });
});

describe('server errors', () => {
  it('maps the domain errors of HOUSEHOLD.INVALID by path', () => {
    const e = new ApiError('HOUSEHOLD.INVALID', 422, {
      errors: [
        { code: 'HOUSEHOLD.IIN_IN_TWO_OPEN_HOUSEHOLDS', path: 'members[1].iin', message: 'x' },
        { code: 'HOUSEHOLD.NO_HEAD', path: 'members', message: 'x' },
      ],
    });
    expect(issuesFromError(e)).toEqual([
      { path: 'members[1].iin', code: 'HOUSEHOLD.IIN_IN_TWO_OPEN_HOUSEHOLDS' },
      { path: 'members', code: 'HOUSEHOLD.NO_HEAD' },
    ]);
  });

  it('maps the request schema fields of VALIDATION_FAILED to domain paths', () => {
    const e = new ApiError('VALIDATION_FAILED', 400, {
      fields: [{ path: 'body.household.members.0.surname', message: 'Too small' }],
    });
    expect(issuesFromError(e)).toEqual([{ path: 'members[0].surname', code: 'VALIDATION_FAILED' }]);
  });

  it.each([
    ['body.household.yearlyRecords.0.landPlots.1.areaHa', 'yearlyRecords[0].landPlots[1].areaHa'],
    ['household.address', 'address'],
    ['body.reason', 'reason'],
    ['members[2].iin', 'members[2].iin'],
  ])('%s → %s', (from, to) => {
    expect(domainPath(from)).toBe(to);
  });

  it('puts single-field codes on their field', () => {
    expect(issuesFromError(new ApiError('HOUSEHOLD.ACCOUNT_EXISTS', 409))).toEqual([
      { path: 'accountNumber', code: 'HOUSEHOLD.ACCOUNT_EXISTS' },
    ]);
    expect(issuesFromError(new ApiError('HOUSEHOLD.CONFLICT', 409))).toEqual([]);
  });

  it('names inputs after their path and groups issues', () => {
    expect(fieldId('yearlyRecords[0].livestock.cows')).toBe('hb-yearlyRecords-0-livestock-cows');
    const grouped = issuesByPath([
      { path: 'a', code: 'X' },
      { path: 'a', code: 'X' },
      { path: 'a', code: 'Y' },
    ]);
    expect(grouped.get('a')).toEqual(['X', 'Y']);
  });
});

describe('species and search', () => {
  it('puts each "of which" line under its total', () => {
    expect(speciesRows(SPECIES).map((r) => `${r.depth}:${r.species.code}`)).toEqual([
      '0:cattle',
      '1:cows',
      '0:sheep',
      '0:poultry',
      '1:chickens',
    ]);
  });

  it('builds the import template header from the species list', () => {
    const csv = templateCsv(SPECIES);
    expect(csv.startsWith('\uFEFFbook_no;account_no;settlement_kato;address;reference_year;iin;')).toBe(true);
    expect(csv).toContain(';cattle;sheep;poultry;chickens;cows;machinery\r\n');
  });

  it('reads and writes the search address, dropping what is invalid or default', () => {
    const state = searchStateFrom(new URLSearchParams('q=Ахмет&akimat=12&status=closed&page=0'));
    expect(state).toEqual({ q: 'Ахмет', akimat: '', status: 'closed', page: 1 });
    expect(searchParamsOf({ ...state, page: 3 }).toString()).toBe(
      'q=%D0%90%D1%85%D0%BC%D0%B5%D1%82&status=closed&page=3',
    );
    expect(searchApiQuery({ q: '', akimat: '113243000', status: '', page: 2 }, 20)).toBe(
      'limit=21&offset=20&akimat=113243000',
    );
  });
});
