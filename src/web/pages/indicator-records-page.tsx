/**
 * `/indicators/records?period=&code=&within=` (issue 8, R-15): the records behind a figure — late applications,
 * long waits, corrected documents, justified complaints, dissatisfied answers — 50 at a time. The server masks
 * the IIN and withholds the name for readers the access policy does not let read the record (R-14); the page
 * says so rather than showing an empty column.
 */
import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type IndicatorCode, isIndicatorCode } from '../../domain/kpi/indicators';
import { formatDate, formatDateTime, formatNumber } from '../../i18n';
import type { PlainDate } from '../../domain/shared/plain-date';
import type { IndicatorRecord, IndicatorRecords } from '../indicators';
import { parsePeriodText } from '../indicators';
import { useI18n } from '../locale';
import { Page } from '../page';
import { useSession } from '../session';
import { codeOf } from './household-shared';
import { indicatorTitle, unitName, usePeriodLabel } from './indicators-page';

const PAGE = 50;

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: IndicatorRecords }
  | { readonly status: 'error'; readonly code: string };

type Column = { readonly key: string; readonly label: string; readonly cell: (r: IndicatorRecord) => string };

export function IndicatorRecordsPage() {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const [params, setParams] = useSearchParams();
  const id = useId();
  const label = usePeriodLabel();
  const period = params.get('period') ?? '';
  const code = params.get('code') ?? '';
  const within = params.get('within') ?? '';
  const offset = Math.max(Number(params.get('offset') ?? 0) || 0, 0);
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    setLoad({ status: 'loading' });
    const q = new URLSearchParams({ period, code, limit: String(PAGE), offset: String(offset) });
    if (within) q.set('within', within);
    api.get<IndicatorRecords>(`/api/v1/indicators/records?${q}`).then(
      (data) => !cancelled && setLoad({ status: 'ready', data }),
      (e: unknown) => !cancelled && setLoad({ status: 'error', code: codeOf(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, period, code, within, offset]);

  const when = (v: unknown) =>
    typeof v === 'string' ? formatDateTime(locale, new Date(v)) : t('kpi.pending');
  const day = (v: unknown) => (typeof v === 'string' ? formatDate(locale, v as PlainDate) : '');
  const office: Column = {
    key: 'office',
    label: t('kpi.field.office'),
    cell: (r) => unitName(r.office.name, r.office.key ?? '—', locale, t('kpi.country')),
  };
  const reason: Column = {
    key: 'reason',
    label: t('kpi.field.reason'),
    cell: (r) => t(`kpi.reason.${r.reason}` as 'kpi.reason.late'),
  };
  const person: Column[] = [
    { key: 'iin', label: t('kpi.field.iin'), cell: (r) => String(r.iin ?? '') },
    {
      key: 'name',
      label: t('kpi.field.applicant'),
      cell: (r) => (r.name ? String(r.name) : t('kpi.nameHidden')),
    },
  ];
  const columns: Record<IndicatorRecord['type'], Column[]> = {
    application: [
      office,
      reason,
      { key: 'received', label: t('kpi.field.received'), cell: (r) => when(r.receivedAt) },
      { key: 'due', label: t('kpi.field.due'), cell: (r) => when(r.dueAt) },
      { key: 'completed', label: t('kpi.field.completed'), cell: (r) => when(r.completedAt) },
      ...person,
    ],
    document: [
      office,
      reason,
      { key: 'number', label: t('kpi.field.number'), cell: (r) => String(r.number) },
      { key: 'issued', label: t('kpi.field.issued'), cell: (r) => when(r.issuedAt) },
      person[0]!,
    ],
    ticket: [
      office,
      reason,
      { key: 'day', label: t('kpi.field.day'), cell: (r) => day(r.day) },
      { key: 'number', label: t('kpi.field.number'), cell: (r) => String(r.number) },
      {
        key: 'wait',
        label: t('kpi.field.wait'),
        cell: (r) =>
          typeof r.waitMinutes === 'number'
            ? formatNumber(locale, r.waitMinutes, { maximumFractionDigits: 1 })
            : '',
      },
    ],
    complaint: [
      office,
      reason,
      { key: 'number', label: t('kpi.field.number'), cell: (r) => String(r.number) },
      { key: 'registered', label: t('kpi.field.registered'), cell: (r) => when(r.registeredAt) },
      { key: 'due', label: t('kpi.field.due'), cell: (r) => when(r.dueAt) },
      { key: 'answered', label: t('kpi.field.answered'), cell: (r) => when(r.answeredAt) },
      ...person,
    ],
    survey: [
      office,
      reason,
      {
        key: 'subject',
        label: t('kpi.field.subject'),
        cell: (r) => t(r.subject === 'complaint' ? 'kpi.subject.complaint' : 'kpi.subject.application'),
      },
      { key: 'day', label: t('kpi.field.day'), cell: (r) => day(r.answeredOn) },
      { key: 'score', label: t('kpi.field.score'), cell: (r) => String(r.score ?? '') },
    ],
  };

  const validCode: IndicatorCode | null = isIndicatorCode(code) ? code : null;
  const p = parsePeriodText(period);
  const back = `/indicators?period=${period}${within ? `&within=${encodeURIComponent(within)}` : ''}`;
  const go = (next: number) => {
    const q = new URLSearchParams(params);
    q.set('offset', String(next));
    setParams(q);
  };

  return (
    <Page title={t('kpi.records.title')} className="kpi">
      <p>
        <Link to={back}>{t('kpi.records.back')}</Link>
      </p>
      {load.status === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
      {load.status === 'error' ? (
        <p className="notice notice--error" role="alert">
          {tError(load.code)}
        </p>
      ) : null}
      {load.status === 'ready'
        ? (() => {
            const { data } = load;
            const unit = unitName(data.within.name, data.within.key, locale, t('kpi.country'));
            const type = data.records[0]?.type;
            const cols = type ? columns[type] : [];
            const masked = data.records.some((r) => r.iinMasked === true);
            return (
              <section aria-labelledby={`${id}-h`}>
                <h2 id={`${id}-h`}>
                  {t('kpi.records.heading', {
                    code: data.code,
                    unit,
                    period: p ? label(p) : data.period,
                  })}
                </h2>
                {validCode ? <p className="lead">{indicatorTitle(validCode, locale)}</p> : null}
                <p role="status">
                  {data.total === 0
                    ? t(data.code === '3.3' ? 'kpi.records.setting' : 'kpi.records.none')
                    : t('kpi.records.range', {
                        from: String(data.offset + 1),
                        to: String(data.offset + data.records.length),
                        total: String(data.total),
                      })}
                </p>
                {masked ? <p className="notice notice--info">{t('kpi.records.masked')}</p> : null}
                {data.records.length > 0 ? (
                  <table className="hb-table hb-table--cards kpi-records">
                    <caption className="visually-hidden">{t('kpi.records.title')}</caption>
                    <thead>
                      <tr>
                        {cols.map((c) => (
                          <th key={c.key} scope="col">
                            {c.label}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {data.records.map((r) => (
                        <tr key={r.id}>
                          {cols.map((c, i) =>
                            i === 0 ? (
                              <th key={c.key} scope="row" data-label={c.label}>
                                {c.cell(r)}
                              </th>
                            ) : (
                              <td key={c.key} data-label={c.label}>
                                {c.cell(r)}
                              </td>
                            ),
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
                {data.total > PAGE ? (
                  <nav className="hb-pager" aria-label={t('kpi.records.pages')}>
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={data.offset === 0}
                      onClick={() => go(Math.max(data.offset - PAGE, 0))}
                    >
                      {t('kpi.records.previous')}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={data.offset + PAGE >= data.total}
                      onClick={() => go(data.offset + PAGE)}
                    >
                      {t('kpi.records.next')}
                    </button>
                  </nav>
                ) : null}
              </section>
            );
          })()
        : null}
    </Page>
  );
}
