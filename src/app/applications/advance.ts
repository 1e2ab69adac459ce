/**
 * One step of an existing application (issue 5; R-13: every hand-off recorded with time and person): read it
 * locked (FOR UPDATE), ask the access policy, apply the channel's table, write the new state with its event
 * under the optimistic lock, and audit — one transaction. Denials and refusals of the step are audited too.
 */
import type { Action, Resource } from '../../domain/access/policy';
import { type Application, type ApplicationCommand, applyAction } from '../../domain/applications';
import { err, ok, type Result } from '../../domain/shared/result';
import { fail, toErr } from '../errors';
import type { Deps, Office, Repositories, UserRecord } from '../ports';
import { actionContext, denied, loadReference, moment } from './context';
import { type ActResult, toView } from './views';

export interface StepSpec {
  /** The policy's action and where the application lives for it. */
  readonly action: Action;
  readonly resource: (app: Application) => Resource;
  /** The domain command; may read the book (routing) or fail with a coded error. */
  readonly command: (app: Application, repos: Repositories) => Promise<Result<ApplicationCommand>>;
  readonly schedule?: Office['schedule'];
  readonly audit: string;
  /** What the step announces, written in its transaction (R-24: the outbox). */
  readonly after?: (app: Application, repos: Repositories) => Promise<void>;
}

export async function advance(
  deps: Deps,
  user: UserRecord,
  id: string,
  spec: StepSpec,
  ip: string | null,
): Promise<Result<ActResult>> {
  const ref = await loadReference(deps);
  try {
    return await deps.uow.run(async (repos) => {
      const app = await repos.applications.findForUpdate(id);
      if (!app) return err('APPLICATION.NOT_FOUND', 'no application with that id');
      const audit = (outcome: 'success' | 'denied' | 'failure', details: Record<string, unknown>) =>
        repos.audit.append({
          actorId: user.id,
          actorRole: user.role,
          action: spec.audit,
          subjectType: 'application',
          subjectId: app.id,
          ip,
          outcome,
          details,
        });
      const no = denied(user, spec.action, spec.resource(app));
      if (no) {
        await audit('denied', { status: app.status });
        return no;
      }
      const command = await spec.command(app, repos);
      if (!command.ok) return command;
      const at = moment(deps);
      const t = applyAction(app, command.value, actionContext(ref, user, at, spec.schedule));
      if (!t.ok) {
        await audit('failure', { status: app.status, code: t.error.code });
        return t;
      }
      if (!(await repos.applications.update(t.value.application, app.version, [t.value.event]))) {
        fail('APPLICATION.CONFLICT', 'the application was changed by someone else; reload it');
      }
      await spec.after?.(t.value.application, repos);
      await audit('success', { from: app.status, to: t.value.application.status });
      return ok({ application: toView(t.value.application, at.ms), document: null });
    });
  } catch (e) {
    const known = toErr(e);
    if (known) return known;
    throw e;
  }
}
