/**
 * R-19 (Appendix 3): satisfaction surveys after a service and after a complaint's answer. Each question maps
 * one-to-one to an indicator of Appendix 3, so the indicators are shares of satisfied answers. The answer
 * names the office, never the respondent (anonymous to the official rated).
 */
import type { LocalizedText } from '../applications/refusal-grounds';
import { err, ok, type Result } from '../shared/result';

export const SURVEY_SUBJECTS = ['application', 'complaint'] as const;
export type SurveySubject = (typeof SURVEY_SUBJECTS)[number];

export const SURVEY_INDICATORS = ['2.1', '3.1', '4.3', '4.4', '5.1'] as const;
export type SurveyIndicator = (typeof SURVEY_INDICATORS)[number];

export interface SurveyQuestion {
  readonly indicator: SurveyIndicator;
  readonly text: LocalizedText;
}

/** Appendix 3: one question per indicator, worded after the indicator. */
export const SURVEY_QUESTIONS: Readonly<Record<SurveyIndicator, SurveyQuestion>> = {
  '2.1': {
    indicator: '2.1',
    text: {
      kk: 'Қызмет көрсету үдерісінің сапасына қанағаттандыңыз ба?',
      ru: 'Довольны ли вы качеством процесса оказания услуги?',
    },
  },
  '3.1': {
    indicator: '3.1',
    text: {
      kk: 'Қызмет көрсету тәртібі туралы ақпараттың сапасына қанағаттандыңыз ба?',
      ru: 'Довольны ли вы качеством и информацией о порядке оказания услуги?',
    },
  },
  '4.3': {
    indicator: '4.3',
    text: {
      kk: 'Шағымданудың қолданыстағы тәртібіне қанағаттандыңыз ба?',
      ru: 'Довольны ли вы существующим порядком обжалования?',
    },
  },
  '4.4': {
    indicator: '4.4',
    text: {
      kk: 'Шағымның қаралу мерзіміне қанағаттандыңыз ба?',
      ru: 'Довольны ли вы сроками рассмотрения жалобы?',
    },
  },
  '5.1': {
    indicator: '5.1',
    text: {
      kk: 'Қызметкерлердің сыпайылығына қанағаттандыңыз ба?',
      ru: 'Довольны ли вы вежливостью персонала?',
    },
  },
};

/** Which questions each survey asks (indicator 5.1, politeness, is asked after both). */
export const SURVEY_FORMS: Readonly<Record<SurveySubject, readonly SurveyIndicator[]>> = {
  application: ['2.1', '3.1', '5.1'],
  complaint: ['4.3', '4.4', '5.1'],
};

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
/** A score at or above this counts as "satisfied" for the indicator. */
export const SATISFIED_FROM = 4;
/** A score at or below this opens a follow-up task for the director. */
export const LOW_SCORE_UP_TO = 2;

export type SurveyScores = Readonly<Partial<Record<SurveyIndicator, number>>>;

/** every question of the form answered once with a whole score 1..5, nothing else. */
export function checkSurveyScores(
  subject: SurveySubject,
  scores: Record<string, unknown>,
): Result<SurveyScores> {
  const form = SURVEY_FORMS[subject];
  const extra = Object.keys(scores).filter((k) => !(form as readonly string[]).includes(k));
  if (extra.length > 0)
    return err('SURVEY.UNKNOWN_QUESTION', 'the answer names questions this survey does not ask', {
      extra,
      form,
    });
  const out: Partial<Record<SurveyIndicator, number>> = {};
  for (const indicator of form) {
    const v = scores[indicator];
    if (v === undefined)
      return err('SURVEY.MISSING_ANSWER', `question ${indicator} is not answered`, { indicator });
    if (typeof v !== 'number' || !Number.isInteger(v) || v < SCORE_MIN || v > SCORE_MAX) {
      return err('SURVEY.SCORE_OUT_OF_RANGE', `scores are whole numbers ${SCORE_MIN}..${SCORE_MAX}`, {
        indicator,
        score: v,
        min: SCORE_MIN,
        max: SCORE_MAX,
      });
    }
    out[indicator] = v;
  }
  return ok(out);
}

/** The indicators answered with a low score (they open a follow-up task). */
export function lowScores(scores: SurveyScores): SurveyIndicator[] {
  return SURVEY_INDICATORS.filter((i) => {
    const v = scores[i];
    return v !== undefined && v <= LOW_SCORE_UP_TO;
  });
}

export function isSatisfied(score: number): boolean {
  return score >= SATISFIED_FROM;
}
