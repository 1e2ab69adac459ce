/**
 * R-2 (§15): the PSC hands the result to the applicant in person — the IIN on the identity card shown must be the
 * applicant's; anyone else is refused (`APPLICATION.HANDOVER_WRONG_PERSON`), and the attempt is audited.
 */
import { parseIin } from '../../domain/iin/iin';
import { ok, type Result } from '../../domain/shared/result';
import type { Deps, UserRecord } from '../ports';
import { advance } from './advance';
import type { ActResult } from './views';

export async function handOver(
  deps: Deps,
  user: UserRecord,
  id: string,
  request: { readonly presentedIin: string },
  ip: string | null,
): Promise<Result<ActResult>> {
  const presented = parseIin(request.presentedIin);
  if (!presented.ok) return presented;
  return advance(
    deps,
    user,
    id,
    {
      action: 'application.psc.handover',
      resource: (app) => ({ officeId: app.pscOfficeId }),
      audit: 'application.psc.hand_over',
      command: async () => ok({ type: 'hand_over', presentedIin: request.presentedIin }),
    },
    ip,
  );
}
