-- Name search moves to its own table, kept up to date after the import's commit (issue 4: import ≥ 20,000
-- rows/s; ADR 0010). The GiST trigram index cost an import about 100 µs of PostgreSQL time per member
-- written (two thirds of the member insert on the national book) — and a re-import paid it for every member,
-- unchanged names included, because a new version rewrites household_members. Now:
--   * household_names holds (household, IIN, akimat, folded full name) for every row of household_members and
--     carries the search index; a row is written only when a name is new or changed, and removed when its
--     member row is gone;
--   * an edit at the counter brings its household's names up to date in its own transaction (searchable at
--     once); an import queues its households in household_names_pending and the server's name indexer
--     brings them up to date right after the commit (src/adapters/db/name-indexer.ts) — found by IIN at
--     once, by name a moment later.
-- A removed or renamed member's name is deleted from the copy in the import's own transaction (a delete costs
-- the index nothing until vacuum), so a name not yet removed never shows; only the new names wait.

CREATE TABLE household_names (
  household_id uuid NOT NULL REFERENCES households(id),
  iin          char(12) NOT NULL,
  akimat_kato  char(9) NOT NULL,
  full_name    text NOT NULL,
  display_name text NOT NULL,
  PRIMARY KEY (household_id, iin)
);
COMMENT ON TABLE household_names IS 'Search copy of household_members names (akimat, folded full name, the name as written) with the trigram index; synced per household (ADR 0010).';

INSERT INTO household_names (household_id, iin, akimat_kato, full_name, display_name)
SELECT household_id, iin, akimat_kato, full_name, surname || ' ' || name || coalesce(' ' || patronymic, '')
FROM household_members;
-- Statistics at once: until autovacuum's first ANALYZE the planner, knowing nothing of 6 M new rows, read
-- them all for one akimat's households instead of using the key (0.8 s instead of 3 ms).
ANALYZE household_names;

CREATE INDEX household_names_search ON household_names
  USING gist (akimat_kato, full_name gist_trgm_ops (siglen = 256));
DROP INDEX IF EXISTS household_members_akimat_name;

CREATE TABLE household_names_pending (
  seq          bigserial PRIMARY KEY,
  household_id uuid NOT NULL
);
COMMENT ON TABLE household_names_pending IS 'Households whose names household_names has yet to catch up with (written by imports, emptied by the name indexer).';
