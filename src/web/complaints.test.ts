import { describe, expect, it } from 'vitest';
import { translateError } from '../i18n';
import {
  complaintFieldOf,
  complaintFieldOfPath,
  surveyQuestions,
  surveyTargetOf,
  ticketSurveyPath,
} from './complaints';
import { qrPath } from './qr-code';

// Issue 7: the complaint form shows each coded error next to the field it concerns (WCAG 3.3.1).
describe('complaint form errors', () => {
  it.each([
    ['COMPLAINT.TEXT_REQUIRED', 'application', 'text'],
    ['COMPLAINT.TEXT_TOO_SHORT', 'office', 'text'],
    ['COMPLAINT.APPLICATION_NOT_FOUND', 'application', 'applicationId'],
    ['COMPLAINT.NOT_APPLICANT', 'application', 'applicationId'],
    ['COMPLAINT.SUBJECT_REQUIRED', 'application', 'applicationId'],
    ['COMPLAINT.SUBJECT_REQUIRED', 'office', 'officeId'],
    ['COMPLAINT.NOT_A_SERVICE_OFFICE', 'office', 'officeId'],
    ['IIN.BAD_CHECK_DIGIT', 'office', 'complainant.iin'],
    ['COMPLAINT.OUTSIDE_HOURS', 'office', null],
    ['COMPLAINT.NO_ADDRESSEE', 'application', null],
  ] as const)('%s (about %s) belongs to %s', (code, about, field) => {
    expect(complaintFieldOf(code, about)).toBe(field);
  });

  it('maps validation paths to fields', () => {
    expect(complaintFieldOfPath('contactPhone')).toBe('contactPhone');
    expect(complaintFieldOfPath('complainant.iin')).toBe('complainant.iin');
    expect(complaintFieldOfPath('applicationId')).toBe('applicationId');
    expect(complaintFieldOfPath('somethingElse')).toBeNull();
  });

  it('translates every complaint and survey code in kk and ru', () => {
    const codes = [
      'COMPLAINT.TEXT_REQUIRED',
      'COMPLAINT.APPLICATION_NOT_FOUND',
      'COMPLAINT.NOT_APPLICANT',
      'COMPLAINT.OUTSIDE_HOURS',
      'COMPLAINT.ANSWER_NOT_REASONED',
      'SURVEY.ALREADY_ANSWERED',
      'SURVEY.SCORE_OUT_OF_RANGE',
    ];
    for (const code of codes) {
      for (const locale of ['kk', 'ru'] as const) {
        expect(translateError(locale, code)).not.toBe(translateError(locale, 'NO.SUCH_CODE'));
      }
    }
  });
});

// the survey a link asks for, and its questions (one per indicator of Appendix 3).
describe('survey target', () => {
  it('reads the complaint number or the application id from the link', () => {
    expect(surveyTargetOf(new URLSearchParams('complaint=C2026-000042'))).toEqual({
      subject: 'complaint',
      reference: 'C2026-000042',
    });
    expect(surveyTargetOf(new URLSearchParams('application=abc&mode=tablet'))).toEqual({
      subject: 'application',
      reference: 'abc',
    });
    // the queue ticket's link.
    expect(
      surveyTargetOf(
        new URLSearchParams(ticketSurveyPath('7c9e6679-7425-40de-944b-e07fc1f90ae7').split('?')[1]),
      ),
    ).toEqual({
      subject: 'application',
      reference: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    });
    expect(surveyTargetOf(new URLSearchParams('mode=tablet'))).toEqual({
      subject: 'application',
      reference: '',
    });
  });

  it('asks 2.1, 3.1, 5.1 after a service and 4.3, 4.4, 5.1 after a complaint', () => {
    expect(surveyQuestions('application')).toEqual(['2.1', '3.1', '5.1']);
    expect(surveyQuestions('complaint')).toEqual(['4.3', '4.4', '5.1']);
  });
});

describe('talon QR', () => {
  it('draws one square per dark module of a version-3 or larger symbol for a status link', () => {
    const { size, d } = qrPath('http://127.0.0.1/complaints/status?number=C2026-000042');
    expect(size).toBeGreaterThanOrEqual(29);
    expect(d.match(/M/g)?.length ?? 0).toBeGreaterThan(100);
  });
});
