-- Fewer index pages touched per household written (issue 4, import ≥ 20,000 rows/s; docs/PERFORMANCE.md
-- "2026-12-02 later"). At national scale an import's cost is dominated by the B-tree leaf pages each new row
-- dirties at a random place (each one a full-page image in the WAL after a checkpoint), so every index
-- keyed by an IIN or a random id costs about one page per row.

-- The same columns as the UNIQUE (akimat_kato, book_number, account_number) constraint's own index, which
-- serves every query this one did.
DROP INDEX IF EXISTS households_akimat_idx;

-- Lookup of members by IIN goes through household_iin_index (iin → every household that ever listed the IIN,
-- a superset of the current members) and then the members' key (household_id, iin); the one-open-household
-- rule keeps its own partial unique index. One random page per new member instead of two.
DROP INDEX IF EXISTS household_members_iin_idx;
