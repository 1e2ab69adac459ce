/**
 * the decided result goes back to the PSC that took the application (sent by the akimat). R-24: the
 * applicant who left a contact at intake is told, in their language, that it is ready to collect.
 */
import type { Application } from '../../domain/applications';
import { renderNotification } from '../../domain/notifications/notifications';
import { ok, type Result } from '../../domain/shared/result';
import type { Deps, Repositories, UserRecord } from '../ports';
import { advance } from './advance';
import type { ActResult } from './views';

export async function returnToPsc(
  deps: Deps,
  user: UserRecord,
  id: string,
  ip: string | null,
): Promise<Result<ActResult>> {
  return advance(
    deps,
    user,
    id,
    {
      action: user.role === 'psc_operator' ? 'application.psc.intake' : 'application.akimat.decide',
      resource: (app) =>
        user.role === 'psc_operator' ? { officeId: app.pscOfficeId } : { kato: app.akimatKato },
      audit: 'application.return',
      command: async () => ok({ type: 'return_to_psc' }),
      after: (app, repos) => notifyResultReady(deps, repos, app),
    },
    ip,
  );
}

/** One outbox message per contact, in the same transaction as the return (so it is never lost or premature). */
async function notifyResultReady(deps: Deps, repos: Repositories, app: Application): Promise<void> {
  const notice = app.notify;
  if (!notice) return;
  const office = app.pscOfficeId ? await repos.offices.findById(app.pscOfficeId) : undefined;
  const { subject, text } = renderNotification('application.result_ready', notice.language, {
    ...(office ? { office: office.name[notice.language] } : {}),
  });
  const targets: { channel: 'email' | 'sms'; recipient: string }[] = [];
  if (notice.email) targets.push({ channel: 'email', recipient: notice.email });
  if (notice.phone) targets.push({ channel: 'sms', recipient: notice.phone });
  for (const t of targets) {
    await repos.outbox.enqueue({
      id: deps.ids.uuid(),
      channel: t.channel,
      recipient: t.recipient,
      language: notice.language,
      template: 'application.result_ready',
      subject,
      body: text,
      createdAt: deps.clock.now(),
    });
  }
}
