-- Foundation: users with roles and territories, database sessions, sign-in throttling, the audit trail.
-- Migrations are the only source of truth for the schema (DESIGN.md); each table says what it is for.

CREATE TABLE users (
  id            uuid PRIMARY KEY,
  username      text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{2,64}$'),
  password_hash text NOT NULL,
  display_name  text NOT NULL,
  role          text NOT NULL CHECK (role IN ('akimat_officer', 'psc_operator', 'psc_director', 'district_akim',
                  'oblast_akim', 'ministry_analyst', 'admin', 'auditor', 'citizen')),
  territory_kato text CHECK (territory_kato IS NULL OR territory_kato ~ '^[0-9]{9}$'),
  office_id     text,
  iin           text CHECK (iin IS NULL OR iin ~ '^[0-9]{12}$'),
  locale        text NOT NULL DEFAULT 'kk' CHECK (locale IN ('kk', 'ru', 'en')),
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE users IS 'People who sign in. Role × territory decide every access (domain/access/policy.ts, R-14).';
COMMENT ON COLUMN users.territory_kato IS 'KATO code of the akimat, district or oblast the role works in; NULL for national roles.';
COMMENT ON COLUMN users.office_id IS 'PSC office id (data/offices.json) for psc_operator and psc_director.';
COMMENT ON COLUMN users.iin IS 'Only for citizens: the IIN their own applications are filed under.';

CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz,
  ip          text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
COMMENT ON TABLE sessions IS 'Server-side sessions (the app is stateless; any instance can serve any request). Only the sha256 of the cookie token is stored.';

CREATE TABLE auth_failures (
  id          bigserial PRIMARY KEY,
  username    text NOT NULL,
  at          timestamptz NOT NULL
);
CREATE INDEX auth_failures_username_at_idx ON auth_failures (username, at);
COMMENT ON TABLE auth_failures IS 'Failed sign-ins, to throttle guessing per username across all instances (issue 2: the 6th failure in 15 minutes → 429).';

CREATE TABLE audit_log (
  seq          bigint PRIMARY KEY,
  at           timestamptz NOT NULL,
  actor_id     uuid,
  actor_role   text,
  action       text NOT NULL,
  subject_type text,
  subject_id   text,
  ip           text,
  outcome      text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
  details      jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash    text NOT NULL,
  hash         text NOT NULL
);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);
COMMENT ON TABLE audit_log IS 'Append-only audit trail (R-14): who, when, action, subject, IP, outcome. seq is gapless and each hash is sha256 over the previous hash and this row, so `qosalqy audit verify` finds a modified, inserted or deleted row.';
COMMENT ON COLUMN audit_log.details IS 'Never holds an IIN in clear; personal data is referenced by subject id.';

-- Append-only in the database itself, not only by convention: the application role can never rewrite history.
-- (An attacker with superuser rights can still disable this; the hash chain is what detects that.)
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

CREATE TABLE audit_head (
  id    smallint PRIMARY KEY CHECK (id = 1),
  seq   bigint NOT NULL,
  hash  text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));
COMMENT ON TABLE audit_head IS 'The last seq and hash of audit_log, updated in the same transaction as each append: the lock that keeps seq gapless, and the anchor that shows rows deleted from (or appended behind) the end of the chain.';

CREATE TABLE server_secrets (
  name       text PRIMARY KEY,
  value      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE server_secrets IS 'Secrets every instance must share (the CSRF HMAC key), created once on first start.';
