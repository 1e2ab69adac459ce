/** §23: the talon and the reasoned answer of a complaint as printable documents (kk, ru). */
import type { DocumentLanguage, PrintableDocument } from '../../domain/certificates/documents';
import { answerDocument, type OfficeContact, talonDocument } from '../../domain/complaints/documents';
import { withSurveyLink } from '../../domain/complaints/survey-link';
import { err, ok, type Result } from '../../domain/shared/result';
import type { ComplaintRecord, Deps, Office, Repositories, UserRecord } from '../ports';
import {
  addresseeOffice,
  checkComplaintRead,
  reviewerPosition,
  statusUrl,
  surveyUrl,
} from './complaint-common';

const INTAKE_POSITION = {
  akimat_officer: { kk: 'Әкімдік маманы', ru: 'Специалист акимата' },
  psc_operator: { kk: 'ХҚКО операторы', ru: 'Оператор ЦОН' },
  psc_director: { kk: 'ХҚКО директоры', ru: 'Директор ЦОН' },
} as const;

function contact(o: Office | undefined, fallback: { kk: string; ru: string }): OfficeContact {
  return o
    ? { name: o.name, address: o.address, phones: o.phones, emails: o.emails }
    : { name: fallback, address: null, phones: [], emails: [] };
}

async function build(
  deps: Deps,
  repos: Repositories,
  c: ComplaintRecord,
  kind: 'talon' | 'answer',
  lang: DocumentLanguage,
): Promise<Result<PrintableDocument>> {
  const reviewerOffice = await addresseeOffice(repos, c.reviewer);
  const position = reviewerPosition(c.reviewer.level);
  if (kind === 'talon') {
    const intake = c.intakeOfficeId ? await repos.offices.findById(c.intakeOfficeId) : undefined;
    const accepter = c.acceptedBy ? await repos.users.findById(c.acceptedBy) : undefined;
    const acceptedPosition =
      accepter && accepter.role in INTAKE_POSITION
        ? INTAKE_POSITION[accepter.role as keyof typeof INTAKE_POSITION]
        : INTAKE_POSITION.akimat_officer;
    return ok(
      withSurveyLink(
        talonDocument(
          {
            number: c.number,
            kind: c.kind,
            registeredAt: c.registeredAt.getTime(),
            acceptedBy: c.acceptedByName ? { position: acceptedPosition, name: c.acceptedByName } : null,
            intakeOffice: intake ? contact(intake, intake.name) : null,
            complainantName: c.complainantName,
            dueAt: c.dueAt.getTime(),
            workingDays: c.reviewDays,
            reviewer: { ...contact(reviewerOffice, position), position },
            statusUrl: statusUrl(deps, c.number),
          },
          lang,
        ),
        'complaint',
        surveyUrl(deps, c.number),
      ),
    );
  }
  if (c.status !== 'answered' || !c.outcome || !c.answeredAt || !c.answerText) {
    return err('COMPLAINT.NOT_ANSWERED', 'the complaint has no answer yet');
  }
  return ok(
    withSurveyLink(
      answerDocument(
        {
          complaintNumber: c.number,
          kind: c.kind,
          registeredAt: c.registeredAt.getTime(),
          answeredAt: c.answeredAt.getTime(),
          complainantName: c.complainantName,
          complaintText: c.text,
          outcome: c.outcome,
          reasoning: c.answerText,
          reviewer: { position, name: c.answeredByName ?? '', office: reviewerOffice?.name ?? position },
          surveyUrl: surveyUrl(deps, c.number),
        },
        lang,
      ),
      'complaint',
      surveyUrl(deps, c.number),
    ),
  );
}

/** For a signed-in user who may read the complaint. */
export async function complaintDocument(
  deps: Deps,
  user: UserRecord,
  id: string,
  kind: 'talon' | 'answer',
  lang: DocumentLanguage,
  ip: string | null,
): Promise<Result<PrintableDocument>> {
  return deps.uow.run(async (repos) => {
    const c = await repos.complaints.findById(id);
    if (!c) return err('COMPLAINT.NOT_FOUND', 'no complaint with that id');
    const denied = checkComplaintRead(user, c);
    await repos.audit.append({
      actorId: user.id,
      actorRole: user.role,
      action: `complaint.${kind}.print`,
      subjectType: 'complaint',
      subjectId: c.id,
      ip,
      outcome: denied ? 'denied' : 'success',
      details: { lang },
    });
    if (denied) return denied;
    return build(deps, repos, c, kind, lang);
  });
}

/** For the public status page: the complaint number and the complainant's IIN prove the right to see it. */
export async function publicComplaintDocument(
  deps: Deps,
  number: string,
  iin: string,
  kind: 'talon' | 'answer',
  lang: DocumentLanguage,
  ip: string | null,
): Promise<Result<PrintableDocument>> {
  return deps.uow.run(async (repos) => {
    const c = await repos.complaints.findByNumber(number);
    const match = c !== undefined && c.complainantIin === iin;
    await repos.audit.append({
      actorId: null,
      actorRole: null,
      action: `complaint.${kind}.public_print`,
      subjectType: 'complaint',
      subjectId: match ? c.id : null,
      ip,
      outcome: match ? 'success' : 'failure',
    });
    if (!match) return err('COMPLAINT.NOT_FOUND', 'no complaint with that number and IIN');
    return build(deps, repos, c, kind, lang);
  });
}
