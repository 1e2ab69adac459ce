/**
 * `/psc-intake` (issue 5, item 4; R-11…R-13): the PSC operator enters the applicant (the IIN checked in the
 * browser with the domain's rules) and ticks the documents received — the application, the identity card's
 * copy, the original shown and the copy checked against it. The server answers with the receipt and the
 * moment the result will be ready, or with the refusal on ground 1 at once; either prints from its PDF. An
 * accepted application is then sent to the akimat that keeps the applicant's book; when the applicant is in
 * none (`422 APPLICATION.AKIMAT_REQUIRED`) the operator names the akimat. The applicant may leave an e-mail or a
 * phone to be told, in Kazakh or Russian, when the result is back at the PSC. Below, the applications in
 * progress.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { LOCALE_NAMES } from '../../i18n';
import { ApiError, type SessionUser } from '../api';
import {
  type ActResult,
  type ApplicantDraft,
  applicantBody,
  applicantIssues,
  EMPTY_APPLICANT,
  type FieldIssues,
  fieldIssuesOf,
  isKato,
} from '../applications';
import { useI18n } from '../locale';
import { Page } from '../page';
import { sectionTitleKey } from '../sections';
import { useSession } from '../session';
import { codeOf } from './household-shared';
import {
  Announcer,
  ApplicantFields,
  ApplicationsTable,
  focusFirstInvalid,
  ResultPanel,
  TextField,
  useApplications,
} from './service-shared';

const DOCUMENTS = ['application', 'identity_copy', 'identity_original'] as const;
type DocumentCode = (typeof DOCUMENTS)[number];
/** the applicant's contacts for "your result is ready"; sent only when one of them is filled in. */
interface NoticeDraft {
  readonly email: string;
  readonly phone: string;
  readonly language: 'kk' | 'ru';
}
const EMPTY_NOTICE: NoticeDraft = { email: '', phone: '', language: 'kk' };

function noticeBody(n: NoticeDraft): { notify?: { email?: string; phone?: string; language: 'kk' | 'ru' } } {
  const email = n.email.trim();
  const phone = n.phone.trim();
  if (!email && !phone) return {};
  return { notify: { ...(email ? { email } : {}), ...(phone ? { phone } : {}), language: n.language } };
}

const NONE_CHECKED: Record<DocumentCode, boolean> = {
  application: false,
  identity_copy: false,
  identity_original: false,
};

export function PscIntakePage({ user: _user }: { user: SessionUser }) {
  const { t } = useI18n();
  const { api } = useSession();
  const id = useId();
  const [draft, setDraft] = useState<ApplicantDraft>(EMPTY_APPLICANT);
  const [documents, setDocuments] = useState(NONE_CHECKED);
  const [notice, setNotice] = useState<NoticeDraft>(EMPTY_NOTICE);
  const [issues, setIssues] = useState<FieldIssues>(new Map());
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActResult | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const inProgress = useApplications('in_progress');

  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAlert(null);
    const local = applicantIssues(draft);
    setIssues(local);
    if (local.size > 0) {
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    try {
      const r = await api.post<ActResult>('/api/v1/psc/applications', {
        applicant: applicantBody(draft),
        documents,
        ...noticeBody(notice),
      });
      setResult(r);
      inProgress.reload();
    } catch (e) {
      const placed = e instanceof ApiError ? fieldIssuesOf(e) : new Map();
      setIssues(placed);
      setAlert(placed.size > 0 ? 'VALIDATION_FAILED' : codeOf(e));
      if (placed.size > 0) setTimeout(() => focusFirstInvalid(form.current));
    } finally {
      setBusy(false);
    }
  }

  function next() {
    setResult(null);
    setDraft(EMPTY_APPLICANT);
    setDocuments(NONE_CHECKED);
    setNotice(EMPTY_NOTICE);
    setIssues(new Map());
    setTimeout(() => form.current?.querySelector('input')?.focus());
  }

  return (
    <Page title={t(sectionTitleKey('psc-intake'))} className="hb svc">
      <p className="lead">{t('service.psc.intro')}</p>
      {result ? (
        <ResultPanel result={result} headingRef={resultHeading}>
          {result.application.allowedActions.includes('send_to_akimat') ? (
            <SendToAkimat applicationId={result.application.id} onSent={() => inProgress.reload()} />
          ) : null}
          <p>
            <button type="button" className="button button--secondary" onClick={next}>
              {t('service.psc.newApplicant')}
            </button>
          </p>
        </ResultPanel>
      ) : (
        <form ref={form} className="panel svc-form" onSubmit={onSubmit} noValidate>
          <ApplicantFields draft={draft} onChange={setDraft} issues={issues} />
          <fieldset>
            <legend>{t('service.psc.checklist')}</legend>
            {DOCUMENTS.map((code) => (
              <div className="field field--checkbox" key={code}>
                <input
                  type="checkbox"
                  id={`${id}-${code}`}
                  name={code}
                  checked={documents[code]}
                  onChange={(e) => setDocuments((d) => ({ ...d, [code]: e.target.checked }))}
                />
                <label htmlFor={`${id}-${code}`}>{t(`service.psc.doc.${code}`)}</label>
              </div>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('service.psc.notify')}</legend>
            <TextField
              name="notify.email"
              label={t('service.psc.notify.email')}
              value={notice.email}
              maxLength={254}
              onChange={(email) => setNotice((n) => ({ ...n, email }))}
              errors={issues.get('notify.email')}
            />
            <TextField
              name="notify.phone"
              label={t('service.psc.notify.phone')}
              value={notice.phone}
              maxLength={20}
              onChange={(phone) => setNotice((n) => ({ ...n, phone }))}
              errors={issues.get('notify.phone')}
            />
            <div className="field">
              <label htmlFor={`${id}-notify-language`}>{t('service.psc.notify.language')}</label>
              <select
                id={`${id}-notify-language`}
                value={notice.language}
                onChange={(e) => setNotice((n) => ({ ...n, language: e.target.value as 'kk' | 'ru' }))}
              >
                <option value="kk">{LOCALE_NAMES.kk}</option>
                <option value="ru">{LOCALE_NAMES.ru}</option>
              </select>
            </div>
          </fieldset>
          <Announcer message={null} error={alert} />
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('service.form.working') : t('service.psc.submit')}
          </button>
        </form>
      )}

      <section aria-labelledby={`${id}-progress`}>
        <h2 id={`${id}-progress`}>{t('service.psc.inProgress')}</h2>
        <ApplicationsTable
          load={inProgress.load}
          caption={t('service.psc.inProgress')}
          empty={t('service.list.empty')}
          showChannel={false}
        />
      </section>
    </Page>
  );
}

/**
 * Sends an accepted application to the akimat of the applicant's book; when the book does not know the
 * applicant the server asks for the akimat (`APPLICATION.AKIMAT_REQUIRED`) and a KATO field appears.
 */
export function SendToAkimat({ applicationId, onSent }: { applicationId: string; onSent: () => void }) {
  const { t, tError } = useI18n();
  const { api } = useSession();
  const [askKato, setAskKato] = useState(false);
  const [kato, setKato] = useState('');
  const [katoIssues, setKatoIssues] = useState<readonly string[] | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (askKato && !isKato(kato)) {
      setKatoIssues(['APPLICATION.BAD_KATO']);
      focusFirstInvalid(form.current);
      return;
    }
    setKatoIssues(undefined);
    setBusy(true);
    try {
      await api.post<ActResult>(
        `/api/v1/applications/${applicationId}/send`,
        askKato ? { akimatKato: kato.trim() } : {},
      );
      setSent(true);
      onSent();
    } catch (e) {
      const code = codeOf(e);
      if (code === 'APPLICATION.AKIMAT_REQUIRED') {
        setAskKato(true);
        setTimeout(() => form.current?.querySelector('input')?.focus());
      } else if (code === 'VALIDATION_FAILED' && askKato) {
        setKatoIssues([code]);
      }
      setError(code);
    } finally {
      setBusy(false);
    }
  }

  if (sent) {
    return (
      <p className="notice notice--success" role="status">
        <span aria-hidden="true">✓ </span>
        {t('service.result.sent')}
      </p>
    );
  }
  return (
    <form ref={form} className="svc-inline-form" onSubmit={onSubmit} noValidate>
      <div role="alert" className="svc-alert">
        {error ? (
          <p className="notice notice--error">
            {error === 'APPLICATION.AKIMAT_REQUIRED' ? t('service.psc.akimatRequired') : tError(error)}
          </p>
        ) : null}
      </div>
      {askKato && error !== 'APPLICATION.AKIMAT_REQUIRED' ? (
        <p className="notice notice--info">{t('service.psc.akimatRequired')}</p>
      ) : null}
      {askKato ? (
        <TextField
          label={t('service.psc.akimatKato')}
          name="akimatKato"
          value={kato}
          onChange={setKato}
          inputMode="numeric"
          maxLength={9}
          hint={t('service.psc.akimatKatoHint')}
          errors={katoIssues}
        />
      ) : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('service.form.working') : t('service.psc.send')}
      </button>
    </form>
  );
}
