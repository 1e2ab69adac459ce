/**
 * The public "waiting now / typical wait" figure of the office directory (issue 6 item 2; ): for each
 * office, how many tickets wait today and the median measured wait of the last `TYPICAL_WAIT_DAYS` days. Ticket
 * numbers only, no personal data, so anyone may read it.
 */
import { addDays } from '../../domain/shared/plain-date';
import type { Deps, QueueWaitSummary } from '../ports';
import { queueToday } from './queue-office';

/** The window of the typical wait: a month of visits, long enough to be typical, short enough to be current. */
export const TYPICAL_WAIT_DAYS = 30;

export async function queueSummaries(
  deps: Deps,
  officeIds: readonly string[],
): Promise<{ day: string; days: number; offices: QueueWaitSummary[] }> {
  const today = queueToday(deps);
  const from = addDays(today, 1 - TYPICAL_WAIT_DAYS);
  const unique = [...new Set(officeIds)];
  const found = await deps.uow.read((repos) => repos.queue.waitSummaries(unique, from, today));
  const byId = new Map(found.map((s) => [s.officeId, s]));
  return {
    day: today,
    days: TYPICAL_WAIT_DAYS,
    offices: unique.map(
      (id) => byId.get(id) ?? { officeId: id, waitingNow: 0, typicalWaitMinutes: null, measuredWaits: 0 },
    ),
  };
}
