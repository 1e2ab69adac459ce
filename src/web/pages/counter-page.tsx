/**
 * `/counter` (issue 5, item 4; R-5… ): the akimat officer serves an applicant in one visit — finds
 * them by IIN (checked in the browser with the domain's IIN rules before anything is sent), sees the book's
 * record as of today (household, members, land, livestock) or that there is none, records whether the
 * identity card was shown, and issues: the server answers with the certificate or the reasoned refusal,
 * printed from its PDF in Kazakh or Russian. Below, the officer's recent applications.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { isMemberOn, type Member, totalAreaHa } from '../../domain/household/household';
import type { PsfLookup } from '../../domain/household/psf-lookup';
import { formatDate, formatNumber } from '../../i18n';
import { ApiError, type SessionUser } from '../api';
import {
  type ActResult,
  type ApplicantDraft,
  applicantBody,
  applicantIssues,
  EMPTY_APPLICANT,
  type FieldIssues,
  fieldIssuesOf,
  iinIssue,
} from '../applications';
import { speciesRows } from '../household-book';
import { useI18n } from '../locale';
import { Page } from '../page';
import { sectionTitleKey } from '../sections';
import { useSession } from '../session';
import { codeOf, speciesName, todayInAlmaty, useSpecies } from './household-shared';
import {
  ApplicationsTable,
  Announcer,
  focusFirstInvalid,
  ResultPanel,
  TextField,
  useApplications,
} from './service-shared';

type Lookup =
  | { readonly status: 'none' }
  | { readonly status: 'loading' }
  | {
      readonly status: 'done';
      readonly iin: string;
      readonly result: PsfLookup | null;
      readonly code?: string;
    };

const fullName = (m: Pick<Member, 'surname' | 'name' | 'patronymic'>): string =>
  [m.surname, m.name, m.patronymic].filter(Boolean).join(' ');

export function CounterPage({ user: _user }: { user: SessionUser }) {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const id = useId();
  const [findIin, setFindIin] = useState('');
  const [findIssues, setFindIssues] = useState<FieldIssues>(new Map());
  const [lookup, setLookup] = useState<Lookup>({ status: 'none' });
  const [draft, setDraft] = useState<ApplicantDraft>(EMPTY_APPLICANT);
  const [identityShown, setIdentityShown] = useState(false);
  const [issues, setIssues] = useState<FieldIssues>(new Map());
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActResult | null>(null);
  const findForm = useRef<HTMLFormElement>(null);
  const issueForm = useRef<HTMLFormElement>(null);
  const recordHeading = useRef<HTMLHeadingElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const recent = useApplications('all', 10);
  const today = todayInAlmaty();

  useEffect(() => {
    if (lookup.status === 'done') recordHeading.current?.focus();
  }, [lookup]);
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  async function onFind(event: FormEvent) {
    event.preventDefault();
    setAlert(null);
    setResult(null);
    const bad = iinIssue(findIin);
    if (bad) {
      setFindIssues(new Map([['iin', [bad]]]));
      focusFirstInvalid(findForm.current);
      return;
    }
    setFindIssues(new Map());
    const iin = findIin.trim();
    setLookup({ status: 'loading' });
    try {
      const r = await api.get<{ result: PsfLookup }>(`/api/v1/households/lookup?iin=${iin}`);
      setLookup({ status: 'done', iin, result: r.result });
      const member = r.result.kind === 'found' ? r.result.record.member : null;
      setDraft({
        iin,
        surname: member?.surname ?? '',
        name: member?.name ?? '',
        patronymic: member?.patronymic ?? '',
      });
    } catch (e) {
      const code = codeOf(e);
      if (e instanceof ApiError && code.startsWith('IIN.')) {
        setFindIssues(fieldIssuesOf(e));
        setLookup({ status: 'none' });
        return;
      }
      // Another akimat's book (403): not this akimat's record, so the officer may still issue the refusal.
      setLookup({ status: 'done', iin, result: null, code });
      setDraft({ ...EMPTY_APPLICANT, iin });
    }
    setIdentityShown(false);
    setIssues(new Map());
  }

  async function onIssue(event: FormEvent) {
    event.preventDefault();
    setAlert(null);
    const local = applicantIssues(draft);
    setIssues(local);
    if (local.size > 0) {
      focusFirstInvalid(issueForm.current);
      return;
    }
    setBusy(true);
    try {
      const r = await api.post<ActResult>('/api/v1/akimat/applications', {
        applicant: applicantBody(draft),
        identityDocumentShown: identityShown,
      });
      setResult(r);
      recent.reload();
    } catch (e) {
      const placed = e instanceof ApiError ? fieldIssuesOf(e) : new Map();
      setIssues(placed);
      setAlert(placed.size > 0 ? 'VALIDATION_FAILED' : codeOf(e));
      if (placed.size > 0) setTimeout(() => focusFirstInvalid(issueForm.current));
    } finally {
      setBusy(false);
    }
  }

  function nextApplicant() {
    setResult(null);
    setLookup({ status: 'none' });
    setFindIin('');
    setDraft(EMPTY_APPLICANT);
    setIdentityShown(false);
    findForm.current?.querySelector('input')?.focus();
  }

  const found = lookup.status === 'done' && lookup.result?.kind === 'found' ? lookup.result.record : null;
  const canIssue =
    lookup.status === 'done' &&
    (lookup.result?.kind === 'found' ||
      lookup.result?.kind === 'no-record' ||
      lookup.code === 'AUTH.FORBIDDEN');

  return (
    <Page title={t(sectionTitleKey('counter'))} className="hb svc">
      <p className="lead">{t('service.counter.intro')}</p>

      <section aria-labelledby={`${id}-find`}>
        <h2 id={`${id}-find`}>{t('service.counter.findTitle')}</h2>
        <form ref={findForm} className="panel svc-form" onSubmit={onFind} noValidate>
          <TextField
            label={t('service.applicant.iin')}
            name="find-iin"
            value={findIin}
            onChange={setFindIin}
            inputMode="numeric"
            maxLength={12}
            hint={t('service.applicant.iinHint')}
            errors={findIssues.get('iin')}
          />
          <button type="submit" className="button button--primary" disabled={lookup.status === 'loading'}>
            {t('service.counter.find')}
          </button>
        </form>
      </section>

      {lookup.status === 'loading' ? (
        <p className="loading" role="status">
          {t('app.loading')}
        </p>
      ) : null}

      {lookup.status === 'done' ? (
        <section aria-labelledby={`${id}-record`} className="svc-record">
          <h2 id={`${id}-record`} ref={recordHeading} tabIndex={-1}>
            {t('service.counter.recordTitle', { date: formatDate(locale, today) })}
          </h2>
          <RecordView lookup={lookup} />
        </section>
      ) : null}

      {canIssue && !result ? (
        <section aria-labelledby={`${id}-issue`}>
          <h2 id={`${id}-issue`}>{t('service.counter.issueTitle')}</h2>
          <form ref={issueForm} className="panel svc-form" onSubmit={onIssue} noValidate>
            <p>
              <strong>{t('service.applicant.iin')}:</strong> <span className="hb-mono">{draft.iin}</span>
            </p>
            <div className="svc-form__names">
              <TextField
                label={t('service.applicant.surname')}
                name="surname"
                value={draft.surname}
                onChange={(v) => setDraft((d) => ({ ...d, surname: v }))}
                errors={issues.get('surname')}
                autoComplete="off"
              />
              <TextField
                label={t('service.applicant.name')}
                name="name"
                value={draft.name}
                onChange={(v) => setDraft((d) => ({ ...d, name: v }))}
                errors={issues.get('name')}
              />
              <TextField
                label={t('service.applicant.patronymic')}
                name="patronymic"
                value={draft.patronymic}
                onChange={(v) => setDraft((d) => ({ ...d, patronymic: v }))}
                errors={issues.get('patronymic')}
              />
            </div>
            {issues.get('iin') ? (
              <p className="field__error">
                {issues
                  .get('iin')
                  ?.map((c) => tError(c))
                  .join(' ')}
              </p>
            ) : null}
            <div className="field field--checkbox">
              <input
                type="checkbox"
                id={`${id}-shown`}
                name="identityDocumentShown"
                checked={identityShown}
                aria-describedby={`${id}-shown-hint`}
                onChange={(e) => setIdentityShown(e.target.checked)}
              />
              <label htmlFor={`${id}-shown`}>{t('service.counter.identityShown')}</label>
            </div>
            <p className="field__hint" id={`${id}-shown-hint`}>
              {t('service.counter.identityHint')}
            </p>
            <Announcer message={null} error={alert} />
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy
                ? t('service.form.working')
                : t(found && identityShown ? 'service.counter.issue' : 'service.counter.issueRefusal')}
            </button>
          </form>
        </section>
      ) : null}

      {result ? (
        <ResultPanel result={result} headingRef={resultHeading}>
          <p>
            <button type="button" className="button button--primary" onClick={nextApplicant}>
              {t('service.counter.newApplicant')}
            </button>
          </p>
        </ResultPanel>
      ) : null}

      <section aria-labelledby={`${id}-recent`}>
        <h2 id={`${id}-recent`}>{t('service.counter.recent')}</h2>
        <ApplicationsTable
          load={recent.load}
          caption={t('service.counter.recent')}
          empty={t('service.list.empty')}
        />
      </section>
    </Page>
  );
}

/** The record the certificate will show, or why there is none (the refusal's facts). */
function RecordView({ lookup }: { lookup: Extract<Lookup, { status: 'done' }> }) {
  const { t, tError, locale: lang } = useI18n();
  const { api } = useSession();
  const { species } = useSpecies(api);
  const today = todayInAlmaty();
  const r = lookup.result;
  if (r === null) {
    return (
      <>
        <p className="notice notice--info">{tError(lookup.code ?? 'UNKNOWN')}</p>
        <p className="notice notice--error">
          <span aria-hidden="true">✖ </span>
          {t('service.record.none')}
        </p>
      </>
    );
  }
  if (r.kind === 'conflict') {
    return <p className="notice notice--error">{t('service.record.conflict')}</p>;
  }
  if (r.kind === 'no-record') {
    return (
      <div className="notice notice--error">
        <p>
          <span aria-hidden="true">✖ </span>
          {t('service.record.none')}
        </p>
        <p>{t(`service.noRecord.${r.reason}`)}</p>
      </div>
    );
  }
  const { household: h, yearlyRecord: y, head } = r.record;
  const members = h.members.filter((m) => isMemberOn(m, today));
  const ha = (n: number) => formatNumber(lang, n, { maximumFractionDigits: 4 });
  const animals = species
    ? speciesRows(species).filter((row) => (y.livestock[row.species.code] ?? 0) > 0)
    : [];
  return (
    <div className="panel">
      <p className="notice notice--success">
        <span aria-hidden="true">✓ </span>
        {t('service.record.found')}
      </p>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('service.record.household')}</dt>
          <dd>{t('household.bookAccount', { book: h.bookNumber, account: h.accountNumber })}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('household.field.address')}</dt>
          <dd>{h.address}</dd>
        </div>
        {head ? (
          <div className="facts__item">
            <dt>{t('service.record.head')}</dt>
            <dd>{fullName(head)}</dd>
          </div>
        ) : null}
      </dl>
      <div className="svc-record__grid">
        <div>
          <h3>{t('service.record.members')}</h3>
          <ul>
            {members.map((m) => (
              <li key={m.iin}>
                {fullName(m)} — {t(`household.relation.${m.relation}`)}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>{t('service.record.land')}</h3>
          {y.landPlots.length === 0 ? (
            <p>{t('service.record.noLand')}</p>
          ) : (
            <ul>
              {y.landPlots.map((p, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: plots have no identity of their own
                <li key={i}>
                  {t(`household.purpose.${p.purpose}`)}: {ha(p.areaHa)} {t('service.record.ha')}
                </li>
              ))}
              <li>
                <strong>{t('service.record.landTotal', { area: ha(totalAreaHa(y.landPlots)) })}</strong>
              </li>
            </ul>
          )}
        </div>
        <div>
          <h3>{t('service.record.livestock', { year: String(y.referenceYear) })}</h3>
          {animals.length === 0 ? (
            <p>{t('service.record.noLivestock')}</p>
          ) : (
            <ul>
              {animals.map(({ species: s, depth }) => (
                <li key={s.code} className={depth === 1 ? 'svc-sub' : undefined}>
                  {speciesName(s, lang)}: {formatNumber(lang, y.livestock[s.code] ?? 0)}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <p>
        <Link to={`/household-book/${r.record.householdId}`}>{t('service.record.openHousehold')}</Link>
      </p>
    </div>
  );
}
