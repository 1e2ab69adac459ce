/** the decided result goes back to the PSC that took the application (sent by the akimat). */
import { ok, type Result } from '../../domain/shared/result';
import type { Deps, UserRecord } from '../ports';
import { advance } from './advance';
import type { ActResult } from './views';

export async function returnToPsc(
  deps: Deps,
  user: UserRecord,
  id: string,
  ip: string | null,
): Promise<Result<ActResult>> {
  return advance(
    deps,
    user,
    id,
    {
      action: user.role === 'psc_operator' ? 'application.psc.intake' : 'application.akimat.decide',
      resource: (app) =>
        user.role === 'psc_operator' ? { officeId: app.pscOfficeId } : { kato: app.akimatKato },
      audit: 'application.return',
      command: async () => ok({ type: 'return_to_psc' }),
    },
    ip,
  );
}
