/**
 * The lookup behind every certificate (issue 4, item 4; ): the household where the IIN is a member,
 * with its land and livestock as of a date, or "no record" (refusal ground 2). Pure rule in
 * domain/household/psf-lookup; this reads every version of every household that ever listed the IIN.
 */
import { findPsfRecord, type PsfLookup } from '../../domain/household/psf-lookup';
import type { PlainDate } from '../../domain/shared/plain-date';
import type { Repositories } from '../ports';

export async function lookupPsfRecord(repos: Repositories, iin: string, asOf: PlainDate): Promise<PsfLookup> {
  return findPsfRecord(await repos.households.versionsForIin(iin), iin, asOf);
}
