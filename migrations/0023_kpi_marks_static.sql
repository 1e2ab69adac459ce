-- The KPI roll-ups' dirty marks (0013, ADR 0007) with static SQL (issue 5 item 5: CPU per certificate).
-- kpi_mark_dirty() built its INSERT with format() and ran it with EXECUTE, so PostgreSQL parsed, analysed and
-- planned it again on every statement that wrote a source row: a profile of the issuance path put 12 % of the
-- backends' CPU there (three such statements per certificate). One function per source table, with the day's
-- expression written out, lets PL/pgSQL keep each plan for the session. An UPDATE now marks its old and new days
-- in one INSERT (it was two); kpi_refresh() reads the days DISTINCT, so the marks mean the same.
-- Same marks, same days: only how they are written changes.

CREATE FUNCTION kpi_mark_applications() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_dirty (day) SELECT DISTINCT d FROM (
      SELECT (received_at AT TIME ZONE 'Asia/Almaty')::date AS d FROM kpi_new) x WHERE d IS NOT NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO kpi_dirty (day) SELECT DISTINCT d FROM (
      SELECT (received_at AT TIME ZONE 'Asia/Almaty')::date AS d FROM kpi_new
      UNION ALL SELECT (received_at AT TIME ZONE 'Asia/Almaty')::date FROM kpi_old) x WHERE d IS NOT NULL;
  ELSE
    INSERT INTO kpi_dirty (day) SELECT DISTINCT d FROM (
      SELECT (received_at AT TIME ZONE 'Asia/Almaty')::date AS d FROM kpi_old) x WHERE d IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION kpi_mark_issued_documents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_dirty (day) SELECT DISTINCT d FROM (
      SELECT (issued_at AT TIME ZONE 'Asia/Almaty')::date AS d FROM kpi_new) x WHERE d IS NOT NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO kpi_dirty (day) SELECT DISTINCT d FROM (
      SELECT (issued_at AT TIME ZONE 'Asia/Almaty')::date AS d FROM kpi_new
      UNION ALL SELECT (issued_at AT TIME ZONE 'Asia/Almaty')::date FROM kpi_old) x WHERE d IS NOT NULL;
  ELSE
    INSERT INTO kpi_dirty (day) SELECT DISTINCT d FROM (
      SELECT (issued_at AT TIME ZONE 'Asia/Almaty')::date AS d FROM kpi_old) x WHERE d IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION kpi_mark_queue_tickets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_dirty (day) SELECT DISTINCT d FROM (SELECT day AS d FROM kpi_new) x WHERE d IS NOT NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO kpi_dirty (day) SELECT DISTINCT d FROM (
      SELECT day AS d FROM kpi_new UNION ALL SELECT day FROM kpi_old) x WHERE d IS NOT NULL;
  ELSE
    INSERT INTO kpi_dirty (day) SELECT DISTINCT d FROM (SELECT day AS d FROM kpi_old) x WHERE d IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION kpi_mark_complaints() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_dirty (day) SELECT DISTINCT d FROM (
      SELECT (answered_at AT TIME ZONE 'Asia/Almaty')::date AS d FROM kpi_new) x WHERE d IS NOT NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO kpi_dirty (day) SELECT DISTINCT d FROM (
      SELECT (answered_at AT TIME ZONE 'Asia/Almaty')::date AS d FROM kpi_new
      UNION ALL SELECT (answered_at AT TIME ZONE 'Asia/Almaty')::date FROM kpi_old) x WHERE d IS NOT NULL;
  ELSE
    INSERT INTO kpi_dirty (day) SELECT DISTINCT d FROM (
      SELECT (answered_at AT TIME ZONE 'Asia/Almaty')::date AS d FROM kpi_old) x WHERE d IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION kpi_mark_surveys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_dirty (day) SELECT DISTINCT d FROM (SELECT answered_on AS d FROM kpi_new) x WHERE d IS NOT NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO kpi_dirty (day) SELECT DISTINCT d FROM (
      SELECT answered_on AS d FROM kpi_new UNION ALL SELECT answered_on FROM kpi_old) x WHERE d IS NOT NULL;
  ELSE
    INSERT INTO kpi_dirty (day) SELECT DISTINCT d FROM (SELECT answered_on AS d FROM kpi_old) x WHERE d IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER applications_kpi_ins ON applications;
DROP TRIGGER applications_kpi_upd ON applications;
DROP TRIGGER applications_kpi_del ON applications;
CREATE TRIGGER applications_kpi_ins AFTER INSERT ON applications REFERENCING NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_applications();
CREATE TRIGGER applications_kpi_upd AFTER UPDATE ON applications REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_applications();
CREATE TRIGGER applications_kpi_del AFTER DELETE ON applications REFERENCING OLD TABLE AS kpi_old
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_applications();

DROP TRIGGER issued_documents_kpi_ins ON issued_documents;
DROP TRIGGER issued_documents_kpi_upd ON issued_documents;
DROP TRIGGER issued_documents_kpi_del ON issued_documents;
CREATE TRIGGER issued_documents_kpi_ins AFTER INSERT ON issued_documents REFERENCING NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_issued_documents();
CREATE TRIGGER issued_documents_kpi_upd AFTER UPDATE ON issued_documents REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_issued_documents();
CREATE TRIGGER issued_documents_kpi_del AFTER DELETE ON issued_documents REFERENCING OLD TABLE AS kpi_old
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_issued_documents();

DROP TRIGGER queue_tickets_kpi_ins ON queue_tickets;
DROP TRIGGER queue_tickets_kpi_upd ON queue_tickets;
DROP TRIGGER queue_tickets_kpi_del ON queue_tickets;
CREATE TRIGGER queue_tickets_kpi_ins AFTER INSERT ON queue_tickets REFERENCING NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_queue_tickets();
CREATE TRIGGER queue_tickets_kpi_upd AFTER UPDATE ON queue_tickets REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_queue_tickets();
CREATE TRIGGER queue_tickets_kpi_del AFTER DELETE ON queue_tickets REFERENCING OLD TABLE AS kpi_old
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_queue_tickets();

DROP TRIGGER complaints_kpi_ins ON complaints;
DROP TRIGGER complaints_kpi_upd ON complaints;
DROP TRIGGER complaints_kpi_del ON complaints;
CREATE TRIGGER complaints_kpi_ins AFTER INSERT ON complaints REFERENCING NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_complaints();
CREATE TRIGGER complaints_kpi_upd AFTER UPDATE ON complaints REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_complaints();
CREATE TRIGGER complaints_kpi_del AFTER DELETE ON complaints REFERENCING OLD TABLE AS kpi_old
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_complaints();

DROP TRIGGER surveys_kpi_ins ON surveys;
DROP TRIGGER surveys_kpi_upd ON surveys;
DROP TRIGGER surveys_kpi_del ON surveys;
CREATE TRIGGER surveys_kpi_ins AFTER INSERT ON surveys REFERENCING NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_surveys();
CREATE TRIGGER surveys_kpi_upd AFTER UPDATE ON surveys REFERENCING OLD TABLE AS kpi_old NEW TABLE AS kpi_new
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_surveys();
CREATE TRIGGER surveys_kpi_del AFTER DELETE ON surveys REFERENCING OLD TABLE AS kpi_old
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_mark_surveys();

DROP FUNCTION kpi_mark_dirty();

COMMENT ON FUNCTION kpi_mark_applications() IS 'Marks in kpi_dirty the civil days (Asia/Almaty) of received_at of the applications a statement wrote (ADR 0007); static SQL so its plan is kept (0023).';
COMMENT ON FUNCTION kpi_mark_issued_documents() IS 'Marks in kpi_dirty the civil days (Asia/Almaty) of issued_at of the documents a statement wrote (ADR 0007).';
COMMENT ON FUNCTION kpi_mark_queue_tickets() IS 'Marks in kpi_dirty the days of the queue tickets a statement wrote (ADR 0007).';
COMMENT ON FUNCTION kpi_mark_complaints() IS 'Marks in kpi_dirty the civil days (Asia/Almaty) of answered_at of the complaints a statement wrote (ADR 0007).';
COMMENT ON FUNCTION kpi_mark_surveys() IS 'Marks in kpi_dirty the answered_on days of the survey answers a statement wrote (ADR 0007).';
