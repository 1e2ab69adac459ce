/**
 * `/complaints/:id`: one complaint for whoever may read it (its complainant, its addressee, officials over its
 * territory, the official who accepted it). The talon — number, when and by whom accepted, the answer's
 * deadline and where to get it, the contacts of the officials who can tell its progress, a link and QR to the
 * public status page — with its PDF in kk and ru; the progress with the deadline flag in words and a symbol
 * (escalation and forwarding visible in the history); the answer with its PDF; and, for the addressee, the
 * review: take under review, answer with an outcome and reasons, or forward to the competent reviewer.
 */
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { COMPLAINT_OUTCOMES, type ComplaintOutcome } from '../../domain/complaints/complaint';
import { REVIEW_LEVELS, type ReviewLevel } from '../../domain/complaints/routing';
import { formatDate, formatDateTime, LOCALE_NAMES, type MessageKey } from '../../i18n';
import { ApiError, type SessionUser } from '../api';
import {
  type ComplaintEventView,
  type ComplaintView,
  FLAG_SYMBOL,
  flagKey,
  isReviewLevel,
  levelKey,
  outcomeKey,
  reviewsAtLevel,
  statusKey,
  statusPath,
} from '../complaints';
import { useI18n } from '../locale';
import { Page } from '../page';
import { QrCode } from '../qr-code';
import { localName, type Office, telHref } from '../reference';
import { useSession } from '../session';
import '../complaints.css';

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly complaint: ComplaintView; readonly events: ComplaintEventView[] }
  | { readonly status: 'error'; readonly code: string };

const codeOf = (e: unknown) => (e instanceof ApiError ? e.code : 'UNKNOWN');

export function FlagBadge({ flag }: { flag: ComplaintView['flag'] }) {
  const { t } = useI18n();
  return (
    <span className={`flag flag--${flag}`}>
      <span aria-hidden="true">{FLAG_SYMBOL[flag]}</span> {t(flagKey(flag))}
    </span>
  );
}

function PdfLinks({ id, kind }: { id: string; kind: 'talon' | 'answer' }) {
  const { t } = useI18n();
  return (
    <p className="complaint-actions">
      {(['kk', 'ru'] as const).map((lang) => (
        <a
          key={lang}
          className="button button--secondary"
          href={`/api/v1/complaints/${id}/${kind}.pdf?lang=${lang}`}
          target="_blank"
          rel="noopener"
          type="application/pdf"
        >
          {t(kind === 'talon' ? 'complaints.talon.pdf' : 'complaints.answer.pdf', {
            language: LOCALE_NAMES[lang],
          })}
        </a>
      ))}
    </p>
  );
}

function Talon({ c }: { c: ComplaintView }) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const id = useId();
  const [office, setOffice] = useState<Office | null>(null);
  const statusUrl = `${window.location.origin}${statusPath(c.number)}`;
  const position = t(levelKey(c.reviewer.level));

  useEffect(() => {
    if (!c.reviewer.officeId) return;
    let cancelled = false;
    api.get<Office>(`/api/v1/offices/${encodeURIComponent(c.reviewer.officeId)}`).then(
      (o) => !cancelled && setOffice(o),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api, c.reviewer.officeId]);

  const officeName = office
    ? localName(office.name, locale)
    : c.reviewer.officeName
      ? localName(c.reviewer.officeName, locale)
      : null;
  return (
    <section className="talon panel" aria-labelledby={`${id}-talon`}>
      <h2 id={`${id}-talon`}>{t('complaints.talon.heading')}</h2>
      <div className="talon__body">
        <dl className="talon__facts">
          <dt>{t('complaints.talon.number')}</dt>
          <dd className="talon__number">{c.number}</dd>
          <dt>{t('complaints.talon.kind')}</dt>
          <dd>{t(`complaints.kind.${c.kind}`)}</dd>
          <dt>{t('complaints.talon.acceptedAt')}</dt>
          <dd>{formatDateTime(locale, new Date(c.registeredAt))}</dd>
          <dt>{t('complaints.talon.acceptedBy')}</dt>
          <dd>{c.acceptedByName ?? t('complaints.talon.online')}</dd>
          <dt>{t('complaints.talon.due')}</dt>
          <dd>
            {t('complaints.talon.dueText', {
              due: formatDateTime(locale, new Date(c.dueAt)),
              days: String(c.reviewDays),
              from: formatDate(locale, c.countsFrom as never),
            })}
          </dd>
          <dt>{t('complaints.talon.place')}</dt>
          <dd>
            {[position, officeName, office?.address?.replace(/\.\s*$/, '')].filter(Boolean).join(', ')}.{' '}
            {t('complaints.talon.placeOnline')}
          </dd>
          <dt>{t('complaints.talon.contacts')}</dt>
          <dd>
            {office && (office.phones.length > 0 || office.emails.length > 0) ? (
              <ul className="inline-list talon__contacts">
                {office.phones.map((p) => {
                  const href = telHref(p);
                  return <li key={p}>{href ? <a href={href}>{p}</a> : p}</li>;
                })}
                {office.emails.map((m) => (
                  <li key={m}>
                    <a href={`mailto:${m}`}>{m}</a>
                  </li>
                ))}
              </ul>
            ) : (
              t('complaints.talon.noContacts')
            )}
          </dd>
          <dt>{t('complaints.talon.status')}</dt>
          <dd>
            <Link to={statusPath(c.number)}>{statusUrl}</Link>
            <span className="field__hint talon__hint">{t('complaints.talon.statusHint')}</span>
          </dd>
        </dl>
        <QrCode className="talon__qr" text={statusUrl} label={t('complaints.talon.qr')} />
      </div>
      <h3>{t('complaints.talon.print')}</h3>
      <PdfLinks id={c.id} kind="talon" />
    </section>
  );
}

function eventText(
  e: ComplaintEventView,
  t: (key: MessageKey, p?: Record<string, string>) => string,
): string {
  const to = (e.details as { to?: { level?: unknown }; reviewer?: { level?: unknown } }).to?.level;
  const level = isReviewLevel(to) ? t(levelKey(to)) : '';
  switch (e.action) {
    case 'register':
      return t('complaints.event.register');
    case 'take_under_review':
      return t('complaints.event.take_under_review');
    case 'forward':
      return t('complaints.event.forward', { level });
    case 'escalate':
      return t('complaints.event.escalate', { level });
    case 'answer':
      return t('complaints.event.answer');
    default:
      return e.action;
  }
}

function Review({
  c,
  onChanged,
}: {
  c: ComplaintView;
  onChanged: (c: ComplaintView, status: string) => void;
}) {
  const { t, tError } = useI18n();
  const { api } = useSession();
  const id = useId();
  const [outcome, setOutcome] = useState<ComplaintOutcome | ''>('');
  const [text, setText] = useState('');
  const [to, setTo] = useState<ReviewLevel | ''>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'outcome' | 'text' | 'to' | 'reason', string>>>({});
  const [alert, setAlert] = useState<{ message: string; attempt: number } | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(path: string, body: unknown, fieldOf: (code: string) => keyof typeof errors | null) {
    setBusy(true);
    setErrors({});
    setAlert(null);
    try {
      const r = await api.post<{ complaint: ComplaintView }>(`/api/v1/complaints/${c.id}/${path}`, body);
      onChanged(r.complaint, t(statusKey(r.complaint.status)));
    } catch (e) {
      const code = codeOf(e);
      const field = fieldOf(code);
      if (field) {
        setErrors({ [field]: tError(code) });
        document.getElementById(`${id}-${field}`)?.focus();
      } else setAlert({ message: tError(code), attempt: Date.now() });
    } finally {
      setBusy(false);
    }
  }

  function onAnswer(event: FormEvent) {
    event.preventDefault();
    if (outcome === '') {
      setErrors({ outcome: t('complaints.form.required') });
      document.getElementById(`${id}-outcome-${COMPLAINT_OUTCOMES[0]}`)?.focus();
      return;
    }
    void act('answer', { outcome, text }, (code) =>
      code === 'COMPLAINT.ANSWER_NOT_REASONED' || code === 'COMPLAINT.TEXT_TOO_LONG' ? 'text' : null,
    );
  }

  function onForward(event: FormEvent) {
    event.preventDefault();
    if (to === '') {
      setErrors({ to: t('complaints.form.required') });
      document.getElementById(`${id}-to`)?.focus();
      return;
    }
    void act('forward', { to, reason }, (code) =>
      code === 'COMPLAINT.REASON_REQUIRED' ? 'reason' : code === 'COMPLAINT.BAD_FORWARD' ? 'to' : null,
    );
  }

  const described = (field: keyof typeof errors, hint?: string) =>
    [errors[field] ? `${id}-${field}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined;
  const error = (field: keyof typeof errors) =>
    errors[field] ? (
      <p className="field__error" id={`${id}-${field}-error`}>
        {errors[field]}
      </p>
    ) : null;
  const canTake = c.status === 'registered' || c.status === 'forwarded' || c.status === 'escalated';

  return (
    <section className="panel complaint-review" aria-labelledby={`${id}-review`}>
      <h2 id={`${id}-review`}>{t('complaints.review.heading')}</h2>
      <div role="alert" className="form-alert">
        {alert ? (
          <p key={alert.attempt} className="notice notice--error">
            {alert.message}
          </p>
        ) : null}
      </div>
      {canTake ? (
        <>
          <p>{t('complaints.review.takeHint')}</p>
          <p>
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void act('review', undefined, () => null)}
            >
              {t('complaints.review.take')}
            </button>
          </p>
        </>
      ) : null}
      {c.status === 'under_review' ? (
        <form className="form" noValidate onSubmit={onAnswer} aria-labelledby={`${id}-answer`}>
          <h3 id={`${id}-answer`}>{t('complaints.review.answerHeading')}</h3>
          <fieldset className="fieldset" aria-describedby={described('outcome')}>
            <legend>{t('complaints.review.outcome')}</legend>
            {COMPLAINT_OUTCOMES.map((o) => (
              <div className="choice" key={o}>
                <input
                  type="radio"
                  id={`${id}-outcome-${o}`}
                  name="outcome"
                  value={o}
                  checked={outcome === o}
                  aria-invalid={errors.outcome ? true : undefined}
                  onChange={() => setOutcome(o)}
                />
                <label htmlFor={`${id}-outcome-${o}`}>{t(outcomeKey(o))}</label>
              </div>
            ))}
            {error('outcome')}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-text`}>{t('complaints.review.text')}</label>
            <textarea
              id={`${id}-text`}
              name="answer"
              rows={6}
              maxLength={5000}
              aria-invalid={errors.text ? true : undefined}
              aria-describedby={described('text', `${id}-text-hint`)}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <p className="field__hint" id={`${id}-text-hint`}>
              {t('complaints.review.textHint')}
            </p>
            {error('text')}
          </div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('complaints.review.submitAnswer')}
          </button>
        </form>
      ) : null}
      <form
        className="form complaint-review__forward"
        noValidate
        onSubmit={onForward}
        aria-labelledby={`${id}-fwd`}
      >
        <h3 id={`${id}-fwd`}>{t('complaints.review.forwardHeading')}</h3>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('complaints.review.forwardTo')}</label>
          <select
            id={`${id}-to`}
            value={to}
            aria-invalid={errors.to ? true : undefined}
            aria-describedby={described('to')}
            onChange={(e) => setTo(e.target.value as ReviewLevel | '')}
          >
            <option value="">—</option>
            {REVIEW_LEVELS.filter((l) => l !== c.reviewer.level).map((l) => (
              <option key={l} value={l}>
                {t(levelKey(l))}
              </option>
            ))}
          </select>
          {error('to')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('complaints.review.reason')}</label>
          <input
            id={`${id}-reason`}
            type="text"
            maxLength={1000}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={described('reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {error('reason')}
        </div>
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t('complaints.review.submitForward')}
        </button>
      </form>
    </section>
  );
}

export function ComplaintPage({ user }: { user: SessionUser }) {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const filed = params.get('filed') === '1';
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [saved, setSaved] = useState<string | null>(null);
  const savedRef = useRef<HTMLParagraphElement>(null);

  /** After an action the complaint may have left the reader's reach (forwarded away): keep what the action gave. */
  const reload = useCallback(
    (afterAction = false) => {
      let cancelled = false;
      api
        .get<{ complaint: ComplaintView; events: ComplaintEventView[] }>(
          `/api/v1/complaints/${encodeURIComponent(id)}`,
        )
        .then(
          (r) => !cancelled && setLoad({ status: 'ready', complaint: r.complaint, events: r.events }),
          (e: unknown) => !cancelled && !afterAction && setLoad({ status: 'error', code: codeOf(e) }),
        );
      return () => {
        cancelled = true;
      };
    },
    [api, id],
  );

  useEffect(() => reload(), [reload]);

  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  if (load.status !== 'ready') {
    return (
      <Page title={t('section.complaints.title')} className="complaint">
        {load.status === 'loading' ? (
          <p role="status">{t('app.loading')}</p>
        ) : (
          <p className="notice notice--error" role="alert">
            {tError(load.code)}
          </p>
        )}
      </Page>
    );
  }

  const c = load.complaint;
  const reviewer = reviewsAtLevel(user.role, c.reviewer.level) && c.status !== 'answered';
  const mine = user.role === 'citizen';
  const date = (iso: string | null) => (iso ? formatDateTime(locale, new Date(iso)) : '');

  return (
    <Page title={t('complaints.view.title', { number: c.number })} className="complaint">
      <div aria-live="polite">
        {filed && !saved ? (
          <p className="notice notice--success" role="status">
            {t('complaints.view.filed')}
          </p>
        ) : null}
        {saved ? (
          <p className="notice notice--success" role="status" tabIndex={-1} ref={savedRef}>
            {t('complaints.review.done', { status: saved })}
          </p>
        ) : null}
      </div>

      <Talon c={c} />

      <section className="panel" aria-labelledby="complaint-state">
        <h2 id="complaint-state">{t('complaints.state.heading')}</h2>
        <dl className="facts complaint-facts">
          <div className="facts__item">
            <dt>{t('complaints.field.status')}</dt>
            <dd data-status={c.status}>{t(statusKey(c.status))}</dd>
          </div>
          <div className="facts__item">
            <dt>{t('complaints.field.flag')}</dt>
            <dd>
              <FlagBadge flag={c.flag} />
            </dd>
          </div>
          <div className="facts__item">
            <dt>{t('complaints.field.reviewer')}</dt>
            <dd>
              {t(levelKey(c.reviewer.level))}
              {c.reviewer.officeName ? `, ${localName(c.reviewer.officeName, locale)}` : ''}
            </dd>
          </div>
          {c.forwardedAt ? (
            <div className="facts__item">
              <dt>{t('complaints.field.forwardedAt')}</dt>
              <dd>{date(c.forwardedAt)}</dd>
            </div>
          ) : null}
          {c.escalatedAt ? (
            <div className="facts__item">
              <dt>{t('complaints.field.escalatedAt')}</dt>
              <dd>{date(c.escalatedAt)}</dd>
            </div>
          ) : null}
        </dl>
        <h3>{t('complaints.history.heading')}</h3>
        <table className="table complaint-history">
          <caption className="visually-hidden">{t('complaints.history.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('complaints.history.when')}</th>
              <th scope="col">{t('complaints.history.what')}</th>
            </tr>
          </thead>
          <tbody>
            {load.events.map((e) => (
              <tr key={`${e.at}-${e.action}`}>
                <td>{date(e.at)}</td>
                <td>{eventText(e, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="panel" aria-labelledby="complaint-text">
        <h2 id="complaint-text">{t('complaints.text.heading')}</h2>
        <p className="complaint-text" lang={c.language}>
          {c.text}
        </p>
      </section>

      {c.status === 'answered' && c.outcome ? (
        <section className="panel complaint-answer" aria-labelledby="complaint-answer">
          <h2 id="complaint-answer">{t('complaints.answer.heading')}</h2>
          <p className="complaint-answer__outcome">{t(outcomeKey(c.outcome))}</p>
          <p className="complaint-text" lang={c.language}>
            {c.answerText}
          </p>
          <dl className="facts">
            <div className="facts__item">
              <dt>{t('complaints.answer.at')}</dt>
              <dd>{date(c.answeredAt)}</dd>
            </div>
            {c.answeredByName ? (
              <div className="facts__item">
                <dt>{t('complaints.answer.by')}</dt>
                <dd>{c.answeredByName}</dd>
              </div>
            ) : null}
          </dl>
          <p>{t('complaints.answer.court')}</p>
          <PdfLinks id={c.id} kind="answer" />
          {mine ? (
            <p>
              <Link
                className="button button--primary"
                to={`/survey?complaint=${encodeURIComponent(c.number)}`}
              >
                {t('complaints.survey.link')}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {reviewer ? (
        <Review
          c={c}
          onChanged={(next, status) => {
            setSaved(status);
            setLoad((current) => (current.status === 'ready' ? { ...current, complaint: next } : current));
            reload(true);
          }}
        />
      ) : null}
    </Page>
  );
}
