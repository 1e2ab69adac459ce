/**
 * `/indicators` (issue 8, R-15): the table of Appendix 3 for a unit — the country, an oblast, a district, an
 * office — and a month, quarter or year: indicator · normative value · target next year · current value, each
 * value rated against the normative in colour, symbol and words, and linked to the records behind it. Below:
 * the units one level down (each opens its own table), a trend of one indicator over the last periods (inline
 * SVG with a table of the same figures), and the exports (XLSX, CSV; kk, ru). The address holds the view
 * (`?period=2026-03&within=113200000`), so the back button and a shared link show the same table.
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  INDICATOR_CODES,
  INDICATOR_GROUPS,
  INDICATORS,
  type IndicatorCode,
} from '../../domain/kpi/indicators';
import { ratingWords } from '../../domain/kpi/value';
import { almatyCivilTime, formatNumber, type Locale } from '../../i18n';
import type { SessionUser } from '../api';
import {
  hasRecords,
  type IndicatorCell,
  type IndicatorRow,
  type IndicatorTable,
  lastMonth,
  type Named,
  type Period,
  type PeriodKind,
  parentUnit,
  parsePeriodText,
  periodText,
  RATING_SYMBOL,
  trendPeriods,
} from '../indicators';
import { useI18n } from '../locale';
import { Page } from '../page';
import { sectionTitleKey } from '../sections';
import { useSession } from '../session';
import { codeOf } from './household-shared';

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly table: IndicatorTable }
  | { readonly status: 'error'; readonly code: string };

export const unitName = (name: Named | null, key: string, locale: Locale, countryName: string): string =>
  key === 'KZ' ? countryName : name ? (locale === 'kk' ? name.kk : name.ru) : key;

export const indicatorTitle = (code: IndicatorCode, locale: Locale): string =>
  locale === 'kk' ? INDICATORS[code].title.kk : INDICATORS[code].title.ru;

export function usePeriodLabel() {
  const { t, locale } = useI18n();
  return (p: Period): string => {
    if (p.kind === 'year') return String(p.year);
    if (p.kind === 'quarter') return `${t('kpi.quarterN', { n: String(p.index) })} ${p.year}`;
    const month = new Date(Date.UTC(p.year, p.index - 1, 15));
    const name =
      locale === 'kk'
        ? KK_MONTHS[p.index - 1]
        : new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
            month: 'long',
            timeZone: 'UTC',
          }).format(month);
    return `${name} ${p.year}`;
  };
}

// Chromium ships no Kazakh ICU data (docs/ui.md): month names by hand.
const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];

/** The rating's words: a value over 4.1's ceiling is "above the permitted level", not "below the normative". */
const ratingKey = (cell: IndicatorCell) => `kpi.rating.${ratingWords(cell.direction, cell.rating)}` as const;

export function RatingBadge({ cell }: { cell: IndicatorCell }) {
  const { t } = useI18n();
  return (
    <span className={`kpi-rating kpi-rating--${cell.rating}`}>
      <span aria-hidden="true">{RATING_SYMBOL[cell.rating]}</span> {t(ratingKey(cell))}
    </span>
  );
}

function percent(locale: Locale, value: number | null): string {
  return value === null ? '' : `${formatNumber(locale, value, { maximumFractionDigits: 1 })} %`;
}

function Normative({ cell }: { cell: IndicatorCell }) {
  const { t } = useI18n();
  return (
    <>{cell.direction === 'ceiling' ? t('kpi.ceiling', { value: cell.normativeText }) : cell.normativeText}</>
  );
}

/** The figure, linked to its records when there are any to see. */
function Value({ cell, recordsHref }: { cell: IndicatorCell; recordsHref: string }) {
  const { t, locale } = useI18n();
  if (cell.value.kind === 'no_data') return <span className="kpi-nodata">{t('kpi.noData')}</span>;
  const text = percent(locale, cell.value.percent);
  const fraction = t('kpi.fraction', {
    numerator: String(cell.value.numerator),
    denominator: String(cell.value.denominator),
  });
  return (
    <>
      {hasRecords(cell) ? (
        <Link to={recordsHref} aria-label={t('kpi.records.link', { code: cell.code, value: text })}>
          {text}
        </Link>
      ) : (
        text
      )}
      <span className="kpi-fraction"> ({fraction})</span>
    </>
  );
}

function PeriodPicker({ period, onChange }: { period: Period; onChange: (p: Period) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<PeriodKind>(period.kind);
  const [year, setYear] = useState(period.year);
  const [index, setIndex] = useState(period.index);
  const now = almatyCivilTime(new Date());
  const years = Array.from({ length: 6 }, (_, i) => now.year - i);
  function submit(e: FormEvent) {
    e.preventDefault();
    const max = kind === 'month' ? 12 : kind === 'quarter' ? 4 : 1;
    onChange({ kind, year, index: Math.min(Math.max(index, 1), max) });
  }
  return (
    <form className="kpi-filters" onSubmit={submit} aria-label={t('kpi.filters')}>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('kpi.periodKind')}</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as PeriodKind);
            setIndex(1);
          }}
        >
          {(['month', 'quarter', 'year'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`kpi.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-year`}>{t('kpi.year')}</label>
        <select id={`${id}-year`} value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {kind === 'year' ? null : (
        <div className="field">
          <label htmlFor={`${id}-index`}>{t(kind === 'month' ? 'kpi.month' : 'kpi.quarter')}</label>
          <select id={`${id}-index`} value={index} onChange={(e) => setIndex(Number(e.target.value))}>
            {Array.from({ length: kind === 'month' ? 12 : 4 }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {kind === 'month' ? String(n).padStart(2, '0') : t('kpi.quarterN', { n: String(n) })}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="kpi-filters__submit">
        <button type="submit" className="button button--primary">
          {t('kpi.show')}
        </button>
      </div>
    </form>
  );
}

function AppendixTable({ row, recordsHref }: { row: IndicatorRow; recordsHref: (code: string) => string }) {
  const { t, locale } = useI18n();
  let group = 0;
  return (
    <div className="kpi-scroll">
      <table className="kpi-table">
        <thead>
          <tr>
            <th scope="col">{t('kpi.col.code')}</th>
            <th scope="col">{t('kpi.col.indicator')}</th>
            <th scope="col">{t('kpi.col.normative')}</th>
            <th scope="col">{t('kpi.col.targetNextYear')}</th>
            <th scope="col">{t('kpi.col.current')}</th>
            <th scope="col">{t('kpi.col.rating')}</th>
          </tr>
        </thead>
        <tbody>
          {row.indicators.flatMap((cell) => {
            const d = INDICATORS[cell.code];
            const out = [];
            if (d.group !== group) {
              group = d.group;
              out.push(
                <tr key={`g${group}`} className="kpi-table__group">
                  <th scope="rowgroup" colSpan={6}>
                    {`${group}. ${locale === 'kk' ? INDICATOR_GROUPS[d.group].kk : INDICATOR_GROUPS[d.group].ru}`}
                  </th>
                </tr>,
              );
            }
            out.push(
              <tr key={cell.code} className={`kpi-row--${cell.rating}`}>
                <td>{cell.code}</td>
                <th scope="row" className="kpi-table__title">
                  {indicatorTitle(cell.code, locale)}
                </th>
                <td className="kpi-num">
                  <Normative cell={cell} />
                </td>
                <td className="kpi-num">
                  {cell.targetNextYear === null ? (
                    <span className="kpi-nodata">{t('kpi.notSet')}</span>
                  ) : (
                    percent(locale, cell.targetNextYear)
                  )}
                </td>
                <td className="kpi-num">
                  <Value cell={cell} recordsHref={recordsHref(cell.code)} />
                </td>
                <td>
                  <RatingBadge cell={cell} />
                </td>
              </tr>,
            );
            return out;
          })}
        </tbody>
      </table>
    </div>
  );
}

function UnitsTable({
  table,
  unitHref,
  recordsHref,
}: {
  table: IndicatorTable;
  unitHref: (key: string) => string;
  recordsHref: (code: string, within: string) => string;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const country = t('kpi.country');
  return (
    <section aria-labelledby={`${id}-units`} className="kpi-units">
      <h2 id={`${id}-units`}>{t(`kpi.units.${table.level}`)}</h2>
      {table.rows.length === 0 ? (
        <p>{t('kpi.units.none')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        <section className="kpi-scroll" tabIndex={0} aria-labelledby={`${id}-units`}>
          <table className="kpi-table kpi-table--units">
            <thead>
              <tr>
                <th scope="col">{t('kpi.col.unit')}</th>
                {INDICATOR_CODES.map((code) => (
                  <th scope="col" key={code} title={indicatorTitle(code, locale)}>
                    {code}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => {
                const name = unitName(row.name, row.key, locale, country);
                return (
                  <tr key={row.key}>
                    <th scope="row">
                      {table.level === 'office' && row.key === table.within.key ? (
                        name
                      ) : (
                        <Link to={unitHref(row.key)} aria-label={t('kpi.units.open', { unit: name })}>
                          {name}
                        </Link>
                      )}
                    </th>
                    {row.indicators.map((cell) => (
                      <td key={cell.code} className={`kpi-num kpi-cell--${cell.rating}`}>
                        <span aria-hidden="true">{RATING_SYMBOL[cell.rating]} </span>
                        {cell.value.kind === 'no_data' ? (
                          <span className="kpi-nodata">{t('kpi.noData')}</span>
                        ) : hasRecords(cell) ? (
                          <Link
                            to={recordsHref(cell.code, row.key)}
                            aria-label={`${name}: ${t('kpi.records.link', { code: cell.code, value: percent(locale, cell.value.percent) })}, ${t(ratingKey(cell))}`}
                          >
                            {percent(locale, cell.value.percent)}
                          </Link>
                        ) : (
                          <span>
                            {percent(locale, cell.value.percent)}
                            <span className="visually-hidden">, {t(ratingKey(cell))}</span>
                          </span>
                        )}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

interface TrendPoint {
  readonly period: Period;
  readonly percent: number | null;
}

/** An indicator's value over the last six periods of the same kind, as an SVG line and as a table. */
function Trend({ period, within }: { period: Period; within: string }) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const id = useId();
  const label = usePeriodLabel();
  const [code, setCode] = useState<IndicatorCode>('1.1');
  const [points, setPoints] = useState<readonly TrendPoint[] | null>(null);

  useEffect(() => {
    let cancelled = false;
    setPoints(null);
    const periods = trendPeriods(period, 6);
    Promise.all(
      periods.map((p) =>
        api
          .get<IndicatorTable>(
            `/api/v1/indicators?period=${periodText(p)}&code=${code}&within=${encodeURIComponent(within)}`,
          )
          .then(
            (r) => ({ period: p, percent: r.total.indicators[0]?.value.percent ?? null }),
            () => ({ period: p, percent: null }),
          ),
      ),
    ).then((list) => !cancelled && setPoints(list));
    return () => {
      cancelled = true;
    };
  }, [api, period, within, code]);

  const W = 480;
  const H = 180;
  const pad = { l: 36, r: 12, t: 12, b: 28 };
  const x = (i: number) => pad.l + (i * (W - pad.l - pad.r)) / 5;
  const y = (v: number) => pad.t + ((100 - v) * (H - pad.t - pad.b)) / 100;
  const normative = INDICATORS[code].normative;
  const known = (points ?? []).map((p, i) => ({ ...p, i })).filter((p) => p.percent !== null);

  return (
    <section aria-labelledby={`${id}-trend`} className="kpi-trend">
      <h2 id={`${id}-trend`}>{t('kpi.trend.heading')}</h2>
      <div className="field">
        <label htmlFor={`${id}-code`}>{t('kpi.trend.indicator')}</label>
        <select id={`${id}-code`} value={code} onChange={(e) => setCode(e.target.value as IndicatorCode)}>
          {INDICATOR_CODES.map((c) => (
            <option key={c} value={c}>
              {`${c} ${indicatorTitle(c, locale)}`}
            </option>
          ))}
        </select>
      </div>
      <figure className="kpi-trend__figure">
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-labelledby={`${id}-caption`}
          className="kpi-trend__svg"
        >
          <title>{t('kpi.trend.caption', { code, normative: INDICATORS[code].normativeText })}</title>
          {[0, 50, 100].map((v) => (
            <g key={v}>
              <line x1={pad.l} x2={W - pad.r} y1={y(v)} y2={y(v)} className="kpi-trend__grid" />
              <text x={pad.l - 6} y={y(v) + 4} textAnchor="end" className="kpi-trend__axis">
                {v}
              </text>
            </g>
          ))}
          <line
            x1={pad.l}
            x2={W - pad.r}
            y1={y(normative)}
            y2={y(normative)}
            className="kpi-trend__normative"
          />
          {known.length > 1 ? (
            <polyline
              className="kpi-trend__line"
              points={known.map((p) => `${x(p.i)},${y(p.percent!)}`).join(' ')}
            />
          ) : null}
          {known.map((p) => (
            <circle key={p.i} cx={x(p.i)} cy={y(p.percent!)} r={4} className="kpi-trend__point" />
          ))}
          {(points ?? []).map((p, i) => (
            <text
              key={periodText(p.period)}
              x={x(i)}
              y={H - 8}
              textAnchor="middle"
              className="kpi-trend__axis"
            >
              {periodText(p.period)}
            </text>
          ))}
        </svg>
        <figcaption id={`${id}-caption`}>
          {t('kpi.trend.caption', { code, normative: INDICATORS[code].normativeText })}
        </figcaption>
      </figure>
      {points ? (
        <table className="kpi-table kpi-table--trend">
          <caption className="visually-hidden">{t('kpi.trend.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kpi.trend.period')}</th>
              <th scope="col">{t('kpi.col.current')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={periodText(p.period)}>
                <th scope="row">{label(p.period)}</th>
                <td className="kpi-num">
                  {p.percent === null ? (
                    <span className="kpi-nodata">{t('kpi.noData')}</span>
                  ) : (
                    percent(locale, p.percent)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p role="status">{t('app.loading')}</p>
      )}
    </section>
  );
}

function Exports({ period, within }: { period: string; within: string }) {
  const { t } = useI18n();
  const id = useId();
  const href = (format: string, lang: string) =>
    `/api/v1/indicators/export?period=${period}&within=${encodeURIComponent(within)}&format=${format}&lang=${lang}`;
  return (
    <section aria-labelledby={`${id}-export`} className="kpi-export">
      <h2 id={`${id}-export`}>{t('kpi.export.heading')}</h2>
      <p className="hb-actions">
        <a className="button button--secondary" href={href('xlsx', 'kk')} download>
          {t('kpi.export.xlsxKk')}
        </a>
        <a className="button button--secondary" href={href('xlsx', 'ru')} download>
          {t('kpi.export.xlsxRu')}
        </a>
        <a className="button button--secondary" href={href('csv', 'kk')} download>
          {t('kpi.export.csvKk')}
        </a>
        <a className="button button--secondary" href={href('csv', 'ru')} download>
          {t('kpi.export.csvRu')}
        </a>
        <a className="button button--secondary" href={href('pdf', 'kk')} download>
          {t('kpi.export.pdfKk')}
        </a>
        <a className="button button--secondary" href={href('pdf', 'ru')} download>
          {t('kpi.export.pdfRu')}
        </a>
      </p>
    </section>
  );
}

export function IndicatorsPage({ user }: { user: SessionUser }) {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const [params, setParams] = useSearchParams();
  const label = usePeriodLabel();
  const now = almatyCivilTime(new Date());
  const period = parsePeriodText(params.get('period')) ?? lastMonth(now.year, now.month);
  const periodParam = periodText(period);
  const within = params.get('within') ?? '';
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    setLoad({ status: 'loading' });
    const q = new URLSearchParams({ period: periodParam });
    if (within) q.set('within', within);
    api.get<IndicatorTable>(`/api/v1/indicators?${q}`).then(
      (table) => !cancelled && setLoad({ status: 'ready', table }),
      (e: unknown) => !cancelled && setLoad({ status: 'error', code: codeOf(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, periodParam, within]);

  const unitHref = (key: string) => `/indicators?period=${periodParam}&within=${encodeURIComponent(key)}`;
  const recordsHref = (code: string, unit: string) =>
    `/indicators/records?period=${periodParam}&code=${code}&within=${encodeURIComponent(unit)}`;
  const country = t('kpi.country');

  return (
    <Page title={t(sectionTitleKey('indicators'))} className="kpi">
      <p className="lead">{t('kpi.intro')}</p>
      <PeriodPicker
        key={periodParam}
        period={period}
        onChange={(p) => {
          const next = new URLSearchParams(params);
          next.set('period', periodText(p));
          setParams(next);
        }}
      />
      <div role="status" className="kpi-status">
        {load.status === 'loading' ? t('app.loading') : null}
      </div>
      {load.status === 'error' ? (
        <p className="notice notice--error" role="alert">
          {tError(load.code)}
        </p>
      ) : null}
      {load.status === 'ready'
        ? (() => {
            const { table } = load;
            const here = unitName(table.within.name, table.within.key, locale, country);
            const up = parentUnit(table.within.level, table.within.key, user);
            return (
              <>
                <section aria-labelledby="kpi-unit" className="kpi-unit">
                  <h2 id="kpi-unit">{t('kpi.unitHeading', { unit: here, period: label(period) })}</h2>
                  {up ? (
                    <p>
                      <Link to={unitHref(up)}>{t('kpi.up', { unit: up === 'KZ' ? country : up })}</Link>
                    </p>
                  ) : null}
                  <AppendixTable
                    row={table.total}
                    recordsHref={(code) => recordsHref(code, table.within.key)}
                  />
                </section>
                {table.within.level === 'office' ? null : (
                  <UnitsTable table={table} unitHref={unitHref} recordsHref={recordsHref} />
                )}
                <Trend period={period} within={table.within.key} />
                <Exports period={periodParam} within={table.within.key} />
              </>
            );
          })()
        : null}
    </Page>
  );
}
