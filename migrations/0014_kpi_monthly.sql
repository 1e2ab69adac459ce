-- Monthly roll-ups of the Appendix 3 indicators (issue 8 item 6, ADR 0007). Every reporting period is whole
-- months (a month, a quarter, a year), so a table is summed from at most twelve rows per office reference instead
-- of 365: the daily rows of 0013 number offices × days (~2.5 million for a national year), the monthly a 30th.
--
-- kpi_monthly is kept equal to the sum of kpi_daily over each month: kpi_refresh() subtracts the old daily rows
-- of the days it rebuilds and adds the new ones, under the same lock, so the month moves by exactly the change.

CREATE TABLE kpi_monthly (
  month               date NOT NULL CHECK (extract(day FROM month) = 1),
  place               text NOT NULL,
  served              bigint NOT NULL DEFAULT 0,
  on_time_done        bigint NOT NULL DEFAULT 0,
  late_done           bigint NOT NULL DEFAULT 0,
  first_time_right    bigint NOT NULL DEFAULT 0,
  first_time_total    bigint NOT NULL DEFAULT 0,
  documents_correct   bigint NOT NULL DEFAULT 0,
  documents_total     bigint NOT NULL DEFAULT 0,
  waits_short         bigint NOT NULL DEFAULT 0,
  waits_total         bigint NOT NULL DEFAULT 0,
  justified           bigint NOT NULL DEFAULT 0,
  justified_in_time   bigint NOT NULL DEFAULT 0,
  s21_yes             bigint NOT NULL DEFAULT 0,
  s21_all             bigint NOT NULL DEFAULT 0,
  s31_yes             bigint NOT NULL DEFAULT 0,
  s31_all             bigint NOT NULL DEFAULT 0,
  s43_yes             bigint NOT NULL DEFAULT 0,
  s43_all             bigint NOT NULL DEFAULT 0,
  s44_yes             bigint NOT NULL DEFAULT 0,
  s44_all             bigint NOT NULL DEFAULT 0,
  s51_yes             bigint NOT NULL DEFAULT 0,
  s51_all             bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (month, place)
);
COMMENT ON TABLE kpi_monthly IS 'Per month (its first day) and office reference, the sums of kpi_daily over the month (R-15, ADR 0007); kept equal by kpi_refresh(), which adds each rebuilt day''s difference. The indicator table reads this.';

INSERT INTO kpi_monthly (month, place, served, on_time_done, late_done, first_time_right, first_time_total, documents_correct, documents_total, waits_short, waits_total, justified, justified_in_time, s21_yes, s21_all, s31_yes, s31_all, s43_yes, s43_all, s44_yes, s44_all, s51_yes, s51_all)
SELECT date_trunc('month', day)::date, place, sum(served), sum(on_time_done), sum(late_done), sum(first_time_right), sum(first_time_total), sum(documents_correct), sum(documents_total), sum(waits_short), sum(waits_total), sum(justified), sum(justified_in_time), sum(s21_yes), sum(s21_all), sum(s31_yes), sum(s31_all), sum(s43_yes), sum(s43_all), sum(s44_yes), sum(s44_all), sum(s51_yes), sum(s51_all)
FROM kpi_daily GROUP BY 1, 2;

-- As in 0013, plus the monthly difference: minus the days' old rows, plus their new rows.
CREATE OR REPLACE FUNCTION kpi_refresh() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  marks bigint[];
  days date[];
BEGIN
  LOCK TABLE kpi_daily IN SHARE ROW EXCLUSIVE MODE;
  SELECT array_agg(id), array_agg(DISTINCT day) INTO marks, days FROM kpi_dirty;
  IF marks IS NULL THEN
    RETURN 0;
  END IF;
  INSERT INTO kpi_monthly (month, place, served, on_time_done, late_done, first_time_right, first_time_total, documents_correct, documents_total, waits_short, waits_total, justified, justified_in_time, s21_yes, s21_all, s31_yes, s31_all, s43_yes, s43_all, s44_yes, s44_all, s51_yes, s51_all)
  SELECT date_trunc('month', day)::date, place, -sum(served), -sum(on_time_done), -sum(late_done), -sum(first_time_right), -sum(first_time_total), -sum(documents_correct), -sum(documents_total), -sum(waits_short), -sum(waits_total), -sum(justified), -sum(justified_in_time), -sum(s21_yes), -sum(s21_all), -sum(s31_yes), -sum(s31_all), -sum(s43_yes), -sum(s43_all), -sum(s44_yes), -sum(s44_all), -sum(s51_yes), -sum(s51_all)
  FROM kpi_daily WHERE day = ANY (days)
  GROUP BY 1, 2
  ON CONFLICT (month, place) DO UPDATE SET
      served = kpi_monthly.served + excluded.served,
      on_time_done = kpi_monthly.on_time_done + excluded.on_time_done,
      late_done = kpi_monthly.late_done + excluded.late_done,
      first_time_right = kpi_monthly.first_time_right + excluded.first_time_right,
      first_time_total = kpi_monthly.first_time_total + excluded.first_time_total,
      documents_correct = kpi_monthly.documents_correct + excluded.documents_correct,
      documents_total = kpi_monthly.documents_total + excluded.documents_total,
      waits_short = kpi_monthly.waits_short + excluded.waits_short,
      waits_total = kpi_monthly.waits_total + excluded.waits_total,
      justified = kpi_monthly.justified + excluded.justified,
      justified_in_time = kpi_monthly.justified_in_time + excluded.justified_in_time,
      s21_yes = kpi_monthly.s21_yes + excluded.s21_yes,
      s21_all = kpi_monthly.s21_all + excluded.s21_all,
      s31_yes = kpi_monthly.s31_yes + excluded.s31_yes,
      s31_all = kpi_monthly.s31_all + excluded.s31_all,
      s43_yes = kpi_monthly.s43_yes + excluded.s43_yes,
      s43_all = kpi_monthly.s43_all + excluded.s43_all,
      s44_yes = kpi_monthly.s44_yes + excluded.s44_yes,
      s44_all = kpi_monthly.s44_all + excluded.s44_all,
      s51_yes = kpi_monthly.s51_yes + excluded.s51_yes,
      s51_all = kpi_monthly.s51_all + excluded.s51_all;
  DELETE FROM kpi_daily WHERE day = ANY (days);
  INSERT INTO kpi_daily (day, place, served, on_time_done, late_done, first_time_right, first_time_total,
      documents_correct, documents_total, waits_short, waits_total, justified, justified_in_time,
      s21_yes, s21_all, s31_yes, s31_all, s43_yes, s43_all, s44_yes, s44_all, s51_yes, s51_all)
  SELECT day, place, sum(served), sum(on_time_done), sum(late_done), sum(first_time_right), sum(first_time_total),
      sum(documents_correct), sum(documents_total), sum(waits_short), sum(waits_total), sum(justified),
      sum(justified_in_time), sum(s21_yes), sum(s21_all), sum(s31_yes), sum(s31_all), sum(s43_yes), sum(s43_all),
      sum(s44_yes), sum(s44_all), sum(s51_yes), sum(s51_all)
  FROM (
    -- Applications by the day they were received (1.1, 3.2, 4.1's denominator).
    SELECT day, place, count(*) AS served,
        count(*) FILTER (WHERE done IS NOT NULL AND (due_at IS NULL OR done <= due_at)) AS on_time_done,
        count(*) FILTER (WHERE done IS NOT NULL AND due_at IS NOT NULL AND done > due_at) AS late_done,
        count(*) FILTER (WHERE channel <> 'online' AND status <> 'refused_at_intake'
                         AND ground IS DISTINCT FROM 'incomplete_documents') AS first_time_right,
        count(*) FILTER (WHERE channel <> 'online') AS first_time_total,
        0 AS documents_correct, 0 AS documents_total, 0 AS waits_short, 0 AS waits_total, 0 AS justified,
        0 AS justified_in_time, 0 AS s21_yes, 0 AS s21_all, 0 AS s31_yes, 0 AS s31_all, 0 AS s43_yes,
        0 AS s43_all, 0 AS s44_yes, 0 AS s44_all, 0 AS s51_yes, 0 AS s51_all
    FROM (
      SELECT (received_at AT TIME ZONE 'Asia/Almaty')::date AS day,
          CASE WHEN psc_office_id IS NOT NULL THEN 'P' || psc_office_id ELSE 'A' || coalesce(akimat_kato, '') END AS place,
          (state->>'completedAt')::timestamptz AS done, due_at, channel, status,
          state#>>'{decision,refusal,ground}' AS ground
      FROM applications
      WHERE received_at >= (SELECT min(d) FROM unnest(days) d)::timestamp AT TIME ZONE 'Asia/Almaty' - interval '1 day'
        AND received_at < (SELECT max(d) FROM unnest(days) d)::timestamp AT TIME ZONE 'Asia/Almaty' + interval '2 days'
    ) a
    WHERE day = ANY (days)
    GROUP BY day, place
    UNION ALL
    -- Certificates and refusals by the day issued (2.2).
    SELECT (issued_at AT TIME ZONE 'Asia/Almaty')::date, 'D' || issuer, 0, 0, 0, 0, 0,
        count(*) FILTER (WHERE status <> 'superseded'), count(*), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM issued_documents
    WHERE kind IN ('certificate', 'refusal')
      AND (issued_at AT TIME ZONE 'Asia/Almaty')::date = ANY (days)
      AND issued_at >= (SELECT min(d) FROM unnest(days) d)::timestamp AT TIME ZONE 'Asia/Almaty' - interval '1 day'
      AND issued_at < (SELECT max(d) FROM unnest(days) d)::timestamp AT TIME ZONE 'Asia/Almaty' + interval '2 days'
    GROUP BY 1, 2
    UNION ALL
    -- Queue tickets by their day, with a measured wait (1.2).
    SELECT day, 'O' || office_id, 0, 0, 0, 0, 0, 0, 0,
        count(*) FILTER (WHERE wait_minutes <= 10), count(wait_minutes), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM queue_tickets
    WHERE day = ANY (days)
    GROUP BY 1, 2
    UNION ALL
    -- Complaints by the day answered (4.1's numerator, 4.2).
    SELECT (answered_at AT TIME ZONE 'Asia/Almaty')::date,
        CASE WHEN subject_akimat_kato IS NOT NULL THEN 'A' || btrim(subject_akimat_kato)
             WHEN subject_psc_office_id IS NOT NULL THEN 'P' || subject_psc_office_id ELSE '' END,
        0, 0, 0, 0, 0, 0, 0, 0, 0,
        count(*) FILTER (WHERE outcome IN ('justified_satisfied', 'justified_partly')),
        count(*) FILTER (WHERE outcome = 'justified_satisfied' AND answered_at <= due_at),
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM complaints
    WHERE answered_at IS NOT NULL
      AND (answered_at AT TIME ZONE 'Asia/Almaty')::date = ANY (days)
      AND answered_at >= (SELECT min(d) FROM unnest(days) d)::timestamp AT TIME ZONE 'Asia/Almaty' - interval '1 day'
      AND answered_at < (SELECT max(d) FROM unnest(days) d)::timestamp AT TIME ZONE 'Asia/Almaty' + interval '2 days'
    GROUP BY 1, 2
    UNION ALL
    -- Survey answers by their day: satisfied is a score of 4 or 5 (R-19).
    SELECT answered_on,
        CASE WHEN office_kato IS NOT NULL THEN 'A' || btrim(office_kato)
             WHEN office_id IS NOT NULL THEN 'P' || office_id ELSE '' END,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        count(*) FILTER (WHERE subject = 'application' AND q_2_1 >= 4),
        count(*) FILTER (WHERE subject = 'application' AND q_2_1 IS NOT NULL),
        count(*) FILTER (WHERE subject = 'application' AND q_3_1 >= 4),
        count(*) FILTER (WHERE subject = 'application' AND q_3_1 IS NOT NULL),
        count(*) FILTER (WHERE subject = 'complaint' AND q_4_3 >= 4),
        count(*) FILTER (WHERE subject = 'complaint' AND q_4_3 IS NOT NULL),
        count(*) FILTER (WHERE subject = 'complaint' AND q_4_4 >= 4),
        count(*) FILTER (WHERE subject = 'complaint' AND q_4_4 IS NOT NULL),
        count(*) FILTER (WHERE q_5_1 >= 4),
        count(*) FILTER (WHERE q_5_1 IS NOT NULL)
    FROM surveys
    WHERE answered_on = ANY (days)
    GROUP BY 1, 2
  ) parts
  GROUP BY day, place;
  INSERT INTO kpi_monthly (month, place, served, on_time_done, late_done, first_time_right, first_time_total, documents_correct, documents_total, waits_short, waits_total, justified, justified_in_time, s21_yes, s21_all, s31_yes, s31_all, s43_yes, s43_all, s44_yes, s44_all, s51_yes, s51_all)
  SELECT date_trunc('month', day)::date, place, sum(served), sum(on_time_done), sum(late_done), sum(first_time_right), sum(first_time_total), sum(documents_correct), sum(documents_total), sum(waits_short), sum(waits_total), sum(justified), sum(justified_in_time), sum(s21_yes), sum(s21_all), sum(s31_yes), sum(s31_all), sum(s43_yes), sum(s43_all), sum(s44_yes), sum(s44_all), sum(s51_yes), sum(s51_all)
  FROM kpi_daily WHERE day = ANY (days)
  GROUP BY 1, 2
  ON CONFLICT (month, place) DO UPDATE SET
      served = kpi_monthly.served + excluded.served,
      on_time_done = kpi_monthly.on_time_done + excluded.on_time_done,
      late_done = kpi_monthly.late_done + excluded.late_done,
      first_time_right = kpi_monthly.first_time_right + excluded.first_time_right,
      first_time_total = kpi_monthly.first_time_total + excluded.first_time_total,
      documents_correct = kpi_monthly.documents_correct + excluded.documents_correct,
      documents_total = kpi_monthly.documents_total + excluded.documents_total,
      waits_short = kpi_monthly.waits_short + excluded.waits_short,
      waits_total = kpi_monthly.waits_total + excluded.waits_total,
      justified = kpi_monthly.justified + excluded.justified,
      justified_in_time = kpi_monthly.justified_in_time + excluded.justified_in_time,
      s21_yes = kpi_monthly.s21_yes + excluded.s21_yes,
      s21_all = kpi_monthly.s21_all + excluded.s21_all,
      s31_yes = kpi_monthly.s31_yes + excluded.s31_yes,
      s31_all = kpi_monthly.s31_all + excluded.s31_all,
      s43_yes = kpi_monthly.s43_yes + excluded.s43_yes,
      s43_all = kpi_monthly.s43_all + excluded.s43_all,
      s44_yes = kpi_monthly.s44_yes + excluded.s44_yes,
      s44_all = kpi_monthly.s44_all + excluded.s44_all,
      s51_yes = kpi_monthly.s51_yes + excluded.s51_yes,
      s51_all = kpi_monthly.s51_all + excluded.s51_all;
  DELETE FROM kpi_dirty WHERE id = ANY (marks);
  RETURN array_length(days, 1);
END $$;
