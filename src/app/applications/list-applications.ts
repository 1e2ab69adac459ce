/**
 * Officers' and directors' lists (issue 5): the akimat's inbox of PSC applications with due dates, the PSC's
 * results ready for hand-over, and the rest — each row flagged amber at 75 % of its time and red when overdue.
 * The scope is the user's own: the akimat, the PSC office, the district or oblast, or the citizen's own.
 */
import type { ApplicationStatus, Channel } from '../../domain/applications';
import { parseIin } from '../../domain/iin/iin';
import { err, ok, type Result } from '../../domain/shared/result';
import { significantPrefix } from '../../domain/territory/kato-code';
import type { ApplicationQuery, Deps, UserRecord } from '../ports';
import { moment } from './context';
import { type ApplicationSummary, toSummary } from './views';

/** Named stages of the lists. */
export const APPLICATION_VIEWS = {
  /** Everything in scope. */
  all: { statuses: undefined, channel: undefined },
  /** The akimat's inbox: PSC applications to decide, and decided ones still to return to the PSC. */
  inbox: { statuses: ['sent_to_akimat', 'decided'], channel: 'psc' },
  /** At the PSC: accepted, not yet sent, with the akimat, or decided there. */
  in_progress: { statuses: ['accepted', 'sent_to_akimat', 'decided'], channel: 'psc' },
  /** At the PSC: results back from the akimat, to hand to the applicant in person. */
  ready: { statuses: ['returned_to_psc'], channel: 'psc' },
  /** At the PSC: applications whose documents are still to be checked or accepted. */
  intake: { statuses: ['received', 'documents_checked'], channel: 'psc' },
} as const satisfies Record<
  string,
  { statuses: readonly ApplicationStatus[] | undefined; channel: Channel | undefined }
>;
export type ApplicationViewName = keyof typeof APPLICATION_VIEWS;

export interface ListRequest {
  readonly view: ApplicationViewName;
  readonly iin?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

function scopeOf(user: UserRecord): Partial<ApplicationQuery> | undefined {
  switch (user.role) {
    case 'akimat_officer':
      return user.territoryKato ? { akimatKato: user.territoryKato } : undefined;
    case 'psc_operator':
    case 'psc_director':
      return user.officeId ? { pscOfficeId: user.officeId } : undefined;
    case 'district_akim':
    case 'oblast_akim':
      return user.territoryKato ? { akimatPrefix: significantPrefix(user.territoryKato) } : undefined;
    case 'citizen':
      return user.iin ? { applicantIin: user.iin } : undefined;
    default:
      return undefined;
  }
}

export async function listApplications(
  deps: Deps,
  user: UserRecord,
  request: ListRequest,
  ip: string | null,
): Promise<Result<{ total: number; applications: ApplicationSummary[] }>> {
  const scope = scopeOf(user);
  if (!scope) return err('AUTH.FORBIDDEN', `role ${user.role} has no list of applications`);
  if (request.iin !== undefined) {
    const iin = parseIin(request.iin);
    if (!iin.ok) return iin;
    if (scope.applicantIin !== undefined && scope.applicantIin !== request.iin) {
      return err('AUTH.FORBIDDEN', 'a citizen sees only their own applications');
    }
  }
  const view = APPLICATION_VIEWS[request.view];
  return deps.uow.run(async (repos) => {
    const found = await repos.applications.list({
      ...scope,
      ...(request.iin !== undefined ? { applicantIin: request.iin } : {}),
      statuses: view.statuses,
      channel: view.channel,
      limit: request.limit,
      offset: request.offset,
    });
    await repos.audit.append({
      actorId: user.id,
      actorRole: user.role,
      action: 'application.list',
      subjectType: 'application',
      ip,
      outcome: 'success',
      details: { view: request.view, count: found.applications.length, byIin: request.iin !== undefined },
    });
    const now = moment(deps).ms;
    return ok({ total: found.total, applications: found.applications.map((a) => toSummary(a, now)) });
  });
}
