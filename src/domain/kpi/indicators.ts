/**
 * R-15 (§18, §19, Appendix 3): the twelve quality and accessibility indicators of the standard, as a table.
 * Each row says what the share counts — numerator, denominator, the facts it is computed from, the requirement
 * the facts come from — and its normative value: a floor for every indicator but 4.1, which is a ceiling
 * (at most 1 % justified complaints). How each row is counted is in `count.ts`, next to these words.
 *
 * The Kazakh titles follow the seed's Appendix 3; the Russian ones the standard's Russian edition.
 */
import type { LocalizedText } from '../applications/refusal-grounds';

export const INDICATOR_CODES = [
  '1.1',
  '1.2',
  '2.1',
  '2.2',
  '3.1',
  '3.2',
  '3.3',
  '4.1',
  '4.2',
  '4.3',
  '4.4',
  '5.1',
] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

export function isIndicatorCode(value: string): value is IndicatorCode {
  return (INDICATOR_CODES as readonly string[]).includes(value);
}

/** The five headings of the Appendix's table. */
export const INDICATOR_GROUPS = {
  1: { kk: 'Уақытылылығы', ru: 'Своевременность' },
  2: { kk: 'Сапасы', ru: 'Качество' },
  3: { kk: 'Қол жеткізуі', ru: 'Доступность' },
  4: { kk: 'Шағымдану үдерісі', ru: 'Процесс обжалования' },
  5: { kk: 'Сыпайылық', ru: 'Вежливость' },
} as const satisfies Record<number, LocalizedText>;
export type IndicatorGroup = keyof typeof INDICATOR_GROUPS;

/**
 * A floor: the value should be at least the normative (higher is better). A ceiling: at most (lower is better).
 */
export type Direction = 'floor' | 'ceiling';

/** The facts an indicator is computed from (`facts.ts`). */
export type FactSource = 'applications' | 'tickets' | 'surveys' | 'documents' | 'complaints' | 'settings';

export interface IndicatorDefinition {
  readonly code: IndicatorCode;
  readonly group: IndicatorGroup;
  readonly title: LocalizedText;
  readonly direction: Direction;
  /** The Appendix's column 2, in percent. For 3.3 ("40–50") the floor is the band's lower end. */
  readonly normative: number;
  /** As printed in the Appendix ("100", "40-50", "1"). */
  readonly normativeText: string;
  readonly numerator: string;
  readonly denominator: string;
  /** Which record falls in which period. */
  readonly period: string;
  readonly sources: readonly FactSource[];
  /** The requirement the facts come from. */
  readonly requirement: string;
}

const def = (d: IndicatorDefinition): IndicatorDefinition => d;

export const INDICATORS: Readonly<Record<IndicatorCode, IndicatorDefinition>> = {
  '1.1': def({
    code: '1.1',
    group: 1,
    title: {
      kk: 'Құжаттар тапсырылған сәттен бастап белгіленген мерзімде қызметті ұсыну жағдайларының %-ы (үлесі)',
      ru: 'Доля (%) случаев предоставления услуги в установленный срок с момента сдачи документов',
    },
    direction: 'floor',
    normative: 100,
    normativeText: '100',
    numerator:
      'applications whose result was available (completedAt: the decision at the akimat and online, a refusal at intake, the return of the result to the PSC) by the deadline; one refused at intake, with no deadline started, is on time',
    denominator:
      'applications received in the period whose outcome is known: completed, or past their deadline and not completed (late); those still within their deadline, or at a PSC before acceptance, are not counted yet',
    period: 'the day the application was received',
    sources: ['applications'],
    requirement: 'R-7, R-12',
  }),
  '1.2': def({
    code: '1.2',
    group: 1,
    title: {
      kk: 'Қызмет алуды кезекте 10 минуттан аспайтын уақыт күткен тұтынушылардың %-ы (үлесі)',
      ru: 'Доля (%) потребителей, ожидавших получения услуги в очереди не более 10 минут',
    },
    direction: 'floor',
    normative: 100,
    normativeText: '100',
    numerator: 'tickets whose wait (open minutes from issue to the first call) was at most 10 minutes',
    denominator:
      'tickets whose wait was measured: called (served or not), or closed while still waiting; tickets still waiting are not counted',
    period: "the ticket's day",
    sources: ['tickets'],
    requirement: 'R-8',
  }),
  '2.1': def({
    code: '2.1',
    group: 2,
    title: {
      kk: 'Қызметті көрсету үдерісінің сапасына қанағаттанған тұтынушылардың %-ы (үлесі)',
      ru: 'Доля (%) потребителей, удовлетворенных качеством процесса предоставления услуги',
    },
    direction: 'floor',
    normative: 100,
    normativeText: '100',
    numerator: 'answers to question 2.1 scored 4 or 5 (satisfied)',
    denominator: 'answers to question 2.1 (the survey after a service)',
    period: 'the day of the answer',
    sources: ['surveys'],
    requirement: 'R-19',
  }),
  '2.2': def({
    code: '2.2',
    group: 2,
    title: {
      kk: 'Құжаттарды лауазымды адам дұрыс рәсімдеген жағдайлардың (жүргізілген төлемдер, есеп айырысулар және тағы басқалар) %-ы (үлесі)',
      ru: 'Доля (%) случаев правильно оформленных должностным лицом документов (произведенных начислений, расчетов и т.д.)',
    },
    direction: 'floor',
    normative: 100,
    normativeText: '100',
    numerator: 'of these, the documents not later corrected or reissued (not superseded by a new document)',
    denominator: 'documents issued in the period: certificates and reasoned refusals, corrections included',
    period: 'the day the document was issued',
    sources: ['documents'],
    requirement: 'R-5, R-6, R-23',
  }),
  '3.1': def({
    code: '3.1',
    group: 3,
    title: {
      kk: 'Қызмет көрсету тәртібі туралы сапаға және ақпаратқа қанағаттанған тұтынушылардың %-ы (үлесі)',
      ru: 'Доля (%) потребителей, удовлетворенных качеством и информацией о порядке предоставления услуги',
    },
    direction: 'floor',
    normative: 100,
    normativeText: '100',
    numerator: 'answers to question 3.1 scored 4 or 5',
    denominator: 'answers to question 3.1 (the survey after a service)',
    period: 'the day of the answer',
    sources: ['surveys'],
    requirement: 'R-19',
  }),
  '3.2': def({
    code: '3.2',
    group: 3,
    title: {
      kk: 'Тұтынушы құжаттарды дұрыс толтырған және бастапқыдан тапсырған жағдайлардың %-ы (үлесі)',
      ru: 'Доля (%) случаев правильно заполненных потребителем документов и сданных с первого раза',
    },
    direction: 'floor',
    normative: 100,
    normativeText: '100',
    numerator:
      'of these, the applications not returned for incomplete documents (neither refused at intake nor refused on ground 1 of §16)',
    denominator:
      'applications handed in on paper (at an akimat or a PSC) received in the period; online applications hand in no documents',
    period: 'the day the application was received',
    sources: ['applications'],
    requirement: 'R-6, R-11',
  }),
  '3.3': def({
    code: '3.3',
    group: 3,
    title: {
      kk: 'Ақпарат Интернет арқылы қол жеткізуге болатын қызметтердің %-ы (үлесі)',
      ru: 'Доля (%) услуг, информация о которых доступна через Интернет',
    },
    direction: 'floor',
    normative: 40,
    normativeText: '40-50',
    numerator:
      "the provider's services whose information is published on the Internet (this service's public page, R-23, counts)",
    denominator: 'the services the provider renders',
    period: 'a setting per provider, as it stands; not dated',
    sources: ['settings'],
    requirement: 'R-15, R-23',
  }),
  '4.1': def({
    code: '4.1',
    group: 4,
    title: {
      kk: 'Қызметтің осы түрі бойынша қызмет көрсетілген тұтынушылардың жалпы санына негізделген шағымдардың %-ы (үлесі)',
      ru: 'Доля (%) обоснованных жалоб к общему количеству обслуженных потребителей по данному виду услуг',
    },
    direction: 'ceiling',
    normative: 1,
    normativeText: '1',
    numerator:
      'complaints answered in the period as justified (satisfied or partly), counted against the office complained about',
    denominator: 'applications received in the period (the applicants served), all channels',
    period: 'the answer day for complaints, the day of receipt for applications',
    sources: ['complaints', 'applications'],
    requirement: 'R-17, R-18',
  }),
  '4.2': def({
    code: '4.2',
    group: 4,
    title: {
      kk: 'Белгіленген мерзімде қаралған және қанағаттандырылған негізделген шағымдардың %-ы (үлесі)',
      ru: 'Доля (%) обоснованных жалоб, рассмотренных и удовлетворенных в установленный срок',
    },
    direction: 'floor',
    normative: 100,
    normativeText: '100',
    numerator:
      'of these, the ones satisfied in full (not partly) and answered by the deadline (5 working days, R-18)',
    denominator: 'complaints answered in the period as justified (satisfied or partly)',
    period: 'the answer day',
    sources: ['complaints'],
    requirement: 'R-18',
  }),
  '4.3': def({
    code: '4.3',
    group: 4,
    title: {
      kk: 'Шағымданудың қолданыстағы тәртібіне қанағаттанған тұтынушылардың %-ы (үлесі)',
      ru: 'Доля (%) потребителей, удовлетворенных существующим порядком обжалования',
    },
    direction: 'floor',
    normative: 100,
    normativeText: '100',
    numerator: 'answers to question 4.3 scored 4 or 5',
    denominator: "answers to question 4.3 (the survey after a complaint's answer)",
    period: 'the day of the answer',
    sources: ['surveys'],
    requirement: 'R-19',
  }),
  '4.4': def({
    code: '4.4',
    group: 4,
    title: {
      kk: 'Шағымдану мерзіміне қанағаттанған тұтынушылардың %-ы (үлесі)',
      ru: 'Доля (%) потребителей, удовлетворенных сроками обжалования',
    },
    direction: 'floor',
    normative: 90,
    normativeText: '90',
    numerator: 'answers to question 4.4 scored 4 or 5',
    denominator: "answers to question 4.4 (the survey after a complaint's answer)",
    period: 'the day of the answer',
    sources: ['surveys'],
    requirement: 'R-19',
  }),
  '5.1': def({
    code: '5.1',
    group: 5,
    title: {
      kk: 'Персоналдың сыпайылығына қанағаттанған тұтынушылардың %-ы (үлесі)',
      ru: 'Доля (%) потребителей, удовлетворенных вежливостью персонала',
    },
    direction: 'floor',
    normative: 85,
    normativeText: '85',
    numerator: 'answers to question 5.1 scored 4 or 5',
    denominator: 'answers to question 5.1 (asked after a service and after a complaint)',
    period: 'the day of the answer',
    sources: ['surveys'],
    requirement: 'R-19',
  }),
};

/** The wait limit of indicator 1.2, as worded in the Appendix (it is also R-8's limit). */
export const QUEUE_WAIT_LIMIT_MINUTES = 10;

/**
 * The Appendix's table heading and its four columns, as the seed (kk) and the standard's Russian edition word
 * them: the indicator, its normative value, the target value for the next year, the current value in the
 * reporting year.
 */
export const APPENDIX_TABLE = {
  title: {
    kk: 'Кесте. Тиімділік және сапалық көрсеткіштерінің мәні',
    ru: 'Таблица. Значения показателей качества и эффективности',
  },
  indicator: { kk: 'Сапа және қол жетімділік көрсеткіштері', ru: 'Показатели качества и доступности' },
  normative: { kk: 'Көрсеткіштің нормативтік мәні', ru: 'Нормативное значение показателя' },
  targetNextYear: {
    kk: 'Көрсеткіштің келесі жылдағы нысаналы мәні',
    ru: 'Целевое значение показателя в последующем году',
  },
  current: {
    kk: 'Көрсеткіштің есепті жылдағы ағымдағы мәні',
    ru: 'Текущее значение показателя в отчетном году',
  },
} as const satisfies Record<string, LocalizedText>;
