/**
 * R-16..R-18: a complaint is filed at an office by an official who helps the applicant (only within the office's
 * complaint hours, R-10), or online by the signed-in citizen (any time; out of hours it counts from the next
 * working day). It is routed by R-17, numbered, given its deadline, and the talon is ready at once.
 */
import { decide } from '../../domain/access/policy';
import { toCivil } from '../../domain/calendar';
import { checkComplaintText, type ComplaintKind, complaintNumber } from '../../domain/complaints/complaint';
import {
  checkOfficeIntake,
  complaintDeadline,
  DEFAULT_REVIEW_WORKING_DAYS,
} from '../../domain/complaints/deadline';
import { type ComplaintSubject, routeComplaint } from '../../domain/complaints/routing';
import { parseIin } from '../../domain/iin/iin';
import { renderNotification } from '../../domain/notifications/notifications';
import { err, ok, type Result } from '../../domain/shared/result';
import { oblastOf } from '../../domain/territory/kato-code';
import { toActor } from '../auth/user-view';
import { toErr } from '../errors';
import type { ComplaintRecord, Deps, Office, Repositories, UserRecord } from '../ports';
import { addresseeOffice, type ComplaintView, complaintView, statusUrl } from './complaint-common';

export interface FileComplaintInput {
  readonly kind: ComplaintKind;
  /** The application complained about (migration 0004), or… */
  readonly applicationId?: string | undefined;
  /** …the office (rural akimat or PSC) whose service is complained about. */
  readonly officeId?: string | undefined;
  /** In-office intake: the applicant as the official writes them down. Online: taken from the session. */
  readonly complainant?: { readonly iin: string; readonly name: string } | undefined;
  readonly contactPhone?: string | undefined;
  readonly contactEmail?: string | undefined;
  readonly language: 'kk' | 'ru';
  readonly text: string;
}

async function subjectOf(
  repos: Repositories,
  input: FileComplaintInput,
  complainantIin: string,
): Promise<Result<{ subject: ComplaintSubject; applicationId: string | null }>> {
  if (input.applicationId) {
    const app = await repos.complaints.findApplication(input.applicationId);
    if (!app) return err('COMPLAINT.APPLICATION_NOT_FOUND', 'no application with that id', {});
    if (app.applicantIin !== complainantIin) {
      // the same answer as for a wrong id would leak less, but the official at the counter needs to know.
      return err('COMPLAINT.NOT_APPLICANT', 'the complainant is not the applicant of that application', {});
    }
    let pscOblastKato: string | null = null;
    if (app.pscOfficeId && !app.akimatKato) pscOblastKato = await pscOblast(repos, app.pscOfficeId);
    return ok({
      subject: {
        akimatKato: app.akimatKato,
        pscOfficeId: app.pscOfficeId,
        pscOblastKato,
        channel: app.channel,
      },
      applicationId: app.id,
    });
  }
  if (!input.officeId) {
    return err('COMPLAINT.SUBJECT_REQUIRED', 'name the application or the office the complaint is about', {});
  }
  const office = await repos.offices.findById(input.officeId);
  if (!office)
    return err('COMPLAINT.OFFICE_NOT_FOUND', 'no office with that id', { officeId: input.officeId });
  if (office.kind === 'rural_akimat') {
    return ok({
      subject: { akimatKato: office.kato, pscOfficeId: null, channel: null },
      applicationId: null,
    });
  }
  if (office.kind === 'psc') {
    return ok({
      subject: {
        akimatKato: null,
        pscOfficeId: office.id,
        pscOblastKato: await pscOblast(repos, office.id, office),
        channel: null,
      },
      applicationId: null,
    });
  }
  return err('COMPLAINT.NOT_A_SERVICE_OFFICE', 'complaints are about the akimat or the PSC that served', {
    officeId: office.id,
    kind: office.kind,
  });
}

/** A PSC of Appendix 2 serves an oblast: its KATO, or the oblast apparatus of the same oblast name. */
async function pscOblast(repos: Repositories, officeId: string, known?: Office): Promise<string | null> {
  const office = known ?? (await repos.offices.findById(officeId));
  if (!office) return null;
  if (office.kato) return oblastOf(office.kato);
  if (!office.oblast) return null;
  const found = await repos.offices.search({
    kind: 'oblast_apparatus',
    oblastName: office.oblast.ru,
    limit: 1,
    offset: 0,
  });
  const kato = found.offices[0]?.kato;
  return kato ? oblastOf(kato) : null;
}

export async function fileComplaint(
  deps: Deps,
  user: UserRecord,
  input: FileComplaintInput,
  ip: string | null,
): Promise<Result<{ complaint: ComplaintView }>> {
  const text = checkComplaintText(input.text);
  if (!text.ok) return text;
  const now = deps.clock.now();
  const online = user.role === 'citizen';
  // Outside the transaction: PGlite has one connection, and the calendar source reads with its own.
  const cal = await deps.calendar.current();
  try {
    return await deps.uow.run(async (repos) => {
      // Who complains, and where it is accepted.
      let complainant: { iin: string; name: string };
      let intakeOffice: Office | undefined;
      if (online) {
        if (!user.iin)
          return err('COMPLAINT.FORBIDDEN', 'a citizen account without an IIN cannot complain online');
        const d = decide(toActor(user), 'complaint.online.create', { ownerIin: user.iin });
        if (!d.allowed) return err('COMPLAINT.FORBIDDEN', d.reason);
        complainant = { iin: user.iin, name: user.displayName };
      } else {
        const officeId = user.role === 'akimat_officer' ? `akimat-${user.territoryKato}` : user.officeId;
        const d = decide(toActor(user), 'complaint.intake', {
          kato: user.territoryKato,
          officeId: user.officeId,
        });
        if (!d.allowed) return err('COMPLAINT.FORBIDDEN', d.reason);
        intakeOffice = officeId ? await repos.offices.findById(officeId) : undefined;
        if (!intakeOffice)
          return err('COMPLAINT.OFFICE_NOT_FOUND', 'the official’s office is not in the directory');
        const open = checkOfficeIntake(cal, intakeOffice.schedule, now.getTime());
        if (!open.ok) return open;
        if (!input.complainant)
          return err('COMPLAINT.COMPLAINANT_REQUIRED', 'write down the complainant’s IIN and name');
        const iin = parseIin(input.complainant.iin);
        if (!iin.ok) return iin;
        if (input.complainant.name.trim() === '')
          return err('COMPLAINT.COMPLAINANT_REQUIRED', 'write down the complainant’s name');
        complainant = { iin: input.complainant.iin, name: input.complainant.name.trim() };
      }

      const about = await subjectOf(repos, input, complainant.iin);
      if (!about.ok) return about;
      const addressee = routeComplaint(input.kind, about.value.subject);
      if (!addressee.ok) return addressee;
      const reviewDays = deps.complaintReviewDays ?? DEFAULT_REVIEW_WORKING_DAYS;
      const deadline = complaintDeadline(cal, now.getTime(), reviewDays);
      if (!deadline.ok) return deadline;
      const office = await addresseeOffice(repos, addressee.value);
      const year = Number(toCivil(now.getTime()).date.slice(0, 4));
      const number = complaintNumber(year, await repos.complaints.nextNumber(year));
      const record: ComplaintRecord = {
        id: deps.ids.uuid(),
        number,
        kind: input.kind,
        channel: online ? 'online' : 'office',
        status: 'registered',
        language: input.language,
        complainantIin: complainant.iin,
        complainantName: complainant.name,
        contactPhone: input.contactPhone?.trim() || null,
        contactEmail: input.contactEmail?.trim() || null,
        applicationId: about.value.applicationId,
        subject: about.value.subject,
        text: text.value,
        intakeOfficeId: intakeOffice?.id ?? null,
        acceptedBy: online ? null : user.id,
        acceptedByName: online ? null : user.displayName,
        registeredAt: now,
        countsFrom: deadline.value.countsFrom,
        dueAt: new Date(deadline.value.dueMs),
        amberAt: new Date(deadline.value.amberFromMs),
        reviewDays,
        reviewer: addressee.value,
        reviewerOfficeId: office?.id ?? null,
        underReviewAt: null,
        forwardedAt: null,
        escalatedAt: null,
        deadlineAlertAt: null,
        answeredAt: null,
        outcome: null,
        answerText: null,
        answeredBy: null,
        answeredByName: null,
        version: 1,
      };
      await repos.complaints.insert(record);
      await repos.complaints.appendEvent(record.id, {
        action: 'register',
        fromStatus: null,
        toStatus: 'registered',
        at: now,
        actorId: user.id,
        actorRole: user.role,
        details: {
          channel: record.channel,
          reviewer: addressee.value,
          intakeOfficeId: record.intakeOfficeId,
        },
      });
      await notifyComplainant(deps, repos, record, 'complaint.registered', now);
      await repos.audit.append({
        actorId: user.id,
        actorRole: user.role,
        action: 'complaint.file',
        subjectType: 'complaint',
        subjectId: record.id,
        ip,
        outcome: 'success',
        details: { number, kind: input.kind, channel: record.channel, reviewerLevel: addressee.value.level },
      });
      return ok({ complaint: complaintView(record, now, office) });
    });
  } catch (e) {
    const known = toErr(e);
    if (known) return known;
    throw e;
  }
}

/** a message per contact the complainant gave, in their language, in the same transaction. */
export async function notifyComplainant(
  deps: Deps,
  repos: Repositories,
  c: ComplaintRecord,
  template: 'complaint.registered' | 'complaint.answered',
  now: Date,
): Promise<void> {
  const due = toCivil(c.dueAt.getTime());
  const params = {
    number: c.number,
    due: `${due.date} 20:00`,
    url: statusUrl(deps, c.number),
  };
  const { subject, text } = renderNotification(template, c.language, params);
  const targets: { channel: 'email' | 'sms'; recipient: string }[] = [];
  if (c.contactEmail) targets.push({ channel: 'email', recipient: c.contactEmail });
  if (c.contactPhone) targets.push({ channel: 'sms', recipient: c.contactPhone });
  for (const t of targets) {
    await repos.outbox.enqueue({
      id: deps.ids.uuid(),
      channel: t.channel,
      recipient: t.recipient,
      language: c.language,
      template,
      subject,
      body: text,
      createdAt: now,
    });
  }
}
