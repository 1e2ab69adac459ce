/**
 * PSC intake (R-11, R-12, §11–§14): receive the application, record each required document as present or absent,
 * then at once either the reasoned refusal on ground 1 (a document missing; numbered by the PSC) or acceptance
 * with the receipt that states the documents received and the date and time the result will be ready (R-7:
 * 2 working days, the day of acceptance not counted, at the PSC's closing time). One transaction.
 */
import {
  type Applicant,
  type Application,
  type ApplicationEvent,
  receiveApplication,
  type ResultNotice,
} from '../../domain/applications';
import type { DocumentCode } from '../../domain/applications';
import { parseIin } from '../../domain/iin/iin';
import { err, ok, type Result } from '../../domain/shared/result';
import { fail, toErr } from '../errors';
import type { Deps, IssuedDocument, UserRecord } from '../ports';
import { applyAction } from '../../domain/applications';
import { actionContext, denied, loadReference, moment, officialOf } from './context';
import { issueRefusal } from './decide-by-book';
import { storeDocument, takeNumber } from './issue-document';
import { type ActResult, toDocumentView, toView } from './views';

export interface PscIntakeRequest {
  readonly applicant: Applicant;
  /** contacts for "your result is ready", if the applicant wants to be told. */
  readonly notify?: ResultNotice | undefined;
  readonly documents: Readonly<Partial<Record<DocumentCode, boolean>>>;
}

export async function receiveAtPsc(
  deps: Deps,
  user: UserRecord,
  request: PscIntakeRequest,
  ip: string | null,
): Promise<Result<ActResult>> {
  const iin = parseIin(request.applicant.iin);
  if (!iin.ok) return iin;
  const officeId = user.officeId;
  const no = denied(user, 'application.psc.intake', { officeId });
  if (no || officeId === null) return no ?? err('AUTH.FORBIDDEN', 'only a PSC operator receives here');
  const ref = await loadReference(deps);
  try {
    return await deps.uow.run(async (repos) => {
      const office = await repos.offices.findById(officeId);
      if (!office) return err('OFFICE.NOT_FOUND', 'the PSC of this operator is not in the directory');
      const at = moment(deps);
      const ctx = actionContext(ref, user, at, office.schedule);
      const received = receiveApplication(
        { channel: 'psc', id: deps.ids.uuid(), applicant: request.applicant, pscOfficeId: officeId },
        ctx,
      );
      if (!received.ok) return received;
      // kept with the application; the return of the result to the PSC reads it.
      const notice = request.notify;
      const receivedApp: Application =
        notice && (notice.email || notice.phone)
          ? { ...received.value.application, notify: notice }
          : received.value.application;
      const checked = applyAction(
        receivedApp,
        { type: 'check_documents', documents: request.documents },
        ctx,
      );
      if (!checked.ok) return checked;
      await repos.applications.insert(receivedApp, [received.value.event]);
      const app = checked.value.application;
      const events: ApplicationEvent[] = [checked.value.event];
      let next: Application;
      let document: IssuedDocument;
      if (app.documents && Object.values(app.documents).some((present) => !present)) {
        // R-6 ground 1: the refusal is printed at once, numbered by the PSC.
        const issued = await issueRefusal(
          { deps, ref, repos, user, app, ctx, at },
          { code: officeId, name: office.name, akimatKato: null },
          (n) => ({ type: 'refuse_at_intake', documentNumber: n.number }),
          { pscOffice: office },
        );
        next = issued.transition.application;
        events.push(issued.transition.event);
        document = issued.document;
      } else {
        const accepted = applyAction(app, { type: 'accept' }, ctx);
        if (!accepted.ok) fail(accepted.error.code, accepted.error.message, { ...accepted.error.details });
        next = accepted.value.application;
        events.push(accepted.value.event);
        const deadline = next.deadline!;
        const n = await takeNumber(repos, 'receipt', officeId, at);
        document = await storeDocument(deps, repos, {
          number: n,
          applicationId: app.id,
          applicantIin: app.applicant.iin,
          at,
          issuedBy: user.id,
          content: {
            number: n.number,
            acceptedAt: at.iso,
            psc: { name: office.name, address: office.address ?? '', phones: office.phones },
            applicant: {
              surname: app.applicant.surname,
              name: app.applicant.name,
              ...(app.applicant.patronymic ? { patronymic: app.applicant.patronymic } : {}),
              iin: app.applicant.iin,
            },
            documents: next.documents ?? {},
            dueAt: deadline.dueAt,
            rule: deadline.rule,
            operator: officialOf(user),
          },
          qr: null,
        });
      }
      await repos.applications.update(next, received.value.application.version, events);
      await repos.audit.append({
        actorId: user.id,
        actorRole: user.role,
        action: 'application.psc.intake',
        subjectType: 'application',
        subjectId: app.id,
        ip,
        outcome: 'success',
        details: { status: next.status, documentId: document.id, number: document.number },
      });
      return ok({ application: toView(next, at.ms), document: toDocumentView(document) });
    });
  } catch (e) {
    const known = toErr(e);
    if (known) return known;
    throw e;
  }
}
