/**
 * `/applications/:id` (issue 5, item 4; R-13): one application — its facts, every step with who, when and in
 * which office, and its documents with their PDFs in Kazakh and Russian. The next step the user may take is
 * offered here too (send, decide, return, hand over), and the issuing akimat's officer may correct a valid
 * certificate (a new one supersedes it) or revoke it — a reason is required for either.
 */
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ROLES } from '../../domain/access/roles';
import { formatDateTime } from '../../i18n';
import { ApiError, type SessionUser } from '../api';
import {
  type ActResult,
  type ApplicationDetail,
  type ApplicationView,
  type DocumentView,
  fieldIssuesOf,
  iinIssue,
} from '../applications';
import { SURVEY_OPEN_STATUSES } from '../complaints';
import { useI18n } from '../locale';
import { Page } from '../page';
import { roleKey } from '../sections';
import { useSession } from '../session';
import { codeOf, may, useTerritoryNames } from './household-shared';
import { SendToAkimat } from './psc-intake-page';
import { Announcer, FlagBadge, focusFirstInvalid, PdfLinks, TextField } from './service-shared';

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly detail: ApplicationDetail }
  | { readonly status: 'error'; readonly code: string };

export function ApplicationPage({ user }: { user: SessionUser }) {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const { id = '' } = useParams();
  const hid = useId();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [message, setMessage] = useState<string | null>(null);
  const detail = load.status === 'ready' ? load.detail : null;
  const names = useTerritoryNames(api, detail?.application.akimatKato ? [detail.application.akimatKato] : []);

  const reload = useCallback(() => {
    let cancelled = false;
    api.get<ApplicationDetail>(`/api/v1/applications/${encodeURIComponent(id)}`).then(
      (d) => !cancelled && setLoad({ status: 'ready', detail: d }),
      (e: unknown) => !cancelled && setLoad({ status: 'error', code: codeOf(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, id]);
  useEffect(() => reload(), [reload]);

  const back = (
    <p>
      <Link to={user.role === 'citizen' ? '/my-applications' : '/applications'}>
        {t('service.detail.back')}
      </Link>
    </p>
  );
  if (detail === null) {
    return (
      <Page title={t('section.applications.title')} className="hb svc">
        {back}
        {load.status === 'error' ? (
          <p className="notice notice--error" role="alert">
            {tError(load.code)}
          </p>
        ) : (
          <p className="loading" role="status">
            {t('app.loading')}
          </p>
        )}
      </Page>
    );
  }

  const a = detail.application;
  const when = (iso: string | null) => (iso ? formatDateTime(locale, new Date(iso)) : '—');
  const office = (officeId: string | null) =>
    officeId === null ? '—' : /^\d{9}$/.test(officeId) ? names(officeId) : officeId;
  const issuer = a.akimatKato !== null && may(user, 'application.akimat.decide', a.akimatKato);

  return (
    <Page title={t('service.detail.title', { name: a.applicantName })} className="hb svc">
      {back}
      <div role="status">{message ? <p className="notice notice--success">{message}</p> : null}</div>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('service.applicant.iin')}</dt>
          <dd className="hb-mono">{a.applicantIinMasked}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('service.field.channel')}</dt>
          <dd>{t(`service.channel.${a.channel}`)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('service.field.status')}</dt>
          <dd>{t(`service.status.${a.status}`)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('service.field.received')}</dt>
          <dd>{when(a.receivedAt)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('service.field.due')}</dt>
          <dd>{a.dueAt ? when(a.dueAt) : t('service.noDue')}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('service.field.flag')}</dt>
          <dd>
            <FlagBadge flag={a.flag} />
          </dd>
        </div>
        {a.akimatKato ? (
          <div className="facts__item">
            <dt>{t('service.field.akimat')}</dt>
            <dd>{names(a.akimatKato)}</dd>
          </div>
        ) : null}
        {a.pscOfficeId ? (
          <div className="facts__item">
            <dt>{t('service.field.psc')}</dt>
            <dd>{a.pscOfficeId}</dd>
          </div>
        ) : null}
        {a.refusalGround ? (
          <div className="facts__item">
            <dt>{t('service.field.outcome')}</dt>
            <dd>{t(`service.ground.${a.refusalGround}`)}</dd>
          </div>
        ) : null}
      </dl>

      <NextStep
        user={user}
        application={a}
        onDone={(m) => {
          setMessage(m);
          reload();
        }}
      />

      <section aria-labelledby={`${hid}-docs`}>
        <h2 id={`${hid}-docs`}>{t('service.detail.documents')}</h2>
        {detail.documents.length === 0 ? (
          <p className="svc-empty">{t('service.detail.noDocuments')}</p>
        ) : (
          <table className="hb-table hb-table--cards">
            <caption className="visually-hidden">{t('service.detail.documents')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('service.field.document')}</th>
                <th scope="col">{t('service.detail.doc.number')}</th>
                <th scope="col">{t('service.detail.doc.issued')}</th>
                <th scope="col">{t('service.detail.doc.status')}</th>
                <th scope="col">{t('service.detail.doc.pdf')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.documents.map((d) => (
                <tr key={d.id}>
                  <th scope="row" data-label={t('service.field.document')}>
                    {t(`service.doc.${d.kind}`)}
                  </th>
                  <td data-label={t('service.detail.doc.number')} className="hb-mono">
                    {d.number}
                  </td>
                  <td data-label={t('service.detail.doc.issued')}>{when(d.issuedAt)}</td>
                  <td data-label={t('service.detail.doc.status')}>
                    {t(`service.docStatus.${d.status}`)}
                    {d.revokeReason ? (
                      <span className="hb-matched">
                        {t('service.detail.doc.revokedBecause', { reason: d.revokeReason })}
                      </span>
                    ) : null}
                  </td>
                  <td data-label={t('service.detail.doc.pdf')}>
                    <PdfLinks doc={d} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {issuer
          ? detail.documents
              .filter((d) => d.kind === 'certificate' && d.status === 'valid')
              .map((d) => (
                <CertificateActions
                  key={d.id}
                  doc={d}
                  onDone={(m) => {
                    setMessage(m);
                    reload();
                  }}
                />
              ))
          : null}
      </section>

      <section aria-labelledby={`${hid}-events`}>
        <h2 id={`${hid}-events`}>{t('service.detail.events')}</h2>
        <table className="hb-table hb-table--cards">
          <caption className="visually-hidden">{t('service.detail.events')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('service.detail.event.when')}</th>
              <th scope="col">{t('service.detail.event.what')}</th>
              <th scope="col">{t('service.detail.event.who')}</th>
              <th scope="col">{t('service.detail.event.office')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.events.map((e) => (
              <tr key={e.seq}>
                <th scope="row" data-label={t('service.detail.event.when')}>
                  {when(e.at)}
                </th>
                <td data-label={t('service.detail.event.what')}>{eventLabel(e.action, t)}</td>
                <td data-label={t('service.detail.event.who')}>
                  {e.actorName ?? '—'}
                  {e.actorId === user.id ? ` (${t('service.detail.you')})` : ''}
                  <span className="hb-matched">{roleLabel(e.actorRole, t)}</span>
                </td>
                <td data-label={t('service.detail.event.office')}>{office(e.officeId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {user.role === 'citizen' ? (
        // Issue 7: the applicant may complain about this application and rate the finished service.
        <p className="hb-actions">
          <Link className="button button--secondary" to={`/complaints/new?application=${a.id}`}>
            {t('complaints.list.new')}
          </Link>
          {SURVEY_OPEN_STATUSES.has(a.status) ? (
            <Link className="button button--secondary" to={`/survey?application=${a.id}`}>
              {t('complaints.survey.service')}
            </Link>
          ) : null}
        </p>
      ) : null}
    </Page>
  );
}

type T = ReturnType<typeof useI18n>['t'];
const EVENT_ACTIONS = [
  'receive',
  'issue_certificate',
  'refuse',
  'check_documents',
  'refuse_at_intake',
  'accept',
  'send_to_akimat',
  'decide',
  'return_to_psc',
  'hand_over',
] as const;

function eventLabel(action: string, t: T): string {
  const known = EVENT_ACTIONS.find((a) => a === action);
  return known ? t(`service.action.${known}`) : action;
}

function roleLabel(role: string, t: T): string {
  const known = ROLES.find((r) => r === role);
  return known ? t(roleKey(known)) : role;
}

/** What this user may do next with the application, as its allowed actions and their role permit. */
function NextStep({
  user,
  application: a,
  onDone,
}: {
  user: SessionUser;
  application: ApplicationView;
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const hid = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const akimat = a.akimatKato !== null && may(user, 'application.akimat.decide', a.akimatKato);
  const psc = user.role === 'psc_operator' && user.territory.officeId === a.pscOfficeId;
  const can = (action: ApplicationView['allowedActions'][number]) => a.allowedActions.includes(action);

  async function act(path: string, message: string) {
    setBusy(true);
    setError(null);
    try {
      await api.post<ActResult>(`/api/v1/applications/${a.id}/${path}`);
      onDone(message);
    } catch (e) {
      setError(codeOf(e));
    } finally {
      setBusy(false);
    }
  }

  const steps = [
    psc && can('send_to_akimat') ? (
      <SendToAkimat key="send" applicationId={a.id} onSent={() => onDone(t('service.result.sent'))} />
    ) : null,
    akimat && can('decide') ? (
      <button
        key="decide"
        type="button"
        className="button button--primary"
        disabled={busy}
        onClick={() => act('decide', t('service.result.decided'))}
      >
        {t('service.inbox.decide')}
      </button>
    ) : null,
    (akimat || psc) && can('return_to_psc') ? (
      <button
        key="return"
        type="button"
        className="button button--primary"
        disabled={busy}
        onClick={() => act('return', t('service.result.returned'))}
      >
        {t('service.inbox.return')}
      </button>
    ) : null,
    psc && can('hand_over') ? (
      <HandOver key="hand" applicationId={a.id} onDone={() => onDone(t('service.result.handedOver'))} />
    ) : null,
  ].filter((s) => s !== null);
  if (steps.length === 0) return null;
  return (
    <section aria-labelledby={`${hid}-next`} className="panel">
      <h2 id={`${hid}-next`}>{t('service.detail.actions')}</h2>
      <Announcer message={null} error={error} />
      <div className="hb-actions">{steps}</div>
    </section>
  );
}

function HandOver({ applicationId, onDone }: { applicationId: string; onDone: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [iin, setIin] = useState('');
  const [issues, setIssues] = useState<readonly string[] | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAlert(null);
    const bad = iinIssue(iin);
    if (bad) {
      setIssues([bad]);
      setTimeout(() => focusFirstInvalid(form.current));
      return;
    }
    setIssues(undefined);
    try {
      await api.post<ActResult>(`/api/v1/applications/${applicationId}/hand-over`, {
        presentedIin: iin.trim(),
      });
      onDone();
    } catch (e) {
      setIssues(e instanceof ApiError ? fieldIssuesOf(e, 'presentedIin').get('presentedIin') : undefined);
      setAlert(codeOf(e));
    }
  }
  return (
    <form ref={form} className="svc-inline-form" onSubmit={onSubmit} noValidate>
      <TextField
        label={t('service.handover.presentedIin')}
        value={iin}
        onChange={setIin}
        inputMode="numeric"
        maxLength={12}
        errors={issues}
      />
      <Announcer message={null} error={alert} />
      <button type="submit" className="button button--primary">
        {t('service.handover.submit')}
      </button>
    </form>
  );
}

/** Correct or revoke a valid certificate (the issuing akimat only); the reason is required for both. */
function CertificateActions({ doc, onDone }: { doc: DocumentView; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const hid = useId();
  const [mode, setMode] = useState<'correct' | 'revoke' | null>(null);
  const [reason, setReason] = useState('');
  const [issues, setIssues] = useState<readonly string[] | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (mode === null) return;
    setAlert(null);
    if (reason.trim() === '') {
      setIssues(['CERTIFICATE.REASON_REQUIRED']);
      setTimeout(() => focusFirstInvalid(form.current));
      return;
    }
    setIssues(undefined);
    setBusy(true);
    try {
      if (mode === 'correct') {
        const r = await api.post<{ document: DocumentView }>(`/api/v1/documents/${doc.id}/correct`, {
          reason: reason.trim(),
        });
        onDone(t('service.correct.done', { number: r.document.number }));
      } else {
        await api.post<DocumentView>(`/api/v1/documents/${doc.id}/revoke`, { reason: reason.trim() });
        onDone(t('service.revoke.done', { number: doc.number }));
      }
      setMode(null);
      setReason('');
    } catch (e) {
      const code = codeOf(e);
      if (code === 'CERTIFICATE.REASON_REQUIRED' || code === 'VALIDATION_FAILED') setIssues([code]);
      setAlert(code);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="svc-cert-actions">
      <p className="hb-actions">
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={mode === 'correct'}
          aria-controls={`${hid}-form`}
          onClick={() => setMode(mode === 'correct' ? null : 'correct')}
        >
          {t('service.correct.open')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={mode === 'revoke'}
          aria-controls={`${hid}-form`}
          onClick={() => setMode(mode === 'revoke' ? null : 'revoke')}
        >
          {t('service.revoke.open')}
        </button>
      </p>
      {mode ? (
        <form id={`${hid}-form`} ref={form} className="panel hb-panel" onSubmit={onSubmit} noValidate>
          <h3>
            {t(mode === 'correct' ? 'service.correct.title' : 'service.revoke.title')} № {doc.number}
          </h3>
          <p>{t(mode === 'correct' ? 'service.correct.intro' : 'service.revoke.intro')}</p>
          <ReasonField value={reason} onChange={setReason} issues={issues} />
          <Announcer message={null} error={alert} />
          <p className="hb-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t(mode === 'correct' ? 'service.correct.submit' : 'service.revoke.submit')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setMode(null)}>
              {t('service.cancel')}
            </button>
          </p>
        </form>
      ) : null}
    </div>
  );
}

function ReasonField({
  value,
  onChange,
  issues,
}: {
  value: string;
  onChange: (value: string) => void;
  issues: readonly string[] | undefined;
}) {
  const { t, tError } = useI18n();
  const id = useId();
  const invalid = issues !== undefined && issues.length > 0;
  return (
    <div className="field">
      <label htmlFor={id}>{t('service.reason')}</label>
      <textarea
        id={id}
        rows={2}
        maxLength={1000}
        value={value}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {invalid ? (
        <p className="field__error" id={`${id}-error`}>
          {issues.map((c) => tError(c)).join(' ')}
        </p>
      ) : null}
    </div>
  );
}
