/**
 * `/verify`: anyone checks a certificate — by number + the holder's IIN, or by a photo of its QR code,
 * decoded here in the browser. The QR itself holds `…/verify?c=Q1.…`, so scanning it with a phone's camera opens
 * this page, which checks the code at once. Valid is green; revoked, superseded, forged or unknown are red, each
 * said in words and with a symbol, not by colour alone.
 */
import { type FormEvent, type Ref, useEffect, useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { parseQrText, QR_PARAM } from '../../domain/certificates/qr-payload';
import { qrFailureKind } from '../../domain/certificates/verification';
import { formatDate, formatDuration, type MessageKey } from '../../i18n';
import { ApiError } from '../api';
import { useI18n } from '../locale';
import { Page } from '../page';
import { decodeQrImage } from '../qr-image';
import { localName } from '../reference';
import { useSession } from '../session';

type VerificationStatus = 'valid' | 'revoked' | 'superseded' | 'invalid_signature' | 'unknown';

export interface VerifiedCertificate {
  readonly number: string;
  readonly kind: 'certificate' | 'refusal';
  readonly issuedOn: string;
  readonly issuer: string;
  readonly issuerName: { readonly kk: string; readonly ru: string } | null;
  readonly initials: string;
  readonly iinMasked: string;
  readonly status: 'valid' | 'revoked' | 'superseded';
  readonly revoked: { readonly on: string; readonly reason: string } | null;
  readonly supersededBy: { readonly number: string; readonly issuedOn: string } | null;
}

export interface VerificationAnswer {
  readonly status: VerificationStatus;
  readonly certificate: VerifiedCertificate | null;
}

type Busy = 'number' | 'qr' | 'reading' | null;
interface Failure {
  readonly message: string;
  readonly attempt: number;
}
type FieldName = 'number' | 'iin';

/** The number printed in a QR link, to show in the form while the link's code is checked. */
function numberInCode(code: string | null): string {
  if (code === null) return '';
  const parsed = parseQrText(code);
  return parsed.ok ? parsed.value.fields.number : '';
}

/** The error code of a decoded text that is not one of our codes at all (another QR), checked before asking. */
function notOurCode(text: string): string | null {
  const parsed = parseQrText(text);
  if (parsed.ok || qrFailureKind(parsed.error) !== 'not_our_code') return null;
  return parsed.error.code;
}

function ResultPanel({
  answer,
  headingRef,
}: {
  answer: VerificationAnswer;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { t, locale } = useI18n();
  const good = answer.status === 'valid';
  const c = answer.certificate;
  const date = (d: string) => formatDate(locale, d as never);
  return (
    <section
      className={`verify-result ${good ? 'verify-result--valid' : 'verify-result--invalid'}`}
      aria-labelledby="verify-result-heading"
      data-status={answer.status}
    >
      <h2 id="verify-result-heading" ref={headingRef} tabIndex={-1} className="verify-result__heading">
        {t('verify.resultHeading')}
      </h2>
      <p className="verify-result__status">
        <span className="verify-result__icon" aria-hidden="true">
          {good ? '✓' : '✗'}
        </span>
        {t(`verify.status.${answer.status}` as MessageKey)}
      </p>
      <p className="verify-result__explain">{t(`verify.explain.${answer.status}` as MessageKey)}</p>
      {c ? (
        <dl className="verify-result__facts">
          <dt>{t('verify.field.kind')}</dt>
          <dd>{t(`verify.kind.${c.kind}` as MessageKey)}</dd>
          <dt>{t('verify.field.number')}</dt>
          <dd>{c.number}</dd>
          <dt>{t('verify.field.issuedOn')}</dt>
          <dd>{date(c.issuedOn)}</dd>
          <dt>{t('verify.field.issuer')}</dt>
          <dd>{c.issuerName ? `${localName(c.issuerName, locale)} (${c.issuer})` : c.issuer}</dd>
          <dt>{t('verify.field.initials')}</dt>
          <dd>{[...c.initials].map((letter) => `${letter}.`).join(' ')}</dd>
          <dt>{t('verify.field.iin')}</dt>
          <dd>{c.iinMasked}</dd>
          {c.revoked ? (
            <>
              <dt>{t('verify.field.revokedOn')}</dt>
              <dd>{date(c.revoked.on)}</dd>
              <dt>{t('verify.field.revokeReason')}</dt>
              <dd>{c.revoked.reason}</dd>
            </>
          ) : null}
          {c.supersededBy ? (
            <>
              <dt>{t('verify.field.supersededBy')}</dt>
              <dd>
                {c.supersededBy.number}, {date(c.supersededBy.issuedOn)}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </section>
  );
}

export function VerifyPage() {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const id = useId();
  const [params] = useSearchParams();
  const linkCode = params.get(QR_PARAM);
  const [number, setNumber] = useState(() => numberInCode(linkCode) || (params.get('number') ?? ''));
  const [iin, setIin] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [busy, setBusy] = useState<Busy>(null);
  const [answer, setAnswer] = useState<VerificationAnswer | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [fromLink, setFromLink] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const focusResult = useRef(false);
  const linkChecked = useRef(false);
  const attempts = useRef(0);

  const fail = (message: string) => setFailure({ message, attempt: ++attempts.current });
  const apiFailure = (e: unknown) => {
    const error = e instanceof ApiError ? e : new ApiError('UNKNOWN', 0);
    const wait =
      error.retryAfterSeconds !== null && error.retryAfterSeconds > 0
        ? ` ${t('error.retryAfter', { time: formatDuration(locale, error.retryAfterSeconds) })}`
        : '';
    return { error, message: `${tError(error.code)}${wait}` };
  };

  useEffect(() => {
    if (answer && focusResult.current) {
      focusResult.current = false;
      resultHeading.current?.focus();
    }
  }, [answer]);

  async function checkText(text: string, { focus }: { focus: boolean }) {
    setBusy('qr');
    setFailure(null);
    setAnswer(null);
    try {
      const result = await api.post<VerificationAnswer>('/api/v1/verify/qr', { text });
      focusResult.current = focus;
      setAnswer(result);
    } catch (e) {
      fail(apiFailure(e).message);
    } finally {
      setBusy(null);
    }
  }

  // A QR scanned with the phone's camera opens `/verify?c=…`: check it at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per visit, for the code in the address
  useEffect(() => {
    if (!linkCode || linkChecked.current) return;
    linkChecked.current = true;
    setFromLink(true);
    void checkText(linkCode, { focus: false });
  }, [linkCode]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Partial<Record<FieldName, string>> = {};
    if (number.trim() === '') errors.number = t('verify.required');
    if (iin.trim() === '') errors.iin = t('verify.required');
    setFieldErrors(errors);
    setFromLink(false);
    if (Object.keys(errors).length > 0) {
      document.getElementById(`${id}-${errors.number ? 'number' : 'iin'}`)?.focus();
      return;
    }
    setBusy('number');
    setFailure(null);
    setAnswer(null);
    try {
      const query = new URLSearchParams({ number: number.trim(), iin: iin.trim() });
      const result = await api.get<VerificationAnswer>(`/api/v1/verify?${query}`);
      focusResult.current = true;
      setAnswer(result);
    } catch (e) {
      const { error, message } = apiFailure(e);
      const field: FieldName | null = error.code.startsWith('IIN.')
        ? 'iin'
        : error.code === 'CERTIFICATE.BAD_NUMBER'
          ? 'number'
          : null;
      if (field) {
        setFieldErrors({ [field]: tError(error.code) });
        document.getElementById(`${id}-${field}`)?.focus();
      } else fail(message);
    } finally {
      setBusy(null);
    }
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    setFromLink(false);
    setFailure(null);
    setAnswer(null);
    setBusy('reading');
    let text: string | null;
    try {
      text = await decodeQrImage(file);
    } catch {
      setBusy(null);
      fail(t('verify.qrUnreadable'));
      return;
    }
    if (text === null) {
      setBusy(null);
      fail(t('verify.qrNotFound'));
      return;
    }
    const local = notOurCode(text);
    if (local) {
      setBusy(null);
      fail(tError(local));
      return;
    }
    await checkText(text, { focus: true });
  }

  const describedBy = (field: FieldName, hint?: string) =>
    [hint, fieldErrors[field] ? `${id}-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <Page title={t('section.verify.title')} className="verify">
      <p className="lead">{t('verify.intro')}</p>
      <div className="columns">
        <section className="panel" aria-labelledby={`${id}-by-number`}>
          <h2 id={`${id}-by-number`}>{t('verify.byNumberHeading')}</h2>
          <form className="form" noValidate onSubmit={onSubmit} aria-busy={busy === 'number'}>
            <div className="field">
              <label htmlFor={`${id}-number`}>{t('verify.number')}</label>
              <input
                id={`${id}-number`}
                name="number"
                type="text"
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                required
                aria-invalid={fieldErrors.number ? true : undefined}
                aria-describedby={describedBy('number', `${id}-number-hint`)}
                value={number}
                onChange={(e) => setNumber(e.target.value)}
              />
              <p id={`${id}-number-hint`} className="field__hint">
                {t('verify.numberHint')}
              </p>
              {fieldErrors.number ? (
                <p id={`${id}-number-error`} className="field__error">
                  {fieldErrors.number}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor={`${id}-iin`}>{t('verify.iin')}</label>
              <input
                id={`${id}-iin`}
                name="iin"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                maxLength={12}
                required
                aria-invalid={fieldErrors.iin ? true : undefined}
                aria-describedby={describedBy('iin')}
                value={iin}
                onChange={(e) => setIin(e.target.value.replace(/\s+/g, ''))}
              />
              {fieldErrors.iin ? (
                <p id={`${id}-iin-error`} className="field__error">
                  {fieldErrors.iin}
                </p>
              ) : null}
            </div>
            <button type="submit" className="button button--primary" disabled={busy !== null}>
              {busy === 'number' ? t('verify.checking') : t('verify.submit')}
            </button>
          </form>
        </section>
        <section className="panel" aria-labelledby={`${id}-by-qr`}>
          <h2 id={`${id}-by-qr`}>{t('verify.byQrHeading')}</h2>
          <div className="field">
            {/* The native control's own words ("Choose File") are the browser's, not ours: it is hidden and its
                label, in the page's language, is the button. */}
            <input
              id={`${id}-qr`}
              name="qr"
              type="file"
              accept="image/*"
              capture="environment"
              className="verify__file-input"
              aria-describedby={`${id}-qr-hint`}
              disabled={busy !== null}
              onChange={(e) => {
                void onFile(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
            <label htmlFor={`${id}-qr`} className="button button--primary verify__file-button">
              {t('verify.qrFile')}
            </label>
            <p id={`${id}-qr-hint`} className="field__hint">
              {t('verify.qrHint')}
            </p>
          </div>
        </section>
      </div>
      <div aria-live="polite" className="verify__live">
        {busy === 'reading' || busy === 'qr' ? (
          <p className="notice notice--info" role="status">
            {busy === 'reading' ? t('verify.qrReading') : t('verify.checking')}
          </p>
        ) : null}
        {fromLink && answer ? <p className="visually-hidden">{t('verify.fromLink')}</p> : null}
      </div>
      <div role="alert" className="form-alert">
        {failure ? (
          <p key={failure.attempt} className="notice notice--error">
            {failure.message}
          </p>
        ) : null}
      </div>
      {answer ? <ResultPanel answer={answer} headingRef={resultHeading} /> : null}
      <p className="note-plain verify__offline">
        {t('verify.offline')} <a href="/.well-known/qosalqy/keys.json">{t('verify.publicKeys')}</a>
      </p>
    </Page>
  );
}
