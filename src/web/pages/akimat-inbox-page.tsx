/**
 * `/akimat-inbox` (issue 5, item 4; ): the PSC applications sent to this akimat, due first, each with
 * its due moment and the flag — amber from 75 % of its time, red when overdue — in words and a symbol. The
 * officer decides one from the book (certificate or reasoned refusal, with its PDF) and returns the result to
 * the PSC. Coded errors (`APPLICATION.ALREADY_DECIDED` when another officer was first, …) are translated.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { SessionUser } from '../api';
import type { ActResult, ApplicationSummary } from '../applications';
import { useI18n } from '../locale';
import { Page } from '../page';
import { sectionTitleKey } from '../sections';
import { useSession } from '../session';
import { codeOf } from './household-shared';
import { Announcer, ApplicationsTable, ResultPanel, useApplications } from './service-shared';

export function AkimatInboxPage({ user: _user }: { user: SessionUser }) {
  const { t } = useI18n();
  const { api } = useSession();
  const id = useId();
  const inbox = useApplications('inbox');
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ActResult | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  async function act(row: ApplicationSummary, action: 'decide' | 'return') {
    setBusy(row.id);
    setMessage(null);
    setError(null);
    setResult(null);
    try {
      const r = await api.post<ActResult>(`/api/v1/applications/${row.id}/${action}`);
      if (action === 'decide') setResult(r);
      else setMessage(t('service.result.returned'));
    } catch (e) {
      setError(codeOf(e));
    } finally {
      setBusy(null);
      inbox.reload();
    }
  }

  return (
    <Page title={t(sectionTitleKey('akimat-inbox'))} className="hb svc">
      <p className="lead">{t('service.inbox.intro')}</p>
      <Announcer message={message} error={error} />
      {result ? (
        <ResultPanel result={result} headingRef={resultHeading}>
          {result.application.allowedActions.includes('return_to_psc') ? (
            <p>
              <button
                type="button"
                className="button button--primary"
                disabled={busy !== null}
                onClick={() => act(result.application, 'return')}
              >
                {t('service.inbox.return')}
              </button>
            </p>
          ) : null}
        </ResultPanel>
      ) : null}
      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>
          {t(sectionTitleKey('akimat-inbox'))}
          {inbox.load.status === 'ready' ? ` (${inbox.load.list.total})` : ''}
        </h2>
        <ApplicationsTable
          load={inbox.load}
          caption={t('service.list.caption')}
          empty={t('service.inbox.empty')}
          showChannel={false}
          actions={(row) =>
            row.status === 'sent_to_akimat' ? (
              <button
                type="button"
                className="button button--primary"
                disabled={busy !== null}
                onClick={() => act(row, 'decide')}
              >
                {t('service.inbox.decide')}
                <span className="visually-hidden"> — {row.applicantName}</span>
              </button>
            ) : row.status === 'decided' ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy !== null}
                onClick={() => act(row, 'return')}
              >
                {t('service.inbox.return')}
                <span className="visually-hidden"> — {row.applicantName}</span>
              </button>
            ) : null
          }
        />
      </section>
    </Page>
  );
}
