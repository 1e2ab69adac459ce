-- Name search at national scale (issue 4 item 6): one GiST index on (akimat, name trigrams) instead of two GIN
-- indexes. A GIN index keeps one posting list per trigram for the whole country, so even "this akimat and this
-- name" walked the posting lists of common trigrams across 6 million members (≈150 ms), and a district search
-- fell back to the country-wide list (seconds). The GiST tree groups entries by akimat first, so a search
-- descends only into the akimat's (or the district's KATO range's) subtrees, and it answers ORDER BY
-- `full_name <->> key` nearest-first, stopping after the page asked for. Measured in docs/PERFORMANCE.md.
-- On a large existing book this rebuild takes a while (≈30 min for 6 M members on a loaded 2-core machine).
CREATE EXTENSION IF NOT EXISTS btree_gist;
DROP INDEX IF EXISTS household_members_akimat_name;
DROP INDEX IF EXISTS household_members_name_trgm;
CREATE INDEX household_members_akimat_name ON household_members USING gist (akimat_kato, full_name gist_trgm_ops);
