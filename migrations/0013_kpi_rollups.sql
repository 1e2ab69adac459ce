-- Daily roll-ups of the Appendix 3 indicators (issue 8 item 6, R-15; ADR 0007). The national table for a year
-- sums these rows instead of reading millions of applications, tickets and survey answers.
--
-- Exactness: a statement that writes a source row marks the row's day dirty (old and new day) in kpi_dirty, in
-- its own transaction. Before a table is read, kpi_refresh() recomputes every dirty day from the source rows
-- and deletes exactly the marks it read. So every day either has a mark or equals the source (see the ADR).
--
-- Placement is NOT resolved here: `place` is the raw office reference of the source row, prefixed by how the
-- reader resolves it (src/adapters/db/repositories/kpi-rollup.repository.ts), so a change to the directory of
-- offices shows at once, as in the direct computation.
--   'A<kato>'  an akimat by its KATO code (applications without a PSC, complaints, survey answers)
--   'P<id>'    a PSC by its office id (applications handed in at a PSC, complaints, survey answers)
--   'D<issuer>' a document's issuer: an akimat's KATO code or a PSC's id
--   'O<id>'    a queue office (a PSC or a rural akimat office) by its id
--   ''         not placed at all

CREATE TABLE kpi_daily (
  day                 date NOT NULL,
  place               text NOT NULL,
  served              integer NOT NULL DEFAULT 0,
  on_time_done        integer NOT NULL DEFAULT 0,
  late_done           integer NOT NULL DEFAULT 0,
  first_time_right    integer NOT NULL DEFAULT 0,
  first_time_total    integer NOT NULL DEFAULT 0,
  documents_correct   integer NOT NULL DEFAULT 0,
  documents_total     integer NOT NULL DEFAULT 0,
  waits_short         integer NOT NULL DEFAULT 0,
  waits_total         integer NOT NULL DEFAULT 0,
  justified           integer NOT NULL DEFAULT 0,
  justified_in_time   integer NOT NULL DEFAULT 0,
  s21_yes             integer NOT NULL DEFAULT 0,
  s21_all             integer NOT NULL DEFAULT 0,
  s31_yes             integer NOT NULL DEFAULT 0,
  s31_all             integer NOT NULL DEFAULT 0,
  s43_yes             integer NOT NULL DEFAULT 0,
  s43_all             integer NOT NULL DEFAULT 0,
  s44_yes             integer NOT NULL DEFAULT 0,
  s44_all             integer NOT NULL DEFAULT 0,
  s51_yes             integer NOT NULL DEFAULT 0,
  s51_all             integer NOT NULL DEFAULT 0,
  PRIMARY KEY (day, place)
);
COMMENT ON TABLE kpi_daily IS 'Per civil day (Asia/Almaty) and office reference, the counts the Appendix 3 indicators are summed from (R-15, ADR 0007). Derived: kpi_refresh() rebuilds any day from the source tables. Pending applications past their deadline (1.1) depend on the moment of reading and are counted live, not here.';
COMMENT ON COLUMN kpi_daily.place IS 'The raw office reference, prefixed: A<kato> akimat, P<id> PSC, D<issuer> document issuer, O<id> queue office, empty when not placed; resolved to office, district and oblast when read.';
COMMENT ON COLUMN kpi_daily.served IS 'Applications received that day (4.1 denominator).';
COMMENT ON COLUMN kpi_daily.on_time_done IS '1.1: applications received that day, completed, by the deadline or without one.';
COMMENT ON COLUMN kpi_daily.late_done IS '1.1: applications received that day, completed after the deadline.';
COMMENT ON COLUMN kpi_daily.first_time_right IS '3.2: applications at a counter received that day not refused at intake nor for incomplete documents.';
COMMENT ON COLUMN kpi_daily.first_time_total IS '3.2: applications at a counter (not online) received that day.';
COMMENT ON COLUMN kpi_daily.documents_correct IS '2.2: certificates and refusals issued that day not superseded later.';
COMMENT ON COLUMN kpi_daily.waits_short IS '1.2: tickets of that day with a measured wait of at most 10 minutes.';
COMMENT ON COLUMN kpi_daily.justified IS '4.1 numerator and 4.2 denominator: complaints answered that day as justified (in full or partly).';
COMMENT ON COLUMN kpi_daily.justified_in_time IS '4.2: complaints answered that day as justified and satisfied, by their deadline.';
COMMENT ON COLUMN kpi_daily.s21_yes IS 'Survey answers of that day scoring the question 4 or 5 (sNN_all: answering it at all), for the subjects the indicator counts: 2.1 and 3.1 services, 4.3 and 4.4 complaints, 5.1 both.';

CREATE TABLE kpi_dirty (
  id   bigserial PRIMARY KEY,
  day  date NOT NULL
);
COMMENT ON TABLE kpi_dirty IS 'Days of kpi_daily that no longer match the source rows: marked by the triggers in the writing transaction, removed by kpi_refresh() once recomputed (ADR 0007).';

-- The drill-down and the refresh read the source rows by these days.
CREATE INDEX issued_documents_issued_idx ON issued_documents (issued_at);
CREATE INDEX queue_tickets_day_idx ON queue_tickets (day);
CREATE INDEX complaints_answered_idx ON complaints (answered_at) WHERE answered_at IS NOT NULL;
CREATE INDEX surveys_answered_idx ON surveys (answered_on);
-- 1.1 counts a pending application as late once its deadline has passed: counted live, through this index.
CREATE INDEX applications_pending_due_idx ON applications (received_at, due_at)
  WHERE (state->>'completedAt') IS NULL AND due_at IS NOT NULL;

-- Marks the civil days of the rows a statement wrote. TG_ARGV[0] is the day of a row as an SQL expression.
CREATE FUNCTION kpi_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format('INSERT INTO kpi_dirty (day) SELECT DISTINCT d FROM (SELECT %s AS d FROM kpi_new) x WHERE d IS NOT NULL', TG_ARGV[0]);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE format('INSERT INTO kpi_dirty (day) SELECT DISTINCT d FROM (SELECT %s AS d FROM kpi_old) x WHERE d IS NOT NULL', TG_ARGV[0]);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER applications_kpi_ins AFTER INSERT ON applications REFERENCING NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_dirty('(received_at AT TIME ZONE ''Asia/Almaty'')::date');
CREATE TRIGGER applications_kpi_upd AFTER UPDATE ON applications REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_dirty('(received_at AT TIME ZONE ''Asia/Almaty'')::date');
CREATE TRIGGER applications_kpi_del AFTER DELETE ON applications REFERENCING OLD TABLE AS kpi_old
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_dirty('(received_at AT TIME ZONE ''Asia/Almaty'')::date');

CREATE TRIGGER issued_documents_kpi_ins AFTER INSERT ON issued_documents REFERENCING NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_dirty('(issued_at AT TIME ZONE ''Asia/Almaty'')::date');
CREATE TRIGGER issued_documents_kpi_upd AFTER UPDATE ON issued_documents REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_dirty('(issued_at AT TIME ZONE ''Asia/Almaty'')::date');
CREATE TRIGGER issued_documents_kpi_del AFTER DELETE ON issued_documents REFERENCING OLD TABLE AS kpi_old
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_dirty('(issued_at AT TIME ZONE ''Asia/Almaty'')::date');

CREATE TRIGGER queue_tickets_kpi_ins AFTER INSERT ON queue_tickets REFERENCING NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_dirty('day');
CREATE TRIGGER queue_tickets_kpi_upd AFTER UPDATE ON queue_tickets REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_dirty('day');
CREATE TRIGGER queue_tickets_kpi_del AFTER DELETE ON queue_tickets REFERENCING OLD TABLE AS kpi_old
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_dirty('day');

CREATE TRIGGER complaints_kpi_ins AFTER INSERT ON complaints REFERENCING NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_dirty('(answered_at AT TIME ZONE ''Asia/Almaty'')::date');
CREATE TRIGGER complaints_kpi_upd AFTER UPDATE ON complaints REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_dirty('(answered_at AT TIME ZONE ''Asia/Almaty'')::date');
CREATE TRIGGER complaints_kpi_del AFTER DELETE ON complaints REFERENCING OLD TABLE AS kpi_old
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_dirty('(answered_at AT TIME ZONE ''Asia/Almaty'')::date');

CREATE TRIGGER surveys_kpi_ins AFTER INSERT ON surveys REFERENCING NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_dirty('answered_on');
CREATE TRIGGER surveys_kpi_upd AFTER UPDATE ON surveys REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_dirty('answered_on');
CREATE TRIGGER surveys_kpi_del AFTER DELETE ON surveys REFERENCING OLD TABLE AS kpi_old
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_dirty('answered_on');

-- Recomputes the dirty days from the source rows; returns how many days it rebuilt. The lock lets one refresh
-- run at a time (a second waits, then finds the marks gone) while plain reads of kpi_daily go on.
-- The rules mirror src/domain/kpi/count.ts; test/integration/indicator-rollups.test.ts proves they agree.
CREATE FUNCTION kpi_refresh() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  marks bigint[];
  days date[];
BEGIN
  LOCK TABLE kpi_daily IN SHARE ROW EXCLUSIVE MODE;
  SELECT array_agg(id), array_agg(DISTINCT day) INTO marks, days FROM kpi_dirty;
  IF marks IS NULL THEN
    RETURN 0;
  END IF;
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
  DELETE FROM kpi_dirty WHERE id = ANY (marks);
  RETURN array_length(days, 1);
END $$;
COMMENT ON FUNCTION kpi_refresh() IS 'Rebuilds the days of kpi_daily marked in kpi_dirty from the source tables, removing only the marks it read (ADR 0007).';
