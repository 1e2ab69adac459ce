/**
 * Issue 8: the drill-down — from a figure of Appendix 3 to the records behind it: the late applications
 * (1.1), the long waits (1.2), the corrected documents (2.2), the applications returned as incomplete (3.2), the
 * justified complaints (4.1, 4.2), the dissatisfied answers (2.1, 3.1, 4.3, 4.4, 5.1; anonymous). 3.3 is a setting
 * and has no records.
 *
 * a record's IIN and name are shown whole only when the access policy lets the reader read that record
 * (`application.read` / `complaint.read` in its territory); otherwise the IIN is masked and the name withheld.
 * Every page that shows personal data whole appends an audit row in the same transaction as the read.
 */
import { decide } from '../../domain/access/policy';
import { toCivil } from '../../domain/calendar/civil-time';
import { maskIin } from '../../domain/iin/iin';
import {
  type ApplicationFact,
  type ComplaintFact,
  type CountContext,
  type DocumentFact,
  formatPeriod,
  type IndicatorCode,
  isIndicatorCode,
  type Placement,
  type SurveyFact,
  type TicketFact,
} from '../../domain/kpi';
import { checkPeriodNotFuture, parsePeriod, periodRange } from '../../domain/kpi/period';
import { err, ok, type Result } from '../../domain/shared/result';
import { toActor } from '../auth/user-view';
import type { Deps, LocalizedText, UserRecord } from '../ports';
import { namesOf } from './get-indicators';
import { forEachDayBehind } from './export-indicator-records';
import { readableUnit, type Unit, unitOfKato } from './scope';

export const RECORDS_PAGE_MAX = 500;

export interface IndicatorRecordsQuery {
  readonly period: string;
  readonly code: string;
  readonly within?: string | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

export interface RecordOffice {
  readonly key: string | null;
  readonly name: LocalizedText | null;
}

/** Why a record is behind the figure. */
export type RecordReason =
  | 'late'
  | 'overdue_pending'
  | 'incomplete_documents'
  | 'long_wait'
  | 'superseded'
  | 'justified'
  | 'justified_partly'
  | 'answered_late'
  | 'dissatisfied';

interface PersonalData {
  /** Whole when the reader may read the record, else masked. */
  readonly iin: string | null;
  readonly iinMasked: boolean;
  /** Null when masked. */
  readonly name: string | null;
}

export type IndicatorRecord =
  | ({
      readonly type: 'application';
      readonly id: string;
      readonly office: RecordOffice;
      readonly reason: RecordReason;
      readonly channel: string;
      readonly status: string;
      readonly receivedAt: string;
      readonly dueAt: string | null;
      readonly completedAt: string | null;
    } & PersonalData)
  | ({
      readonly type: 'document';
      readonly id: string;
      readonly office: RecordOffice;
      readonly reason: RecordReason;
      readonly number: string;
      readonly kind: string;
      readonly status: string;
      readonly issuedAt: string;
    } & PersonalData)
  | {
      readonly type: 'ticket';
      readonly id: string;
      readonly office: RecordOffice;
      readonly reason: RecordReason;
      readonly number: string;
      readonly day: string;
      readonly issuedAt: string;
      readonly waitMinutes: number | null;
    }
  | ({
      readonly type: 'complaint';
      readonly id: string;
      readonly office: RecordOffice;
      readonly reason: RecordReason;
      readonly number: string;
      readonly registeredAt: string;
      readonly dueAt: string;
      readonly answeredAt: string | null;
      readonly outcome: string | null;
    } & PersonalData)
  | {
      readonly type: 'survey';
      readonly id: string;
      readonly office: RecordOffice;
      readonly reason: RecordReason;
      readonly subject: string;
      readonly answeredOn: string;
      readonly score: number | null;
    };

export interface IndicatorRecords {
  readonly period: string;
  readonly code: IndicatorCode;
  readonly within: {
    readonly level: Unit['level'];
    readonly key: string;
    readonly name: LocalizedText | null;
  };
  /** Every record behind the figure; `records` is the page `[offset, offset + limit)`. */
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly records: readonly IndicatorRecord[];
}

type Fact = ApplicationFact | DocumentFact | TicketFact | ComplaintFact | SurveyFact;

/** The order a list shows: oldest first. */
function factTime(f: Fact): number {
  if ('receivedMs' in f) return f.receivedMs;
  if ('issuedMs' in f) return f.issuedMs;
  if ('registeredMs' in f) return f.answeredMs ?? f.registeredMs;
  if ('waitMinutes' in f) return Date.parse(`${f.day}T00:00:00Z`);
  return Date.parse(`${(f as SurveyFact).answeredOn}T00:00:00Z`);
}

function applicationReason(code: IndicatorCode, f: ApplicationFact): RecordReason {
  if (code === '3.2') return 'incomplete_documents';
  return f.completedMs === null ? 'overdue_pending' : 'late';
}

function complaintReason(code: IndicatorCode, f: ComplaintFact): RecordReason {
  if (code === '4.1') return f.outcome === 'justified_partly' ? 'justified_partly' : 'justified';
  if (f.outcome === 'justified_partly') return 'justified_partly';
  return 'answered_late';
}

export async function getIndicatorRecords(
  deps: Deps,
  user: UserRecord,
  query: IndicatorRecordsQuery,
  ip: string | null = null,
): Promise<Result<IndicatorRecords>> {
  const unit = await readableUnit(deps, user, query.within);
  if (!unit.ok) return unit;
  const period = parsePeriod(query.period);
  if (!period.ok) return period;
  const now = deps.clock.now();
  const notFuture = checkPeriodNotFuture(period.value, toCivil(now.getTime()).date);
  if (!notFuture.ok) return notFuture;
  if (!isIndicatorCode(query.code)) {
    return err('KPI.UNKNOWN_INDICATOR', 'no such indicator in Appendix 3', { code: query.code });
  }
  const code = query.code;
  const limit = Math.min(Math.max(query.limit ?? 50, 1), RECORDS_PAGE_MAX);
  const offset = Math.max(query.offset ?? 0, 0);
  const range = periodRange(period.value);
  const ctx: CountContext = { range, asOfMs: now.getTime() };
  const actor = toActor(user);

  // A day at a time (memory holds one day, not a national year); the days come oldest first and each record
  // type is dated by the day it counts on, so sorting within a day gives the order of the whole period.
  let total = 0;
  const page: Fact[] = [];
  await forEachDayBehind(deps, { code, unit: unit.value, range, asOfMs: ctx.asOfMs }, (day) => {
    const behind = (day as Fact[]).sort((a, b) => factTime(a) - factTime(b));
    for (const f of behind) {
      if (total >= offset && page.length < limit) page.push(f);
      total += 1;
    }
  });

  const officeKeys = [...new Set(page.map((f) => f.place.office).filter((k): k is string => k !== null))];
  const names = await namesOf(deps, [
    unit.value,
    ...officeKeys.map((key) => (/^\d{9}$/.test(key) ? unitOfKato(key) : { level: 'office' as const, key })),
  ]);
  const office = (p: Placement): RecordOffice => ({
    key: p.office,
    name: p.office === null ? null : (names.get(p.office) ?? null),
  });

  const records = await deps.uow.run(async (repos) => {
    const ids = (pred: (f: Fact) => boolean) => page.filter(pred).map((f) => (f as { id: string }).id);
    const isApp = (f: Fact): f is ApplicationFact => 'receivedMs' in f;
    const isDoc = (f: Fact): f is DocumentFact => 'issuedMs' in f;
    const isComplaint = (f: Fact): f is ComplaintFact => 'registeredMs' in f;
    const isTicket = (f: Fact): f is TicketFact => 'waitMinutes' in f && 'id' in f;
    const [apps, docs, tickets, complaints] = await Promise.all([
      repos.indicatorFacts.applicationDetails(ids(isApp)),
      repos.indicatorFacts.documentDetails(ids(isDoc)),
      repos.indicatorFacts.ticketDetails(ids(isTicket)),
      repos.indicatorFacts.complaintDetails(ids(isComplaint)),
    ]);
    const appById = new Map(apps.map((a) => [a.id, a]));
    const docById = new Map(docs.map((d) => [d.id, d]));
    const ticketById = new Map(tickets.map((t) => [t.id, t]));
    const complaintById = new Map(complaints.map((c) => [c.id, c]));
    let unmasked = 0;
    const person = (iin: string | null, name: string | null, allowed: boolean): PersonalData => {
      if (iin === null) return { iin: null, iinMasked: false, name: allowed ? name : null };
      if (allowed) {
        unmasked += 1;
        return { iin, iinMasked: false, name };
      }
      return { iin: maskIin(iin), iinMasked: true, name: null };
    };

    const out: IndicatorRecord[] = [];
    let surveyIndex = offset;
    for (const f of page) {
      if (isApp(f)) {
        const a = appById.get(f.id);
        if (!a) continue;
        const allowed = decide(actor, 'application.read', {
          kato: a.akimatKato,
          officeId: a.pscOfficeId,
        }).allowed;
        out.push({
          type: 'application',
          id: a.id,
          office: office(f.place),
          reason: applicationReason(code, f),
          channel: a.channel,
          status: a.status,
          receivedAt: a.receivedAt,
          dueAt: a.dueAt,
          completedAt: a.completedAt,
          ...person(a.applicantIin, a.applicantName, allowed),
        });
      } else if (isDoc(f)) {
        const d = docById.get(f.id);
        if (!d) continue;
        const resource = /^\d{9}$/.test(d.issuer)
          ? { kato: d.issuer }
          : { officeId: d.issuer, kato: d.issuerKato };
        const allowed = decide(actor, 'application.read', resource).allowed;
        out.push({
          type: 'document',
          id: d.id,
          office: office(f.place),
          reason: 'superseded',
          number: d.number,
          kind: d.kind,
          status: d.status,
          issuedAt: d.issuedAt,
          ...person(d.applicantIin, null, allowed),
        });
      } else if (isComplaint(f)) {
        const c = complaintById.get(f.id);
        if (!c) continue;
        const allowed = decide(actor, 'complaint.read', {
          kato: c.akimatKato,
          officeId: c.pscOfficeId,
        }).allowed;
        out.push({
          type: 'complaint',
          id: c.id,
          office: office(f.place),
          reason: complaintReason(code, f),
          number: c.number,
          registeredAt: c.registeredAt,
          dueAt: c.dueAt,
          answeredAt: c.answeredAt,
          outcome: c.outcome,
          ...person(c.complainantIin, c.complainantName, allowed),
        });
      } else if (isTicket(f)) {
        const t = ticketById.get(f.id);
        if (!t) continue;
        out.push({
          type: 'ticket',
          id: t.id,
          office: office(f.place),
          reason: 'long_wait',
          number: t.number,
          day: t.day,
          issuedAt: t.issuedAt,
          waitMinutes: t.waitMinutes,
        });
      } else {
        // an answer is anonymous; it is listed by its office, day and score only.
        const s = f as SurveyFact;
        surveyIndex += 1;
        out.push({
          type: 'survey',
          id: `survey-${surveyIndex}`,
          office: office(s.place),
          reason: 'dissatisfied',
          subject: s.subject,
          answeredOn: s.answeredOn,
          score: s.scores[code as keyof typeof s.scores] ?? null,
        });
      }
    }
    if (unmasked > 0) {
      await repos.audit.append({
        actorId: user.id,
        actorRole: user.role,
        action: 'kpi.records.read',
        subjectType: 'kpi_records',
        subjectId: `${formatPeriod(period.value)}:${code}:${unit.value.key}`,
        ip,
        outcome: 'success',
        details: { period: formatPeriod(period.value), code, within: unit.value.key, offset, unmasked },
      });
    }
    return out;
  });

  return ok({
    period: formatPeriod(period.value),
    code,
    within: { level: unit.value.level, key: unit.value.key, name: names.get(unit.value.key) ?? null },
    total,
    offset,
    limit,
    records,
  });
}
