/**
 * `/complaints/new` (a signed-in citizen, online) and `/complaints/intake` (an akimat officer or a PSC official
 * writing down a complaint received at the counter, R-16): the complaint's kind, what it is about (one of the
 * citizen's applications, or an office), contacts for the answer, its language and text. The server routes it
 * (R-17), numbers it and gives the deadline; its coded errors land next to the field they concern (WCAG 3.3.1),
 * and on success the talon opens (`/complaints/:id?filed=1`).
 */
import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { formatDate, LOCALE_NAMES } from '../../i18n';
import { ApiError, type SessionUser } from '../api';
import {
  type ApplicationSummary,
  type ComplaintField,
  type ComplaintView,
  complaintFieldOf,
  complaintFieldOfPath,
} from '../complaints';
import { useI18n } from '../locale';
import { Page } from '../page';
import { localName, type Office, type OfficesAnswer } from '../reference';
import { sectionTitleKey } from '../sections';
import { useSession } from '../session';
import '../complaints.css';

type Mode = 'online' | 'office';
type About = 'application' | 'office';
type OfficeKind = 'rural_akimat' | 'psc';
type Errors = Partial<Record<ComplaintField, string>>;

/** Stable ids, so that an error is tied to its field and tests can find it: `cf-text`, `cf-text-error`. */
export const complaintFieldId = (field: ComplaintField): string => `cf-${field.replace('.', '-')}`;
const errorIdOf = (field: ComplaintField) => `${complaintFieldId(field)}-error`;

function FieldError({ field, errors }: { field: ComplaintField; errors: Errors }) {
  const message = errors[field];
  return message ? (
    <p className="field__error" id={errorIdOf(field)}>
      {message}
    </p>
  ) : null;
}

function fieldProps(field: ComplaintField, errors: Errors, hintId?: string) {
  const described = [errors[field] ? errorIdOf(field) : null, hintId ?? null].filter(Boolean).join(' ');
  return {
    id: complaintFieldId(field),
    'aria-invalid': errors[field] ? (true as const) : undefined,
    'aria-describedby': described === '' ? undefined : described,
  };
}

/** The official's own office: the akimat of their territory, or their PSC. */
function ownOfficeId(user: SessionUser): string | null {
  if (user.role === 'akimat_officer' && user.territory.kato) return `akimat-${user.territory.kato}`;
  return user.territory.officeId;
}

function Choice({
  name,
  value,
  checked,
  onChange,
  label,
  hint,
}: {
  name: string;
  value: string;
  checked: boolean;
  onChange: () => void;
  label: string;
  hint?: string;
}): ReactNode {
  const id = useId();
  return (
    <div className="choice">
      <input
        type="radio"
        id={id}
        name={name}
        value={value}
        checked={checked}
        onChange={onChange}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>
        {label}
        {hint ? (
          <span className="choice__hint" id={`${id}-hint`}>
            {hint}
          </span>
        ) : null}
      </label>
    </div>
  );
}

export function ComplaintFormPage({ user, mode }: { user: SessionUser; mode: Mode }) {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const linked = params.get('application');
  const [kind, setKind] = useState<'result' | 'service'>('result');
  const [about, setAbout] = useState<About>(mode === 'online' || linked ? 'application' : 'office');
  const [applications, setApplications] = useState<readonly ApplicationSummary[] | null>(
    mode === 'online' ? null : [],
  );
  const [applicationId, setApplicationId] = useState(linked ?? '');
  const [officeKind, setOfficeKind] = useState<OfficeKind>(
    user.role === 'akimat_officer' ? 'rural_akimat' : 'psc',
  );
  const [officeQuery, setOfficeQuery] = useState('');
  const [offices, setOffices] = useState<readonly Office[] | null>(null);
  const [officeId, setOfficeId] = useState('');
  const [iin, setIin] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [language, setLanguage] = useState<'kk' | 'ru'>(locale === 'kk' ? 'kk' : 'ru');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState<{ message: string; attempt: number } | null>(null);
  const [busy, setBusy] = useState(false);

  // The citizen's own applications to choose from (R-14: the server gives only theirs).
  useEffect(() => {
    if (mode !== 'online') return;
    let cancelled = false;
    api.get<{ applications: ApplicationSummary[] }>('/api/v1/applications?limit=50').then(
      (r) => {
        if (cancelled) return;
        setApplications(r.applications);
        if (r.applications.length === 0 && !linked) setAbout('office');
        if (!linked && r.applications[0]) setApplicationId(r.applications[0].id);
      },
      () => !cancelled && setApplications([]),
    );
    return () => {
      cancelled = true;
    };
  }, [api, mode, linked]);

  // At the counter the official's own office is the first choice.
  useEffect(() => {
    if (mode !== 'office') return;
    const own = ownOfficeId(user);
    if (!own) return;
    let cancelled = false;
    api.get<Office>(`/api/v1/offices/${encodeURIComponent(own)}`).then(
      (o) => {
        if (cancelled) return;
        setOffices([o]);
        setOfficeId(o.id);
        if (o.kind === 'rural_akimat' || o.kind === 'psc') setOfficeKind(o.kind);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api, mode, user]);

  async function findOffices() {
    const query = new URLSearchParams({ kind: officeKind, limit: '30' });
    if (officeQuery.trim()) query.set('q', officeQuery.trim());
    try {
      const r = await api.get<OfficesAnswer>(`/api/v1/offices?${query}`);
      setOffices(r.offices);
      setOfficeId(r.offices[0]?.id ?? '');
    } catch (e) {
      setAlert({ message: tError(e instanceof ApiError ? e.code : 'UNKNOWN'), attempt: Date.now() });
    }
  }

  function fail(fieldErrors: Errors, message: string) {
    setErrors(fieldErrors);
    setAlert({ message, attempt: Date.now() });
    const first = (Object.keys(fieldErrors) as ComplaintField[])[0];
    if (first) document.getElementById(complaintFieldId(first))?.focus();
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const local: Errors = {};
    if (mode === 'office') {
      if (iin.trim() === '') local['complainant.iin'] = t('complaints.form.required');
      if (name.trim() === '') local['complainant.name'] = t('complaints.form.required');
    }
    if (about === 'application' && applicationId.trim() === '')
      local.applicationId = t('complaints.form.required');
    if (about === 'office' && officeId === '') local.officeId = t('complaints.form.required');
    if (Object.keys(local).length > 0) {
      fail(local, t('complaints.form.checkFields'));
      return;
    }
    const body = {
      kind,
      language,
      text,
      ...(about === 'application' ? { applicationId: applicationId.trim() } : { officeId }),
      ...(mode === 'office' ? { complainant: { iin: iin.trim(), name: name.trim() } } : {}),
      ...(phone.trim() ? { contactPhone: phone.trim() } : {}),
      ...(email.trim() ? { contactEmail: email.trim() } : {}),
    };
    setBusy(true);
    setErrors({});
    setAlert(null);
    try {
      const r = await api.post<{ complaint: ComplaintView }>('/api/v1/complaints', body);
      navigate(`/complaints/${r.complaint.id}?filed=1`);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError('UNKNOWN', 0);
      if (error.code === 'VALIDATION_FAILED') {
        const fields: Errors = {};
        for (const issue of error.fieldIssues) {
          const field = complaintFieldOfPath(issue.path);
          if (field) fields[field] = t('complaints.form.invalid');
        }
        fail(fields, tError(error.code));
      } else {
        const field = complaintFieldOf(error.code, about);
        if (field) fail({ [field]: tError(error.code) }, t('complaints.form.checkFields'));
        else fail({}, tError(error.code));
      }
    } finally {
      setBusy(false);
    }
  }

  const title = mode === 'online' ? t('complaints.new.title') : t(sectionTitleKey('complaint-intake'));
  const linkedUnknown =
    linked !== null && applications !== null && !applications.some((a) => a.id === linked);

  return (
    <Page title={title} className="complaint-form">
      <p className="lead">
        {t(mode === 'online' ? 'complaints.form.introOnline' : 'complaints.form.introOffice')}
      </p>
      <form className="form panel" noValidate onSubmit={onSubmit} aria-busy={busy}>
        {mode === 'office' ? (
          <fieldset className="fieldset">
            <legend>{t('complaints.form.complainant')}</legend>
            <div className="field">
              <label htmlFor={complaintFieldId('complainant.iin')}>{t('complaints.form.iin')}</label>
              <input
                {...fieldProps('complainant.iin', errors)}
                name="iin"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                maxLength={12}
                value={iin}
                onChange={(e) => setIin(e.target.value.replace(/\s+/g, ''))}
              />
              <FieldError field="complainant.iin" errors={errors} />
            </div>
            <div className="field">
              <label htmlFor={complaintFieldId('complainant.name')}>{t('complaints.form.name')}</label>
              <input
                {...fieldProps('complainant.name', errors)}
                name="name"
                type="text"
                autoComplete="off"
                maxLength={200}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
              <FieldError field="complainant.name" errors={errors} />
            </div>
          </fieldset>
        ) : null}

        <fieldset className="fieldset">
          <legend>{t('complaints.form.kind')}</legend>
          <Choice
            name="kind"
            value="result"
            checked={kind === 'result'}
            onChange={() => setKind('result')}
            label={t('complaints.kind.result')}
            hint={t('complaints.kind.resultHint')}
          />
          <Choice
            name="kind"
            value="service"
            checked={kind === 'service'}
            onChange={() => setKind('service')}
            label={t('complaints.kind.service')}
            hint={t('complaints.kind.serviceHint')}
          />
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('complaints.form.about')}</legend>
          <Choice
            name="about"
            value="application"
            checked={about === 'application'}
            onChange={() => setAbout('application')}
            label={t('complaints.about.application')}
          />
          <Choice
            name="about"
            value="office"
            checked={about === 'office'}
            onChange={() => setAbout('office')}
            label={t('complaints.about.office')}
          />
          {about === 'application' ? (
            mode === 'online' ? (
              <div className="field">
                <label htmlFor={complaintFieldId('applicationId')}>{t('complaints.form.application')}</label>
                {applications === null ? (
                  <p role="status">{t('app.loading')}</p>
                ) : applications.length === 0 && !linked ? (
                  <p className="field__hint">{t('complaints.form.noApplications')}</p>
                ) : (
                  <select
                    {...fieldProps('applicationId', errors)}
                    name="applicationId"
                    value={applicationId}
                    onChange={(e) => setApplicationId(e.target.value)}
                  >
                    {linkedUnknown ? (
                      <option value={linked}>{t('complaints.form.linkedApplication')}</option>
                    ) : null}
                    {applications.map((a) => (
                      <option key={a.id} value={a.id}>
                        {t('complaints.form.applicationOption', {
                          date: formatDate(locale, new Date(a.receivedAt)),
                          channel: t(`complaints.channel.${a.channel}`),
                          result: a.documentNumber
                            ? `${t(`complaints.appResult.${a.outcome ?? 'pending'}`)} ${a.documentNumber}`
                            : t(`complaints.appResult.${a.outcome ?? 'pending'}`),
                        })}
                      </option>
                    ))}
                  </select>
                )}
                <FieldError field="applicationId" errors={errors} />
              </div>
            ) : (
              <div className="field">
                <label htmlFor={complaintFieldId('applicationId')}>
                  {t('complaints.form.applicationId')}
                </label>
                <input
                  {...fieldProps('applicationId', errors, 'cf-applicationId-hint')}
                  name="applicationId"
                  type="text"
                  autoComplete="off"
                  spellCheck={false}
                  value={applicationId}
                  onChange={(e) => setApplicationId(e.target.value)}
                />
                <p className="field__hint" id="cf-applicationId-hint">
                  {t('complaints.form.applicationIdHint')}
                </p>
                <FieldError field="applicationId" errors={errors} />
              </div>
            )
          ) : (
            <div className="complaint-form__office">
              <div className="field">
                <label htmlFor="cf-officeKind">{t('complaints.form.officeKind')}</label>
                <select
                  id="cf-officeKind"
                  value={officeKind}
                  onChange={(e) => {
                    setOfficeKind(e.target.value as OfficeKind);
                    setOffices(null);
                    setOfficeId('');
                  }}
                >
                  <option value="rural_akimat">{t('complaints.office.rural_akimat')}</option>
                  <option value="psc">{t('complaints.office.psc')}</option>
                </select>
              </div>
              <div className="field complaint-form__search">
                <label htmlFor="cf-officeQuery">{t('complaints.form.officeSearch')}</label>
                <div className="complaint-form__search-row">
                  <input
                    id="cf-officeQuery"
                    type="search"
                    autoComplete="off"
                    aria-describedby="cf-officeQuery-hint"
                    value={officeQuery}
                    onChange={(e) => setOfficeQuery(e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        void findOffices();
                      }
                    }}
                  />
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => void findOffices()}
                  >
                    {t('complaints.form.find')}
                  </button>
                </div>
                <p className="field__hint" id="cf-officeQuery-hint">
                  {t('complaints.form.officeSearchHint')}
                </p>
              </div>
              <div className="field">
                <label htmlFor={complaintFieldId('officeId')}>{t('complaints.form.office')}</label>
                <select
                  {...fieldProps('officeId', errors)}
                  name="officeId"
                  value={officeId}
                  onChange={(e) => setOfficeId(e.target.value)}
                >
                  <option value="">
                    {offices !== null && offices.length === 0
                      ? t('complaints.form.noOffices')
                      : t('complaints.form.pickOffice')}
                  </option>
                  {(offices ?? []).map((o) => (
                    <option key={o.id} value={o.id}>
                      {localName(o.name, locale)}
                    </option>
                  ))}
                </select>
                <FieldError field="officeId" errors={errors} />
              </div>
            </div>
          )}
        </fieldset>

        <div className="field">
          <label htmlFor={complaintFieldId('text')}>{t('complaints.form.text')}</label>
          <textarea
            {...fieldProps('text', errors, 'cf-text-hint')}
            name="text"
            rows={7}
            maxLength={5000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <p className="field__hint" id="cf-text-hint">
            {t('complaints.form.textHint')}
          </p>
          <FieldError field="text" errors={errors} />
        </div>

        <div className="field">
          <label htmlFor="cf-language">{t('complaints.form.language')}</label>
          <select
            id="cf-language"
            value={language}
            onChange={(e) => setLanguage(e.target.value as 'kk' | 'ru')}
          >
            <option value="kk" lang="kk">
              {LOCALE_NAMES.kk}
            </option>
            <option value="ru" lang="ru">
              {LOCALE_NAMES.ru}
            </option>
          </select>
        </div>

        <fieldset className="fieldset">
          <legend>{t('complaints.form.contacts')}</legend>
          <div className="columns">
            <div className="field">
              <label htmlFor={complaintFieldId('contactPhone')}>{t('complaints.form.phone')}</label>
              <input
                {...fieldProps('contactPhone', errors, 'cf-contactPhone-hint')}
                name="phone"
                type="tel"
                autoComplete={mode === 'online' ? 'tel' : 'off'}
                value={phone}
                onChange={(e) => setPhone(e.target.value)}
              />
              <p className="field__hint" id="cf-contactPhone-hint">
                {t('complaints.form.phoneHint')}
              </p>
              <FieldError field="contactPhone" errors={errors} />
            </div>
            <div className="field">
              <label htmlFor={complaintFieldId('contactEmail')}>{t('complaints.form.email')}</label>
              <input
                {...fieldProps('contactEmail', errors)}
                name="email"
                type="email"
                autoComplete={mode === 'online' ? 'email' : 'off'}
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
              <FieldError field="contactEmail" errors={errors} />
            </div>
          </div>
        </fieldset>

        <div role="alert" className="form-alert">
          {alert ? (
            <p key={alert.attempt} className="notice notice--error">
              {alert.message}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy
            ? t('complaints.form.sending')
            : t(mode === 'online' ? 'complaints.form.submit' : 'complaints.form.submitOffice')}
        </button>
      </form>
      {mode === 'office' ? (
        <p className="note-plain">
          <a href="/survey?mode=tablet">{t('complaints.form.tablet')}</a>
        </p>
      ) : null}
    </Page>
  );
}
