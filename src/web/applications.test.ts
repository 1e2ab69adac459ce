import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { applicantBody, applicantIssues, fieldIssuesOf, iinIssue, isKato, pdfHref } from './applications';

// Issue 5, item 4: the service forms check what the server would refuse before sending (R-3: the IIN's
// check digit), and put the server's coded answers at the field they concern.
describe('the applicant form', () => {
  it('accepts a valid IIN and refuses a bad check digit and a short one with their codes', () => {
    expect(iinIssue('850315400025')).toBeNull();
    expect(iinIssue(' 850315400025 ')).toBeNull();
    expect(iinIssue('850315400026')).toBe('IIN.BAD_CHECK_DIGIT');
    expect(iinIssue('85031540002')).toBe('IIN.BAD_FORMAT');
  });

  it('requires the surname and the name, not the patronymic', () => {
    const issues = applicantIssues({ iin: '850315400026', surname: ' ', name: '', patronymic: '' });
    expect([...issues.entries()]).toEqual([
      ['iin', ['IIN.BAD_CHECK_DIGIT']],
      ['surname', ['APPLICATION.MISSING_NAME']],
      ['name', ['APPLICATION.MISSING_NAME']],
    ]);
    expect(
      applicantIssues({ iin: '850315400025', surname: 'Ахметова', name: 'Гүлнар', patronymic: '' }).size,
    ).toBe(0);
  });

  it('sends trimmed names and leaves out an empty patronymic', () => {
    expect(
      applicantBody({ iin: ' 850315400025', surname: ' Ахметова ', name: 'Гүлнар', patronymic: ' ' }),
    ).toEqual({ iin: '850315400025', surname: 'Ахметова', name: 'Гүлнар' });
  });

  it('places server codes at their field: IIN codes, the wrong person at hand-over, validation paths', () => {
    expect([...fieldIssuesOf(new ApiError('IIN.BAD_CHECK_DIGIT', 422)).entries()]).toEqual([
      ['iin', ['IIN.BAD_CHECK_DIGIT']],
    ]);
    expect([
      ...fieldIssuesOf(new ApiError('APPLICATION.HANDOVER_WRONG_PERSON', 422), 'presentedIin').entries(),
    ]).toEqual([['presentedIin', ['APPLICATION.HANDOVER_WRONG_PERSON']]]);
    const validation = new ApiError('VALIDATION_FAILED', 400, [
      { path: ['body', 'applicant', 'surname'], message: 'x' },
    ]);
    expect([...fieldIssuesOf(validation).entries()]).toEqual([['surname', ['VALIDATION_FAILED']]]);
    expect(fieldIssuesOf(new ApiError('APPLICATION.ALREADY_DECIDED', 409)).size).toBe(0);
  });

  it('builds PDF links per language and checks a KATO code', () => {
    expect(pdfHref({ pdfUrl: '/api/v1/documents/abc.pdf' }, 'ru')).toBe('/api/v1/documents/abc.pdf?lang=ru');
    expect(isKato('113243000')).toBe(true);
    expect(isKato('11324300')).toBe(false);
  });
});
