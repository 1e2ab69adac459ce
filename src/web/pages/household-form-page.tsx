/**
 * `/household-book/new` and `/household-book/:id/edit` (issue 4, item 2): the akimat officer adds a household
 * or saves a new version of one — address and settlement, members, the yearly record of land, livestock and
 * machinery — with the reason the history will show. The domain's own checks (`validateHousehold`) run in
 * the browser before sending; what only the server can see (an IIN already in another open household, a
 * taken account number) comes back as coded errors with a path and lands on the same field ("Bad input":
 * next to the field, in the person's language). A summary at the top links to every field in error.
 */
import { type FormEvent, type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { LAND_PURPOSES, type LandPurpose, RELATIONS, type Relation } from '../../domain/household/household';
import type { MessageKey } from '../../i18n';
import { ApiError, type SessionUser } from '../api';
import {
  checkDraft,
  draftFromHousehold,
  emptyDraft,
  emptyMachine,
  emptyMember,
  emptyPlot,
  type FormIssue,
  fieldId,
  type HouseholdDraft,
  type HouseholdView,
  issuesByPath,
  issuesFromError,
  type MemberDraft,
  newKey,
  type RecordDraft,
  speciesCatalogue,
  speciesRows,
  type TerritoryNode,
} from '../household-book';
import { useI18n } from '../locale';
import { Page } from '../page';
import { useSession } from '../session';
import {
  codeOf,
  FieldErrors,
  invalidProps,
  localName,
  may,
  speciesName,
  territoryChildren,
  todayInAlmaty,
  useSpecies,
} from './household-shared';

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly draft: HouseholdDraft; readonly expectedVersion: number | null }
  | { readonly status: 'error'; readonly code: string };

const MEMBER_FIELDS = ['surname', 'name', 'patronymic', 'iin', 'relation', 'joinedOn', 'leftOn'] as const;
type MemberField = (typeof MEMBER_FIELDS)[number];

const MEMBER_LABEL: Readonly<Record<MemberField, MessageKey>> = {
  surname: 'household.member.surname',
  name: 'household.member.name',
  patronymic: 'household.member.patronymic',
  iin: 'household.member.iin',
  relation: 'household.member.relation',
  joinedOn: 'household.member.joinedOn',
  leftOn: 'household.member.leftOn',
};

export function HouseholdFormPage({ user }: { user: SessionUser }) {
  const { t, tError } = useI18n();
  const { api } = useSession();
  const { id } = useParams();
  const editing = id !== undefined;
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    if (!editing) {
      const kato = user.territory.kato ?? '';
      setLoad({
        status: 'ready',
        draft: emptyDraft(kato, Number(todayInAlmaty().slice(0, 4))),
        expectedVersion: null,
      });
      return;
    }
    let cancelled = false;
    api.get<HouseholdView>(`/api/v1/households/${encodeURIComponent(id)}`).then(
      (v) =>
        !cancelled &&
        setLoad({
          status: 'ready',
          draft: draftFromHousehold(v.household),
          expectedVersion: v.history.at(-1)?.version ?? v.version,
        }),
      (e: unknown) => !cancelled && setLoad({ status: 'error', code: codeOf(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, editing, id, user.territory.kato]);

  const title = t(editing ? 'household.form.editTitle' : 'household.form.newTitle');
  if (!may(user, 'household.write')) {
    return (
      <Page title={title} className="hb">
        <p className="notice notice--error" role="alert">
          {tError('AUTH.FORBIDDEN')}
        </p>
      </Page>
    );
  }
  if (load.status !== 'ready') {
    return (
      <Page title={title} className="hb">
        {load.status === 'error' ? (
          <p className="notice notice--error" role="alert">
            {tError(load.code)}
          </p>
        ) : (
          <p className="loading" role="status">
            {t('app.loading')}
          </p>
        )}
      </Page>
    );
  }
  return (
    <HouseholdForm
      title={title}
      householdId={id ?? null}
      initial={load.draft}
      expectedVersion={load.expectedVersion}
    />
  );
}

function HouseholdForm({
  title,
  householdId,
  initial,
  expectedVersion,
}: {
  title: string;
  householdId: string | null;
  initial: HouseholdDraft;
  expectedVersion: number | null;
}) {
  const { t, tError, locale } = useI18n();
  const { api } = useSession();
  const navigate = useNavigate();
  const formId = useId();
  const [draft, setDraft] = useState(initial);
  const [reason, setReason] = useState('');
  const [active, setActive] = useState(() => latestIndex(initial.records));
  const [clientIssues, setClientIssues] = useState<readonly FormIssue[]>([]);
  const [serverIssues, setServerIssues] = useState<readonly FormIssue[]>([]);
  const [alert, setAlert] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [settlements, setSettlements] = useState<readonly TerritoryNode[]>([]);
  const { species, error: speciesError } = useSpecies(api);
  const catalogue = useMemo(() => (species ? speciesCatalogue(species) : null), [species]);
  const summary = useRef<HTMLDivElement>(null);
  const focusNext = useRef<string | null>(null);
  const originalRecords = useRef(new Set(initial.records.map((r) => r.key)));
  const editing = householdId !== null;

  useEffect(() => {
    if (draft.akimatKato === '') return;
    territoryChildren(api, draft.akimatKato).then(setSettlements, () => undefined);
  }, [api, draft.akimatKato]);

  // After the first attempt the browser's checks follow every keystroke, so a fixed field loses its error.
  useEffect(() => {
    if (tried && catalogue) setClientIssues(checkDraft(draft, catalogue, todayInAlmaty()).issues);
  }, [tried, catalogue, draft]);

  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const reasonIssues: FormIssue[] =
    tried && reason.trim() === '' ? [{ path: 'reason', code: 'HOUSEHOLD.MISSING_REASON' }] : [];
  const allIssues = [...clientIssues, ...reasonIssues, ...serverIssues];
  const byPath = issuesByPath(allIssues);

  /** Changes the draft; a server error about a field goes away once the field is changed. */
  function update(path: string, change: (d: HouseholdDraft) => HouseholdDraft) {
    setDraft(change);
    setServerIssues((list) => list.filter((i) => i.path !== path));
  }
  const setMember = (i: number, field: MemberField, value: string) =>
    update(`members[${i}].${field}`, (d) => ({
      ...d,
      members: d.members.map((m, j) => (j === i ? { ...m, [field]: value } : m)),
    }));
  const setRecord = (path: string, change: (r: RecordDraft) => RecordDraft) =>
    update(path, (d) => ({ ...d, records: d.records.map((r, j) => (j === active ? change(r) : r)) }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setAlert(null);
    setServerIssues([]);
    if (!catalogue) return setAlert(speciesError ?? 'NETWORK');
    const { household, issues } = checkDraft(draft, catalogue, todayInAlmaty());
    setClientIssues(issues);
    if (issues.length > 0 || reason.trim() === '') {
      focusSummary();
      return;
    }
    setBusy(true);
    try {
      const r = editing
        ? await api.put<{ householdId: string; version: number }>(`/api/v1/households/${householdId}`, {
            expectedVersion,
            household,
            reason: reason.trim(),
          })
        : await api.post<{ householdId: string; version: number }>('/api/v1/households', {
            household,
            reason: reason.trim(),
          });
      navigate(`/household-book/${r.householdId}`, { state: { saved: r.version } });
    } catch (e) {
      const found = e instanceof ApiError ? issuesFromError(e) : [];
      setServerIssues(found);
      // Errors with a field show in the summary; an error without one is said on its own.
      if (found.length === 0) setAlert(codeOf(e));
      focusSummary();
    } finally {
      setBusy(false);
    }
  }

  function focusSummary() {
    // After React has rendered the summary.
    setTimeout(() => summary.current?.focus(), 0);
  }

  function goToField(path: string) {
    const record = /^yearlyRecords\[(\d+)\]/.exec(path);
    if (record && Number(record[1]) !== active) {
      // The field is in another year's record: show that record, then focus the field once it is there.
      setActive(Number(record[1]));
      focusNext.current = fieldId(path);
      return;
    }
    // A path with no input of its own (`members`: no head) leads to its section's note.
    (document.getElementById(fieldId(path)) ?? document.getElementById(sectionOf(path)))?.focus();
  }

  const memberLabel = (i: number) => t('household.form.member', { n: i + 1 });
  const recordOf = (i: number) => draft.records[i];
  function pathLabel(path: string): string {
    const m = /^members\[(\d+)\]\.(\w+)$/.exec(path);
    if (m) {
      const field = m[2] as MemberField;
      return `${memberLabel(Number(m[1]))}: ${MEMBER_FIELDS.includes(field) ? t(MEMBER_LABEL[field]) : field}`;
    }
    const r = /^yearlyRecords\[(\d+)\]\.?(.*)$/.exec(path);
    if (r) {
      const year = recordOf(Number(r[1]))?.referenceYear ?? '';
      const rest = r[2] ?? '';
      const plot = /^landPlots\[(\d+)\]\.(\w+)$/.exec(rest);
      const animal = /^livestock\.(\w+)$/.exec(rest);
      const machine = /^machinery\[(\d+)\]\.(\w+)$/.exec(rest);
      const what = plot
        ? `${t('household.form.plot', { n: Number(plot[1]) + 1 })}, ${t(plot[2] === 'areaHa' ? 'household.land.area' : plot[2] === 'purpose' ? 'household.land.purpose' : 'household.land.cadastral')}`
        : animal
          ? (() => {
              const s = species?.find((x) => x.code === animal[1]);
              return s ? speciesName(s, locale) : (animal[1] ?? '');
            })()
          : machine
            ? t('household.form.machine', { n: Number(machine[1]) + 1 })
            : t('household.record.year');
      return `${t('household.record.title', { year })}: ${what}`;
    }
    const key = FIELD_LABEL[path];
    return key ? t(key) : t('household.form.whole');
  }

  const record = draft.records[active];
  const errorCount = allIssues.length;

  return (
    <Page title={title} className="hb">
      <p>
        <Link to={householdId ? `/household-book/${householdId}` : '/household-book'}>
          {t('household.form.back')}
        </Link>
      </p>
      <div
        ref={summary}
        tabIndex={-1}
        className="hb-summary"
        role="alert"
        aria-labelledby={`${formId}-summary`}
      >
        {alert ? <p className="notice notice--error">{tError(alert)}</p> : null}
        {errorCount > 0 ? (
          <div className="notice notice--error">
            <h2 id={`${formId}-summary`} className="hb-summary__title">
              {t('household.form.errors', { count: errorCount })}
            </h2>
            <ul>
              {[...byPath.entries()].map(([path, codes]) => (
                <li key={path}>
                  <a
                    href={`#${fieldId(path)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      goToField(path);
                    }}
                  >
                    {pathLabel(path)}: {codes.map((c) => tError(c)).join(' ')}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      {speciesError ? (
        <p className="notice notice--error" role="alert">
          {tError(speciesError)}
        </p>
      ) : null}

      <form onSubmit={onSubmit} noValidate className="hb-form">
        <section aria-labelledby={`${formId}-main`} className="panel hb-panel">
          <h2 id={`${formId}-main`}>{t('household.form.household')}</h2>
          <div className="hb-grid">
            {editing ? (
              <div className="field">
                <span className="hb-label">{t('household.field.bookAccount')}</span>
                <p className="hb-static">
                  {t('household.bookAccount', { book: draft.bookNumber, account: draft.accountNumber })}
                </p>
              </div>
            ) : (
              <>
                <TextField
                  path="bookNumber"
                  label={t('household.field.bookNumber')}
                  value={draft.bookNumber}
                  codes={byPath.get('bookNumber')}
                  maxLength={20}
                  onChange={(v) => update('bookNumber', (d) => ({ ...d, bookNumber: v }))}
                />
                <TextField
                  path="accountNumber"
                  label={t('household.field.accountNumber')}
                  value={draft.accountNumber}
                  codes={byPath.get('accountNumber')}
                  maxLength={20}
                  onChange={(v) => update('accountNumber', (d) => ({ ...d, accountNumber: v }))}
                />
              </>
            )}
            <div className="field">
              <label htmlFor={fieldId('settlementKato')}>{t('household.field.settlement')}</label>
              <select
                value={draft.settlementKato}
                onChange={(e) => update('settlementKato', (d) => ({ ...d, settlementKato: e.target.value }))}
                {...invalidProps('settlementKato', byPath.get('settlementKato'))}
              >
                <option value="">{t('household.form.choose')}</option>
                {settlements.map((s) => (
                  <option key={s.code} value={s.code}>
                    {localName(s.name, locale)}
                  </option>
                ))}
                {draft.settlementKato && !settlements.some((s) => s.code === draft.settlementKato) ? (
                  <option value={draft.settlementKato}>{draft.settlementKato}</option>
                ) : null}
              </select>
              <FieldErrors path="settlementKato" codes={byPath.get('settlementKato')} />
            </div>
            <TextField
              path="address"
              label={t('household.field.address')}
              value={draft.address}
              codes={byPath.get('address')}
              maxLength={300}
              wide
              onChange={(v) => update('address', (d) => ({ ...d, address: v }))}
            />
          </div>
        </section>

        <section aria-labelledby={`${formId}-members`} className="panel hb-panel">
          <h2 id={`${formId}-members`}>{t('household.form.members')}</h2>
          <p id={sectionOf('members')} tabIndex={-1} className="field__hint">
            {t('household.form.membersHint')}
          </p>
          <FieldErrors path="members" codes={byPath.get('members')} />
          {draft.members.map((m, i) => (
            <MemberFields
              key={m.key}
              index={i}
              member={m}
              legend={memberLabel(i)}
              issues={byPath}
              onChange={(field, value) => setMember(i, field, value)}
              onRemove={
                draft.members.length > 1
                  ? () => {
                      update(`members[${i}]`, (d) => ({
                        ...d,
                        members: d.members.filter((_, j) => j !== i),
                      }));
                      setServerIssues([]);
                      focusNext.current = `${formId}-add-member`;
                    }
                  : null
              }
            />
          ))}
          <button
            id={`${formId}-add-member`}
            type="button"
            className="button button--secondary"
            onClick={() => {
              update('members', (d) => ({ ...d, members: [...d.members, emptyMember()] }));
              focusNext.current = fieldId(`members[${draft.members.length}].surname`);
            }}
          >
            {t('household.form.addMember')}
          </button>
        </section>

        <section aria-labelledby={`${formId}-record`} className="panel hb-panel">
          <h2 id={`${formId}-record`}>{t('household.form.record')}</h2>
          <RecordPicker
            records={draft.records}
            active={active}
            onPick={setActive}
            onAdd={(year) => {
              const from = draft.records[active];
              const copy: RecordDraft = from
                ? {
                    ...from,
                    key: newKey(),
                    referenceYear: String(year),
                    landPlots: from.landPlots.map((p) => ({ ...p, key: newKey() })),
                    machinery: from.machinery.map((x) => ({ ...x, key: newKey() })),
                  }
                : { key: newKey(), referenceYear: String(year), landPlots: [], livestock: {}, machinery: [] };
              update('yearlyRecords', (d) => ({ ...d, records: [...d.records, copy] }));
              setActive(draft.records.length);
            }}
            onRemove={
              record && !originalRecords.current.has(record.key)
                ? () => {
                    update('yearlyRecords', (d) => ({
                      ...d,
                      records: d.records.filter((_, j) => j !== active),
                    }));
                    setServerIssues([]);
                    setActive(latestIndex(draft.records.filter((_, j) => j !== active)));
                  }
                : null
            }
          />
          {record ? (
            <RecordFields
              index={active}
              record={record}
              species={species}
              issues={byPath}
              setRecord={setRecord}
              focus={(path) => {
                focusNext.current = path;
              }}
            />
          ) : (
            <p>{t('household.record.none')}</p>
          )}
        </section>

        <section aria-labelledby={`${formId}-save`} className="panel hb-panel">
          <h2 id={`${formId}-save`}>{t('household.form.saveTitle')}</h2>
          <div className="field">
            <label htmlFor={fieldId('reason')}>{t('household.form.reason')}</label>
            <textarea
              rows={3}
              maxLength={500}
              value={reason}
              aria-required="true"
              onChange={(e) => {
                setReason(e.target.value);
                setServerIssues((list) => list.filter((i) => i.path !== 'reason'));
              }}
              {...invalidProps('reason', byPath.get('reason'), `${formId}-reason-hint`)}
            />
            <p className="field__hint" id={`${formId}-reason-hint`}>
              {t('household.form.reasonHint')}
            </p>
            <FieldErrors path="reason" codes={byPath.get('reason')} />
          </div>
          <p className="hb-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('household.form.saving') : t('household.form.save')}
            </button>
            <Link
              className="button button--secondary"
              to={householdId ? `/household-book/${householdId}` : '/household-book'}
            >
              {t('household.form.cancel')}
            </Link>
          </p>
        </section>
      </form>
    </Page>
  );
}

const FIELD_LABEL: Readonly<Record<string, MessageKey>> = {
  bookNumber: 'household.field.bookNumber',
  accountNumber: 'household.field.accountNumber',
  settlementKato: 'household.field.settlement',
  akimatKato: 'household.field.akimat',
  address: 'household.field.address',
  members: 'household.form.members',
  reason: 'household.form.reason',
  closedOn: 'household.close.date',
  yearlyRecords: 'household.form.record',
};

const sectionOf = (path: string) => `${fieldId(path)}-section`;

function latestIndex(records: readonly RecordDraft[]): number {
  let best = 0;
  records.forEach((r, i) => {
    if (Number(r.referenceYear) > Number(records[best]?.referenceYear ?? -1)) best = i;
  });
  return best;
}

function TextField({
  path,
  label,
  value,
  codes,
  onChange,
  maxLength,
  inputMode,
  wide,
  type = 'text',
  hint,
}: {
  path: string;
  label: string;
  value: string;
  codes: readonly string[] | undefined;
  onChange: (value: string) => void;
  maxLength?: number;
  inputMode?: 'numeric' | 'decimal' | 'text';
  wide?: boolean;
  type?: 'text' | 'date';
  hint?: ReactNode;
}) {
  const hintId = hint ? `${fieldId(path)}-hint` : undefined;
  return (
    <div className={wide ? 'field hb-grid__wide' : 'field'}>
      <label htmlFor={fieldId(path)}>{label}</label>
      <input
        type={type}
        value={value}
        maxLength={maxLength}
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        {...invalidProps(path, codes, hintId)}
      />
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldErrors path={path} codes={codes} />
    </div>
  );
}

function MemberFields({
  index,
  member,
  legend,
  issues,
  onChange,
  onRemove,
}: {
  index: number;
  member: MemberDraft;
  legend: string;
  issues: ReadonlyMap<string, string[]>;
  onChange: (field: MemberField, value: string) => void;
  onRemove: (() => void) | null;
}) {
  const { t } = useI18n();
  const p = (field: MemberField) => `members[${index}].${field}`;
  const name = [member.surname, member.name].filter((s) => s.trim()).join(' ');
  return (
    <fieldset className="hb-member">
      <legend>
        {legend}
        {name ? <span className="hb-member__name"> — {name}</span> : null}
      </legend>
      <div className="hb-grid">
        {(['surname', 'name', 'patronymic'] as const).map((f) => (
          <TextField
            key={f}
            path={p(f)}
            label={t(MEMBER_LABEL[f])}
            value={member[f]}
            maxLength={100}
            codes={issues.get(p(f))}
            onChange={(v) => onChange(f, v)}
          />
        ))}
        <TextField
          path={p('iin')}
          label={t('household.member.iin')}
          value={member.iin}
          maxLength={12}
          inputMode="numeric"
          codes={issues.get(p('iin'))}
          onChange={(v) => onChange('iin', v)}
        />
        <div className="field">
          <label htmlFor={fieldId(p('relation'))}>{t('household.member.relation')}</label>
          <select
            value={member.relation}
            onChange={(e) => onChange('relation', e.target.value)}
            {...invalidProps(p('relation'), issues.get(p('relation')))}
          >
            <option value="">{t('household.form.choose')}</option>
            {RELATIONS.map((r: Relation) => (
              <option key={r} value={r}>
                {t(`household.relation.${r}`)}
              </option>
            ))}
          </select>
          <FieldErrors path={p('relation')} codes={issues.get(p('relation'))} />
        </div>
        <TextField
          path={p('joinedOn')}
          type="date"
          label={t('household.member.joinedOn')}
          value={member.joinedOn}
          codes={issues.get(p('joinedOn'))}
          hint={t('household.form.joinedHint')}
          onChange={(v) => onChange('joinedOn', v)}
        />
        <TextField
          path={p('leftOn')}
          type="date"
          label={t('household.member.leftOn')}
          value={member.leftOn}
          codes={issues.get(p('leftOn'))}
          hint={t('household.form.leftHint')}
          onChange={(v) => onChange('leftOn', v)}
        />
      </div>
      {onRemove ? (
        <button type="button" className="button button--secondary hb-remove" onClick={onRemove}>
          {t('household.form.removeMember', { n: index + 1 })}
        </button>
      ) : null}
    </fieldset>
  );
}

function RecordPicker({
  records,
  active,
  onPick,
  onAdd,
  onRemove,
}: {
  records: readonly RecordDraft[];
  active: number;
  onPick: (index: number) => void;
  onAdd: (year: number) => void;
  onRemove: (() => void) | null;
}) {
  const { t, tError } = useI18n();
  const id = useId();
  const thisYear = Number(todayInAlmaty().slice(0, 4));
  const years = new Set(records.map((r) => Number(r.referenceYear)));
  const [year, setYear] = useState(String(years.has(thisYear) ? thisYear - 1 : thisYear));
  const [error, setError] = useState<string | null>(null);
  function add() {
    const n = Number(year);
    if (!Number.isInteger(n) || n < 1991 || n > thisYear) return setError('HOUSEHOLD.BAD_REFERENCE_YEAR');
    if (years.has(n)) return setError('HOUSEHOLD.DUPLICATE_YEAR');
    setError(null);
    onAdd(n);
  }
  return (
    <div className="hb-record-picker">
      {records.length > 1 ? (
        <div className="field">
          <label htmlFor={`${id}-pick`}>{t('household.record.year')}</label>
          <select id={`${id}-pick`} value={active} onChange={(e) => onPick(Number(e.target.value))}>
            {records.map((r, i) => (
              <option key={r.key} value={i}>
                {r.referenceYear}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-add`}>{t('household.form.newYear')}</label>
        <div className="hb-inline">
          <input
            id={`${id}-add`}
            type="text"
            inputMode="numeric"
            maxLength={4}
            value={year}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-add-error` : `${id}-add-hint`}
            onChange={(e) => setYear(e.target.value)}
          />
          <button type="button" className="button button--secondary" onClick={add}>
            {t('household.form.addRecord')}
          </button>
        </div>
        {error ? (
          <p className="field__error" id={`${id}-add-error`}>
            {tError(error)}
          </p>
        ) : (
          <p className="field__hint" id={`${id}-add-hint`}>
            {t('household.form.newYearHint')}
          </p>
        )}
      </div>
      {onRemove ? (
        <p>
          <button type="button" className="button button--secondary" onClick={onRemove}>
            {t('household.form.removeRecord')}
          </button>
        </p>
      ) : null}
    </div>
  );
}

function RecordFields({
  index,
  record,
  species,
  issues,
  setRecord,
  focus,
}: {
  index: number;
  record: RecordDraft;
  species: ReturnType<typeof useSpecies>['species'];
  issues: ReadonlyMap<string, string[]>;
  setRecord: (path: string, change: (r: RecordDraft) => RecordDraft) => void;
  focus: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  const base = `yearlyRecords[${index}]`;
  const plotPath = (i: number, f: string) => `${base}.landPlots[${i}].${f}`;
  const machinePath = (i: number, f: string) => `${base}.machinery[${i}].${f}`;
  return (
    <>
      <p className="hb-static">{t('household.form.recordOf', { year: record.referenceYear })}</p>
      <FieldErrors path={`${base}.referenceYear`} codes={issues.get(`${base}.referenceYear`)} />
      <fieldset className="hb-subset">
        <legend>{t('household.land.title')}</legend>
        {record.landPlots.length === 0 ? <p>{t('household.land.none')}</p> : null}
        {record.landPlots.map((plot, i) => (
          <div key={plot.key} className="hb-row">
            <div className="field">
              <label htmlFor={fieldId(plotPath(i, 'purpose'))}>
                {t('household.form.plot', { n: i + 1 })}: {t('household.land.purpose')}
              </label>
              <select
                value={plot.purpose}
                onChange={(e) =>
                  setRecord(plotPath(i, 'purpose'), (r) => ({
                    ...r,
                    landPlots: r.landPlots.map((x, j) =>
                      j === i ? { ...x, purpose: e.target.value as LandPurpose } : x,
                    ),
                  }))
                }
                {...invalidProps(plotPath(i, 'purpose'), issues.get(plotPath(i, 'purpose')))}
              >
                {LAND_PURPOSES.map((purpose) => (
                  <option key={purpose} value={purpose}>
                    {t(`household.purpose.${purpose}`)}
                  </option>
                ))}
              </select>
              <FieldErrors path={plotPath(i, 'purpose')} codes={issues.get(plotPath(i, 'purpose'))} />
            </div>
            {(['areaHa', 'cadastralNumber'] as const).map((f) => (
              <TextField
                key={f}
                path={plotPath(i, f)}
                label={t(f === 'areaHa' ? 'household.land.area' : 'household.land.cadastral')}
                value={plot[f]}
                maxLength={f === 'areaHa' ? 12 : 64}
                inputMode={f === 'areaHa' ? 'decimal' : 'text'}
                codes={issues.get(plotPath(i, f))}
                onChange={(v) =>
                  setRecord(plotPath(i, f), (r) => ({
                    ...r,
                    landPlots: r.landPlots.map((x, j) => (j === i ? { ...x, [f]: v } : x)),
                  }))
                }
              />
            ))}
            <button
              type="button"
              className="button button--secondary hb-remove"
              onClick={() =>
                setRecord(`${base}.landPlots`, (r) => ({
                  ...r,
                  landPlots: r.landPlots.filter((_, j) => j !== i),
                }))
              }
            >
              {t('household.form.removePlot', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setRecord(`${base}.landPlots`, (r) => ({ ...r, landPlots: [...r.landPlots, emptyPlot()] }));
            focus(fieldId(plotPath(record.landPlots.length, 'purpose')));
          }}
        >
          {t('household.form.addPlot')}
        </button>
      </fieldset>

      <fieldset className="hb-subset">
        <legend>{t('household.livestock.title')}</legend>
        <p className="field__hint">{t('household.form.livestockHint')}</p>
        {species === null ? (
          <p className="loading">{t('app.loading')}</p>
        ) : (
          <div className="hb-livestock">
            {speciesRows(species).map(({ species: s, depth }) => {
              const path = `${base}.livestock.${s.code}`;
              return (
                <div key={s.code} className={depth === 1 ? 'field hb-livestock__part' : 'field'}>
                  <label htmlFor={fieldId(path)}>
                    {depth === 1
                      ? t('household.livestock.ofWhich', { name: speciesName(s, locale) })
                      : speciesName(s, locale)}
                  </label>
                  <input
                    type="text"
                    inputMode="numeric"
                    maxLength={7}
                    autoComplete="off"
                    value={record.livestock[s.code] ?? ''}
                    onChange={(e) =>
                      setRecord(path, (r) => ({
                        ...r,
                        livestock: { ...r.livestock, [s.code]: e.target.value },
                      }))
                    }
                    {...invalidProps(path, issues.get(path))}
                  />
                  <FieldErrors path={path} codes={issues.get(path)} />
                </div>
              );
            })}
          </div>
        )}
      </fieldset>

      <fieldset className="hb-subset">
        <legend>{t('household.machinery.title')}</legend>
        {record.machinery.length === 0 ? <p>{t('household.machinery.none')}</p> : null}
        {record.machinery.map((m, i) => (
          <div key={m.key} className="hb-row">
            <TextField
              path={machinePath(i, 'description')}
              label={`${t('household.form.machine', { n: i + 1 })}: ${t('household.machinery.description')}`}
              value={m.description}
              maxLength={200}
              codes={issues.get(machinePath(i, 'description'))}
              onChange={(v) =>
                setRecord(machinePath(i, 'description'), (r) => ({
                  ...r,
                  machinery: r.machinery.map((x, j) => (j === i ? { ...x, description: v } : x)),
                }))
              }
            />
            <TextField
              path={machinePath(i, 'count')}
              label={t('household.machinery.count')}
              value={m.count}
              maxLength={4}
              inputMode="numeric"
              codes={issues.get(machinePath(i, 'count'))}
              onChange={(v) =>
                setRecord(machinePath(i, 'count'), (r) => ({
                  ...r,
                  machinery: r.machinery.map((x, j) => (j === i ? { ...x, count: v } : x)),
                }))
              }
            />
            <button
              type="button"
              className="button button--secondary hb-remove"
              onClick={() =>
                setRecord(`${base}.machinery`, (r) => ({
                  ...r,
                  machinery: r.machinery.filter((_, j) => j !== i),
                }))
              }
            >
              {t('household.form.removeMachine', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setRecord(`${base}.machinery`, (r) => ({ ...r, machinery: [...r.machinery, emptyMachine()] }));
            focus(fieldId(machinePath(record.machinery.length, 'description')));
          }}
        >
          {t('household.form.addMachine')}
        </button>
      </fieldset>
    </>
  );
}
