import { describe, expect, it } from 'vitest';
import { applyCorrections, type OfficeCorrection, parseCorrectionsFile } from './corrections';
import type { LocatedOffice, ParseIssue } from './office-record';

// reviewed corrections are applied by the parser, guarded, and never silently stale.
const office: LocatedOffice = {
  line: 946,
  record: {
    id: 'a1-05-16',
    appendix: 1,
    ordinal: 16,
    oblast: { kk: 'Шығыс Қазақстан облысы', ru: 'Восточно-Казахстанская область' },
    kind: 'district_apparatus',
    name: { kk: '«Тарбағатай ауданы әкімінің аппараты» ММ', ru: 'ГУ «Аппарат акима Тарбагатайского района»' },
    address: 'Шығыс Қазақстан облысы, Тарбағатай ауданы, Ақсуат а., Абылайхан к., 13.',
    phones: ['8 (72346) 2-20-54'],
    emails: [],
    district: { kk: 'Тарбағатай ауданы', ru: 'Тарбагатайский район' },
  },
};
const truncated: ParseIssue = {
  line: 946,
  entry: 'a1-05-16',
  code: 'EMAIL_TRUNCATED',
  severity: 'error',
  message: 'cut',
};
const reason = 'a reason long enough';

describe('applyCorrections (R-20)', () => {
  it('sets fields when expect matches, and resolves the named issues', () => {
    const c: OfficeCorrection = {
      id: 'fix',
      office: 'a1-05-16',
      reason,
      resolves: ['EMAIL_TRUNCATED'],
      expect: { emails: [] },
      set: { emails: ['tarbag_econ@mail.ru'] },
    };
    const r = applyCorrections([office], [truncated], [c]);
    expect(r.offices[0]?.record.emails).toEqual(['tarbag_econ@mail.ru']);
    expect(r.issues).toEqual([{ ...truncated, resolvedBy: 'fix' }]);
  });

  it('compares { kk, ru } values whatever their key order', () => {
    const c: OfficeCorrection = {
      id: 'district',
      office: 'a1-05-16',
      reason,
      expect: { district: { ru: 'Тарбагатайский район', kk: 'Тарбағатай ауданы' } },
      set: { district: { kk: 'X', ru: 'Y' } },
    };
    expect(applyCorrections([office], [], [c]).offices[0]?.record.district).toEqual({ kk: 'X', ru: 'Y' });
  });

  it.each([
    [
      'a stale expectation is not applied',
      { id: 's', office: 'a1-05-16', reason, expect: { phones: ['1'] }, set: { phones: ['2'] } },
      'CORRECTION_STALE',
      946,
    ],
    [
      'an unknown office',
      { id: 'u', office: 'a1-99-99', reason, resolves: ['EMAIL_TRUNCATED'] },
      'CORRECTION_UNKNOWN_OFFICE',
      0,
    ],
    [
      'an issue that is not there',
      { id: 'n', office: 'a1-05-16', reason, resolves: ['MISSING_PHONE'] },
      'CORRECTION_UNUSED',
      946,
    ],
  ] as const)('%s is an error issue', (_, c, code, line) => {
    const r = applyCorrections([office], [truncated], [c as OfficeCorrection]);
    expect(r.offices[0]?.record).toEqual(office.record);
    expect(r.issues).toContainEqual(expect.objectContaining({ code, severity: 'error', line }));
  });
});

describe('parseCorrectionsFile (R-20)', () => {
  it('accepts the documented shape', () => {
    const r = parseCorrectionsFile({
      corrections: [{ id: 'a', office: 'a1-05-16', reason, resolves: ['EMAIL_TRUNCATED'] }],
    });
    expect(r.ok).toBe(true);
  });

  it.each([
    ['not an object', []],
    ['no reason', { corrections: [{ id: 'a', office: 'x', resolves: ['EMAIL_TRUNCATED'] }] }],
    ['nothing to do', { corrections: [{ id: 'a', office: 'x', reason }] }],
    ['unknown issue code', { corrections: [{ id: 'a', office: 'x', reason, resolves: ['NOPE'] }] }],
    ['set without expect', { corrections: [{ id: 'a', office: 'x', reason, set: { address: 'y' } }] }],
    [
      'uncorrectable field',
      { corrections: [{ id: 'a', office: 'x', reason, set: { id: 'y' }, expect: { id: 'x' } }] },
    ],
    [
      'wrong value type',
      { corrections: [{ id: 'a', office: 'x', reason, set: { phones: 'y' }, expect: { phones: [] } }] },
    ],
    [
      'duplicate id',
      {
        corrections: [
          { id: 'a', office: 'x', reason, resolves: ['EMAIL_TRUNCATED'] },
          { id: 'a', office: 'y', reason, resolves: ['EMAIL_TRUNCATED'] },
        ],
      },
    ],
  ])('rejects %s', (_, json) => {
    const r = parseCorrectionsFile(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('DIRECTORY.BAD_CORRECTIONS');
  });
});
