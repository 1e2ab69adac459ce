/**
 * R-15: how each indicator of Appendix 3 is counted. Every indicator is a sum over records: each record adds
 * to the numerator and/or the denominator (a `Contribution`), so the figure of a district is exactly the sum of
 * its offices' figures, and a share is never an average of shares. The words of each rule are in
 * `indicators.ts` (numerator, denominator, period); the functions here are those words.
 */
import { isSatisfied, type SurveyIndicator, type SurveySubject } from '../complaints/survey';
import type {
  ApplicationFact,
  ComplaintFact,
  DocumentFact,
  FactSet,
  Placement,
  ServiceInfoSetting,
  SurveyFact,
  TicketFact,
} from './facts';
import { type IndicatorCode, QUEUE_WAIT_LIMIT_MINUTES } from './indicators';
import { containsDay, containsMs, type PeriodRange } from './period';

/** What one record adds; `NONE` when it is not counted at all. */
export interface Contribution {
  readonly numerator: number;
  readonly denominator: number;
}

/** The two sums of an indicator over some records. */
export type Tally = Contribution;

export const NONE: Contribution = { numerator: 0, denominator: 0 };
const HIT: Contribution = { numerator: 1, denominator: 1 };
const MISS: Contribution = { numerator: 0, denominator: 1 };
const NUMERATOR_ONLY: Contribution = { numerator: 1, denominator: 0 };
const hitOrMiss = (hit: boolean): Contribution => (hit ? HIT : MISS);

/** The period counted and the moment the figures are computed at (a deadline not yet passed is not late). */
export interface CountContext {
  readonly range: PeriodRange;
  readonly asOfMs: number;
}

/** 1.1: the result available by the deadline, from the moment the documents were handed in. */
export function onTime(a: ApplicationFact, ctx: CountContext): Contribution {
  if (!containsMs(ctx.range, a.receivedMs)) return NONE;
  if (a.completedMs !== null) return hitOrMiss(a.dueMs === null || a.completedMs <= a.dueMs);
  if (a.dueMs !== null && a.dueMs < ctx.asOfMs) return MISS;
  return NONE;
}

/** 3.2: documents filled in and handed in correctly the first time (not returned as incomplete, R-6 ground 1). */
export function firstTimeRight(a: ApplicationFact, ctx: CountContext): Contribution {
  if (a.channel === 'online' || !containsMs(ctx.range, a.receivedMs)) return NONE;
  return hitOrMiss(!a.refusedAtIntake && a.refusalGround !== 'incomplete_documents');
}

/** 4.1's denominator: every application received in the period is an applicant served. */
export function served(a: ApplicationFact, ctx: CountContext): Contribution {
  return containsMs(ctx.range, a.receivedMs) ? { numerator: 0, denominator: 1 } : NONE;
}

const isJustified = (c: ComplaintFact): boolean =>
  c.outcome === 'justified_satisfied' || c.outcome === 'justified_partly';

/** 4.1's numerator: a complaint answered in the period as justified. */
export function justifiedComplaint(c: ComplaintFact, ctx: CountContext): Contribution {
  if (c.answeredMs === null || !containsMs(ctx.range, c.answeredMs) || !isJustified(c)) return NONE;
  return NUMERATOR_ONLY;
}

/** 4.2: a justified complaint satisfied in full and answered by its deadline. */
export function justifiedSatisfiedInTime(c: ComplaintFact, ctx: CountContext): Contribution {
  if (c.answeredMs === null || !containsMs(ctx.range, c.answeredMs) || !isJustified(c)) return NONE;
  return hitOrMiss(c.outcome === 'justified_satisfied' && c.answeredMs <= c.dueMs);
}

/** 2.2: a document issued in the period and not later superseded by a correction or reissue. */
export function preparedCorrectly(d: DocumentFact, ctx: CountContext): Contribution {
  if (!containsMs(ctx.range, d.issuedMs)) return NONE;
  return hitOrMiss(d.status !== 'superseded');
}

/** 1.2: a measured wait of at most 10 minutes. */
export function shortWait(t: TicketFact, ctx: CountContext): Contribution {
  if (t.waitMinutes === null || !containsDay(ctx.range, t.day)) return NONE;
  return hitOrMiss(t.waitMinutes <= QUEUE_WAIT_LIMIT_MINUTES);
}

/** 2.1, 3.1, 4.3, 4.4, 5.1: an answer to the indicator's question, satisfied when scored 4 or 5. */
export function satisfied(question: SurveyIndicator, subjects: readonly SurveySubject[]) {
  return (s: SurveyFact, ctx: CountContext): Contribution => {
    const score = s.scores[question];
    if (score === undefined || !subjects.includes(s.subject) || !containsDay(ctx.range, s.answeredOn)) {
      return NONE;
    }
    return hitOrMiss(isSatisfied(score));
  };
}

/** 3.3: the provider's setting, as it stands (not dated). */
export function informationOnline(s: ServiceInfoSetting): Contribution {
  return { numerator: s.servicesOnline, denominator: s.servicesTotal };
}

/** One way a kind of record adds to an indicator. */
type Rule<F> = (fact: F, ctx: CountContext) => Contribution;

/** Per indicator, the rule for each kind of record it reads; a kind not named adds nothing. */
export interface IndicatorRules {
  readonly applications?: Rule<ApplicationFact>;
  readonly documents?: Rule<DocumentFact>;
  readonly tickets?: Rule<TicketFact>;
  readonly complaints?: Rule<ComplaintFact>;
  readonly surveys?: Rule<SurveyFact>;
  readonly settings?: Rule<ServiceInfoSetting>;
}

export const RULES: Readonly<Record<IndicatorCode, IndicatorRules>> = {
  '1.1': { applications: onTime },
  '1.2': { tickets: shortWait },
  '2.1': { surveys: satisfied('2.1', ['application']) },
  '2.2': { documents: preparedCorrectly },
  '3.1': { surveys: satisfied('3.1', ['application']) },
  '3.2': { applications: firstTimeRight },
  '3.3': { settings: informationOnline },
  '4.1': { complaints: justifiedComplaint, applications: served },
  '4.2': { complaints: justifiedSatisfiedInTime },
  '4.3': { surveys: satisfied('4.3', ['complaint']) },
  '4.4': { surveys: satisfied('4.4', ['complaint']) },
  '5.1': { surveys: satisfied('5.1', ['application', 'complaint']) },
};

export const add = (a: Tally, b: Tally): Tally => ({
  numerator: a.numerator + b.numerator,
  denominator: a.denominator + b.denominator,
});

/** Calls `visit` with every record of the set that adds something to the indicator, and what it adds. */
export function eachContribution(
  code: IndicatorCode,
  facts: FactSet,
  ctx: CountContext,
  visit: (place: Placement, c: Contribution, fact: unknown) => void,
): void {
  const rules = RULES[code];
  const run = <F extends { readonly place: Placement }>(rule: Rule<F> | undefined, list?: readonly F[]) => {
    if (!rule || !list) return;
    for (const f of list) {
      const c = rule(f, ctx);
      if (c.numerator !== 0 || c.denominator !== 0) visit(f.place, c, f);
    }
  };
  run(rules.applications, facts.applications);
  run(rules.documents, facts.documents);
  run(rules.tickets, facts.tickets);
  run(rules.complaints, facts.complaints);
  run(rules.surveys, facts.surveys);
  run(rules.settings, facts.settings);
}

/** The indicator's numerator and denominator over all the records of the set. */
export function tally(code: IndicatorCode, facts: FactSet, ctx: CountContext): Tally {
  let t: Tally = NONE;
  eachContribution(code, facts, ctx, (_place, c) => {
    t = add(t, c);
  });
  return t;
}

/**
 * The records behind a figure (drill-down): for a floor, the ones that missed (late applications, long
 * waits, corrected documents, dissatisfied answers); for 4.1, the justified complaints.
 */
export function recordsBehind(code: IndicatorCode, facts: FactSet, ctx: CountContext): unknown[] {
  const out: unknown[] = [];
  eachContribution(code, facts, ctx, (_place, c, fact) => {
    const wanted = code === '4.1' ? c.numerator > 0 : c.denominator > c.numerator;
    if (wanted) out.push(fact);
  });
  return out;
}
