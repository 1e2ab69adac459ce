/**
 * The queue's read side (issue 6): the public display board, the operator's desk, the director's live alerts and
 * statistics. Boards show ticket numbers only — no personal data — so they need no sign-in.
 */
import { DEFAULT_TIME_ZONE, formatInstant, isOpen } from '../../domain/calendar';
import {
  distribution,
  isAtDesk,
  isWaiting,
  liveAlerts,
  type QueueAlert,
  type QueueStats,
  queueStatistics,
  type StatsGrouping,
  type StatsPeriod,
  elapsedTimes,
} from '../../domain/queue';
import { addDays, daysInMonth, type PlainDate, ymd } from '../../domain/shared/plain-date';
import { err, ok, type Result } from '../../domain/shared/result';
import type { Deps, LocalizedText, UserRecord } from '../ports';
import { expectedWait } from './take-ticket';
import {
  checkQueueAccess,
  findOffice,
  isErr,
  queueToday,
  type TicketView,
  toTicketView,
} from './queue-office';

export interface BoardView {
  readonly office: { readonly id: string; readonly name: LocalizedText; readonly schedule: string };
  readonly now: string;
  readonly open: boolean;
  /** Called or being served, latest call first. */
  readonly atDesks: { number: string; deskNumber: number | null; status: string; calledAt: string | null }[];
  readonly waiting: string[];
  readonly waitingCount: number;
  /** Today's median wait so far, null before anyone was called. */
  readonly typicalWaitMinutes: number | null;
  /** What a person taking a ticket now would be told. */
  readonly expectedWaitMinutes: number;
}

export async function queueBoard(deps: Deps, officeId: string): Promise<Result<BoardView>> {
  const calendar = await deps.calendar.current();
  return deps.uow.run(async (repos) => {
    const office = await findOffice(repos, officeId);
    if (isErr(office)) return office;
    // The day's open tickets and its times, not every ticket of the day: a board is asked every few seconds,
    // and at a thousand tickets reading them all stopped the server for milliseconds on each request.
    const day = queueToday(deps);
    const unfinished = await repos.queue.openTicketsOfDay(office.id, day);
    const times = await repos.queue.dayTimes(office.id, day);
    const desks = await repos.queue.desksOf(office.id);
    const waiting = unfinished.filter((t) => isWaiting(t.status));
    const nowMs = deps.clock.now().getTime();
    const open = isOpen(calendar, office.schedule, nowMs);
    return ok({
      office: { id: office.id, name: office.name, schedule: office.schedule },
      now: formatInstant(nowMs, DEFAULT_TIME_ZONE),
      open: open.ok && open.value,
      atDesks: unfinished
        .filter((t) => isAtDesk(t.status))
        .map((t) => toTicketView(t, desks))
        .sort((a, b) => (b.firstCalledAt ?? '').localeCompare(a.firstCalledAt ?? ''))
        .map((v) => ({
          number: v.number,
          deskNumber: v.deskNumber,
          status: v.status,
          calledAt: v.firstCalledAt,
        })),
      waiting: waiting.map((t) => t.number),
      waitingCount: waiting.length,
      typicalWaitMinutes: distribution(times.waitMinutes).p50,
      expectedWaitMinutes: expectedWait(times, waiting.length, deps.queueRules.defaultServiceMinutes),
    });
  });
}

export interface DeskView {
  readonly desk: { readonly id: string; readonly officeId: string; readonly number: number };
  readonly office: { readonly id: string; readonly name: LocalizedText };
  readonly current:
    | (TicketView & { elapsedWaitMinutes: number; elapsedServiceMinutes: number | null })
    | null;
  readonly waitingCount: number;
  readonly desks: { id: string; number: number }[];
  /** Today's tickets finished at this desk, latest first, with their measured times. */
  readonly finished: TicketView[];
}

/** The desk screen's list of the day's finished tickets. */
const FINISHED_SHOWN = 20;

export async function deskView(deps: Deps, user: UserRecord, deskId: string): Promise<Result<DeskView>> {
  const calendar = await deps.calendar.current();
  return deps.uow.run(async (repos) => {
    const desk = await repos.queue.findDesk(deskId);
    if (!desk) return err('QUEUE.DESK_NOT_FOUND', 'no desk with that id', { deskId });
    const office = await findOffice(repos, desk.officeId);
    if (isErr(office)) return office;
    const denied = checkQueueAccess(user, 'queue.operate', office);
    if (denied) return denied;
    // The open tickets and this desk's last finished ones, not the whole day (the desk screen asks often).
    const day = queueToday(deps);
    const unfinished = await repos.queue.openTicketsOfDay(office.id, day);
    const finished = await repos.queue.finishedAtDesk(desk.id, day, FINISHED_SHOWN);
    const desks = await repos.queue.desksOf(office.id);
    const at = unfinished.find((t) => t.deskId === desk.id && isAtDesk(t.status));
    let current: DeskView['current'] = null;
    if (at) {
      const times = elapsedTimes(calendar, office.schedule, at, deps.clock.now().getTime());
      current = {
        ...toTicketView(at, desks),
        elapsedWaitMinutes: times.ok ? times.value.waitMinutes : 0,
        elapsedServiceMinutes: times.ok ? times.value.serviceMinutes : null,
      };
    }
    return ok({
      desk,
      office: { id: office.id, name: office.name },
      current,
      waitingCount: unfinished.filter(
        (t) => t.status === 'issued' || (t.status === 'transferred' && t.targetDeskId === desk.id),
      ).length,
      desks: desks.map((d) => ({ id: d.id, number: d.number })),
      finished: finished.map((t) => toTicketView(t, desks)),
    });
  });
}

export interface AlertView extends QueueAlert {
  readonly deskNumber: number | null;
}

/** the director's live alerts — waited 8 minutes, service past 10 minutes. */
export async function queueAlerts(
  deps: Deps,
  user: UserRecord,
  officeId: string,
): Promise<Result<AlertView[]>> {
  const calendar = await deps.calendar.current();
  return deps.uow.run(async (repos) => {
    const office = await findOffice(repos, officeId);
    if (isErr(office)) return office;
    const denied = checkQueueAccess(user, 'queue.supervise', office);
    if (denied) return denied;
    // Alerts are about tickets waiting or at a desk: the open ones are all it needs.
    const unfinished = await repos.queue.openTicketsOfDay(office.id, queueToday(deps));
    const desks = await repos.queue.desksOf(office.id);
    const alerts = liveAlerts(
      calendar,
      office.schedule,
      unfinished,
      deps.clock.now().getTime(),
      deps.queueRules,
    );
    if (!alerts.ok) return alerts;
    return ok(
      alerts.value.map((a) => ({ ...a, deskNumber: desks.find((d) => d.id === a.deskId)?.number ?? null })),
    );
  });
}

export interface StatsView extends QueueStats {
  readonly deskNumber: number | null;
}

/** R-8, indicator 1.2: wait and service statistics of an office for a day or a month, per office or per desk. */
export async function queueStatisticsOf(
  deps: Deps,
  user: UserRecord,
  input: { officeId: string; period: StatsPeriod; date: PlainDate; by: StatsGrouping },
): Promise<Result<{ from: PlainDate; to: PlainDate; groups: StatsView[] }>> {
  const { year, month } = ymd(input.date);
  const from = input.period === 'day' ? input.date : addDays(input.date, 1 - ymd(input.date).day);
  const to = input.period === 'day' ? input.date : addDays(from, daysInMonth(year, month) - 1);
  return deps.uow.run(async (repos) => {
    const office = await findOffice(repos, input.officeId);
    if (isErr(office)) return office;
    const denied = checkQueueAccess(user, 'queue.supervise', office);
    if (denied) return denied;
    const records = await repos.queue.visitRecords(office.id, from, to);
    const desks = await repos.queue.desksOf(office.id);
    const groups = queueStatistics(records, { by: input.by, period: input.period, rules: deps.queueRules });
    await repos.audit.append({
      actorId: user.id,
      actorRole: user.role,
      action: 'queue.statistics.read',
      subjectType: 'queue',
      subjectId: office.id,
      outcome: 'success',
      details: { period: input.period, date: input.date, by: input.by },
    });
    return ok({
      from,
      to,
      groups: groups.map((g) => ({ ...g, deskNumber: desks.find((d) => d.id === g.deskId)?.number ?? null })),
    });
  });
}
