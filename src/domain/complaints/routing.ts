/**
 * R-17 (§21, §22): who a complaint is addressed to. Disagreement with the result goes to the district akim,
 * then the oblast akim; improper service goes to the akim of the settlement / village / rural district that
 * served, or to the director of the PSC that served. The addressee's office (name, address, phones, e-mails)
 * comes from the directory; this table only decides the level and the territory.
 */
import type { Role } from '../access/roles';
import { err, ok, type Result } from '../shared/result';
import { districtOf, oblastOf } from '../territory/kato-code';
import type { ComplaintKind } from './complaint';

/** The reviewing level: a rural akim, a PSC director, a district akim, an oblast akim. */
export const REVIEW_LEVELS = ['akimat', 'psc', 'district', 'oblast'] as const;
export type ReviewLevel = (typeof REVIEW_LEVELS)[number];

/** What a complaint is about: the akimat that keeps the book and/or the PSC that served. */
export interface ComplaintSubject {
  /** The rural akimat (R-1 provider) of the application, or of the office complained about. */
  readonly akimatKato: string | null;
  /** The PSC that served, when the service went through one. */
  readonly pscOfficeId: string | null;
  /** The PSC's oblast (a PSC of Appendix 2 serves an oblast); used when there is no akimat. */
  readonly pscOblastKato?: string | null;
  /** Channel of the service complained about; `null` for a complaint about an office in general. */
  readonly channel: 'akimat' | 'psc' | 'online' | null;
}

export interface Addressee {
  readonly level: ReviewLevel;
  /** KATO of the akimat / district / oblast; null for a PSC director. */
  readonly kato: string | null;
  /** The PSC office for the `psc` level. */
  readonly pscOfficeId: string | null;
}

/** Which role reviews at each level (domain/access/policy gives the territory). */
export const REVIEWER_ROLE: Readonly<Record<ReviewLevel, Role>> = {
  akimat: 'akimat_officer',
  psc: 'psc_director',
  district: 'district_akim',
  oblast: 'oblast_akim',
};

/** the first addressee per kind of complaint and where the service was given. */
export const ROUTING: Readonly<Record<ComplaintKind, Readonly<Record<'akimat' | 'psc', ReviewLevel>>>> = {
  // §21: disagreement with the result — the district akim (then the oblast akim), whichever office served.
  result: { akimat: 'district', psc: 'district' },
  // §22: improper service — the akim of the rural akimat, or the PSC director.
  service: { akimat: 'akimat', psc: 'psc' },
};

/** One level up when a complaint is overdue; the oblast akim is the top (then the court, §23). */
export const ESCALATION: Readonly<Record<ReviewLevel, ReviewLevel | null>> = {
  akimat: 'district',
  psc: 'oblast',
  district: 'oblast',
  oblast: null,
};

function servedBy(subject: ComplaintSubject): 'akimat' | 'psc' {
  if (subject.channel === 'psc') return 'psc';
  if (subject.channel === null && subject.pscOfficeId && !subject.akimatKato) return 'psc';
  return 'akimat';
}

function oblastKatoOf(subject: ComplaintSubject): string | null {
  return (subject.akimatKato ? oblastOf(subject.akimatKato) : null) ?? subject.pscOblastKato ?? null;
}

/** The addressee at `level` for this subject, or `COMPLAINT.NO_ADDRESSEE` when the subject lacks the territory. */
export function addresseeAt(level: ReviewLevel, subject: ComplaintSubject): Result<Addressee> {
  const missing = () =>
    err('COMPLAINT.NO_ADDRESSEE', `no ${level} reviewer can be found for this complaint`, { level });
  switch (level) {
    case 'akimat':
      return subject.akimatKato ? ok({ level, kato: subject.akimatKato, pscOfficeId: null }) : missing();
    case 'psc':
      return subject.pscOfficeId ? ok({ level, kato: null, pscOfficeId: subject.pscOfficeId }) : missing();
    case 'district': {
      const kato = subject.akimatKato ? districtOf(subject.akimatKato) : null;
      return kato ? ok({ level, kato, pscOfficeId: null }) : missing();
    }
    case 'oblast': {
      const kato = oblastKatoOf(subject);
      return kato ? ok({ level, kato, pscOfficeId: null }) : missing();
    }
  }
}

/** the first addressee of a new complaint. */
export function routeComplaint(kind: ComplaintKind, subject: ComplaintSubject): Result<Addressee> {
  const level = ROUTING[kind][servedBy(subject)];
  const first = addresseeAt(level, subject);
  // A PSC complaint whose akimat is unknown still reaches the oblast akim for §21.
  if (!first.ok && level === 'district') return addresseeAt('oblast', subject);
  return first;
}

/** When overdue: the next level up, or `COMPLAINT.TOP_LEVEL` when the oblast akim already has it. */
export function escalationOf(current: ReviewLevel, subject: ComplaintSubject): Result<Addressee> {
  const up = ESCALATION[current];
  if (up === null)
    return err('COMPLAINT.TOP_LEVEL', 'the oblast akim is the last level; the court remains (§23)');
  const next = addresseeAt(up, subject);
  if (!next.ok && up === 'district') return addresseeAt('oblast', subject);
  return next;
}

/** The competent reviewers a complaint may be forwarded to: every level this subject has, except the current. */
export function forwardTargets(current: Addressee, subject: ComplaintSubject): Addressee[] {
  const out: Addressee[] = [];
  for (const level of REVIEW_LEVELS) {
    const a = addresseeAt(level, subject);
    if (a.ok && !(a.value.level === current.level && a.value.kato === current.kato)) out.push(a.value);
  }
  return out;
}
