import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import kzJson from '../../../data/calendar/kz.json';
import {
  buildCalendar,
  isWorkingDay,
  toCivil,
  type WorkingCalendar,
  workingDaysBetween,
} from '../calendar/index';
import { unwrap } from '../shared/result';
import {
  COMPLAINT_ACTIONS,
  COMPLAINT_STATUSES,
  checkAnswerText,
  checkComplaintText,
  complaintNumber,
  COMPLAINT_NUMBER_PATTERN,
  nextComplaintStatus,
} from './complaint';
import { checkOfficeIntake, complaintDeadline, deadlineFlag } from './deadline';
import { answerDocument, talonDocument } from './documents';
import { type ComplaintSubject, escalationOf, forwardTargets, routeComplaint } from './routing';
import { checkSurveyScores, lowScores, SURVEY_FORMS, SURVEY_INDICATORS } from './survey';

const cal: WorkingCalendar = unwrap(buildCalendar(kzJson));
const ms = (iso: string) => Date.parse(iso);
const AKIMAT = '113243000';

// the complaint state table.
describe('complaint transitions (R-18)', () => {
  it.each([
    ['registered', 'take_under_review', 'under_review'],
    ['registered', 'forward', 'forwarded'],
    ['registered', 'escalate', 'escalated'],
    ['forwarded', 'take_under_review', 'under_review'],
    ['escalated', 'take_under_review', 'under_review'],
    ['under_review', 'answer', 'answered'],
    ['under_review', 'forward', 'forwarded'],
    ['under_review', 'escalate', 'escalated'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(unwrap(nextComplaintStatus(from, action))).toBe(to);
  });

  it.each([
    ['registered', 'answer'],
    ['forwarded', 'answer'],
    ['under_review', 'take_under_review'],
    ['answered', 'answer'],
    ['answered', 'forward'],
    ['answered', 'escalate'],
  ] as const)('%s cannot %s', (from, action) => {
    const r = nextComplaintStatus(from, action);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('COMPLAINT.INVALID_TRANSITION');
  });

  it('property: an answered complaint never moves, and every transition lands on a known status', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COMPLAINT_STATUSES), fc.constantFrom(...COMPLAINT_ACTIONS), (s, a) => {
        const r = nextComplaintStatus(s, a);
        if (s === 'answered') expect(r.ok).toBe(false);
        if (r.ok) expect(COMPLAINT_STATUSES).toContain(r.value);
        // Only a complaint under review can be answered.
        if (a === 'answer' && r.ok) expect(s).toBe('under_review');
      }),
    );
  });
});

// a complaint says what is wrong; R-17 §23: an answer is reasoned.
describe('complaint text (R-16, R-17)', () => {
  it.each([
    ['', 'COMPLAINT.TEXT_REQUIRED'],
    ['    \n ', 'COMPLAINT.TEXT_REQUIRED'],
    ['плохо', 'COMPLAINT.TEXT_TOO_SHORT'],
    ['x'.repeat(5001), 'COMPLAINT.TEXT_TOO_LONG'],
  ])('%j → %s', (text, code) => {
    const r = checkComplaintText(text);
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });
  it('accepts and trims a real complaint', () => {
    expect(unwrap(checkComplaintText('  Мне отказали без причины.  '))).toBe('Мне отказали без причины.');
  });
  it('refuses a bare answer', () => {
    expect(checkAnswerText('Отказано').ok).toBe(false);
  });
  it('numbers complaints C<year>-<6 digits>', () => {
    expect(complaintNumber(2026, 42)).toBe('C2026-000042');
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2999 }), fc.integer({ min: 1, max: 999_999 }), (y, n) => {
        expect(complaintNumber(y, n)).toMatch(COMPLAINT_NUMBER_PATTERN);
      }),
    );
  });
});

// who reviews.
describe('routing (R-17)', () => {
  const viaAkimat: ComplaintSubject = { akimatKato: AKIMAT, pscOfficeId: null, channel: 'akimat' };
  const viaPsc: ComplaintSubject = { akimatKato: AKIMAT, pscOfficeId: 'psc-01', channel: 'psc' };
  const online: ComplaintSubject = { akimatKato: AKIMAT, pscOfficeId: null, channel: 'online' };
  const pscOnly: ComplaintSubject = {
    akimatKato: null,
    pscOfficeId: 'psc-01',
    pscOblastKato: '110000000',
    channel: null,
  };
  it.each([
    ['result', viaAkimat, 'district', '113200000', null],
    ['result', viaPsc, 'district', '113200000', null],
    ['result', online, 'district', '113200000', null],
    ['service', viaAkimat, 'akimat', AKIMAT, null],
    ['service', online, 'akimat', AKIMAT, null],
    ['service', viaPsc, 'psc', null, 'psc-01'],
    ['service', pscOnly, 'psc', null, 'psc-01'],
    ['result', pscOnly, 'oblast', '110000000', null],
  ] as const)('%s via %j → %s %s %s', (kind, subject, level, kato, psc) => {
    expect(unwrap(routeComplaint(kind, subject))).toEqual({ level, kato, pscOfficeId: psc });
  });

  it.each([
    ['akimat', 'district', '113200000'],
    ['district', 'oblast', '110000000'],
    ['psc', 'oblast', '110000000'],
  ] as const)('escalates %s → %s', (from, to, kato) => {
    expect(unwrap(escalationOf(from, viaPsc))).toMatchObject({ level: to, kato });
  });

  it('the oblast akim is the top: the court remains (§23)', () => {
    const r = escalationOf('oblast', viaAkimat);
    expect(r.ok ? 'ok' : r.error.code).toBe('COMPLAINT.TOP_LEVEL');
  });

  it('forward targets exclude the current addressee', () => {
    const current = unwrap(routeComplaint('service', viaPsc));
    const levels = forwardTargets(current, viaPsc).map((a) => a.level);
    expect(levels).toEqual(['akimat', 'district', 'oblast']);
  });

  it('property: every route of a subject with an akimat lies within the akimat’s oblast', () => {
    const akimats = ['113243000', '113245000', '111833000', '191033000', '551620000'];
    fc.assert(
      fc.property(
        fc.constantFrom('result', 'service'),
        fc.constantFrom(...akimats),
        fc.constantFrom('akimat', 'psc', 'online'),
        (kind, kato, channel) => {
          const a = unwrap(
            routeComplaint(kind as 'result' | 'service', {
              akimatKato: kato,
              pscOfficeId: 'psc-01',
              channel: channel as 'akimat',
            }),
          );
          if (a.kato) expect(a.kato.slice(0, 2)).toBe(kato.slice(0, 2));
        },
      ),
    );
  });
});

// complaint hours at the office; R-18: the 5-working-day deadline.
describe('intake hours and deadline (R-10, R-18)', () => {
  it.each([
    ['akimat', '2026-11-25T19:30:00+05:00', true], // the akimat takes complaints until 20:00 (seed quirk)
    ['akimat', '2026-11-25T20:00:00+05:00', false],
    ['akimat', '2026-11-25T13:30:00+05:00', false], // lunch
    ['akimat', '2026-11-25T08:59:00+05:00', false],
    ['akimat', '2026-11-28T10:00:00+05:00', false], // Saturday
    ['psc_branch', '2026-11-25T19:10:00+05:00', false],
    ['psc_branch', '2026-11-25T18:50:00+05:00', true],
    ['psc', '2026-11-25T13:30:00+05:00', true],
    ['akimat', '2026-12-16T10:00:00+05:00', false], // Independence Day
  ] as const)('%s at %s → %s', (schedule, at, open) => {
    const r = checkOfficeIntake(cal, schedule, ms(at));
    expect(r.ok).toBe(open);
    if (!r.ok) expect(r.error.code).toBe('COMPLAINT.OUTSIDE_HOURS');
  });

  it.each([
    // Wed 10:00 → Thu, Fri, Mon, Tue, Wed → Wed 2 Dec 20:00; amber from Tue 1 Dec 20:00.
    ['2026-11-25T10:00:00+05:00', '2026-12-02T20:00:00+05:00', '2026-12-01T20:00:00+05:00', '2026-11-25'],
    // Online on Saturday: counts from Monday 30 Nov (not counted) → Tue…Mon 7 Dec.
    ['2026-11-28T23:00:00+05:00', '2026-12-07T20:00:00+05:00', '2026-12-04T20:00:00+05:00', '2026-11-30'],
    // Online at 21:00 Wednesday: counts as Thursday.
    ['2026-11-25T21:00:00+05:00', '2026-12-03T20:00:00+05:00', '2026-12-02T20:00:00+05:00', '2026-11-26'],
    // Over Independence Day (Wed 16 Dec 2026 off).
    ['2026-12-14T10:00:00+05:00', '2026-12-22T20:00:00+05:00', '2026-12-21T20:00:00+05:00', '2026-12-14'],
  ])('registered %s → due %s, amber from %s, counts from %s', (at, due, amber, from) => {
    const d = unwrap(complaintDeadline(cal, ms(at)));
    expect(d.due).toBe(due);
    expect(d.amberFromMs).toBe(ms(amber));
    expect(d.countsFrom).toBe(from);
  });

  it('the term is configurable', () => {
    expect(unwrap(complaintDeadline(cal, ms('2026-11-25T10:00:00+05:00'), 1)).due).toBe(
      '2026-11-26T20:00:00+05:00',
    );
    expect(complaintDeadline(cal, ms('2026-11-25T10:00:00+05:00'), 0).ok).toBe(false);
  });

  it('property: the due day is a working day exactly n working days after the day it counts from', () => {
    const start = ms('2025-01-01T00:00:00+05:00');
    const end = ms('2027-06-01T00:00:00+05:00');
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), fc.integer({ min: 1, max: 15 }), (at, n) => {
        const d = unwrap(complaintDeadline(cal, at, n));
        const dueDate = toCivil(d.dueMs).date;
        expect(unwrap(isWorkingDay(cal, dueDate))).toBe(true);
        expect(unwrap(workingDaysBetween(cal, d.countsFrom, dueDate))).toBe(n);
        expect(d.amberFromMs).toBeLessThanOrEqual(d.dueMs);
        expect(d.amberFromMs).toBeGreaterThanOrEqual(at);
      }),
    );
  });

  it.each([
    ['registered', '2026-11-30T10:00:00+05:00', 'green'],
    ['under_review', '2026-12-02T10:00:00+05:00', 'amber'],
    ['under_review', '2026-12-02T20:00:00+05:00', 'red'],
  ] as const)('flag of %s at %s → %s', (status, now, flag) => {
    const d = unwrap(complaintDeadline(cal, ms('2026-11-25T10:00:00+05:00')));
    expect(deadlineFlag(status, ms(now), d.amberFromMs, d.dueMs, null)).toBe(flag);
  });

  // registered Wed 25 Nov 10:00, due Wed 2 Dec 20:00. An answer after that stays late, whenever looked at.
  it.each([
    ['2026-12-01T15:00:00+05:00', 'none'],
    ['2026-12-02T20:00:00+05:00', 'none'], // at the due instant: by the deadline, as 4.2 counts it
    ['2026-12-02T20:00:01+05:00', 'late'],
    ['2026-12-04T11:00:00+05:00', 'late'],
  ] as const)('an answer given at %s is flagged %s (R-18)', (answeredAt, flag) => {
    const d = unwrap(complaintDeadline(cal, ms('2026-11-25T10:00:00+05:00')));
    const later = ms('2026-12-09T20:00:00+05:00');
    expect(deadlineFlag('answered', later, d.amberFromMs, d.dueMs, ms(answeredAt))).toBe(flag);
  });
});

// the talon; R-17 §23: the answer states the right to go to court.
describe('documents (R-17, R-18)', () => {
  const office = {
    name: { kk: 'Аудан әкімінің аппараты', ru: 'Аппарат акима района' },
    address: 'Акколь',
    phones: ['8 (71638) 2-02-82'],
    emails: ['akkol@mail.ru'],
  };
  const talon = (lang: 'kk' | 'ru') =>
    talonDocument(
      {
        number: 'C2026-000001',
        kind: 'result',
        registeredAt: '2026-11-25T10:00:00+05:00',
        acceptedBy: { position: { kk: 'Маман', ru: 'Специалист' }, name: 'Айгүл Сейітқызы' },
        intakeOffice: office,
        complainantName: 'Асқар Нұрланұлы',
        dueAt: '2026-12-02T20:00:00+05:00',
        workingDays: 5,
        reviewer: { ...office, position: { kk: 'Аудан әкімі', ru: 'Аким района' } },
        statusUrl: 'https://q.kz/complaints/status?number=C2026-000001',
      },
      lang,
    );
  it.each(['kk', 'ru'] as const)('the %s talon carries every item of §24', (lang) => {
    const text = JSON.stringify(talon(lang));
    for (const needle of [
      'C2026-000001',
      '10:00',
      '2026',
      'Айгүл Сейітқызы',
      '20:00',
      '8 (71638) 2-02-82',
      'akkol@mail.ru',
      'status?number=C2026-000001',
    ]) {
      expect(text).toContain(needle);
    }
    expect(talon(lang).qr?.text).toBe('https://q.kz/complaints/status?number=C2026-000001');
    expect(text).not.toMatch(/\d{12}/); // never an IIN on the talon's link
  });
  it.each([
    ['kk', 'сотқа жүгінуге'],
    ['ru', 'обратиться в суд'],
  ] as const)('the %s answer states the right to go to court', (lang, court) => {
    const doc = answerDocument(
      {
        complaintNumber: 'C2026-000001',
        kind: 'result',
        registeredAt: '2026-11-25T10:00:00+05:00',
        answeredAt: '2026-11-27T12:00:00+05:00',
        complainantName: 'Асқар',
        complaintText: 'Мне отказали',
        outcome: 'not_justified',
        reasoning: 'Запись в похозяйственной книге отсутствует.',
        reviewer: {
          position: { kk: 'Аудан әкімі', ru: 'Аким района' },
          name: 'Серік Жұмабаев',
          office: office.name,
        },
        surveyUrl: 'https://q.kz/survey',
      },
      lang,
    );
    expect(JSON.stringify(doc)).toContain(court);
  });
});

// surveys.
describe('surveys (R-19)', () => {
  it('questions map one-to-one to the Appendix 3 indicators', () => {
    const asked = new Set([...SURVEY_FORMS.application, ...SURVEY_FORMS.complaint]);
    expect([...asked].sort()).toEqual([...SURVEY_INDICATORS].sort());
  });
  it.each([
    ['application', { '2.1': 5, '3.1': 4, '5.1': 3 }, 'ok'],
    ['application', { '2.1': 6, '3.1': 4, '5.1': 3 }, 'SURVEY.SCORE_OUT_OF_RANGE'],
    ['application', { '2.1': 0, '3.1': 4, '5.1': 3 }, 'SURVEY.SCORE_OUT_OF_RANGE'],
    ['application', { '2.1': 2.5, '3.1': 4, '5.1': 3 }, 'SURVEY.SCORE_OUT_OF_RANGE'],
    ['application', { '2.1': 5, '3.1': 4 }, 'SURVEY.MISSING_ANSWER'],
    ['application', { '2.1': 5, '3.1': 4, '5.1': 3, '4.4': 5 }, 'SURVEY.UNKNOWN_QUESTION'],
    ['complaint', { '4.3': 1, '4.4': 5, '5.1': 5 }, 'ok'],
  ] as const)('%s %j → %s', (subject, scores, code) => {
    const r = checkSurveyScores(subject, scores);
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });
  it('property: a low score opens a follow-up exactly when some answer is ≤ 2', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.integer({ min: 1, max: 5 }),
          fc.integer({ min: 1, max: 5 }),
          fc.integer({ min: 1, max: 5 }),
        ),
        ([a, b, c]) => {
          const scores = unwrap(checkSurveyScores('complaint', { '4.3': a, '4.4': b, '5.1': c }));
          expect(lowScores(scores).length > 0).toBe(Math.min(a, b, c) <= 2);
        },
      ),
    );
  });
});
