/**
 * the plain fact records the indicators are computed from — one per row of the service's tables
 * (applications, issued_documents, queue_tickets, complaints, surveys) and the per-provider setting of 3.3.
 * Every record carries its `place`: the office it is counted against, and that office's district and oblast,
 * so one record counts in exactly one office, district and oblast, and aggregation is a sum.
 */
import type { Channel, RefusalGroundCode } from '../applications/application';
import type { ComplaintOutcome } from '../complaints/complaint';
import type { SurveyScores, SurveySubject } from '../complaints/survey';
import type { PlainDate } from '../shared/plain-date';
import { districtOf, isKatoCode, oblastOf } from '../territory/kato-code';

/** The aggregation levels of R-15: an akimat or PSC, its district, its oblast, the whole country. */
export const LEVELS = ['office', 'district', 'oblast', 'country'] as const;
export type Level = (typeof LEVELS)[number];

/** The key of the whole country at level `country`. */
export const COUNTRY = 'KZ';

/**
 * Where a record is counted. `office` is an akimat's KATO code or a PSC's office id (the two never look alike);
 * `district` and `oblast` are KATO codes. A null means "not known at this level": the record then counts only
 * at the levels above (always in the country).
 */
export interface Placement {
  readonly office: string | null;
  readonly district: string | null;
  readonly oblast: string | null;
}

export const UNPLACED: Placement = { office: null, district: null, oblast: null };

/** The key of a placement at a level, or null when the record is not placed that finely. */
export function keyAt(place: Placement, level: Level): string | null {
  return level === 'country' ? COUNTRY : place[level];
}

/** An akimat (by its KATO code) with its district and oblast by the code's digit groups. */
export function akimatPlacement(kato: string | null): Placement {
  if (kato === null || !isKatoCode(kato)) return UNPLACED;
  return { office: kato, district: districtOf(kato), oblast: oblastOf(kato) };
}

/** A PSC (by office id) with the district and oblast of its address's KATO code, when the directory knows it. */
export function pscPlacement(officeId: string, officeKato: string | null): Placement {
  if (officeKato === null || !isKatoCode(officeKato))
    return { office: officeId, district: null, oblast: null };
  return { office: officeId, district: districtOf(officeKato), oblast: oblastOf(officeKato) };
}

/**
 * Which office an application or a complaint about it is counted against: the PSC where the documents were
 * handed in, otherwise the akimat (at the counter, or the book's akimat online).
 */
export function servicePlacement(
  akimatKato: string | null,
  pscOfficeId: string | null,
  pscKato: (officeId: string) => string | null,
): Placement {
  if (pscOfficeId !== null) return pscPlacement(pscOfficeId, pscKato(pscOfficeId));
  return akimatPlacement(akimatKato);
}

/** A row of `applications` (R-7, R-11..R-13, R-22). Instants are epoch milliseconds. */
export interface ApplicationFact {
  readonly id: string;
  readonly place: Placement;
  readonly channel: Channel;
  readonly receivedMs: number;
  /** The deadline; null while a PSC has not yet accepted the documents, or after a refusal at intake. */
  readonly dueMs: number | null;
  /** When the result became available to the applicant (Application.completedAt); null while pending. */
  readonly completedMs: number | null;
  /** True for a refusal at intake at a PSC (status `refused_at_intake`). */
  readonly refusedAtIntake: boolean;
  /** The ground of a refusal, null when none. */
  readonly refusalGround: RefusalGroundCode | null;
}

/** A row of `issued_documents`. */
export interface DocumentFact {
  readonly id: string;
  readonly place: Placement;
  readonly kind: 'certificate' | 'refusal';
  readonly issuedMs: number;
  /** `superseded`: corrected or reissued later — the document was not prepared correctly. */
  readonly status: 'valid' | 'revoked' | 'superseded';
}

/** A row of `queue_tickets`. */
export interface TicketFact {
  readonly id: string;
  readonly place: Placement;
  /** The office's civil day (Asia/Almaty). */
  readonly day: PlainDate;
  /** Open minutes from issue to the first call (or to closing when never called); null while waiting. */
  readonly waitMinutes: number | null;
}

/** A row of `complaints` (R-16..R-18), placed at the office complained about. */
export interface ComplaintFact {
  readonly id: string;
  readonly place: Placement;
  readonly registeredMs: number;
  readonly dueMs: number;
  readonly answeredMs: number | null;
  readonly outcome: ComplaintOutcome | null;
}

/** A row of `surveys`: anonymous, placed at the office rated. */
export interface SurveyFact {
  readonly place: Placement;
  readonly subject: SurveySubject;
  readonly answeredOn: PlainDate;
  readonly scores: SurveyScores;
}

/** Indicator 3.3: a provider's setting — how many services it renders, how many have their information online. */
export interface ServiceInfoSetting {
  readonly place: Placement;
  readonly servicesTotal: number;
  readonly servicesOnline: number;
}

/**
 * Until a provider enters its setting: it renders this one service, and its information is on the Internet
 * (the public service page of R-23 counts).
 */
export const DEFAULT_SERVICE_INFO = { servicesTotal: 1, servicesOnline: 1 } as const;

/** Everything an indicator may read. Missing arrays are empty. */
export interface FactSet {
  readonly applications?: readonly ApplicationFact[];
  readonly documents?: readonly DocumentFact[];
  readonly tickets?: readonly TicketFact[];
  readonly complaints?: readonly ComplaintFact[];
  readonly surveys?: readonly SurveyFact[];
  readonly settings?: readonly ServiceInfoSetting[];
}
