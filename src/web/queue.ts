/**
 * What the queue screens (issue 6) read from the API, and what they share: the office a signed-in person works
 * at, the live feed of an office's queue (server-sent events), times and minutes as people read them.
 */
import { useEffect, useRef, useState } from 'react';
import { almatyCivilTime, formatNumber, type Locale } from '../i18n';
import type { SessionUser } from './api';

export type TicketStatus =
  | 'issued'
  | 'called'
  | 'serving'
  | 'done'
  | 'no_show'
  | 'transferred'
  | 'office_closed';

export interface LocalizedName {
  readonly kk: string;
  readonly ru: string;
}

export interface IssuedTicket {
  readonly id: string;
  readonly number: string;
  readonly office: { readonly id: string; readonly name: LocalizedName };
  readonly issuedAt: string;
  readonly peopleAhead: number;
  readonly expectedWaitMinutes: number;
}

export interface Board {
  readonly office: { readonly id: string; readonly name: LocalizedName; readonly schedule: string };
  readonly now: string;
  readonly open: boolean;
  readonly atDesks: readonly {
    number: string;
    deskNumber: number | null;
    status: string;
    calledAt: string | null;
  }[];
  readonly waiting: readonly string[];
  readonly waitingCount: number;
  readonly typicalWaitMinutes: number | null;
  readonly expectedWaitMinutes: number;
}

export interface TicketView {
  readonly id: string;
  readonly officeId: string;
  readonly day: string;
  readonly number: string;
  readonly status: TicketStatus;
  readonly issuedAt: string;
  readonly firstCalledAt: string | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly deskNumber: number | null;
  readonly targetDeskNumber: number | null;
  readonly recalls: number;
  readonly waitMinutes: number | null;
  readonly serviceMinutes: number | null;
}

export interface DeskRef {
  readonly id: string;
  readonly officeId: string;
  readonly number: number;
}

export interface DeskView {
  readonly desk: DeskRef;
  readonly office: { readonly id: string; readonly name: LocalizedName };
  readonly current:
    | (TicketView & { elapsedWaitMinutes: number; elapsedServiceMinutes: number | null })
    | null;
  readonly waitingCount: number;
  readonly desks: readonly { id: string; number: number }[];
  readonly finished: readonly TicketView[];
}

export interface QueueAlert {
  readonly kind: 'long_wait' | 'long_service';
  readonly ticketId: string;
  readonly number: string;
  readonly deskNumber: number | null;
  readonly minutes: number;
  readonly limitBroken: boolean;
}

export interface Distribution {
  readonly count: number;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly max: number | null;
}

export interface StatsGroup {
  readonly officeId: string;
  readonly deskId: string | null;
  readonly deskNumber: number | null;
  readonly period: string;
  readonly tickets: number;
  readonly served: number;
  readonly noShows: number;
  readonly closedUnserved: number;
  readonly wait: Distribution;
  readonly service: Distribution;
  readonly waitWithinLimit: number | null;
  readonly serviceWithinLimit: number | null;
}

export interface Statistics {
  readonly from: string;
  readonly to: string;
  readonly groups: readonly StatsGroup[];
}

export interface QueueSummary {
  readonly officeId: string;
  readonly waitingNow: number;
  readonly typicalWaitMinutes: number | null;
  readonly measuredWaits: number;
}

/**
 * The office whose queue a signed-in person works: PSC staff have an office; a rural akimat's officer has the
 * akimat's KATO, and the directory names a rural akimat's office `akimat-<KATO>` (reference/import-territory).
 */
export function queueOfficeOf(user: SessionUser): string | null {
  if (user.territory.officeId) return user.territory.officeId;
  if (user.role === 'akimat_officer' && user.territory.kato) return `akimat-${user.territory.kato}`;
  return null;
}

export const officeName = (name: LocalizedName, locale: Locale): string =>
  locale === 'kk' ? name.kk : name.ru;

/** `10:05`, Almaty civil time of an instant. */
export function clockTime(iso: string): string {
  const t = almatyCivilTime(new Date(iso));
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/** Minutes as measured (hundredths) shown to one decimal: 4, 4,5. */
export const minutesText = (locale: Locale, minutes: number): string =>
  formatNumber(locale, minutes, { maximumFractionDigits: 1 });

/** Numeric and text details of a coded error, as parameters of its message (`{callTimeoutMinutes}`). */
export function errorParams(details: unknown): Record<string, string | number> {
  if (typeof details !== 'object' || details === null) return {};
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(details))
    if (typeof v === 'number' || typeof v === 'string') out[k] = v;
  return out;
}

/**
 * Calls `onChange` whenever the office's queue moves (an event of the server-sent stream), and once more each
 * time the stream (re)connects so that nothing missed while offline stays on screen. Returns whether the stream
 * is connected. EventSource reconnects by itself.
 */
export function useQueueFeed(officeId: string | null, onChange: () => void): boolean {
  const [connected, setConnected] = useState(false);
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    if (!officeId || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/v1/queue/offices/${encodeURIComponent(officeId)}/events`);
    const changed = () => callback.current();
    const ready = () => {
      setConnected(true);
      callback.current();
    };
    const lost = () => setConnected(false);
    source.addEventListener('ticket', changed);
    source.addEventListener('ready', ready);
    source.addEventListener('error', lost);
    return () => {
      source.close();
      setConnected(false);
    };
  }, [officeId]);
  return connected;
}
