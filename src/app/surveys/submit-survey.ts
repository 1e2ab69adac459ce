/**
 * a satisfaction survey after a service or after a complaint's answer. Whoever holds the application id or
 * the complaint number together with the applicant's IIN may answer, once (a unique key per subject). The answer
 * stores the office and the day, never the respondent or the official; a low score opens a follow-up task for the
 * director (the PSC director, or the district akim over a rural akimat).
 */
import { toCivil } from '../../domain/calendar';
import { checkSurveyScores, lowScores, type SurveySubject } from '../../domain/complaints/survey';
import { err, ok, type Result } from '../../domain/shared/result';
import type { Deps } from '../ports';

export interface SurveyInput {
  readonly subject: SurveySubject;
  /** The complaint number (complaint surveys), or the application id or queue ticket id (service surveys). */
  readonly reference: string;
  readonly iin: string;
  readonly scores: Record<string, unknown>;
}

const FINISHED_APPLICATION = new Set(['certificate_issued', 'refused', 'handed_over', 'refused_at_intake']);

export async function submitSurvey(
  deps: Deps,
  input: SurveyInput,
  ip: string | null,
): Promise<Result<{ followUp: boolean }>> {
  const scores = checkSurveyScores(input.subject, input.scores);
  if (!scores.ok) return scores;
  const now = deps.clock.now();
  return deps.uow.run(async (repos) => {
    let subjectId: string;
    let officeKato: string | null;
    let officeId: string | null;
    // Whose task a low score opens: the office's own director, or for a complaint its reviewer's (below).
    let followupKato: string | null;
    let followupOfficeId: string | null;
    if (input.subject === 'complaint') {
      const c = await repos.complaints.findByNumber(input.reference);
      if (!c || c.complainantIin !== input.iin)
        return err('SURVEY.SUBJECT_NOT_FOUND', 'no complaint with that number and IIN');
      if (c.status !== 'answered')
        return err('SURVEY.NOT_OPEN', 'the survey opens when the complaint is answered');
      subjectId = c.id;
      // Counted at the office complained about, as the complaint itself is for 4.1/4.2 (the akimat, else the
      // PSC; Appendix 3 rates the akimats and PSCs that serve, §19): never at the district or oblast akim who
      // reviewed it.
      officeKato = c.subject.akimatKato;
      officeId = c.subject.akimatKato ? `akimat-${c.subject.akimatKato}` : c.subject.pscOfficeId;
      followupKato = c.reviewer.kato;
      followupOfficeId = c.reviewer.level === 'psc' ? c.reviewer.pscOfficeId : c.reviewerOfficeId;
    } else {
      const uuid = /^[0-9a-f-]{36}$/i.test(input.reference);
      let a = uuid ? await repos.complaints.findApplication(input.reference) : undefined;
      if (!a && uuid) {
        // The queue ticket's link names the ticket: the visit is rated through the application the
        // operator linked to it when finishing; a ticket with none has no finished service to rate yet.
        const ticket = await repos.queue.findTicket(input.reference);
        if (ticket && !ticket.applicationId)
          return err('SURVEY.NOT_OPEN', 'the survey opens when the service is finished');
        if (ticket?.applicationId) a = await repos.complaints.findApplication(ticket.applicationId);
      }
      if (!a || a.applicantIin !== input.iin)
        return err('SURVEY.SUBJECT_NOT_FOUND', 'no application with that id and IIN');
      if (!FINISHED_APPLICATION.has(a.status))
        return err('SURVEY.NOT_OPEN', 'the survey opens when the service is finished');
      subjectId = a.id;
      officeKato = a.channel === 'psc' ? null : a.akimatKato;
      officeId = a.channel === 'psc' ? a.pscOfficeId : a.akimatKato ? `akimat-${a.akimatKato}` : null;
      followupKato = officeKato;
      followupOfficeId = officeId;
    }
    const surveyId = deps.ids.uuid();
    // Keyed (R-19: anonymous): without the server's secret, an application id or complaint number does not lead
    // to its answer. Over the subject's digest, the form keys were stored in before, which migration 0020 keyed.
    const subjectKey = deps.hasher.hmacSha256(
      await repos.surveys.subjectKeySecret(),
      deps.hasher.sha256(`survey:${input.subject}:${subjectId}`),
    );
    const inserted = await repos.surveys.insert({
      id: surveyId,
      subject: input.subject,
      subjectKey,
      officeKato,
      officeId,
      answeredOn: toCivil(now.getTime()).date,
      scores: scores.value,
    });
    if (!inserted) return err('SURVEY.ALREADY_ANSWERED', 'this survey has already been answered');
    const low = lowScores(scores.value);
    if (low.length > 0) {
      await repos.surveys.insertFollowup({
        id: deps.ids.uuid(),
        surveyId,
        officeKato: followupKato,
        officeId: followupOfficeId,
        indicators: low,
        status: 'open',
        createdAt: now,
      });
    }
    // The audit row names the survey, not the subject: the answer stays anonymous.
    await repos.audit.append({
      actorId: null,
      actorRole: null,
      action: 'survey.submit',
      subjectType: 'survey',
      subjectId: surveyId,
      ip,
      outcome: 'success',
      details: { subject: input.subject, followUp: low.length > 0 },
    });
    return ok({ followUp: low.length > 0 });
  });
}
