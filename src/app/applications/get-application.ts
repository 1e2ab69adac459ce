/** One application with its events and documents (issue 5; R-13: every hand-off with time and person). */
import { err, ok, type Result } from '../../domain/shared/result';
import type { Deps, UserRecord } from '../ports';
import { moment, readDenied } from './context';
import { type ApplicationView, type DocumentView, toDocumentView, toEventView, toView } from './views';

export interface ApplicationDetail {
  readonly application: ApplicationView;
  readonly events: ReturnType<typeof toEventView>[];
  readonly documents: DocumentView[];
}

export async function getApplication(
  deps: Deps,
  user: UserRecord,
  id: string,
  ip: string | null,
): Promise<Result<ApplicationDetail>> {
  return deps.uow.run(async (repos) => {
    const app = await repos.applications.findById(id);
    if (!app) return err('APPLICATION.NOT_FOUND', 'no application with that id');
    const no = readDenied(user, app);
    await repos.audit.append({
      actorId: user.id,
      actorRole: user.role,
      action: 'application.read',
      subjectType: 'application',
      subjectId: app.id,
      ip,
      outcome: no ? 'denied' : 'success',
    });
    if (no) return no;
    const events = await repos.applications.events(id);
    const documents = await repos.documents.ofApplication(id);
    // who acted, by name — a handful of distinct users per application.
    const names = new Map<string, string | null>();
    for (const actorId of new Set(events.map((e) => e.actorId))) {
      names.set(actorId, (await repos.users.findById(actorId))?.displayName ?? null);
    }
    return ok({
      application: toView(app, moment(deps).ms),
      events: events.map((e) => toEventView(e, names.get(e.actorId) ?? null)),
      documents: documents.map(toDocumentView),
    });
  });
}
