/**
 * The benchmarks' loader of "a year of activity": applications, issued documents, queue tickets, complaints and
 * survey answers, spread evenly over the days of a year and over the directory's akimats and PSCs — written with
 * set-based SQL (`INSERT … SELECT … FROM generate_series`), one month a statement, so five million rows take
 * minutes, not hours. The rows carry what the service's readers use (the indicators, the drill-down); the
 * application's `state` holds only `completedAt` and a refusal ground. Deterministic: row i is a function of i.
 * This is NOT the service's write path (that is the issuance scenario); it is what a year of it leaves behind.
 *
 * Mix, by i: 20 % of applications handed in at a PSC, 10 % online; 0.1 % never completed (stuck past their
 * deadline: counted live by 1.1, see ADR 0007);
 * of the decided, one in seven completed after its deadline; 1 % refused at intake, 2 % returned as incomplete.
 * Waits are 0..29 minutes; survey scores 1..5; a complaint per 100 applications, answered, half justified.
 */
import { sql } from 'kysely';
import type { Db } from '../../src/adapters/db/database';

export interface ActivityCounts {
  readonly applications: number;
  /** Certificates and refusals, each of an application (at most one per application). */
  readonly documents: number;
  readonly tickets: number;
  readonly complaints: number;
  readonly surveys: number;
}

export interface ActivityLoadResult {
  readonly rows: number;
  readonly seconds: number;
  readonly akimats: number;
  readonly pscs: number;
  readonly queueOffices: number;
}

/** Month m's share [from, to) of n rows, so each statement writes one month of the year. */
function monthSlice(n: number, month: number): [number, number] {
  return [Math.floor((n * month) / 12), Math.floor((n * (month + 1)) / 12)];
}

/**
 * Loads `counts` rows dated within `year` (civil days in Asia/Almaty). `log` hears the progress. Rows already
 * there are kept; the ids are derived from `tag`, so load a second year with another tag.
 */
export async function loadActivity(
  db: Db,
  year: number,
  counts: ActivityCounts,
  log: (message: string) => void = () => {},
  tag = `bench-${year}`,
): Promise<ActivityLoadResult> {
  const k = db.kysely;
  const started = performance.now();
  const akimats = (
    await sql<{ kato: string }>`select distinct kato from offices
      where kind = 'rural_akimat' and kato is not null order by kato`.execute(k)
  ).rows.map((r) => r.kato);
  const pscs = (
    await sql<{ id: string }>`select id from offices where kind = 'psc' order by id`.execute(k)
  ).rows.map((r) => r.id);
  const queueOffices = (
    await sql<{
      id: string;
    }>`select id from offices where kind in ('psc', 'rural_akimat') order by id`.execute(k)
  ).rows.map((r) => r.id);
  if (akimats.length === 0 || pscs.length === 0) throw new Error('load the reference data first');
  const start = `${year}-01-01`;
  // Seconds of the year: row i of n is received at start + i · year / n, local time.
  const yearSeconds = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 1000;
  let rows = 0;

  for (let m = 0; m < 12; m++) {
    const [a0, a1] = monthSlice(counts.applications, m);
    await sql`insert into applications (id, channel, status, applicant_iin, applicant_name, akimat_kato,
        psc_office_id, received_at, due_at, decided_at, state)
      select md5(${tag} || ':a:' || i)::uuid,
        case when i % 10 = 0 then 'online' when i % 5 = 1 then 'psc' else 'akimat' end,
        case when i % 100 = 3 then 'refused_at_intake' when i % 50 = 7 then 'refusal_issued'
             else 'certificate_issued' end,
        lpad((i % 1000000000000)::text, 12, '0'), 'Bench Applicant',
        (${akimats}::text[])[1 + (i * 7919) % ${akimats.length}],
        case when i % 5 = 1 then (${pscs}::text[])[1 + (i * 104729) % ${pscs.length}] end,
        r, r + interval '5 days', d,
        jsonb_build_object(
          'completedAt', to_char(d at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'decision', case when i % 50 = 7 then jsonb_build_object('outcome', 'refusal',
            'refusal', jsonb_build_object('ground', 'incomplete_documents')) end)
      from (
        select i, r,
          case when i % 1000 = 11 then null
               else r + (case when i % 7 = 6 then interval '6 days' else interval '1 day' * (i % 5) end) end as d
        from (
          select i, (${start}::timestamp + interval '1 second' * ((i::bigint * ${yearSeconds}) / ${counts.applications}))
                    at time zone 'Asia/Almaty' as r
          from generate_series(${a0}::bigint, ${a1 - 1}::bigint) as i
        ) x
      ) y`.execute(k);
    rows += a1 - a0;

    const [t0, t1] = monthSlice(counts.tickets, m);
    await sql`insert into queue_tickets (id, office_id, day, seq, number, status, issued_at, first_called_at,
        wait_minutes, version)
      select md5(${tag} || ':t:' || i)::uuid, (${queueOffices}::text[])[1 + (i * 7919) % ${queueOffices.length}],
        (r at time zone 'Asia/Almaty')::date, i + 1, 'A' || (i % 1000), 'done', r,
        r + interval '1 minute' * (i % 30), (i % 30)::numeric, 1
      from (
        select i, (${start}::timestamp + interval '1 second' * ((i::bigint * ${yearSeconds}) / ${counts.tickets}))
                  at time zone 'Asia/Almaty' as r
        from generate_series(${t0}::bigint, ${t1 - 1}::bigint) as i
      ) x`.execute(k);
    rows += t1 - t0;

    const [s0, s1] = monthSlice(counts.surveys, m);
    await sql`insert into surveys (id, subject, subject_key, office_kato, office_id, answered_on,
        q_2_1, q_3_1, q_4_3, q_4_4, q_5_1)
      select md5(${tag} || ':s:' || i)::uuid, case when i % 20 = 0 then 'complaint' else 'application' end,
        ${tag} || ':s:' || i,
        case when i % 5 <> 1 then (${akimats}::text[])[1 + (i * 7919) % ${akimats.length}] end,
        case when i % 5 = 1 then (${pscs}::text[])[1 + (i * 104729) % ${pscs.length}] end,
        ${start}::date + ((i::bigint * ${yearSeconds / 86_400}) / ${counts.surveys})::int,
        case when i % 20 <> 0 then 1 + (i * 3) % 5 end, case when i % 20 <> 0 then 1 + (i * 7) % 5 end,
        case when i % 20 = 0 then 1 + (i / 20) % 5 end, case when i % 20 = 0 then 1 + (i / 20 * 3) % 5 end,
        1 + (i * 11) % 5
      from generate_series(${s0}::bigint, ${s1 - 1}::bigint) as i`.execute(k);
    rows += s1 - s0;
    log(`activity: ${m + 1}/12 months, ${rows.toLocaleString('en')} rows`);
  }

  // Documents and complaints reference applications: the first `documents` / every 100th of them.
  if (counts.documents > 0) {
    const n = Math.min(counts.documents, counts.applications);
    await sql`insert into issued_documents (id, kind, number, issuer, year, seq, application_id, applicant_iin,
        issued_at, issued_by, content, status)
      select md5(${tag} || ':d:' || i)::uuid, case when i % 50 = 7 then 'refusal' else 'certificate' end,
        ${tag} || '-' || i, coalesce(a.psc_office_id, a.akimat_kato), ${year}, i + 1, a.id, a.applicant_iin,
        coalesce(a.decided_at, a.received_at), 'bench', '{}'::jsonb,
        case when i % 97 = 5 then 'superseded' else 'valid' end
      from generate_series(0::bigint, ${n - 1}::bigint) as i
      join applications a on a.id = md5(${tag} || ':a:' || (i * ${counts.applications} / ${n}))::uuid`.execute(
      k,
    );
    rows += n;
    log(`activity: ${n.toLocaleString('en')} documents`);
  }
  if (counts.complaints > 0) {
    const n = Math.min(counts.complaints, counts.applications);
    await sql`insert into complaints (id, number, kind, channel, status, language, complainant_iin,
        complainant_name, application_id, subject_akimat_kato, subject_psc_office_id, text, registered_at,
        counts_from, due_at, amber_at, review_days, reviewer_level, answered_at, outcome, answer_text)
      select md5(${tag} || ':c:' || i)::uuid, ${tag} || '-C-' || i, 'service', 'office', 'answered', 'kk',
        a.applicant_iin, 'Bench Complainant', a.id,
        case when a.psc_office_id is null then a.akimat_kato end, a.psc_office_id, 'bench', a.received_at,
        (a.received_at at time zone 'Asia/Almaty')::date, a.received_at + interval '7 days',
        a.received_at + interval '6 days', 5, 'akimat', a.received_at + interval '1 day' * (2 + i % 7),
        case i % 4 when 0 then 'justified_satisfied' when 1 then 'justified_partly' else 'not_justified' end,
        'bench'
      from generate_series(0::bigint, ${n - 1}::bigint) as i
      join applications a on a.id = md5(${tag} || ':a:' || (i * ${counts.applications} / ${n}))::uuid`.execute(
      k,
    );
    rows += n;
    log(`activity: ${n.toLocaleString('en')} complaints`);
  }
  await sql`analyze applications, issued_documents, queue_tickets, complaints, surveys`.execute(k);
  return {
    rows,
    seconds: (performance.now() - started) / 1000,
    akimats: akimats.length,
    pscs: pscs.length,
    queueOffices: queueOffices.length,
  };
}
