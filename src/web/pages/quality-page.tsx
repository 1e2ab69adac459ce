/**
 * `/quality` (issue 8, item 5; R-15): the public transparency page, no sign-in — for each office, last month's
 * share of services on time (1.1), of applicants who waited at most 10 minutes (1.2), the typical (median) wait
 * and satisfaction (2.1), each share with how many were counted. No personal data reaches this page.
 */
import { useEffect, useId, useState } from 'react';
import { formatNumber } from '../../i18n';
import { parsePeriodText } from '../indicators';
import { useI18n } from '../locale';
import { Page } from '../page';
import { localName } from '../reference';
import { sectionTitleKey } from '../sections';
import { useSession } from '../session';
import { codeOf } from './household-shared';
import { usePeriodLabel } from './indicators-page';

interface Figure {
  readonly percent: number | null;
  readonly count: number;
}
interface PublicOffice {
  readonly key: string;
  readonly name: { readonly kk: string; readonly ru: string } | null;
  readonly onTime: Figure;
  readonly shortWait: Figure;
  readonly typicalWaitMinutes: number | null;
  readonly satisfaction: Figure;
}
interface PublicIndicators {
  readonly period: string;
  readonly offices: readonly PublicOffice[];
}

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: PublicIndicators }
  | { readonly status: 'error'; readonly code: string };

export function QualityPage() {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const id = useId();
  const label = usePeriodLabel();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [filter, setFilter] = useState('');

  useEffect(() => {
    let cancelled = false;
    api.get<PublicIndicators>('/api/v1/public/indicators').then(
      (data) => !cancelled && setLoad({ status: 'ready', data }),
      (e: unknown) => !cancelled && setLoad({ status: 'error', code: codeOf(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  const share = (f: Figure) =>
    f.percent === null ? (
      <span className="kpi-nodata">{t('kpi.noData')}</span>
    ) : (
      <>
        {`${formatNumber(locale, f.percent, { maximumFractionDigits: 1 })} %`}
        <span className="kpi-fraction"> ({f.count})</span>
      </>
    );

  const data = load.status === 'ready' ? load.data : null;
  const name = (o: PublicOffice) => (o.name ? localName(o.name, locale) : o.key);
  const needle = filter.trim().toLocaleLowerCase();
  const offices = (data?.offices ?? []).filter((o) => name(o).toLocaleLowerCase().includes(needle));
  const period = data ? parsePeriodText(data.period) : null;

  return (
    <Page title={t('kpi.public.title')} className="kpi">
      <p className="lead">{t('kpi.public.intro')}</p>
      {load.status === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
      {load.status === 'error' ? (
        <p className="notice notice--error" role="alert">
          {tError(load.code)}
        </p>
      ) : null}
      {data ? (
        <>
          <p>{t('kpi.public.period', { period: period ? label(period) : data.period })}</p>
          <div className="field">
            <label htmlFor={`${id}-filter`}>{t('kpi.public.search')}</label>
            <input
              id={`${id}-filter`}
              type="search"
              value={filter}
              autoComplete="off"
              onChange={(e) => setFilter(e.target.value)}
            />
          </div>
          <p role="status">
            {data.offices.length === 0
              ? t('kpi.public.none')
              : t('kpi.public.count', { count: String(offices.length) })}
          </p>
          {offices.length > 0 ? (
            <table className="hb-table hb-table--cards kpi-public">
              <caption className="visually-hidden">{t(sectionTitleKey('transparency'))}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kpi.public.office')}</th>
                  <th scope="col">{t('kpi.public.onTime')}</th>
                  <th scope="col">{t('kpi.public.shortWait')}</th>
                  <th scope="col">{t('kpi.public.typicalWait')}</th>
                  <th scope="col">{t('kpi.public.satisfaction')}</th>
                </tr>
              </thead>
              <tbody>
                {offices.map((o) => (
                  <tr key={o.key}>
                    <th scope="row" data-label={t('kpi.public.office')}>
                      {name(o)}
                    </th>
                    <td data-label={t('kpi.public.onTime')}>{share(o.onTime)}</td>
                    <td data-label={t('kpi.public.shortWait')}>{share(o.shortWait)}</td>
                    <td data-label={t('kpi.public.typicalWait')}>
                      {o.typicalWaitMinutes === null ? (
                        <span className="kpi-nodata">{t('kpi.noData')}</span>
                      ) : (
                        formatNumber(locale, o.typicalWaitMinutes, { maximumFractionDigits: 1 })
                      )}
                    </td>
                    <td data-label={t('kpi.public.satisfaction')}>{share(o.satisfaction)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
