/**
 * each indicator of Appendix 3 on hand-made records — what counts in the numerator, in the denominator,
 * and what is left out — and the "no data" rule.
 */
import { describe, expect, it } from 'vitest';
import { recordsBehind, tally } from './count';
import {
  AKIMAT_A,
  application,
  at,
  complaint,
  day,
  document,
  MARCH,
  PSC_1,
  survey,
  ticket,
} from './fixtures.test-support';
import { INDICATOR_CODES, INDICATORS } from './indicators';
import { indicatorValue } from './value';

describe('the definitions table (R-15, Appendix 3)', () => {
  it('has the twelve indicators with their normative values; 4.1 alone is a ceiling', () => {
    expect(INDICATOR_CODES).toHaveLength(12);
    const normatives = Object.fromEntries(INDICATOR_CODES.map((c) => [c, INDICATORS[c].normative]));
    expect(normatives).toEqual({
      '1.1': 100,
      '1.2': 100,
      '2.1': 100,
      '2.2': 100,
      '3.1': 100,
      '3.2': 100,
      '3.3': 40,
      '4.1': 1,
      '4.2': 100,
      '4.3': 100,
      '4.4': 90,
      '5.1': 85,
    });
    expect(INDICATOR_CODES.filter((c) => INDICATORS[c].direction === 'ceiling')).toEqual(['4.1']);
    expect(INDICATORS['3.3'].normativeText).toBe('40-50');
  });

  it('every indicator says what it counts, in both languages, and names its requirement', () => {
    for (const c of INDICATOR_CODES) {
      const d = INDICATORS[c];
      expect(d.code).toBe(c);
      expect(d.title.kk.length).toBeGreaterThan(10);
      expect(d.title.ru.length).toBeGreaterThan(10);
      expect(d.numerator).not.toBe('');
      expect(d.denominator).not.toBe('');
      expect(d.requirement).toMatch(/^R-\d+/);
    }
  });
});

describe('1.1 on time from the moment the documents were handed in (R-7)', () => {
  it('counts completed applications by the deadline, and overdue pending ones as late', () => {
    const facts = {
      applications: [
        application(), // on time
        application({ completedMs: at('2025-03-10T18:00:00+05:00') }), // exactly at the deadline: on time
        application({ completedMs: at('2025-03-11T09:00:00+05:00') }), // after: late
        application({ completedMs: null, dueMs: at('2025-03-31T18:00:00+05:00') }), // overdue, pending: late
        application({ completedMs: null, dueMs: at('2025-04-03T18:00:00+05:00') }), // not due yet: left out
        application({ completedMs: null, dueMs: null, channel: 'psc', place: PSC_1 }), // not accepted yet: left out
        application({ refusedAtIntake: true, dueMs: null, channel: 'psc', place: PSC_1 }), // refused at once: on time
        application({ receivedMs: at('2025-02-28T17:00:00+05:00') }), // February: left out
      ],
    };
    expect(tally('1.1', facts, MARCH)).toEqual({ numerator: 3, denominator: 5 });
    expect(recordsBehind('1.1', facts, MARCH)).toHaveLength(2);
  });

  it('the period is civil days in Almaty: 23:30 on 31 March is March, 00:10 on 1 April is not', () => {
    const facts = {
      applications: [
        application({
          receivedMs: at('2025-03-31T23:30:00+05:00'),
          dueMs: at('2025-04-01T18:00:00+05:00'),
          completedMs: at('2025-04-01T10:00:00+05:00'),
        }),
        application({
          receivedMs: at('2025-03-31T19:10:00Z'), // 00:10 on 1 April in Almaty
          dueMs: at('2025-04-01T18:00:00+05:00'),
          completedMs: at('2025-04-01T10:00:00+05:00'),
        }),
      ],
    };
    expect(tally('1.1', facts, MARCH)).toEqual({ numerator: 1, denominator: 1 });
  });
});

describe('1.2 waited at most 10 minutes (R-8)', () => {
  it('counts measured waits; 10.0 is within, 10.01 is not; still waiting is left out', () => {
    const facts = {
      tickets: [
        ticket({ waitMinutes: 0 }),
        ticket({ waitMinutes: 10 }),
        ticket({ waitMinutes: 10.01 }),
        ticket({ waitMinutes: 45 }),
        ticket({ waitMinutes: null }),
        ticket({ day: day('2025-04-01'), waitMinutes: 1 }),
      ],
    };
    expect(tally('1.2', facts, MARCH)).toEqual({ numerator: 2, denominator: 4 });
  });
});

describe('survey indicators 2.1, 3.1, 4.3, 4.4, 5.1 (R-19)', () => {
  const facts = {
    surveys: [
      survey({ scores: { '2.1': 5, '3.1': 4, '5.1': 3 } }),
      survey({ scores: { '2.1': 3, '3.1': 2, '5.1': 4 } }),
      survey({ subject: 'complaint', scores: { '4.3': 4, '4.4': 1, '5.1': 5 } }),
      survey({ subject: 'complaint', scores: { '4.3': 2, '4.4': 5, '5.1': 1 } }),
      survey({ answeredOn: day('2025-04-01'), scores: { '2.1': 5, '3.1': 5, '5.1': 5 } }),
    ],
  };
  it('a score of 4 or 5 is satisfied; each question over its own answers', () => {
    expect(tally('2.1', facts, MARCH)).toEqual({ numerator: 1, denominator: 2 });
    expect(tally('3.1', facts, MARCH)).toEqual({ numerator: 1, denominator: 2 });
    expect(tally('4.3', facts, MARCH)).toEqual({ numerator: 1, denominator: 2 });
    expect(tally('4.4', facts, MARCH)).toEqual({ numerator: 1, denominator: 2 });
  });
  it('5.1 (politeness) counts the answers after a service and after a complaint', () => {
    expect(tally('5.1', facts, MARCH)).toEqual({ numerator: 2, denominator: 4 });
  });
});

describe('2.2 documents prepared correctly (R-5, R-6, R-23)', () => {
  it('a document superseded by a correction is a miss; a revoked one is not a preparation error', () => {
    const facts = {
      documents: [
        document(),
        document({ kind: 'refusal' }),
        document({ status: 'superseded' }),
        document({ status: 'revoked' }),
        document({ issuedMs: at('2025-04-01T09:00:00+05:00'), status: 'superseded' }),
      ],
    };
    expect(tally('2.2', facts, MARCH)).toEqual({ numerator: 3, denominator: 4 });
  });
});

describe('3.2 documents right the first time (R-6, R-11)', () => {
  it('a refusal at intake or on ground 1 is a miss; refusal for no PSF record is not; online is left out', () => {
    const facts = {
      applications: [
        application(),
        application({
          channel: 'psc',
          place: PSC_1,
          refusedAtIntake: true,
          refusalGround: 'incomplete_documents',
        }),
        application({ refusalGround: 'incomplete_documents' }),
        application({ refusalGround: 'no_psf_record' }),
        application({ channel: 'online' }),
      ],
    };
    expect(tally('3.2', facts, MARCH)).toEqual({ numerator: 2, denominator: 4 });
  });
});

describe('3.3 services with information on the Internet (a provider setting)', () => {
  it('sums the services over providers, not their percentages', () => {
    const facts = {
      settings: [
        { place: AKIMAT_A, servicesTotal: 1, servicesOnline: 1 },
        { place: PSC_1, servicesTotal: 9, servicesOnline: 3 },
      ],
    };
    // (1 + 3) / (1 + 9) = 40 %, where the mean of 100 % and 33 % would be 67 %.
    expect(indicatorValue(tally('3.3', facts, MARCH))).toMatchObject({ kind: 'value', percent: 40 });
  });
});

describe('4.1 justified complaints of all applicants served (R-17, R-18) — a ceiling', () => {
  it('justified complaints answered in the period over the applications received in it', () => {
    const facts = {
      applications: Array.from({ length: 200 }, () => application()),
      complaints: [
        complaint(),
        complaint({ outcome: 'justified_partly' }),
        complaint({ outcome: 'not_justified' }),
        complaint({ answeredMs: null, outcome: null }),
        complaint({ answeredMs: at('2025-04-01T10:00:00+05:00') }),
      ],
    };
    expect(tally('4.1', facts, MARCH)).toEqual({ numerator: 2, denominator: 200 });
    expect(recordsBehind('4.1', facts, MARCH)).toHaveLength(2);
  });
  it('justified complaints with no applicant served are still no data, not a percentage', () => {
    expect(indicatorValue(tally('4.1', { complaints: [complaint()] }, MARCH)).kind).toBe('no_data');
  });
});

describe('4.2 justified complaints satisfied in time (R-18)', () => {
  it('only full satisfaction by the deadline counts; unjustified ones are left out', () => {
    const facts = {
      complaints: [
        complaint(),
        complaint({ answeredMs: at('2025-03-10T20:00:00+05:00') }), // at the deadline
        complaint({ answeredMs: at('2025-03-11T09:00:00+05:00') }), // late
        complaint({ outcome: 'justified_partly' }), // only partly satisfied
        complaint({ outcome: 'not_justified' }),
      ],
    };
    expect(tally('4.2', facts, MARCH)).toEqual({ numerator: 2, denominator: 4 });
  });
});

describe('an empty period is "no data", never 100 %', () => {
  it.each(INDICATOR_CODES)('%s with no records', (code) => {
    const v = indicatorValue(tally(code, {}, MARCH));
    expect(v.kind).toBe('no_data');
    expect(v).not.toHaveProperty('percent');
  });
  it('records outside the period are no data too', () => {
    const facts = { applications: [application({ receivedMs: at('2025-05-05T10:00:00+05:00') })] };
    expect(indicatorValue(tally('1.1', facts, MARCH)).kind).toBe('no_data');
  });
});
