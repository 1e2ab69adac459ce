-- R-19: surveys are anonymous, yet subject_key was sha256('survey:<subject>:<id>') — unkeyed, so anyone who could
-- read the table and knew application ids or complaint numbers could find each one's answer. From now on the key
-- is HMAC-SHA256 under a server secret of that same digest (src/app/surveys/submit-survey.ts). This migration keys
-- the rows stored before, in place: a subject answered before still has exactly one key, the one a new answer to
-- it would get, so the unique constraint keeps refusing a second answer — and no unkeyed key is left behind.

-- The secret, in server_secrets so that every instance and a restored backup key alike. Made here only when there
-- are answers to key (a fresh database stays empty, as `qosalqy restore` wants it); otherwise the first answer makes
-- it (surveysRepository.subjectKeySecret). 48 bytes of the server's strong random source (gen_random_uuid: 122
-- random bits each), hex.
INSERT INTO server_secrets (name, value)
SELECT
  'survey_subject_key',
  encode(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'hex')
WHERE EXISTS (SELECT 1 FROM surveys)
ON CONFLICT (name) DO NOTHING;

-- HMAC-SHA256 (RFC 2104) with the core sha256() — pgcrypto is not loaded on PGlite. Only for this migration.
CREATE FUNCTION qosalqy_hmac_sha256_0020(key bytea, message bytea) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
  k bytea := key;
  inner_pad bytea;
  outer_pad bytea;
BEGIN
  IF length(k) > 64 THEN
    k := sha256(k);
  END IF;
  k := k || decode(repeat('00', 64 - length(k)), 'hex');
  inner_pad := k;
  outer_pad := k;
  FOR i IN 0..63 LOOP
    inner_pad := set_byte(inner_pad, i, get_byte(k, i) # 54); -- 0x36
    outer_pad := set_byte(outer_pad, i, get_byte(k, i) # 92); -- 0x5c
  END LOOP;
  RETURN sha256(outer_pad || sha256(inner_pad || message));
END
$$;

UPDATE surveys
SET subject_key = encode(
  qosalqy_hmac_sha256_0020(
    convert_to((SELECT value FROM server_secrets WHERE name = 'survey_subject_key'), 'UTF8'),
    convert_to(subject_key, 'UTF8')
  ),
  'hex'
);

DROP FUNCTION qosalqy_hmac_sha256_0020(bytea, bytea);

COMMENT ON COLUMN surveys.subject_key IS 'HMAC-SHA256, under server_secrets ''survey_subject_key'', of the hex sha256 of ''survey:<subject>:<id>'': one answer per application or complaint, and no way from an id to its answer without the secret (R-19). Migration 0020 keyed the rows stored before.';
COMMENT ON TABLE server_secrets IS 'Secrets every instance must share, each created once by whichever instance needs it first: the CSRF HMAC key, and the key of survey subject keys (survey_subject_key, migration 0020).';
