/**
 * Issue 8 item 6 (R-15, ADR 0007): the indicators' roll-ups (migrations/0013_kpi_rollups.sql, 0014). A read
 * first rebuilds the dirty days (`kpi_refresh()`), then sums `kpi_monthly` (or `kpi_daily` for a span that is
 * not whole months) over the period per office reference, and resolves each reference to its placement the way
 * kpi.repository.ts places a record — against today's directory of offices, so no roll-up holds a stale
 * district or oblast.
 */
import { type Kysely, sql } from 'kysely';
import type { IndicatorRollupRepository } from '../../../app/ports';
import { akimatPlacement, type Placement, pscPlacement, UNPLACED } from '../../../domain/kpi/facts';
import { type RollupCounts, ZERO_COUNTS } from '../../../domain/kpi/rollup';
import { isKatoCode } from '../../../domain/territory/kato-code';
import type { Database } from '../schema';

/** A roll-up's office reference (see the migration) with the office it names, when it names one. */
function placeOf(ref: string, kind: string | null, kato: string | null): Placement {
  if (ref === '') return UNPLACED;
  const rest = ref.slice(1);
  switch (ref[0]) {
    case 'A':
      return akimatPlacement(rest === '' ? null : rest);
    case 'P':
      return pscPlacement(rest, kato);
    case 'D':
      // A document's issuer is the akimat's KATO code, or the PSC's office id for a refusal at intake.
      return isKatoCode(rest) ? akimatPlacement(rest) : pscPlacement(rest, kato);
    case 'O':
      // A queue office: a rural akimat counts as its akimat, anything else as a PSC.
      return kind === 'rural_akimat' ? akimatPlacement(kato) : pscPlacement(rest, kato);
    default:
      return UNPLACED;
  }
}

interface SumRow {
  place: string;
  kind: string | null;
  kato: string | null;
  served: string;
  on_time_done: string;
  late_done: string;
  first_time_right: string;
  first_time_total: string;
  documents_correct: string;
  documents_total: string;
  waits_short: string;
  waits_total: string;
  justified: string;
  justified_in_time: string;
  s21_yes: string;
  s21_all: string;
  s31_yes: string;
  s31_all: string;
  s43_yes: string;
  s43_all: string;
  s44_yes: string;
  s44_all: string;
  s51_yes: string;
  s51_all: string;
}

function countsOf(r: SumRow): RollupCounts {
  const n = (v: string) => Number(v);
  const t = (yes: string, all: string) => ({ numerator: n(yes), denominator: n(all) });
  return {
    served: n(r.served),
    onTimeDone: n(r.on_time_done),
    lateDone: n(r.late_done),
    pendingOverdue: 0,
    firstTimeRight: n(r.first_time_right),
    firstTimeTotal: n(r.first_time_total),
    documentsCorrect: n(r.documents_correct),
    documentsTotal: n(r.documents_total),
    waitsShort: n(r.waits_short),
    waitsTotal: n(r.waits_total),
    justified: n(r.justified),
    justifiedInTime: n(r.justified_in_time),
    surveys: {
      '2.1': t(r.s21_yes, r.s21_all),
      '3.1': t(r.s31_yes, r.s31_all),
      '4.3': t(r.s43_yes, r.s43_all),
      '4.4': t(r.s44_yes, r.s44_all),
      '5.1': t(r.s51_yes, r.s51_all),
    },
  };
}

export function indicatorRollupRepository(db: Kysely<Database>): IndicatorRollupRepository {
  return {
    async refresh() {
      const { rows } = await sql<{ days: number }>`select kpi_refresh() as days`.execute(db);
      return Number(rows[0]?.days ?? 0);
    },

    async countsByPlace(span, asOfMs) {
      // Every reporting period is whole months: twelve monthly rows per office for a year, not 365 daily ones.
      const monthly = span.from.endsWith('-01') && span.to.endsWith('-01');
      const table = sql.table(monthly ? 'kpi_monthly' : 'kpi_daily');
      const day = sql.ref(monthly ? 'month' : 'day');
      const sums = await sql<SumRow>`
        with s as (
          -- int4 sums are bigint, not numeric: a third faster over the ~80,000 monthly rows of a national year.
          select place, sum(served::int4) as served, sum(on_time_done::int4) as on_time_done, sum(late_done::int4) as late_done,
            sum(first_time_right::int4) as first_time_right, sum(first_time_total::int4) as first_time_total,
            sum(documents_correct::int4) as documents_correct, sum(documents_total::int4) as documents_total,
            sum(waits_short::int4) as waits_short, sum(waits_total::int4) as waits_total, sum(justified::int4) as justified,
            sum(justified_in_time::int4) as justified_in_time, sum(s21_yes::int4) as s21_yes, sum(s21_all::int4) as s21_all,
            sum(s31_yes::int4) as s31_yes, sum(s31_all::int4) as s31_all, sum(s43_yes::int4) as s43_yes, sum(s43_all::int4) as s43_all,
            sum(s44_yes::int4) as s44_yes, sum(s44_all::int4) as s44_all, sum(s51_yes::int4) as s51_yes, sum(s51_all::int4) as s51_all
          from ${table}
          where ${day} >= ${span.from}::date and ${day} < ${span.to}::date
          group by place
        )
        select s.*, o.kind, o.kato
        from s left join offices o on left(s.place, 1) in ('P', 'D', 'O') and o.id = substr(s.place, 2)`.execute(
        db,
      );
      // 1.1: a pending application is late once its deadline has passed — a fact of the moment of reading.
      const pending = await sql<{ place: string; kind: string | null; kato: string | null; n: string }>`
        select p.place, o.kind, o.kato, p.n
        from (
          select case when psc_office_id is not null then 'P' || psc_office_id
                      else 'A' || coalesce(akimat_kato, '') end as place,
                 count(*) as n
          from applications
          where (state->>'completedAt') is null and due_at is not null
            and received_at >= ${new Date(span.fromMs)} and received_at < ${new Date(span.toMs)}
            and due_at < ${new Date(asOfMs)}
          group by 1
        ) p
        left join offices o on left(p.place, 1) = 'P' and o.id = substr(p.place, 2)`.execute(db);
      return [
        ...sums.rows.map((r) => ({ place: placeOf(r.place, r.kind, r.kato), counts: countsOf(r) })),
        ...pending.rows.map((r) => ({
          place: placeOf(r.place, r.kind, r.kato),
          counts: { ...ZERO_COUNTS, pendingOverdue: Number(r.n) },
        })),
      ];
    },
  };
}
