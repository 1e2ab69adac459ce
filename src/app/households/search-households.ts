/**
 * Find households in the user's own territory (issue 4, item 2): by IIN, by a person's name (typo-tolerant,
 * Kazakh and Russian letters folded) or by address. The search is audited as a read of personal data,
 * without the query text, which may hold an IIN.
 */
import { parseIin } from '../../domain/iin/iin';
import { err, ok, type Result } from '../../domain/shared/result';
import type { Deps, HouseholdSummary, UserRecord } from '../ports';
import { checkHouseholdAccess } from './access';

export interface HouseholdSearchInput {
  readonly q: string;
  /** Narrow to an akimat inside the user's territory (district and oblast roles). */
  readonly akimatKato?: string | undefined;
  readonly status?: 'open' | 'closed' | undefined;
  readonly limit: number;
  readonly offset: number;
}

export async function searchHouseholds(
  deps: Deps,
  user: UserRecord,
  input: HouseholdSearchInput,
  ip: string | null,
): Promise<Result<HouseholdSummary[]>> {
  const within = input.akimatKato ?? user.territoryKato;
  if (!within) return err('AUTH.FORBIDDEN', 'this role has no household book');
  const denied = checkHouseholdAccess(user, 'household.read', within);
  if (denied) return denied;
  const q = input.q.trim();
  const digits = q.replace(/\s/g, '');
  let by: 'iin' | 'name' | 'address' | 'list';
  let query: { iin?: string; name?: string; address?: string } = {};
  if (/^\d{12}$/.test(digits)) {
    const iin = parseIin(digits);
    if (!iin.ok) return iin;
    by = 'iin';
    query = { iin: digits };
  } else if (/\d/.test(q) || /(^|\s)(к|ул|көш|үй|д)\.?\s/i.test(q)) {
    by = 'address';
    query = { address: q };
  } else if (q.length >= 2) {
    by = 'name';
    query = { name: q };
  } else {
    by = 'list';
  }
  return deps.uow.run(async (repos) => {
    const found = await repos.households.search({
      withinKato: within,
      ...query,
      status: input.status,
      limit: input.limit,
      offset: input.offset,
    });
    await repos.audit.append({
      actorId: user.id,
      actorRole: user.role,
      action: 'household.search',
      subjectType: 'territory',
      subjectId: within,
      ip,
      outcome: 'success',
      details: { by, results: found.length },
    });
    return ok(found);
  });
}
