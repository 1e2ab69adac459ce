/** Hand-made records for the indicator tests. Times are Asia/Almaty (+05:00). */
import type { PlainDate } from '../shared/plain-date';
import type { CountContext } from './count';
import {
  type ApplicationFact,
  akimatPlacement,
  type ComplaintFact,
  type DocumentFact,
  pscPlacement,
  type SurveyFact,
  type TicketFact,
} from './facts';
import { periodRange } from './period';

export const at = (iso: string): number => Date.parse(iso);
export const day = (s: string): PlainDate => s as PlainDate;

/** Two rural akimats of one district (1132), one of another oblast (19), and a PSC in district 1132. */
export const AKIMAT_A = akimatPlacement('113243000');
export const AKIMAT_B = akimatPlacement('113245000');
export const AKIMAT_C = akimatPlacement('195033000');
export const PSC_1 = pscPlacement('psc-01', '113200000');

/** March 2025, computed on 2 April 2025 at noon. */
export const MARCH: CountContext = {
  range: periodRange({ kind: 'month', year: 2025, index: 3 }),
  asOfMs: at('2025-04-02T12:00:00+05:00'),
};

let n = 0;
const id = (prefix: string) => `${prefix}-${++n}`;

export function application(over: Partial<ApplicationFact> = {}): ApplicationFact {
  return {
    id: id('app'),
    place: AKIMAT_A,
    channel: 'akimat',
    receivedMs: at('2025-03-10T10:00:00+05:00'),
    dueMs: at('2025-03-10T18:00:00+05:00'),
    completedMs: at('2025-03-10T10:30:00+05:00'),
    refusedAtIntake: false,
    refusalGround: null,
    ...over,
  };
}

export function document(over: Partial<DocumentFact> = {}): DocumentFact {
  return {
    id: id('doc'),
    place: AKIMAT_A,
    kind: 'certificate',
    issuedMs: at('2025-03-10T10:30:00+05:00'),
    status: 'valid',
    ...over,
  };
}

export function ticket(over: Partial<TicketFact> = {}): TicketFact {
  return { id: id('t'), place: PSC_1, day: day('2025-03-10'), waitMinutes: 5, ...over };
}

export function complaint(over: Partial<ComplaintFact> = {}): ComplaintFact {
  return {
    id: id('c'),
    place: AKIMAT_A,
    registeredMs: at('2025-03-03T10:00:00+05:00'),
    dueMs: at('2025-03-10T20:00:00+05:00'),
    answeredMs: at('2025-03-07T12:00:00+05:00'),
    outcome: 'justified_satisfied',
    ...over,
  };
}

export function survey(over: Partial<SurveyFact> = {}): SurveyFact {
  return {
    place: AKIMAT_A,
    subject: 'application',
    answeredOn: day('2025-03-11'),
    scores: { '2.1': 5, '3.1': 5, '5.1': 5 },
    ...over,
  };
}
