/**
 * R-18, R-24: the deadline sweep (run by the worker, or by an admin / oblast akim on demand). An unanswered
 * complaint on its last working day, its deadline still ahead, alerts the reviewer's office once; an overdue one
 * is escalated one level up (R-17: rural akim or PSC director → district/oblast akim), once, with an event and an
 * audit row — without a "deadline near" alert when the sweep first sees it after its deadline.
 */
import { decide } from '../../domain/access/policy';
import { toCivil } from '../../domain/calendar';
import { nextComplaintStatus } from '../../domain/complaints/complaint';
import { escalationOf } from '../../domain/complaints/routing';
import { renderNotification } from '../../domain/notifications/notifications';
import { err, ok, type Result } from '../../domain/shared/result';
import { toActor } from '../auth/user-view';
import type { Deps, UserRecord } from '../ports';
import { addresseeOffice } from './complaint-common';

export interface SweepSummary {
  readonly alerted: number;
  readonly escalated: number;
  readonly atTopLevel: number;
}

export async function sweepComplaintDeadlines(
  deps: Deps,
  by: UserRecord | null,
  ip: string | null = null,
): Promise<Result<SweepSummary>> {
  if (by) {
    const d = decide(toActor(by), 'complaint.escalate', { kato: by.territoryKato });
    if (!d.allowed) return err('COMPLAINT.FORBIDDEN', d.reason);
  }
  const now = deps.clock.now();
  return deps.uow.run(async (repos) => {
    let alerted = 0;
    let escalated = 0;
    let atTopLevel = 0;
    for (const c of await repos.complaints.nearDeadline(now, 500)) {
      const office = await addresseeOffice(repos, c.reviewer);
      const due = toCivil(c.dueAt.getTime());
      const msg = renderNotification('complaint.deadline_near', c.language, {
        number: c.number,
        due: `${due.date} 20:00`,
      });
      // R-24: to every e-mail the directory has for the reviewer's office. An office with none (a rural akimat,
      // a PSC: Appendix 2 lists phones only) still gets the alert written to the log channel, addressed to the
      // office, so it is recorded and never silently dropped; the reviewer's list shows it amber as well.
      const emails = office?.emails ?? [];
      const targets = emails.length
        ? emails.map((recipient) => ({ channel: 'email' as const, recipient }))
        : [
            {
              channel: 'log' as const,
              recipient: `office:${office?.id ?? `${c.reviewer.level}:${c.reviewer.kato ?? c.reviewer.pscOfficeId}`}`,
            },
          ];
      for (const t of targets) {
        await repos.outbox.enqueue({
          id: deps.ids.uuid(),
          channel: t.channel,
          recipient: t.recipient,
          language: c.language,
          template: 'complaint.deadline_near',
          subject: msg.subject,
          body: msg.text,
          createdAt: now,
        });
      }
      await repos.complaints.update({ ...c, deadlineAlertAt: now }, c.version);
      alerted++;
    }
    for (const c of await repos.complaints.overdue(now, 500)) {
      const up = escalationOf(c.reviewer.level, c.subject);
      const status = nextComplaintStatus(c.status, 'escalate');
      if (!up.ok || !status.ok) {
        // The oblast akim already has it: mark it so the sweep does not look again; the list shows it red.
        await repos.complaints.update({ ...c, escalatedAt: now }, c.version);
        atTopLevel++;
        continue;
      }
      const office = await addresseeOffice(repos, up.value);
      await repos.complaints.update(
        {
          ...c,
          status: status.value,
          reviewer: up.value,
          reviewerOfficeId: office?.id ?? null,
          escalatedAt: now,
          underReviewAt: null,
        },
        c.version,
      );
      await repos.complaints.appendEvent(c.id, {
        action: 'escalate',
        fromStatus: c.status,
        toStatus: status.value,
        at: now,
        actorId: by?.id ?? null,
        actorRole: by?.role ?? 'system',
        details: { from: c.reviewer, to: up.value, dueAt: c.dueAt.toISOString() },
      });
      await repos.audit.append({
        actorId: by?.id ?? null,
        actorRole: by?.role ?? 'system',
        action: 'complaint.escalate',
        subjectType: 'complaint',
        subjectId: c.id,
        ip,
        outcome: 'success',
        details: { number: c.number, from: c.reviewer.level, to: up.value.level },
      });
      escalated++;
    }
    return ok({ alerted, escalated, atTopLevel });
  });
}
