/**
 * `/targets` (issue 8 item 3, R-15, §19): the ministry enters each indicator's target for a year — next year by
 * default — one indicator at a time; the server keeps every entry, and the page lists them newest first with
 * who entered it, when, and the value it replaced (old → new). A value outside 0..100 comes back as a coded 400
 * and is shown beside its field; nothing changes.
 */
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { INDICATOR_CODES, INDICATORS, type IndicatorCode } from '../../domain/kpi/indicators';
import { formatDateTime, formatNumber } from '../../i18n';
import { useI18n } from '../locale';
import { Page } from '../page';
import { sectionTitleKey } from '../sections';
import { useSession } from '../session';
import { codeOf } from './household-shared';
import { indicatorTitle } from './indicators-page';

interface Target {
  readonly code: IndicatorCode;
  readonly year: number;
  readonly value: number;
}
interface TargetEntry extends Target {
  readonly setByName: string | null;
  readonly setAt: string;
  readonly previous: number | null;
}
interface Targets {
  readonly year: number;
  readonly current: readonly Target[];
  readonly history: readonly TargetEntry[];
}

const YEARS_AHEAD = 5;

function TargetRow({
  code,
  inForce,
  year,
  onSaved,
}: {
  code: IndicatorCode;
  inForce: number | null;
  year: number;
  onSaved: (message: string) => void;
}) {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const id = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const saved = await api.post<Target>('/api/v1/indicators/targets', {
        code,
        year,
        value: Number(value.replace(',', '.')),
      });
      setValue('');
      onSaved(t('kpi.targets.saved', { code, year: String(year), value: formatNumber(locale, saved.value) }));
    } catch (err: unknown) {
      setError(tError(codeOf(err)));
    }
  };
  return (
    <tr>
      <th scope="row">{code}</th>
      <td>{indicatorTitle(code, locale)}</td>
      <td>{INDICATORS[code].normativeText}</td>
      <td>{inForce === null ? t('kpi.notSet') : `${formatNumber(locale, inForce)} %`}</td>
      <td>
        <form onSubmit={submit} className="targets-form" noValidate>
          <label htmlFor={`${id}-value`} className="visually-hidden">
            {t('kpi.targets.saveFor', { code })}
          </label>
          <input
            id={`${id}-value`}
            inputMode="decimal"
            size={6}
            value={value}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setValue(e.target.value)}
          />{' '}
          <button
            type="submit"
            className="button button--secondary"
            aria-label={t('kpi.targets.saveFor', { code })}
          >
            {t('kpi.targets.save')}
          </button>
          {error ? (
            <p id={`${id}-error`} className="field__error">
              {error}
            </p>
          ) : null}
        </form>
      </td>
    </tr>
  );
}

export function TargetsPage() {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const id = useId();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear + 1);
  const [targets, setTargets] = useState<Targets | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const reload = useCallback(() => {
    api.get<Targets>(`/api/v1/indicators/targets?year=${year}`).then(
      (value) => {
        setTargets(value);
        setFailure(null);
      },
      (e: unknown) => setFailure(codeOf(e)),
    );
  }, [api, year]);
  useEffect(reload, [reload]);

  const inForce = (code: IndicatorCode) => targets?.current.find((c) => c.code === code)?.value ?? null;
  const percent = (v: number | null) => (v === null ? '—' : `${formatNumber(locale, v)} %`);

  return (
    <Page title={t(sectionTitleKey('targets'))} className="kpi">
      <p className="lead">{t('kpi.targets.intro')}</p>
      <div className="field field--inline">
        <label htmlFor={`${id}-year`}>{t('kpi.targets.year')}</label>
        <select
          id={`${id}-year`}
          value={year}
          onChange={(e) => {
            setSaved(null);
            setYear(Number(e.target.value));
          }}
        >
          {Array.from({ length: YEARS_AHEAD + 1 }, (_, i) => thisYear + i).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div role="status" className="form-alert">
        {saved ? <p className="notice notice--success">{saved}</p> : null}
      </div>
      {failure ? (
        <p className="notice notice--error" role="alert">
          {tError(failure)}
        </p>
      ) : null}
      <div className="kpi-scroll">
        <table className="kpi-table">
          <thead>
            <tr>
              <th scope="col">{t('kpi.col.code')}</th>
              <th scope="col">{t('kpi.col.indicator')}</th>
              <th scope="col">{t('kpi.col.normative')}</th>
              <th scope="col">{t('kpi.targets.col.inForce')}</th>
              <th scope="col">{t('kpi.targets.col.new')}</th>
            </tr>
          </thead>
          <tbody>
            {INDICATOR_CODES.map((code) => (
              <TargetRow
                key={`${year}-${code}`}
                code={code}
                year={year}
                inForce={inForce(code)}
                onSaved={(message) => {
                  setSaved(message);
                  reload();
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
      <h2 id={`${id}-history`}>{t('kpi.targets.history')}</h2>
      {targets && targets.history.length === 0 ? <p>{t('kpi.targets.noHistory')}</p> : null}
      {targets && targets.history.length > 0 ? (
        <div className="kpi-scroll">
          <table className="kpi-table" aria-labelledby={`${id}-history`}>
            <thead>
              <tr>
                <th scope="col">{t('kpi.targets.col.when')}</th>
                <th scope="col">{t('kpi.col.code')}</th>
                <th scope="col">{t('kpi.targets.col.change')}</th>
                <th scope="col">{t('kpi.targets.col.who')}</th>
              </tr>
            </thead>
            <tbody>
              {targets.history.map((h) => (
                <tr key={`${h.setAt}-${h.code}-${h.value}`}>
                  <td>{formatDateTime(locale, new Date(h.setAt))}</td>
                  <td>{h.code}</td>
                  <td>
                    {percent(h.previous)} → {percent(h.value)}
                  </td>
                  <td>{h.setByName ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
