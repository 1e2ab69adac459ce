/**
 * What the household-book pages share (issue 4, item 2): who may do what, the species list and territory
 * names from the API (fetched once per page load), today's date in Almaty, and the way a field shows its
 * errors (WCAG 3.3.1: next to the field, tied to it with aria-describedby, in the person's language).
 */
import { useEffect, useState } from 'react';
import { type Action, can } from '../../domain/access/policy';
import { toCivil } from '../../domain/calendar/civil-time';
import type { PlainDate } from '../../domain/shared/plain-date';
import type { Locale, MessageKey } from '../../i18n';
import type { ApiClient, SessionUser } from '../api';
import { fieldId, type Species, type TerritoryNode } from '../household-book';
import { useI18n } from '../locale';
import '../household-book.css';

/** The same decision the server makes, to offer only what would be allowed. */
export function may(user: SessionUser, action: Action, akimatKato?: string): boolean {
  return can(
    { userId: user.id, role: user.role, kato: user.territory.kato, officeId: user.territory.officeId },
    action,
    { kato: akimatKato ?? user.territory.kato },
  );
}

/** The book's keeper: an officer sees the IINs of their own book in full; readers see them masked. */
export const isKeeper = (user: SessionUser, akimatKato: string): boolean =>
  may(user, 'household.write', akimatKato);

export const todayInAlmaty = (): PlainDate => toCivil(Date.now()).date;

/** Territory names exist in kk and ru only; English readers get the Russian name. */
export const localName = (name: { kk: string; ru: string }, locale: Locale): string =>
  locale === 'kk' ? name.kk : name.ru;

export const speciesName = (s: Species, locale: Locale): string => (locale === 'kk' ? s.kk : s.ru);

let speciesRequest: Promise<readonly Species[]> | null = null;

/** The species list is reference data that does not change while the page is open. */
export function useSpecies(api: ApiClient): { species: readonly Species[] | null; error: string | null } {
  const [species, setSpecies] = useState<readonly Species[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    speciesRequest ??= api.get<{ species: Species[] }>('/api/v1/species').then((r) => r.species);
    speciesRequest.then(
      (list) => !cancelled && setSpecies(list),
      (e: unknown) => {
        speciesRequest = null;
        if (!cancelled) setError(codeOf(e));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api]);
  return { species, error };
}

const territoryCache = new Map<string, Promise<readonly TerritoryNode[]>>();

/** The children of a KATO node (settlements of an akimat, akimats of a district), cached for the page load. */
export function territoryChildren(api: ApiClient, kato: string): Promise<readonly TerritoryNode[]> {
  let request = territoryCache.get(kato);
  if (!request) {
    request = api
      .get<{ nodes: TerritoryNode[] }>(`/api/v1/territory?within=${kato}&limit=200`)
      .then((r) => r.nodes);
    request.catch(() => territoryCache.delete(kato));
    territoryCache.set(kato, request);
  }
  return request;
}

/**
 * Names of the settlements of the given akimats (and of the akimats themselves, from their district), for
 * tables that show KATO codes. A code whose name is not known yet is shown as the code.
 */
export function useTerritoryNames(api: ApiClient, akimats: readonly string[]): (code: string) => string {
  const { locale } = useI18n();
  const [names, setNames] = useState<ReadonlyMap<string, TerritoryNode['name']>>(new Map());
  const key = [...new Set(akimats)].sort().join(',');
  useEffect(() => {
    if (key === '') return;
    let cancelled = false;
    const codes = key.split(',');
    const parents = [...new Set(codes.map((c) => `${c.slice(0, 4)}00000`))];
    Promise.allSettled([...codes, ...parents].map((c) => territoryChildren(api, c))).then((answers) => {
      if (cancelled) return;
      setNames((previous) => {
        const next = new Map(previous);
        for (const a of answers)
          if (a.status === 'fulfilled') for (const n of a.value) next.set(n.code, n.name);
        return next;
      });
    });
    return () => {
      cancelled = true;
    };
  }, [api, key]);
  return (code) => {
    const name = names.get(code);
    return name ? localName(name, locale) : code;
  };
}

export function codeOf(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string'
    ? e.code
    : 'UNKNOWN';
}

/** The id of a field's error text, for `aria-describedby`. */
export const errorId = (path: string): string => `${fieldId(path)}-error`;

/** The attributes that tie an input to its errors; none when it has none. */
export function invalidProps(path: string, codes: readonly string[] | undefined, hintId?: string) {
  const described = [codes?.length ? errorId(path) : null, hintId ?? null].filter(Boolean).join(' ');
  return {
    id: fieldId(path),
    'aria-invalid': codes?.length ? (true as const) : undefined,
    'aria-describedby': described === '' ? undefined : described,
  };
}

/** The translated errors of one field, right under it. */
export function FieldErrors({ path, codes }: { path: string; codes: readonly string[] | undefined }) {
  const { tError } = useI18n();
  if (!codes?.length) return null;
  return (
    <p className="field__error" id={errorId(path)}>
      {codes.map((code) => tError(code)).join(' ')}
    </p>
  );
}

/** Status of a household as a badge with words, never colour alone (WCAG 1.4.1). */
export function StatusBadge({ status }: { status: 'open' | 'closed' }) {
  const { t } = useI18n();
  const key: MessageKey = status === 'open' ? 'household.status.open' : 'household.status.closed';
  return <span className={`badge badge--${status}`}>{t(key)}</span>;
}
