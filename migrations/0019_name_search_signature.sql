-- Name search: a 256-byte trigram signature in the GiST index's inner entries instead of the default 12 bytes
-- (issue 4 item 6). An inner entry is the union of the trigrams below it; at 12 bytes (96 bits) the union of a
-- leaf page's ~40 names sets nearly every bit, so the inner levels cannot rule a page out and a district search
-- reads all of the district's leaf pages. At 256 bytes fewer bits are set and more pages are skipped.
-- Measured side by side on the 1.6 M-household book (docs/PERFORMANCE.md): a district query reads 16 % fewer
-- pages and its p95 is ≈ 10 % lower; the akimat's p95 moved within noise (10.6–15.1 ms across both, against a
-- 50 ms budget); the index is 9 % smaller (918 MB against 1,010 MB); the import is no slower.
-- On a large existing book this rebuild takes minutes (≈5 min for 6 M members on this 2-core machine).
DROP INDEX IF EXISTS household_members_akimat_name;
CREATE INDEX household_members_akimat_name ON household_members
  USING gist (akimat_kato, full_name gist_trgm_ops (siglen = 256));
