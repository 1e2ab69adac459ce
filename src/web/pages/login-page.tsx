/**
 * `/login` (issue 2, items 6 and 9). Errors are the server's codes translated (never its text), announced
 * through a `role="alert"` region; a 429 says how long to wait (Retry-After). Field errors are tied to their
 * inputs with aria-describedby, and the focus goes to the first invalid field.
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { formatDuration, type MessageKey } from '../../i18n';
import { ApiError } from '../api';
import { useI18n } from '../locale';
import { safeNext } from '../safe-next';
import { Page } from '../page';
import { useSession } from '../session';

type Field = 'username' | 'password';
type FieldErrors = Partial<Record<Field, MessageKey>>;

interface FormError {
  readonly code: string;
  readonly retryAfterSeconds: number | null;
  /** Changes on every failed attempt so that a repeated message is announced again. */
  readonly attempt: number;
}

export function LoginPage() {
  const { t, tError, locale } = useI18n();
  const { state, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const id = useId();
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<FormError | null>(null);

  if (state.status === 'signed-in' && !submitting)
    return <Navigate to={safeNext(params.get('next'))} replace />;

  function focusFirst(errors: FieldErrors) {
    if (errors.username) usernameRef.current?.focus();
    else if (errors.password) passwordRef.current?.focus();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (username.trim() === '') missing.username = 'login.required';
    if (password === '') missing.password = 'login.required';
    setFieldErrors(missing);
    if (missing.username || missing.password) {
      setError(null);
      focusFirst(missing);
      return;
    }

    setSubmitting(true);
    try {
      await signIn(username.trim(), password);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError('UNKNOWN', 0);
      const fromServer: FieldErrors = {};
      for (const issue of apiError.fieldIssues) {
        if (issue.path === 'username' || issue.path === 'password')
          fromServer[issue.path] = 'login.invalidField';
      }
      setFieldErrors(fromServer);
      setError((previous) => ({
        code: apiError.code,
        retryAfterSeconds: apiError.retryAfterSeconds,
        attempt: (previous?.attempt ?? 0) + 1,
      }));
      setPassword('');
      if (fromServer.username || fromServer.password) focusFirst(fromServer);
      else passwordRef.current?.focus();
    } finally {
      setSubmitting(false);
    }
  }

  const status =
    state.status === 'anonymous' && state.reason === 'signed-out'
      ? t('login.signedOut')
      : state.status === 'anonymous' && state.reason === 'expired'
        ? tError('AUTH.UNAUTHENTICATED')
        : null;

  const describedBy = (field: Field) => (fieldErrors[field] ? `${id}-${field}-error` : undefined);

  return (
    <Page title={t('login.title')} className="login">
      <div className="login__panel">
        {status && !error ? (
          <p className="notice notice--info" role="status">
            {status}
          </p>
        ) : null}
        <div role="alert" className="login__alert">
          {error ? (
            <p key={error.attempt} className="notice notice--error">
              {tError(error.code)}
              {error.retryAfterSeconds !== null && error.retryAfterSeconds > 0
                ? ` ${t('error.retryAfter', { time: formatDuration(locale, error.retryAfterSeconds) })}`
                : null}
            </p>
          ) : null}
        </div>
        <form className="form" noValidate onSubmit={onSubmit} aria-busy={submitting}>
          <div className="field">
            <label htmlFor={`${id}-username`}>{t('login.username')}</label>
            <input
              ref={usernameRef}
              id={`${id}-username`}
              name="username"
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              aria-invalid={fieldErrors.username ? true : undefined}
              aria-describedby={describedBy('username')}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
            {fieldErrors.username ? (
              <p id={`${id}-username-error`} className="field__error">
                {t(fieldErrors.username)}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>{t('login.password')}</label>
            <input
              ref={passwordRef}
              id={`${id}-password`}
              name="password"
              type={showPassword ? 'text' : 'password'}
              autoComplete="current-password"
              required
              aria-invalid={fieldErrors.password ? true : undefined}
              aria-describedby={describedBy('password')}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            {fieldErrors.password ? (
              <p id={`${id}-password-error`} className="field__error">
                {t(fieldErrors.password)}
              </p>
            ) : null}
          </div>
          <div className="field field--checkbox">
            <input
              id={`${id}-show`}
              type="checkbox"
              checked={showPassword}
              onChange={(e) => setShowPassword(e.target.checked)}
            />
            <label htmlFor={`${id}-show`}>{t('login.showPassword')}</label>
          </div>
          <button type="submit" className="button button--primary button--wide" disabled={submitting}>
            {submitting ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <p className="login__hint">{t('login.hint')}</p>
      </div>
    </Page>
  );
}
