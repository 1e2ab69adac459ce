/**
 * Import of an akimat's household book (issue 4, item 3): rows (from CSV or XLSX, read by the adapter) →
 * domain/household/import-rows → either a report of every bad row with its line and reason and NOTHING
 * written, or every household written in one transaction (new accounts created, existing ones given a new
 * "imported" version). Audited.
 */
import type { ImportRowError } from '../../domain/household/import-rows';
import {
  householdKeysOf,
  iinsOf,
  mergeImportedHousehold,
  parseHouseholdBookRows,
} from '../../domain/household/import-rows';
import { createHousehold, type HouseholdVersion, reviseHousehold } from '../../domain/household/versions';
import { err, ok, type Result } from '../../domain/shared/result';
import { toErr } from '../errors';
import type { Deps, UserRecord } from '../ports';
import { changeMeta, checkHouseholdAccess, civilToday } from './access';

export interface ImportReport {
  readonly rowsRead: number;
  readonly rowsAccepted: number;
  readonly rowsRejected: number;
  readonly created: number;
  readonly updated: number;
  readonly errors: readonly ImportRowError[];
  readonly written: boolean;
}

export async function importHouseholdBook(
  deps: Deps,
  user: UserRecord | null,
  input: { akimatKato: string; rows: readonly (readonly string[])[]; reason?: string; ip: string | null },
): Promise<Result<ImportReport>> {
  // The CLI imports as the system (no user); the web UI as the akimat's officer.
  if (user) {
    const denied = checkHouseholdAccess(user, 'household.import', input.akimatKato);
    if (denied) return denied;
  }
  const index = await deps.territory.index();
  const akimat = index.find(input.akimatKato);
  if (!akimat?.isServiceProvider)
    return err('HOUSEHOLD.UNKNOWN_AKIMAT', 'no rural akimat with that KATO code');
  const settlements = new Set([akimat.code, ...collectBelow(index, akimat.code)]);
  const actorId = user?.id ?? 'system';
  const meta = changeMeta(
    deps,
    user ?? ({ id: actorId } as UserRecord),
    input.reason ?? 'import of the household book',
  );
  try {
    return await deps.uow.run(async (repos) => {
      // A fixed number of queries whatever the size of the file: the file's IINs that are open members
      // somewhere, the akimat's accounts, the current versions of the households the file replaces.
      const memberships = await repos.households.openMemberships(iinsOf(input.rows));
      // Households this file replaces (same akimat, book and account) do not count as "elsewhere".
      const accounts = await repos.households.accountsOf(input.akimatKato);
      const replacedIds = new Set<string>();
      for (const key of householdKeysOf(input.rows)) {
        const id = accounts.get(key);
        if (id) replacedIds.add(id);
      }
      const openIins = new Set(memberships.filter((m) => !replacedIds.has(m.householdId)).map((m) => m.iin));
      const parsed = parseHouseholdBookRows(input.rows, {
        akimatKato: input.akimatKato,
        today: civilToday(deps),
        species: deps.species,
        openIins,
        settlements,
      });
      const report = {
        rowsRead: parsed.rowsRead,
        rowsAccepted: parsed.rowsAccepted,
        rowsRejected: parsed.rowsRejected,
        errors: parsed.errors,
      };
      if (parsed.errors.length > 0) return ok({ ...report, created: 0, updated: 0, written: false });
      const keyOf = (h: { bookNumber: string; accountNumber: string }) =>
        `${h.bookNumber}\u0000${h.accountNumber}`;
      const latest = await repos.households.latestVersions(
        parsed.households.flatMap(({ household }) => accounts.get(keyOf(household)) ?? []),
      );
      const versions: HouseholdVersion[] = [];
      let created = 0;
      let updated = 0;
      const ctx = { species: deps.species };
      for (const { household, lines } of parsed.households) {
        const existingId = accounts.get(keyOf(household));
        const current = existingId ? latest.get(existingId) : undefined;
        let v: Result<HouseholdVersion>;
        if (existingId && current) {
          // Keeps the other years' records; people no longer listed become former members (left today).
          // Only the current version matters to a revision (its number and contents).
          const merged = mergeImportedHousehold(current.household, household, meta.recordedOn);
          v = reviseHousehold([current], merged, meta, ctx, 'imported');
        } else {
          v = createHousehold(deps.ids.timeOrderedUuid(), household, meta, ctx, 'imported');
        }
        if (!v.ok) {
          if (v.error.code === 'HOUSEHOLD.NO_CHANGE') continue;
          return ok({
            ...report,
            rowsAccepted: 0,
            rowsRejected: parsed.rowsRead,
            errors: [{ line: lines[0] ?? 0, code: v.error.code, message: v.error.message }],
            created: 0,
            updated: 0,
            written: false,
          });
        }
        versions.push(v.value);
        if (existingId) updated++;
        else created++;
      }
      // Names become searchable right after the commit (the name indexer), not inside it: the trigram index
      // would cost this transaction about 100 µs per member (ADR 0010).
      await repos.households.saveVersions(versions, { nameSearch: 'after-commit' });
      await repos.audit.append({
        actorId: user?.id ?? null,
        actorRole: user?.role ?? 'cli',
        action: 'household.import',
        subjectType: 'akimat',
        subjectId: input.akimatKato,
        ip: input.ip,
        outcome: 'success',
        details: { rows: parsed.rowsRead, created, updated },
      });
      return ok({ ...report, created, updated, written: true });
    });
  } catch (e) {
    const known = toErr(e);
    if (known) return known;
    throw e;
  }
}

function collectBelow(index: Awaited<ReturnType<Deps['territory']['index']>>, code: string): string[] {
  const out: string[] = [];
  const walk = (c: string) => {
    for (const child of index.children(c)) {
      out.push(child.code);
      walk(child.code);
    }
  };
  walk(code);
  return out;
}
