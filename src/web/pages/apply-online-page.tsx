/**
 * `/apply-online` (issue 5, item 4; R-22): a signed-in citizen applies for themselves — the IIN is the
 * session's, never typed — and gets the electronic certificate or the reasoned refusal at once, with its PDF
 * in Kazakh or Russian. The demo sign-in stands where the national digital-signature login will plug in.
 * Below, the citizen's own applications.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { SessionUser } from '../api';
import type { ActResult } from '../applications';
import { useI18n } from '../locale';
import { Page } from '../page';
import { sectionTitleKey } from '../sections';
import { useSession } from '../session';
import { codeOf } from './household-shared';
import { Announcer, ApplicationsTable, ResultPanel, useApplications } from './service-shared';

export function ApplyOnlinePage({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const { api } = useSession();
  const id = useId();
  const mine = useApplications('all', 20);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ActResult | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      setResult(await api.post<ActResult>('/api/v1/online/applications', {}));
      mine.reload();
    } catch (e) {
      setError(codeOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t(sectionTitleKey('apply-online'))} className="hb svc">
      <p className="lead">{t('service.online.intro')}</p>
      <form className="panel svc-form" onSubmit={onSubmit}>
        <dl className="facts">
          <div className="facts__item">
            <dt>{t('service.applicant.fullName')}</dt>
            <dd>{user.displayName}</dd>
          </div>
        </dl>
        <Announcer message={null} error={error} />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('service.form.working') : t('service.online.submit')}
        </button>
      </form>
      {result ? <ResultPanel result={result} headingRef={resultHeading} /> : null}
      <section aria-labelledby={`${id}-mine`}>
        <h2 id={`${id}-mine`}>{t('service.online.mine')}</h2>
        <ApplicationsTable
          load={mine.load}
          caption={t('service.online.mine')}
          empty={t('service.list.empty')}
        />
      </section>
    </Page>
  );
}
