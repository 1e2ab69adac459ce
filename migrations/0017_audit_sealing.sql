-- The audit chain is sealed after commit (ADR 0008). A business transaction inserts its audit row with an
-- identity id and no seq or hash, taking no shared lock; the sealer gives committed rows their seq, prev_hash
-- and hash in id order under the audit_head lock. Issuing transactions no longer queue on one row.

-- Existing rows are all sealed: their id is their seq.
ALTER TABLE audit_log ADD COLUMN id bigint;
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
UPDATE audit_log SET id = seq;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
CREATE SEQUENCE audit_log_id_seq OWNED BY audit_log.id;
SELECT setval('audit_log_id_seq', coalesce((SELECT max(id) FROM audit_log), 0) + 1, false);
ALTER TABLE audit_log ALTER COLUMN id SET DEFAULT nextval('audit_log_id_seq');
ALTER TABLE audit_log ALTER COLUMN id SET NOT NULL;

ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey;
ALTER TABLE audit_log ADD PRIMARY KEY (id);
ALTER TABLE audit_log ALTER COLUMN seq DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_sealed_whole
  CHECK ((seq IS NULL) = (hash IS NULL) AND (seq IS NULL) = (prev_hash IS NULL));
CREATE UNIQUE INDEX audit_log_seq_key ON audit_log (seq);
-- The sealer's queue: small, because rows leave it within a second.
CREATE INDEX audit_log_unsealed_idx ON audit_log (id) WHERE seq IS NULL;

-- Still append-only: the one update allowed is sealing a row — setting seq, prev_hash and hash once, nothing else.
CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
     AND NEW.id = OLD.id AND NEW.at = OLD.at
     AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id AND NEW.actor_role IS NOT DISTINCT FROM OLD.actor_role
     AND NEW.action = OLD.action AND NEW.subject_type IS NOT DISTINCT FROM OLD.subject_type
     AND NEW.subject_id IS NOT DISTINCT FROM OLD.subject_id AND NEW.ip IS NOT DISTINCT FROM OLD.ip
     AND NEW.outcome = OLD.outcome AND NEW.details = OLD.details THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

COMMENT ON COLUMN audit_log.id IS 'Order of insertion; the sealer chains committed rows in this order.';
COMMENT ON COLUMN audit_log.seq IS 'Position in the hash chain, gapless; NULL until the row is sealed (ADR 0008).';
COMMENT ON TABLE audit_head IS 'The last sealed seq and hash of audit_log: the sealers'' lock (one at a time), and the anchor that shows rows deleted from (or appended behind) the end of the chain.';
