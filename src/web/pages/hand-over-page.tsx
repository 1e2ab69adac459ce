/**
 * `/hand-over` (issue 5, item 4; R-2, R-13): the results back at this PSC from the akimats. The operator opens
 * one, types the IIN on the identity card of the person collecting it (checked in the browser first), and
 * hands it over; the server gives it only to the applicant — another IIN is
 * `APPLICATION.HANDOVER_WRONG_PERSON`, shown at the field in the person's language.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError, type SessionUser } from '../api';
import { type ActResult, type ApplicationSummary, fieldIssuesOf, iinIssue } from '../applications';
import { useI18n } from '../locale';
import { Page } from '../page';
import { sectionTitleKey } from '../sections';
import { useSession } from '../session';
import { codeOf } from './household-shared';
import {
  Announcer,
  ApplicationsTable,
  focusFirstInvalid,
  TextField,
  useApplications,
} from './service-shared';

export function HandOverPage({ user: _user }: { user: SessionUser }) {
  const { t } = useI18n();
  const id = useId();
  const ready = useApplications('ready');
  const [open, setOpen] = useState<ApplicationSummary | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <Page title={t(sectionTitleKey('hand-over'))} className="hb svc">
      <p className="lead">{t('service.handover.intro')}</p>
      <Announcer message={message} error={null} />
      {open ? (
        <HandOverForm
          row={open}
          onCancel={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            setMessage(`${t('service.result.handedOver')} ${open.applicantName}`);
            ready.reload();
          }}
        />
      ) : null}
      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('service.list.view.ready')}</h2>
        <ApplicationsTable
          load={ready.load}
          caption={t('service.list.view.ready')}
          empty={t('service.handover.empty')}
          showChannel={false}
          actions={(row) => (
            <button
              type="button"
              className="button button--primary"
              aria-expanded={open?.id === row.id}
              onClick={() => {
                setMessage(null);
                setOpen(row);
              }}
            >
              {t('service.handover.open')}
              <span className="visually-hidden"> — {row.applicantName}</span>
            </button>
          )}
        />
      </section>
    </Page>
  );
}

function HandOverForm({
  row,
  onCancel,
  onDone,
}: {
  row: ApplicationSummary;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const [iin, setIin] = useState('');
  const [issues, setIssues] = useState<readonly string[] | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const hid = useId();

  // The form opens for one applicant at a time: the IIN field takes the focus.
  useEffect(() => {
    form.current?.querySelector('input')?.focus();
  }, []);

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
    setBusy(true);
    try {
      await api.post<ActResult>(`/api/v1/applications/${row.id}/hand-over`, { presentedIin: iin.trim() });
      onDone();
    } catch (e) {
      const placed = e instanceof ApiError ? fieldIssuesOf(e, 'presentedIin') : new Map();
      const codes = placed.get('presentedIin');
      setIssues(codes);
      // An error at the field is said there; the alert points to it.
      setAlert(codes ? 'VALIDATION_FAILED' : codeOf(e));
      if (codes) setTimeout(() => focusFirstInvalid(form.current));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={form}
      className="panel svc-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${hid}-title`}
    >
      <h2 id={`${hid}-title`}>
        {t('service.handover.open')}: {row.applicantName}
      </h2>
      <p>
        <span className="hb-mono">{row.applicantIinMasked}</span>
        {row.documentNumber
          ? ` · ${t(`service.outcome.${row.outcome ?? 'certificate'}`)} ${row.documentNumber}`
          : ''}
      </p>
      <TextField
        label={t('service.handover.presentedIin')}
        name="presentedIin"
        value={iin}
        onChange={setIin}
        inputMode="numeric"
        maxLength={12}
        errors={issues}
      />
      <Announcer message={null} error={alert} />
      <p className="hb-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('service.form.working') : t('service.handover.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('service.cancel')}
        </button>
      </p>
    </form>
  );
}
