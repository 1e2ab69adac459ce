import { describe, expect, it } from 'vitest';
import type { PrintableDocument } from '../certificates/documents';
import { SURVEY_INVITATION, surveyLink, withSurveyLink } from './survey-link';

// R-19 (issue 7 item 4): every issued document carries the link to its survey.
describe('survey links (R-19)', () => {
  it.each([
    [
      'https://qosalqy.kz',
      'application',
      '6f1d2c3b-0000-4000-8000-000000000001',
      'https://qosalqy.kz/survey?application=6f1d2c3b-0000-4000-8000-000000000001',
    ],
    ['https://qosalqy.kz/', 'complaint', 'C2026-000042', 'https://qosalqy.kz/survey?complaint=C2026-000042'],
    ['http://127.0.0.1:3000', 'complaint', 'C 1&x', 'http://127.0.0.1:3000/survey?complaint=C%201%26x'],
  ] as const)('%s, %s %s → %s', (base, subject, reference, url) => {
    expect(surveyLink(base, subject, reference)).toBe(url);
  });

  const doc = (language: 'kk' | 'ru', qr?: string): PrintableDocument => ({
    kind: 'certificate',
    language,
    issuer: 'I',
    title: 'T',
    number: 'N',
    date: 'D',
    sections: [],
    signatory: { position: 'P', name: 'S' },
    ...(qr ? { qr: { text: qr, caption: 'C' } } : {}),
  });

  it('adds the survey in the document’s language and keeps the verification QR', () => {
    const kk = withSurveyLink(doc('kk', 'VERIFY'), 'application', 'U');
    expect(kk.survey).toEqual({ text: 'U', caption: SURVEY_INVITATION.application.kk });
    expect(kk.qr).toEqual({ text: 'VERIFY', caption: 'C' });
    expect(withSurveyLink(doc('ru'), 'complaint', 'U').survey?.caption).toBe(SURVEY_INVITATION.complaint.ru);
  });

  it('the complaint answer’s survey QR is not printed twice', () => {
    const answer = withSurveyLink(doc('ru', 'U'), 'complaint', 'U');
    expect(answer.qr).toBeUndefined();
    expect(answer.survey?.text).toBe('U');
  });

  it('kk and ru invitations differ and name no placeholder', () => {
    for (const s of ['application', 'complaint'] as const) {
      expect(SURVEY_INVITATION[s].kk).not.toBe(SURVEY_INVITATION[s].ru);
      expect(`${SURVEY_INVITATION[s].kk}${SURVEY_INVITATION[s].ru}`).not.toMatch(/[{}]/);
    }
  });
});
