/**
 * Issue 8: the ministry's targets (migrations/0011_kpi.sql) and the facts the indicators of Appendix 3
 * are computed from, read from the service's tables and placed at the office they count against.
 */
import { type Kysely, sql } from 'kysely';
import type { IndicatorFactsRepository, KpiTargetRepository } from '../../../app/ports';
import type { RefusalGroundCode } from '../../../domain/applications';
import type { ComplaintOutcome } from '../../../domain/complaints/complaint';
import type { SurveyScores, SurveySubject } from '../../../domain/complaints/survey';
import {
  akimatPlacement,
  type ApplicationFact,
  type ComplaintFact,
  type DocumentFact,
  type Placement,
  pscPlacement,
  type SurveyFact,
  type TicketFact,
  UNPLACED,
} from '../../../domain/kpi/facts';
import { type IndicatorCode, isIndicatorCode } from '../../../domain/kpi/indicators';
import type { PlainDate } from '../../../domain/shared/plain-date';
import { isKatoCode } from '../../../domain/territory/kato-code';
import type { Database } from '../schema';

const iso = (v: Date | string): string => new Date(v).toISOString();
const isoOrNull = (v: Date | string | null): string | null => (v === null ? null : iso(v));
const day = (v: unknown): PlainDate => String(v).slice(0, 10) as PlainDate;

/** The rows in the order of the ids asked for (a drill-down page keeps the order of its facts); missing ids drop. */
function inIdOrder<R extends { id: string }, T>(
  ids: readonly string[],
  rows: readonly R[],
  map: (r: R) => T,
): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [map(r)] : [];
  });
}

/** An office of the directory as a placement: a rural akimat by its KATO code, a PSC by its id. */
function officePlacement(id: string | null, kind: string | null, kato: string | null): Placement {
  if (id === null) return UNPLACED;
  if (kind === 'rural_akimat') return akimatPlacement(kato);
  return pscPlacement(id, kato);
}

/** The office complained about or rated: the akimat by its KATO code, else the PSC. */
function subjectPlacement(
  akimatKato: string | null,
  pscId: string | null,
  pscKato: string | null,
): Placement {
  if (akimatKato !== null) return akimatPlacement(akimatKato.trim());
  if (pscId !== null) return pscPlacement(pscId, pscKato);
  return UNPLACED;
}

const ms = (v: Date | string | null): number | null => (v === null ? null : new Date(v).getTime());

export function kpiTargetsRepository(db: Kysely<Database>): KpiTargetRepository {
  return {
    async append(target, setBy, at) {
      await db
        .insertInto('kpi_targets')
        .values({ code: target.code, year: target.year, value: target.value, set_by: setBy, set_at: at })
        .execute();
    },
    async current(years) {
      if (years.length === 0) return [];
      const rows = await db
        .selectFrom('kpi_targets')
        .distinctOn(['year', 'code'])
        .select(['code', 'year', 'value'])
        .where('year', 'in', [...years])
        .orderBy('year')
        .orderBy('code')
        .orderBy('id', 'desc')
        .execute();
      return rows
        .filter((r) => isIndicatorCode(r.code))
        .map((r) => ({ code: r.code as IndicatorCode, year: r.year, value: Number(r.value) }));
    },
    async history(year) {
      // Each entry with the one it replaced (old → new) and who made it.
      const { rows } = await sql<{
        code: string;
        year: number;
        value: string;
        set_by: string | null;
        set_by_name: string | null;
        set_at: Date | string;
        previous: string | null;
      }>`select t.code, t.year, t.value, t.set_by, u.display_name as set_by_name, t.set_at,
            lag(t.value) over (partition by t.code order by t.id) as previous
          from kpi_targets t left join users u on u.id = t.set_by
          where t.year = ${year}
          order by t.id desc`.execute(db);
      return rows.map((r) => ({
        code: r.code as IndicatorCode,
        year: r.year,
        value: Number(r.value),
        setBy: r.set_by,
        setByName: r.set_by_name,
        setAt: new Date(r.set_at).toISOString(),
        previous: r.previous === null ? null : Number(r.previous),
      }));
    },
  };
}

export function indicatorFactsRepository(db: Kysely<Database>): IndicatorFactsRepository {
  return {
    async applications(span) {
      const rows = await db
        .selectFrom('applications as a')
        .leftJoin('offices as o', 'o.id', 'a.psc_office_id')
        .select([
          'a.id',
          'a.channel',
          'a.status',
          'a.akimat_kato',
          'a.psc_office_id',
          'o.kato as psc_kato',
          'a.received_at',
          'a.due_at',
          sql<string | null>`a.state->>'completedAt'`.as('completed_at'),
          sql<string | null>`a.state#>>'{decision,refusal,ground}'`.as('refusal_ground'),
        ])
        .where('a.received_at', '>=', new Date(span.fromMs))
        .where('a.received_at', '<', new Date(span.toMs))
        .execute();
      return rows.map(
        (r): ApplicationFact => ({
          id: r.id,
          place:
            r.psc_office_id !== null
              ? pscPlacement(r.psc_office_id, r.psc_kato)
              : akimatPlacement(r.akimat_kato),
          channel: r.channel as ApplicationFact['channel'],
          receivedMs: ms(r.received_at)!,
          dueMs: ms(r.due_at),
          completedMs: ms(r.completed_at),
          refusedAtIntake: r.status === 'refused_at_intake',
          refusalGround: (r.refusal_ground as RefusalGroundCode | null) ?? null,
        }),
      );
    },

    async documents(span) {
      const rows = await db
        .selectFrom('issued_documents as d')
        .leftJoin('offices as o', 'o.id', 'd.issuer')
        .select(['d.id', 'd.kind', 'd.issuer', 'o.kato as issuer_kato', 'd.issued_at', 'd.status'])
        .where('d.kind', 'in', ['certificate', 'refusal'])
        .where('d.issued_at', '>=', new Date(span.fromMs))
        .where('d.issued_at', '<', new Date(span.toMs))
        .execute();
      return rows.map(
        (r): DocumentFact => ({
          id: r.id,
          // The issuer is the akimat's KATO code, or the PSC's office id for a refusal at intake.
          place: isKatoCode(r.issuer) ? akimatPlacement(r.issuer) : pscPlacement(r.issuer, r.issuer_kato),
          kind: r.kind as DocumentFact['kind'],
          issuedMs: ms(r.issued_at)!,
          status: r.status as DocumentFact['status'],
        }),
      );
    },

    async tickets(days) {
      const rows = await db
        .selectFrom('queue_tickets as t')
        .leftJoin('offices as o', 'o.id', 't.office_id')
        .select(['t.id', 't.office_id', 'o.kind', 'o.kato', 't.day', 't.wait_minutes'])
        .where('t.day', '>=', days.from)
        .where('t.day', '<', days.to)
        .execute();
      return rows.map(
        (r): TicketFact => ({
          id: r.id,
          place: officePlacement(r.office_id, r.kind, r.kato),
          day: day(r.day),
          waitMinutes: r.wait_minutes === null ? null : Number(r.wait_minutes),
        }),
      );
    },

    async complaints(span) {
      const rows = await db
        .selectFrom('complaints as c')
        .leftJoin('offices as o', 'o.id', 'c.subject_psc_office_id')
        .select([
          'c.id',
          'c.subject_akimat_kato',
          'c.subject_psc_office_id',
          'o.kato as psc_kato',
          'c.registered_at',
          'c.due_at',
          'c.answered_at',
          'c.outcome',
        ])
        .where('c.answered_at', '>=', new Date(span.fromMs))
        .where('c.answered_at', '<', new Date(span.toMs))
        .execute();
      return rows.map(
        (r): ComplaintFact => ({
          id: r.id,
          place: subjectPlacement(r.subject_akimat_kato, r.subject_psc_office_id, r.psc_kato),
          registeredMs: ms(r.registered_at)!,
          dueMs: ms(r.due_at)!,
          answeredMs: ms(r.answered_at),
          outcome: (r.outcome as ComplaintOutcome | null) ?? null,
        }),
      );
    },

    async surveys(days) {
      const rows = await db
        .selectFrom('surveys as s')
        .leftJoin('offices as o', 'o.id', 's.office_id')
        .select([
          's.subject',
          's.office_kato',
          's.office_id',
          'o.kato as psc_kato',
          's.answered_on',
          's.q_2_1',
          's.q_3_1',
          's.q_4_3',
          's.q_4_4',
          's.q_5_1',
        ])
        .where('s.answered_on', '>=', days.from)
        .where('s.answered_on', '<', days.to)
        .execute();
      return rows.map((r): SurveyFact => {
        const scores: Record<string, number> = {};
        if (r.q_2_1 !== null) scores['2.1'] = r.q_2_1;
        if (r.q_3_1 !== null) scores['3.1'] = r.q_3_1;
        if (r.q_4_3 !== null) scores['4.3'] = r.q_4_3;
        if (r.q_4_4 !== null) scores['4.4'] = r.q_4_4;
        if (r.q_5_1 !== null) scores['5.1'] = r.q_5_1;
        return {
          place: subjectPlacement(r.office_kato, r.office_id, r.psc_kato),
          subject: r.subject as SurveySubject,
          answeredOn: day(r.answered_on),
          scores: scores as SurveyScores,
        };
      });
    },

    async applicationDetails(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('applications')
        .select([
          'id',
          'channel',
          'status',
          'akimat_kato',
          'psc_office_id',
          'applicant_iin',
          'applicant_name',
          'received_at',
          'due_at',
          sql<string | null>`state->>'completedAt'`.as('completed_at'),
        ])
        .where('id', 'in', [...ids])
        .execute();
      return inIdOrder(ids, rows, (r) => ({
        id: r.id,
        channel: r.channel,
        status: r.status,
        akimatKato: r.akimat_kato,
        pscOfficeId: r.psc_office_id,
        applicantIin: r.applicant_iin,
        applicantName: r.applicant_name,
        receivedAt: iso(r.received_at),
        dueAt: isoOrNull(r.due_at),
        completedAt: isoOrNull(r.completed_at),
      }));
    },

    async documentDetails(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('issued_documents as d')
        .leftJoin('offices as o', 'o.id', 'd.issuer')
        .select([
          'd.id',
          'd.number',
          'd.kind',
          'd.status',
          'd.issuer',
          'o.kato as issuer_kato',
          'd.applicant_iin',
          'd.issued_at',
        ])
        .where('d.id', 'in', [...ids])
        .execute();
      return inIdOrder(ids, rows, (r) => ({
        id: r.id,
        number: r.number,
        kind: r.kind,
        status: r.status,
        issuer: r.issuer,
        issuerKato: r.issuer_kato,
        applicantIin: r.applicant_iin,
        issuedAt: iso(r.issued_at),
      }));
    },

    async ticketDetails(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('queue_tickets')
        .select(['id', 'office_id', 'number', 'day', 'status', 'issued_at', 'wait_minutes'])
        .where('id', 'in', [...ids])
        .execute();
      return inIdOrder(ids, rows, (r) => ({
        id: r.id,
        officeId: r.office_id,
        number: r.number,
        day: day(r.day),
        status: r.status,
        issuedAt: iso(r.issued_at),
        waitMinutes: r.wait_minutes === null ? null : Number(r.wait_minutes),
      }));
    },

    async complaintDetails(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('complaints')
        .select([
          'id',
          'number',
          'kind',
          'subject_akimat_kato',
          'subject_psc_office_id',
          'complainant_iin',
          'complainant_name',
          'registered_at',
          'due_at',
          'answered_at',
          'outcome',
        ])
        .where('id', 'in', [...ids])
        .execute();
      return inIdOrder(ids, rows, (r) => ({
        id: r.id,
        number: r.number,
        kind: r.kind,
        akimatKato: r.subject_akimat_kato?.trim() ?? null,
        pscOfficeId: r.subject_psc_office_id,
        complainantIin: r.complainant_iin,
        complainantName: r.complainant_name,
        registeredAt: iso(r.registered_at),
        dueAt: iso(r.due_at),
        answeredAt: isoOrNull(r.answered_at),
        outcome: r.outcome,
      }));
    },
  };
}
