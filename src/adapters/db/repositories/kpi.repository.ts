/**
 * Issue 8: the ministry's targets (migrations/0011_kpi.sql) and the facts the indicators of Appendix 3
 * are computed from, read from the service's tables and placed at the office they count against.
 */
import { type Kysely, sql } from 'kysely';
import type { IndicatorFactsRepository, KpiTargetRepository } from '../../../app/ports';
import type { RefusalGroundCode } from '../../../domain/applications';
import {
  akimatPlacement,
  type ApplicationFact,
  type DocumentFact,
  pscPlacement,
} from '../../../domain/kpi/facts';
import { type IndicatorCode, isIndicatorCode } from '../../../domain/kpi/indicators';
import { isKatoCode } from '../../../domain/territory/kato-code';
import type { Database } from '../schema';

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
      const rows = await db
        .selectFrom('kpi_targets')
        .select(['code', 'year', 'value', 'set_by', 'set_at'])
        .where('year', '=', year)
        .orderBy('id', 'desc')
        .execute();
      return rows.map((r) => ({
        code: r.code as IndicatorCode,
        year: r.year,
        value: Number(r.value),
        setBy: r.set_by,
        setAt: new Date(r.set_at).toISOString(),
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
  };
}
