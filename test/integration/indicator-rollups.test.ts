/**
 * Issue 8 item 6 (R-15, ADR 0007) on both databases: the indicator table summed from the daily roll-ups equals
 * the table computed record by record by the domain's rules (`tallyByPlace` over `loadFacts`) — on a varied,
 * seeded dataset (akimats, PSCs with and without a KATO code, rural akimat queues, unplaced records, days on
 * both sides of Kazakhstan's 1 March 2024 change from UTC+6 to UTC+5, times just before and after midnight),
 * for every level and several periods and units, and again after late data arrives: applications decided,
 * a document superseded, waits measured, complaints answered, surveys added, rows moved and deleted.
 */
import { randomUUID } from 'node:crypto';
import { type QueryResult, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/adapters/db/database';
import { makeDeps } from '../../src/adapters/runtime';
import { fastTestPasswords } from '../../src/adapters/system/system';
import { loadFacts } from '../../src/app/kpi/load-facts';
import { loadTallies } from '../../src/app/kpi/load-tallies';
import { COUNTRY_UNIT, type Unit } from '../../src/app/kpi/scope';
import type { Deps } from '../../src/app/ports';
import { fromCivil } from '../../src/domain/calendar/civil-time';
import { createRng } from '../../src/domain/household/prng';
import {
  LEVELS,
  keyAt,
  type PeriodRange,
  parsePeriod,
  periodRange,
  rollUp,
  tallyByPlace,
  type UnitTallies,
} from '../../src/domain/kpi';
import type { PlainDate } from '../../src/domain/shared/plain-date';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../support/databases';

const AKIMATS = ['113243000', '113245000', '195033000', '351621100'] as const;
const PSC_WITH_KATO = 'psc-test-1'; // in district 113200000
const PSC_WITHOUT_KATO = 'psc-test-2'; // the directory does not know where
const RURAL = 'rural-test-1'; // a rural akimat's queue office, counted as its akimat
const UNKNOWN_OFFICE = 'psc-unknown'; // not in the directory at all
/** The moment the figures are computed at: some pending applications are overdue by then, some not. */
const AS_OF = Date.parse('2024-12-20T12:00:00+05:00');

const COLUMNS = [
  'served',
  'on_time_done',
  'late_done',
  'first_time_right',
  'first_time_total',
  'documents_correct',
  'documents_total',
  'waits_short',
  'waits_total',
  'justified',
  'justified_in_time',
  's21_yes',
  's21_all',
  's31_yes',
  's31_all',
  's43_yes',
  's43_all',
  's44_yes',
  's44_all',
  's51_yes',
  's51_all',
];
const PERIODS = ['2024', '2024-Q1', '2024-02', '2024-03', '2024-12', '2023-12', '2025-01'];
const UNITS: Unit[] = [
  COUNTRY_UNIT,
  { level: 'oblast', key: '110000000' },
  { level: 'district', key: '113200000' },
  { level: 'office', key: '113243000' },
  { level: 'office', key: PSC_WITH_KATO },
];

describe.each(DATABASE_KINDS)('indicator roll-ups equal the direct computation on %s (R-15)', (kind) => {
  let test: TestDatabase;
  let db: Db;
  let deps: Deps;
  const rng = createRng(`kpi-rollups-${kind}`);
  const appIds: string[] = [];
  const complaintIds: string[] = [];
  let docSeq = 0;
  let ticketSeq = 0;
  let surveySeq = 0;

  const run = <R>(q: { execute(db: Db['kysely']): Promise<QueryResult<R>> }) => q.execute(db.kysely);
  const count = async (table: 'kpi_dirty' | 'kpi_daily') =>
    Number((await run(sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`)).rows[0]!.n);

  /** An instant in 2023-12 .. 2025-01, often close to a local midnight, with the offset of its date. */
  function instant(): Date {
    const day = Date.UTC(2023, 11, 1) + rng.int(0, 426) * 86_400_000;
    const iso = new Date(day).toISOString().slice(0, 10);
    const offset = iso < '2024-03-01' ? '+06:00' : '+05:00';
    const time = rng.pick(['00:00:00', '00:00:01', '23:59:59', '10:15:00', '18:30:30', '05:30:00']);
    return new Date(`${iso}T${time}${offset}`);
  }
  const plusDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

  async function insertApplication(): Promise<void> {
    const id = randomUUID();
    const received = instant();
    const where = rng.pick(['akimat', 'akimat', 'psc', 'psc-nokato', 'unplaced', 'psc-unknown']);
    const psc =
      where === 'psc'
        ? PSC_WITH_KATO
        : where === 'psc-nokato'
          ? PSC_WITHOUT_KATO
          : where === 'psc-unknown'
            ? UNKNOWN_OFFICE
            : null;
    const akimat = where === 'unplaced' ? null : rng.pick(AKIMATS);
    const channel = psc ? 'psc' : rng.pick(['akimat', 'online']);
    const status = rng.pick(['certificate_issued', 'refused_at_intake', 'in_review', 'refusal_issued']);
    const due = rng.chance(0.15) ? null : plusDays(received, rng.int(1, 10));
    const completed = rng.chance(0.3) ? null : plusDays(received, rng.int(0, 12));
    const ground = rng.pick([null, 'incomplete_documents', 'no_psf_record']);
    const state = {
      completedAt: completed?.toISOString() ?? null,
      decision: ground ? { outcome: 'refusal', refusal: { ground } } : null,
    };
    await run(sql`insert into applications (id, channel, status, applicant_iin, applicant_name, akimat_kato,
        psc_office_id, received_at, due_at, state)
      values (${id}, ${channel}, ${status}, '900101300017', 'Тест Тестов', ${akimat}, ${psc}, ${received},
        ${due}, ${JSON.stringify(state)}::jsonb)`);
    appIds.push(id);
  }

  async function insertDocument(): Promise<void> {
    docSeq += 1;
    const issuer = rng.pick([...AKIMATS, PSC_WITH_KATO, PSC_WITHOUT_KATO]);
    await run(sql`insert into issued_documents (id, kind, number, issuer, year, seq, application_id, applicant_iin,
        issued_at, issued_by, content, status)
      values (${randomUUID()}, ${rng.pick(['certificate', 'refusal'])}, ${`T-${docSeq}`}, ${issuer}, 2024,
        ${docSeq}, ${rng.pick(appIds)}, '900101300017', ${instant()}, 'test', '{}'::jsonb,
        ${rng.pick(['valid', 'valid', 'superseded', 'revoked'])})`);
  }

  async function insertTicket(): Promise<void> {
    ticketSeq += 1;
    const at = instant();
    const day = new Date(at.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
    const wait = rng.pick([null, 0, 3.5, 10, 10.01, 12, 45.25]);
    await run(sql`insert into queue_tickets (id, office_id, day, seq, number, status, issued_at, wait_minutes, version)
      values (${randomUUID()}, ${rng.pick([PSC_WITH_KATO, PSC_WITHOUT_KATO, RURAL, UNKNOWN_OFFICE])}, ${day},
        ${ticketSeq}, ${`A${ticketSeq}`}, 'done', ${at}, ${wait}, 1)`);
  }

  async function insertComplaint(): Promise<void> {
    const id = randomUUID();
    const registered = instant();
    const subject = rng.pick(['akimat', 'psc', 'none']);
    const answered = rng.chance(0.7);
    const outcome = answered ? rng.pick(['justified_satisfied', 'justified_partly', 'not_justified']) : null;
    await run(sql`insert into complaints (id, number, kind, channel, status, language, complainant_iin,
        complainant_name, subject_akimat_kato, subject_psc_office_id, text, registered_at, counts_from, due_at,
        amber_at, review_days, reviewer_level, answered_at, outcome, answer_text)
      values (${id}, ${`C-${id.slice(0, 8)}`}, 'service', 'office', ${answered ? 'answered' : 'registered'}, 'kk',
        '900101300017', 'Тест Тестов', ${subject === 'akimat' ? rng.pick(AKIMATS) : null},
        ${subject === 'psc' ? rng.pick([PSC_WITH_KATO, PSC_WITHOUT_KATO]) : null}, 'шағым', ${registered},
        ${registered.toISOString().slice(0, 10)}, ${plusDays(registered, 5)}, ${plusDays(registered, 4)}, 5,
        'akimat', ${answered ? plusDays(registered, rng.int(0, 9)) : null}, ${outcome},
        ${answered ? 'жауап' : null})`);
    complaintIds.push(id);
  }

  async function insertSurvey(): Promise<void> {
    surveySeq += 1;
    const subject = rng.pick(['application', 'complaint']);
    const where = rng.pick(['akimat', 'psc', 'none']);
    const score = () => (rng.chance(0.2) ? null : rng.int(1, 5));
    await run(sql`insert into surveys (id, subject, subject_key, office_kato, office_id, answered_on,
        q_2_1, q_3_1, q_4_3, q_4_4, q_5_1)
      values (${randomUUID()}, ${subject}, ${`S-${kind}-${surveySeq}`},
        ${where === 'akimat' ? rng.pick(AKIMATS) : null},
        ${where === 'psc' ? rng.pick([PSC_WITH_KATO, PSC_WITHOUT_KATO]) : null},
        ${instant().toISOString().slice(0, 10)}, ${score()}, ${score()}, ${score()}, ${score()}, ${score()})`);
  }

  /** Spans that are not whole months are summed from the daily rows instead of the monthly ones. */
  const daySpan = (from: PlainDate, to: PlainDate): PeriodRange => ({
    from,
    to,
    fromMs: fromCivil(from, 0),
    toMs: fromCivil(to, 0),
  });
  const RANGES: PeriodRange[] = [
    ...PERIODS.map((text) => {
      const period = parsePeriod(text);
      if (!period.ok) throw new Error(text);
      return periodRange(period.value);
    }),
    daySpan('2024-02-10' as PlainDate, '2024-03-05' as PlainDate),
    daySpan('2024-06-15' as PlainDate, '2024-06-16' as PlainDate),
  ];

  /** The finest rows both ways; then every level and unit must agree; each month is the sum of its days. */
  async function expectSameTables(): Promise<void> {
    for (const range of RANGES) {
      const text = `${range.from}..${range.to}`;
      const direct = tallyByPlace(await deps.uow.run((repos) => loadFacts(repos, range, COUNTRY_UNIT)), {
        range,
        asOfMs: AS_OF,
      });
      for (const unit of UNITS) {
        const inUnit = (r: UnitTallies) =>
          unit.level === 'country' || keyAt(r.place, unit.level) === unit.key;
        const fromRollups = await loadTallies(deps, range, unit, AS_OF);
        for (const level of LEVELS.slice(0, LEVELS.indexOf(unit.level) + 1)) {
          expect(rollUp(fromRollups, level), `${text} ${unit.key} ${level}`).toEqual(
            rollUp(direct.filter(inUnit), level),
          );
        }
      }
    }
  }

  /** kpi_monthly holds exactly the sums of kpi_daily per month (a month whose days all went away may stay as zeros). */
  async function expectMonthsSumTheirDays(): Promise<void> {
    const sums = sql.raw(COLUMNS.map((c) => `sum(${c})`).join(', '));
    const cols = sql.raw(COLUMNS.join(', '));
    const nonZero = sql.raw(COLUMNS.map((c) => `${c} <> 0`).join(' or '));
    const differing = await run(sql<{ n: string }>`select count(*) as n from (
        (select date_trunc('month', day)::date, place, ${sums} from kpi_daily group by 1, 2
         except select month, place, ${cols} from kpi_monthly)
        union all
        (select month, place, ${cols} from kpi_monthly where ${nonZero}
         except select date_trunc('month', day)::date, place, ${sums} from kpi_daily group by 1, 2)
      ) x`);
    expect(Number(differing.rows[0]!.n)).toBe(0);
  }

  beforeAll(async () => {
    test = await freshDatabase(kind);
    db = test.db;
    deps = await makeDeps(db, fastTestPasswords);
    await run(sql`insert into offices (id, kind, schedule, kato, name_kk, name_ru) values
      (${PSC_WITH_KATO}, 'psc', 'psc', '113243000', 'ХҚКО 1', 'ЦОН 1'),
      (${PSC_WITHOUT_KATO}, 'psc', 'psc', null, 'ХҚКО 2', 'ЦОН 2'),
      (${RURAL}, 'rural_akimat', 'akimat', '351621100', 'Ауыл әкімдігі', 'Аким села')`);
    for (let i = 0; i < 160; i++) await insertApplication();
    for (let i = 0; i < 50; i++) await insertDocument();
    for (let i = 0; i < 80; i++) await insertTicket();
    for (let i = 0; i < 50; i++) await insertComplaint();
    for (let i = 0; i < 80; i++) await insertSurvey();
  }, 120_000);

  afterAll(async () => {
    await test?.drop();
  });

  it('gives the same table for every period, unit and level as the records', async () => {
    await expectSameTables();
    await expectMonthsSumTheirDays();
    expect(await count('kpi_dirty')).toBe(0);
    expect(await count('kpi_daily')).toBeGreaterThan(100);
  }, 120_000);

  it('stays exact when late data arrives after the days were rolled up', async () => {
    // Applications decided long after they were received; one moved to another day; one deleted.
    const pending = await run(
      sql<{
        id: string;
      }>`select id from applications where (state->>'completedAt') is null order by id limit 12`,
    );
    for (const { id } of pending.rows) {
      await run(sql`update applications
        set state = jsonb_set(state, '{completedAt}', to_jsonb(${new Date(AS_OF - 86_400_000).toISOString()}::text))
        where id = ${id}`);
    }
    await run(sql`update applications set received_at = received_at - interval '40 days'
      where id = ${appIds[3]!}`);
    await run(sql`delete from applications where id = ${appIds[5]!}
      and not exists (select 1 from issued_documents where application_id = ${appIds[5]!})`);
    // Documents corrected later; waits measured; complaints answered; surveys added; a ticket removed.
    await run(sql`update issued_documents set status = 'superseded' where seq in (1, 2, 3, 4, 5)`);
    await run(sql`update queue_tickets set wait_minutes = 9.99 where wait_minutes is null`);
    await run(sql`delete from queue_tickets where seq = 7`);
    await run(sql`update complaints set status = 'answered', outcome = 'justified_satisfied',
        answered_at = registered_at + interval '2 days', answer_text = 'кешікті'
      where status <> 'answered'`);
    await run(sql`update complaints set answered_at = answered_at - interval '1 month'
      where id = ${complaintIds[0]!} and answered_at is not null`);
    for (let i = 0; i < 20; i++) await insertSurvey();
    for (let i = 0; i < 10; i++) await insertApplication();
    // The directory learns where the second PSC is: placement is read, not rolled up.
    await run(sql`update offices set kato = '195033000' where id = ${PSC_WITHOUT_KATO}`);
    await expectSameTables();
    await expectMonthsSumTheirDays();
  }, 120_000);

  it('a refresh that finds nothing dirty rebuilds nothing', async () => {
    await deps.uow.run((repos) => repos.indicatorRollups.refresh());
    expect(await deps.uow.run((repos) => repos.indicatorRollups.refresh())).toBe(0);
  });
});
