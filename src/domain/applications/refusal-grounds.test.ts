import { describe, expect, it } from 'vitest';
import type { PsfLookup } from '../household/psf-lookup';
import type { PlainDate } from '../shared/plain-date';
import {
  ADDRESSEE_KINDS,
  APPEAL_ROUTES,
  REFUSAL_GROUNDS,
  refusalForMissingDocuments,
  refusalFromLookup,
} from './refusal-grounds';

const day = '2026-11-25' as PlainDate;

// R-6 (§16): two grounds and only these, each with its legal basis in both languages.
describe('refusal grounds (R-6)', () => {
  it('are exactly §16 (1) and §16 (2)', () => {
    expect(Object.keys(REFUSAL_GROUNDS)).toEqual(['incomplete_documents', 'no_psf_record']);
    expect(Object.values(REFUSAL_GROUNDS).map((g) => [g.code, g.paragraph, g.item])).toEqual([
      ['incomplete_documents', 16, 1],
      ['no_psf_record', 16, 2],
    ]);
  });

  it.each([
    ['incomplete_documents', '16-тармағының 1) тармақшасы', 'подпункт 1) пункта 16'],
    ['no_psf_record', '16-тармағының 2) тармақшасы', 'подпункт 2) пункта 16'],
  ] as const)('%s cites §16 of Decree No. 283 of 29.03.2011', (code, kk, ru) => {
    const g = REFUSAL_GROUNDS[code];
    expect(g.basis.kk).toContain(kk);
    expect(g.basis.kk).toContain('2011 жылғы 29 наурыздағы № 283 қаулысы');
    expect(g.basis.ru).toContain(ru);
    expect(g.basis.ru).toContain('от 29 марта 2011 года № 283');
  });

  it('ground 1 from the missing documents, never from a complete package', () => {
    expect(refusalForMissingDocuments(['identity_copy'])).toEqual({
      ok: true,
      value: { ground: 'incomplete_documents', missing: ['identity_copy'] },
    });
    const none = refusalForMissingDocuments([]);
    expect(!none.ok && none.error.code).toBe('APPLICATION.DOCUMENTS_COMPLETE');
  });

  it.each([
    [
      {
        kind: 'no-record',
        reason: 'NOTHING_KEPT',
        facts: { bookNumber: '2', accountNumber: '15', referenceYear: 2026 },
      },
      {
        ok: true,
        value: {
          ground: 'no_psf_record',
          reason: 'NOTHING_KEPT',
          facts: { bookNumber: '2', accountNumber: '15', referenceYear: 2026 },
          akimatKato: '113243000',
          asOf: day,
        },
      },
    ],
    [{ kind: 'conflict', householdIds: ['a', 'b'] }, 'APPLICATION.PSF_RECORD_CONFLICT'],
    [{ kind: 'found', record: { householdId: 'h' } }, 'APPLICATION.PSF_RECORD_EXISTS'],
  ] as const)('ground 2 from the lookup %j', (lookup, expected) => {
    const r = refusalFromLookup(lookup as unknown as PsfLookup, '113243000', day);
    if (typeof expected === 'string') expect(!r.ok && r.error.code).toBe(expected);
    else expect(r).toEqual(expected);
  });
});

// R-17 (§20–§23): where and how to complain, and the right to go to court.
describe('appeal routes (R-17)', () => {
  it('§21 to the district or oblast akim, §22 to the rural akim or PSC director, §20 help, §23 court', () => {
    expect(APPEAL_ROUTES.map((r) => [r.paragraph, r.addressees])).toEqual([
      [21, ['district_akim', 'oblast_akim']],
      [22, ['rural_akim', 'psc_director']],
      [20, []],
      [23, []],
    ]);
    expect(APPEAL_ROUTES.flatMap((r) => r.addressees).sort()).toEqual([...ADDRESSEE_KINDS].sort());
    const court = APPEAL_ROUTES.find((r) => r.paragraph === 23);
    expect(court?.text.kk).toContain('сотқа жүгінуге құқылы');
    expect(court?.text.ru).toContain('обратиться в суд');
  });
});
