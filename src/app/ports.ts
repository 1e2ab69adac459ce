/**
 * What the use cases need from the outside world. Adapters implement these; use cases never import technology.
 * Every write happens inside `UnitOfWork.run`, one transaction (DESIGN.md: every write is one transaction).
 */
import type {
  ComplaintChannel,
  ComplaintKind,
  ComplaintOutcome,
  ComplaintStatus,
} from '../domain/complaints/complaint';
import type { Addressee, ComplaintSubject, ReviewLevel } from '../domain/complaints/routing';
import type { SurveyScores, SurveySubject } from '../domain/complaints/survey';
import type { NotificationChannel } from '../domain/notifications/notifications';
import type { Role } from '../domain/access/roles';
import type { Application, ApplicationEvent, ApplicationStatus, Channel } from '../domain/applications';
import type { ChainedAuditEntry } from '../domain/audit/chain';
import type { StoredDocument } from '../domain/certificates/verification';
import type { WorkingCalendar } from '../domain/calendar';
import type { SpeciesCatalogue } from '../domain/household/species';
import type { HouseholdVersion } from '../domain/household/versions';
import type {
  DayTimes,
  DeskRef,
  QueueRules,
  Ticket,
  TicketEvent,
  TicketEventAction,
  TicketStatus,
  VisitRecord,
} from '../domain/queue';
import type { PlainDate } from '../domain/shared/plain-date';
import type {
  ApplicationFact,
  ComplaintFact,
  DocumentFact,
  Placement,
  SurveyFact,
  TicketFact,
} from '../domain/kpi/facts';
import type { RollupCounts } from '../domain/kpi/rollup';
import type { Target } from '../domain/kpi/targets';
import type { KatoNode } from '../domain/territory/kato-node';
import type { TerritoryIndex } from '../domain/territory/territory-index';
import type { CalendarChange } from './calendar/calendar-change';

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  /** A random UUID (v4). */
  uuid(): string;
  /**
   * A time-ordered UUID (v7, RFC 9562) for rows written in bulk — households: ids made one after another sort
   * together, so the B-tree keys they index (households, versions, members) grow at one end instead of
   * dirtying a random page per row. 74 random bits; the creation time it shows is recorded anyway.
   */
  timeOrderedUuid(): string;
  /** A URL-safe random token with at least 256 bits of entropy. */
  token(): string;
}

export interface Hasher {
  sha256(text: string): string;
  /** HMAC-SHA256 of `text` (UTF-8) under `key` (UTF-8), hex. */
  hmacSha256(key: string, text: string): string;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface UserRecord {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly displayName: string;
  readonly role: Role;
  readonly territoryKato: string | null;
  readonly officeId: string | null;
  readonly iin: string | null;
  readonly locale: 'kk' | 'ru' | 'en';
  readonly active: boolean;
}

export type NewUser = Omit<UserRecord, 'active'>;

export interface UserRepository {
  findByUsername(username: string): Promise<UserRecord | undefined>;
  findById(id: string): Promise<UserRecord | undefined>;
  insert(user: NewUser): Promise<void>;
  count(): Promise<number>;
}

export interface SessionRecord {
  readonly tokenHash: string;
  readonly userId: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
}

export interface SessionRepository {
  insert(session: SessionRecord & { ip: string | null }): Promise<void>;
  /** The user of an active session in one statement (every authenticated request asks this). */
  findActiveUser(tokenHash: string, now: Date): Promise<UserRecord | undefined>;
  revoke(tokenHash: string, at: Date): Promise<void>;
  revokeAllOf(userId: string, at: Date): Promise<void>;
}

export interface AuthFailureRepository {
  record(username: string, at: Date): Promise<void>;
  since(username: string, since: Date): Promise<Date[]>;
  clear(username: string): Promise<void>;
}

export interface AuditInput {
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly action: string;
  readonly subjectType?: string | null;
  readonly subjectId?: string | null;
  readonly ip?: string | null;
  readonly outcome: 'success' | 'denied' | 'failure';
  readonly details?: Record<string, unknown>;
}

export interface AuditLog {
  /** Appends one chained row; call inside the transaction of the change it records. */
  append(entry: AuditInput): Promise<void>;
}

export interface AuditReader {
  /** Chains the committed rows not yet sealed (ADR 0008); returns how many. Safe from several instances. */
  seal(batchSize?: number): Promise<number>;
  /** Sealed rows in seq order, in batches, for verification. */
  scan(batchSize: number): AsyncIterable<ChainedAuditEntry[]>;
  head(): Promise<{ seq: number; hash: string }>;
}

export interface CalendarChangeRepository {
  list(): Promise<CalendarChange[]>;
  append(change: CalendarChange, madeBy: string | null): Promise<void>;
}

/** The working calendar in force: the shipped file with the administrators' changes replayed over it. */
export interface CalendarSource {
  current(): Promise<WorkingCalendar>;
  /** Forget the cached value after a change (other instances notice the change count). */
  invalidate(): void;
}

export type LocalizedText = { readonly kk: string; readonly ru: string };

/** An office of the public directory: Appendix 1, Appendix 2, or a rural akimat from KATO. */
export interface Office {
  readonly id: string;
  readonly kind: 'oblast_apparatus' | 'district_apparatus' | 'city_apparatus' | 'psc' | 'rural_akimat';
  readonly appendix: 1 | 2 | null;
  readonly ordinal: number | null;
  readonly schedule: 'akimat' | 'psc' | 'psc_branch';
  readonly kato: string | null;
  readonly oblast: LocalizedText | null;
  readonly name: LocalizedText;
  readonly address: string | null;
  readonly phones: readonly string[];
  readonly fax: string | null;
  readonly emails: readonly string[];
}

export interface OfficeFilter {
  readonly appendix?: 1 | 2 | undefined;
  readonly kind?: Office['kind'] | undefined;
  /** Oblast by KATO prefix (2 digits) or full code. */
  readonly oblastKato?: string | undefined;
  readonly districtKato?: string | undefined;
  readonly oblastName?: string | undefined;
  /** Free text over names and addresses (kk, ru). */
  readonly q?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

export interface OfficeRepository {
  findById(id: string): Promise<Office | undefined>;
  search(filter: OfficeFilter): Promise<{ total: number; offices: Office[] }>;
  /** Replaces all offices of the given kinds (an import is a whole new directory, in one transaction). */
  replaceKinds(kinds: readonly Office['kind'][], offices: readonly Office[]): Promise<void>;
}

export interface TerritoryRepository {
  all(): Promise<KatoNode[]>;
  count(): Promise<number>;
  /**
   * A value that changes whenever the classifier's rows change (count and newest writing transaction): cheap to
   * read, so that a held index is rebuilt only when there is something new.
   */
  fingerprint(): Promise<string>;
  /** Writes the whole merged classifier (every code ever seen, closed ones included). */
  replaceAll(nodes: readonly KatoNode[]): Promise<void>;
}

/** An akimat as documents print it ("… әкімінің аппараты" / "Аппарат акима: …"). */
export interface AkimatName {
  readonly kato: string;
  readonly name: LocalizedText;
}

/** The akimats' printed names held per process (app/reference/akimat-names.ts). */
export interface AkimatNames {
  /** The held name, or undefined when it was never read or was read too long ago. */
  held(kato: string): AkimatName | undefined;
  hold(name: AkimatName): void;
  /** Forget every name (after an import of the directory or the territory). */
  invalidate(): void;
}

/**
 * The territory tree in force, held in memory (16 k nodes): rebuilt at once after this instance's import, and
 * within about a minute of another instance's.
 */
export interface TerritorySource {
  index(): Promise<TerritoryIndex>;
  invalidate(): void;
}

/** One line of a household list: enough to recognise it, no member IINs. */
export interface HouseholdSummary {
  readonly id: string;
  readonly akimatKato: string;
  readonly settlementKato: string;
  readonly bookNumber: string;
  readonly accountNumber: string;
  readonly address: string;
  readonly status: 'open' | 'closed';
  readonly headName: string;
  readonly currentVersion: number;
  /** When found by a member's name: that member's full name. */
  readonly matchedName?: string;
}

export interface HouseholdQuery {
  /** KATO of the territory searched (an akimat, district or oblast): households inside it only. */
  readonly withinKato: string;
  readonly iin?: string | undefined;
  /** A person's name, typo-tolerant, Kazakh and Russian letters folded. */
  readonly name?: string | undefined;
  readonly address?: string | undefined;
  readonly status?: 'open' | 'closed' | undefined;
  readonly limit: number;
  readonly offset: number;
}

export interface SaveVersionsOptions {
  /**
   * When the households' names become searchable (ADR 0010): `now` (default) in this transaction — an edit at
   * the counter; `after-commit` — an import of a whole book: its households are queued and the name indexer
   * catches up right after the commit, so the import does not pay the trigram index per member.
   */
  readonly nameSearch?: 'now' | 'after-commit';
}

export interface HouseholdRepository {
  /**
   * Writes new versions: version 1 creates the household, a later one must follow the current version
   * (optimistic concurrency: `HOUSEHOLD.CONFLICT` when someone else saved first). Batched for imports.
   */
  saveVersions(versions: readonly HouseholdVersion[], options?: SaveVersionsOptions): Promise<void>;
  /**
   * Brings the name-search copy up to date for up to `limit` households an import left pending (ADR 0010);
   * the number taken, 0 when none is pending or another instance is indexing. Run by the name indexer.
   */
  indexPendingNames(limit: number): Promise<number>;
  versionsOf(householdId: string): Promise<HouseholdVersion[]>;
  /** The current version of each of these households, by id (one query for an import). */
  latestVersions(householdIds: readonly string[]): Promise<Map<string, HouseholdVersion>>;
  /** Every version of every household that has ever listed this IIN. */
  versionsForIin(iin: string): Promise<HouseholdVersion[]>;
  findSummary(householdId: string): Promise<HouseholdSummary | undefined>;
  search(query: HouseholdQuery): Promise<HouseholdSummary[]>;
  /** Where these IINs are current members of an open household. */
  openMemberships(iins: readonly string[]): Promise<{ iin: string; householdId: string }[]>;
  findIdByAccount(akimatKato: string, bookNumber: string, accountNumber: string): Promise<string | undefined>;
  /** Every household of an akimat's book by `book\u0000account` → id (one query for an import). */
  accountsOf(akimatKato: string): Promise<Map<string, string>>;
  /** The current versions of an akimat's book, in book/account order, in pages (exports). */
  currentVersions(akimatKato: string, afterId: string | null, pageSize: number): Promise<HouseholdVersion[]>;
}

/** Issued documents as a verifier reads them: by number, or by number and the holder's IIN. */
export interface IssuedDocumentLookup {
  byNumber(number: string): Promise<StoredDocument | undefined>;
  byNumberAndIin(number: string, iin: string): Promise<StoredDocument | undefined>;
}

/** Which applications a list shows (issue 5): the caller's scope and an optional stage. */
export interface ApplicationQuery {
  /** Exactly this akimat, or (district/oblast) every akimat whose KATO starts with this prefix. */
  readonly akimatKato?: string | undefined;
  readonly akimatPrefix?: string | undefined;
  readonly pscOfficeId?: string | undefined;
  readonly applicantIin?: string | undefined;
  readonly channel?: Channel | undefined;
  readonly statuses?: readonly ApplicationStatus[] | undefined;
  readonly limit: number;
  readonly offset: number;
}

export interface ApplicationRepository {
  /** A new application, written in its current state with all its events so far (seq 1..n). */
  insert(application: Application, events: readonly ApplicationEvent[]): Promise<void>;
  /**
   * Reads one application and locks its row until the transaction ends (SELECT … FOR UPDATE), so two officers
   * acting on it at once are served one after the other and the second sees the first one's result.
   */
  findForUpdate(id: string): Promise<Application | undefined>;
  findById(id: string): Promise<Application | undefined>;
  /**
   * Writes the new state with its events when the stored version is still `expectedVersion` (optimistic lock);
   * false when someone else changed it first.
   */
  update(
    application: Application,
    expectedVersion: number,
    events: readonly ApplicationEvent[],
  ): Promise<boolean>;
  events(id: string): Promise<ApplicationEvent[]>;
  /** Ordered by due time (none last), then receipt time. */
  list(query: ApplicationQuery): Promise<{ total: number; applications: Application[] }>;
}

export type IssuedDocumentKind = 'certificate' | 'refusal' | 'receipt';

/**
 * One issued document (issued_documents). `content` is the input of the domain's document builder
 * (certificates/certificate-document, refusal-document, receipt-document), JSON-safe, so the same document can be
 * printed in kk and ru at any time; it never changes after issue.
 */
export interface IssuedDocument {
  readonly id: string;
  readonly kind: IssuedDocumentKind;
  readonly number: string;
  readonly issuer: string;
  readonly year: number;
  readonly seq: number;
  readonly applicationId: string;
  readonly applicantIin: string;
  /** ISO instant. */
  readonly issuedAt: string;
  /** The user id of the official (or the citizen online). */
  readonly issuedBy: string;
  readonly content: Readonly<Record<string, unknown>>;
  readonly keyId: string | null;
  /** The signed QR text (`buildQrText`), printed as the QR code; null on a receipt. */
  readonly qrText: string | null;
  readonly status: 'valid' | 'revoked' | 'superseded';
  readonly supersededBy: string | null;
  readonly revokedAt: string | null;
  readonly revokeReason: string | null;
}

export interface DocumentRepository {
  /**
   * The next number of a sequence (issuer, kind, year), taken inside the issuing transaction by one
   * INSERT … ON CONFLICT DO UPDATE … RETURNING: the row lock serialises concurrent issuers, and a rolled-back
   * transaction gives its number back, so numbers are unique and gapless.
   */
  nextSeq(issuer: string, kind: IssuedDocumentKind, year: number): Promise<number>;
  insert(document: IssuedDocument): Promise<void>;
  findById(id: string): Promise<IssuedDocument | undefined>;
  /** The document with its application, in one statement (printing: both are needed for the access check). */
  findWithApplication(
    id: string,
  ): Promise<{ document: IssuedDocument; application: Application } | undefined>;
  /** Locks the row for a status change (correction, revocation). */
  findForUpdate(id: string): Promise<IssuedDocument | undefined>;
  findByNumber(number: string): Promise<IssuedDocument | undefined>;
  ofApplication(applicationId: string): Promise<IssuedDocument[]>;
  markSuperseded(id: string, supersededBy: string): Promise<void>;
  markRevoked(id: string, at: string, reason: string): Promise<void>;
}

/** The walk-in queue's storage (issue 6). Reads marked "locked" take row locks until the transaction ends. */
export interface QueueRepository {
  /** The desk with this number of the office, created on first use. */
  ensureDesk(desk: DeskRef): Promise<DeskRef>;
  /** Locked (FOR UPDATE): one call at a time per desk. */
  findDesk(id: string, options?: { lock?: boolean }): Promise<DeskRef | undefined>;
  desksOf(officeId: string): Promise<DeskRef[]>;
  /** The office's next number of `day`, atomically (two kiosks never get the same number). */
  nextSeq(officeId: string, day: PlainDate): Promise<number>;
  insertTicket(ticket: Ticket, event: TicketEvent): Promise<void>;
  findTicket(id: string, options?: { lock?: boolean }): Promise<Ticket | undefined>;
  /**
   * the first ticket of `day` waiting for this desk (issued, or transferred to it), in issue order,
   * locked with FOR UPDATE SKIP LOCKED so that two desks calling at once take different tickets.
   */
  claimNextWaiting(officeId: string, day: PlainDate, deskId: string): Promise<Ticket | undefined>;
  /** The ticket called to or served at this desk now, if any. */
  atDesk(deskId: string): Promise<Ticket | undefined>;
  /** Writes a transition: the ticket WHERE version = `expectedVersion`, and its event. False when someone else moved it first. */
  saveTransition(expectedVersion: number, ticket: Ticket, event: TicketEvent): Promise<boolean>;
  /** The day's tickets still waiting or at a desk, by number: bounded by the queue, not by the day. */
  openTicketsOfDay(officeId: string, day: PlainDate): Promise<Ticket[]>;
  /** The day's tickets a desk has finished (done or no-show), the latest first, at most `limit`. */
  finishedAtDesk(deskId: string, day: PlainDate, limit: number): Promise<Ticket[]>;
  /** The day's measured waits and services and the desks that have called, without reading each ticket. */
  dayTimes(officeId: string, day: PlainDate): Promise<DayTimes>;
  /** Unfinished tickets (any day) of an office, or of every office, read without locks (the closing sweep moves
   * each by its version). */
  openTickets(officeId: string | null): Promise<Ticket[]>;
  visitRecords(officeId: string, from: PlainDate, to: PlainDate): Promise<VisitRecord[]>;
  /** Whether an application with this id exists (a ticket links to the application the visit led to). */
  applicationExists(id: string): Promise<boolean>;
  /**
   * The public figure of the directory (issue 6 item 2), one row per office that has any ticket: how many wait on
   * `today`, and the median measured wait (nearest rank, as `percentile` of domain/queue) of the days `from`..`today`.
   */
  waitSummaries(officeIds: readonly string[], from: PlainDate, today: PlainDate): Promise<QueueWaitSummary[]>;
}

export interface QueueWaitSummary {
  readonly officeId: string;
  readonly waitingNow: number;
  readonly typicalWaitMinutes: number | null;
  /** How many measured waits the median is taken over. */
  readonly measuredWaits: number;
}

/** What the display boards hear (issue 6 item 2): a ticket moved. No personal data, only numbers. */
export interface QueueFeedEvent {
  readonly officeId: string;
  readonly ticketId: string;
  readonly number: string;
  readonly action: TicketEventAction;
  readonly status: TicketStatus;
  readonly deskNumber: number | null;
  readonly at: string;
}

/**
 * The live feed behind the boards: PostgreSQL LISTEN/NOTIFY when on PostgreSQL (every server instance hears every
 * call), an in-process emitter on PGlite. Publish after the transaction committed.
 */
export interface QueueFeed {
  publish(events: readonly QueueFeedEvent[]): Promise<void>;
  /** Resolves once the listener hears events (the LISTEN is in place); returns the unsubscribe function. */
  subscribe(listener: (event: QueueFeedEvent) => void): Promise<() => void>;
  close(): Promise<void>;
}

/** One entry of a target (issue 8, §19): every entry is kept; the latest per indicator and year is in force. */
export interface TargetEntry extends Target {
  readonly setBy: string | null;
  /** The display name of who entered it (null for a system entry). */
  readonly setByName: string | null;
  /** The value in force for (code, year) before this entry; null for the first entry. */
  readonly previous: number | null;
  /** ISO instant. */
  readonly setAt: string;
}

export interface KpiTargetRepository {
  append(target: Target, setBy: string | null, at: Date): Promise<void>;
  /** The targets in force for these years: the latest entry per indicator and year. */
  current(years: readonly number[]): Promise<Target[]>;
  /** Every entry for a year, newest first. */
  history(year: number): Promise<TargetEntry[]>;
}

/** A half-open span of instants `[fromMs, toMs)`. */
export interface InstantSpan {
  readonly fromMs: number;
  readonly toMs: number;
}

/**
 * The facts the indicators of Appendix 3 are computed from, each placed at the office it counts
 * against (domain/kpi/facts.ts). Only the rows of the period are read.
 */
export interface IndicatorFactsRepository {
  /** Applications received within the span. */
  applications(span: InstantSpan): Promise<ApplicationFact[]>;
  /** Certificates and refusals issued within the span (receipts are not prepared documents of the service). */
  documents(span: InstantSpan): Promise<DocumentFact[]>;
  /** Queue tickets of the civil days `[from, to)`. */
  tickets(days: DaySpan): Promise<TicketFact[]>;
  /** Complaints answered within the span (the indicators count a complaint on its answer day). */
  complaints(span: InstantSpan): Promise<ComplaintFact[]>;
  /** Survey answers of the civil days `[from, to)`. */
  surveys(days: DaySpan): Promise<SurveyFact[]>;
  /** The drill-down's details of the records behind a figure, in the order of `ids`. */
  applicationDetails(ids: readonly string[]): Promise<ApplicationDetail[]>;
  documentDetails(ids: readonly string[]): Promise<DocumentDetail[]>;
  ticketDetails(ids: readonly string[]): Promise<TicketDetail[]>;
  complaintDetails(ids: readonly string[]): Promise<ComplaintDetail[]>;
}

/**
 * The daily roll-ups of the indicators (issue 8 item 6, ADR 0007): `refresh` recomputes the days written since
 * the last refresh; `countsByPlace` sums the roll-ups of `[from, to)` per office reference, resolved to its
 * placement, with the pending applications overdue at `asOfMs` counted live (1.1).
 */
export interface IndicatorRollupRepository {
  refresh(): Promise<number>;
  countsByPlace(
    days: DaySpan & InstantSpan,
    asOfMs: number,
  ): Promise<{ readonly place: Placement; readonly counts: RollupCounts }[]>;
}

/** A half-open span of civil days `[from, to)`. */
export interface DaySpan {
  readonly from: PlainDate;
  readonly to: PlainDate;
}

/** An application behind a figure, as stored: personal data included (the use case masks it). */
export interface ApplicationDetail {
  readonly id: string;
  readonly channel: string;
  readonly status: string;
  readonly akimatKato: string | null;
  readonly pscOfficeId: string | null;
  readonly applicantIin: string;
  readonly applicantName: string;
  readonly receivedAt: string;
  readonly dueAt: string | null;
  readonly completedAt: string | null;
}

export interface DocumentDetail {
  readonly id: string;
  readonly number: string;
  readonly kind: string;
  readonly status: string;
  readonly issuer: string;
  readonly issuerKato: string | null;
  readonly applicantIin: string | null;
  readonly issuedAt: string;
}

export interface TicketDetail {
  readonly id: string;
  readonly officeId: string;
  readonly number: string;
  readonly day: string;
  readonly status: string;
  readonly issuedAt: string;
  readonly waitMinutes: number | null;
}

export interface ComplaintDetail {
  readonly id: string;
  readonly number: string;
  readonly kind: string;
  readonly akimatKato: string | null;
  readonly pscOfficeId: string | null;
  readonly complainantIin: string;
  readonly complainantName: string;
  readonly registeredAt: string;
  readonly dueAt: string;
  readonly answeredAt: string | null;
  readonly outcome: string | null;
}

/** A complaint as stored (R-16..R-18). */
export interface ComplaintRecord {
  readonly id: string;
  readonly number: string;
  readonly kind: ComplaintKind;
  readonly channel: ComplaintChannel;
  readonly status: ComplaintStatus;
  readonly language: 'kk' | 'ru';
  readonly complainantIin: string;
  readonly complainantName: string;
  readonly contactPhone: string | null;
  readonly contactEmail: string | null;
  readonly applicationId: string | null;
  readonly subject: ComplaintSubject;
  readonly text: string;
  readonly intakeOfficeId: string | null;
  readonly acceptedBy: string | null;
  readonly acceptedByName: string | null;
  readonly registeredAt: Date;
  readonly countsFrom: string;
  readonly dueAt: Date;
  readonly amberAt: Date;
  readonly reviewDays: number;
  readonly reviewer: Addressee;
  readonly reviewerOfficeId: string | null;
  readonly underReviewAt: Date | null;
  readonly forwardedAt: Date | null;
  readonly escalatedAt: Date | null;
  readonly deadlineAlertAt: Date | null;
  readonly answeredAt: Date | null;
  readonly outcome: ComplaintOutcome | null;
  readonly answerText: string | null;
  readonly answeredBy: string | null;
  readonly answeredByName: string | null;
  readonly version: number;
}

export interface ComplaintEvent {
  readonly action: string;
  readonly fromStatus: string | null;
  readonly toStatus: string;
  readonly at: Date;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly details: Record<string, unknown>;
}

/** What a complaint may reference: the application (migration 0004) as far as routing and ownership need. */
export interface ApplicationRef {
  readonly id: string;
  readonly channel: 'akimat' | 'psc' | 'online';
  readonly applicantIin: string;
  readonly akimatKato: string | null;
  readonly pscOfficeId: string | null;
  readonly status: string;
}

export interface ComplaintQuery {
  /** Addressed to this reviewer: level and territory/office. */
  readonly reviewer?: {
    readonly level: ReviewLevel;
    readonly kato: string | null;
    readonly pscOfficeId: string | null;
  };
  readonly complainantIin?: string;
  readonly openOnly?: boolean;
  readonly limit: number;
}

export interface ComplaintRepository {
  nextNumber(year: number): Promise<number>;
  insert(c: ComplaintRecord): Promise<void>;
  findById(id: string): Promise<ComplaintRecord | undefined>;
  findByNumber(number: string): Promise<ComplaintRecord | undefined>;
  /** Writes the new state WHERE version = expectedVersion; false when someone else changed it first. */
  update(c: ComplaintRecord, expectedVersion: number): Promise<boolean>;
  appendEvent(complaintId: string, event: ComplaintEvent): Promise<void>;
  events(complaintId: string): Promise<ComplaintEvent[]>;
  list(q: ComplaintQuery): Promise<ComplaintRecord[]>;
  /** Not answered, due before `now`, not yet escalated (escalation sweep). */
  overdue(now: Date, limit: number): Promise<ComplaintRecord[]>;
  /**
   * Not answered, amber since before `now` and still due after it, no deadline alert yet: a complaint first seen
   * past its deadline is escalated by `overdue`, never told that its deadline is near.
   */
  nearDeadline(now: Date, limit: number): Promise<ComplaintRecord[]>;
  findApplication(id: string): Promise<ApplicationRef | undefined>;
  /** The directory office of an akim's apparatus at this level and KATO (district/city or oblast). */
  findApparatus(level: 'district' | 'oblast', kato: string): Promise<Office | undefined>;
}

export interface SurveyRecord {
  readonly id: string;
  readonly subject: SurveySubject;
  /**
   * One answer per subject, without a way back to it: HMAC under the server's survey secret (`subjectKeySecret`)
   * of the subject's digest, so that knowing an application id or complaint number is not enough to find its answer.
   */
  readonly subjectKey: string;
  readonly officeKato: string | null;
  readonly officeId: string | null;
  readonly answeredOn: string;
  readonly scores: SurveyScores;
}

export interface FollowupTask {
  readonly id: string;
  readonly surveyId: string;
  readonly officeKato: string | null;
  readonly officeId: string | null;
  readonly indicators: readonly string[];
  readonly status: 'open' | 'closed';
  readonly createdAt: Date;
}

export interface SurveyRepository {
  /** false when this subject already has an answer (the unique constraint). */
  insert(s: SurveyRecord): Promise<boolean>;
  /** The secret that keys `subjectKey` (server_secrets 'survey_subject_key'), made on first use. */
  subjectKeySecret(): Promise<string>;
  insertFollowup(t: FollowupTask): Promise<void>;
  followups(filter: { officeId?: string; withinKato?: string; limit: number }): Promise<FollowupTask[]>;
}

export interface OutboxMessage {
  readonly id: string;
  readonly channel: NotificationChannel;
  readonly recipient: string;
  readonly language: 'kk' | 'ru';
  readonly template: string;
  readonly subject: string;
  readonly body: string;
  readonly createdAt: Date;
}

export interface OutboxRepository {
  /** Written in the transaction of the change it announces. */
  enqueue(message: OutboxMessage): Promise<void>;
}

/** The repositories bound to one transaction. */
export interface Repositories {
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly authFailures: AuthFailureRepository;
  readonly audit: AuditLog;
  readonly calendarChanges: CalendarChangeRepository;
  readonly offices: OfficeRepository;
  readonly territory: TerritoryRepository;
  readonly households: HouseholdRepository;
  readonly documentLookup: IssuedDocumentLookup;
  readonly applications: ApplicationRepository;
  readonly documents: DocumentRepository;
  readonly queue: QueueRepository;
  readonly kpiTargets: KpiTargetRepository;
  readonly indicatorFacts: IndicatorFactsRepository;
  readonly indicatorRollups: IndicatorRollupRepository;
  readonly complaints: ComplaintRepository;
  readonly surveys: SurveyRepository;
  readonly outbox: OutboxRepository;
}

export interface UnitOfWork {
  /** One transaction: everything inside commits together or not at all. */
  run<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /**
   * Outside a transaction: each statement commits on its own. Only for work that is ONE statement — a single
   * read, or a write complete in itself such as the audit row of a read — never two statements that must see the
   * same snapshot or commit together. It saves the BEGIN and COMMIT round trips. Never inside `run`: on PGlite
   * (one connection) it would wait for the transaction that waits for it.
   */
  read<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

/** Signs and verifies certificate QR payloads (Ed25519, R-23); rotation keeps old keys verifying. */
export interface Signer {
  readonly activeKeyId: string;
  sign(bytes: Uint8Array): Uint8Array;
  verify(bytes: Uint8Array, signature: Uint8Array, keyId: string): boolean;
}

/** The published keys that verify QR signatures, every key ever used included (R-23: rotation). */
export interface VerificationKeys {
  /** Ed25519 check with the public key `keyId`; false for a key this instance does not know. */
  verify(bytes: Uint8Array, signature: Uint8Array, keyId: string): boolean;
  has(keyId: string): boolean;
  /**
   * Reload the keys (another instance may have rotated them since this one started). The adapter limits how
   * often this really reaches the database, so unknown key ids in forged codes cost next to nothing.
   */
  refresh(): Promise<void>;
}

/** Everything a use case may ask for. */
export interface Deps {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly hasher: Hasher;
  readonly passwords: PasswordHasher;
  readonly auditReader: AuditReader;
  readonly calendar: CalendarSource;
  readonly territory: TerritorySource;
  /** The akimats' printed names, held per process (app/reference/akimat-names.ts). */
  readonly akimatNames: AkimatNames;
  /** Reference data shipped with the product (data/species.json). */
  readonly species: SpeciesCatalogue;
  readonly signer: Signer;
  readonly verificationKeys: VerificationKeys;
  /** Where people reach Qosalqy: printed in QR codes and links (PUBLIC_BASE_URL). */
  readonly publicBaseUrl: string;
  /** The walk-in queue's live feed and its rules (call timeout, alert thresholds; R-8). */
  readonly queueFeed: QueueFeed;
  readonly queueRules: QueueRules;
  /** the complaint review term in working days (default 5). */
  readonly complaintReviewDays?: number;
}
