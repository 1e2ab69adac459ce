/**
 * Shared test values for the application tests (imported only by `*.test.ts`): actors of the three channels, a
 * calendar from the committed data, and commands that are valid for each action.
 */
import kzJson from '../../../data/calendar/kz.json';
import type { Actor } from '../access/policy';
import { buildCalendar, type WorkingCalendar } from '../calendar/index';
import type { Application, ApplicationAction, ApplicationStatus, Channel } from './application';
import { type ActionContext, type ApplicationCommand, applyAction, receiveApplication } from './apply-action';

export const IIN = '900101300017';
export const OTHER_IIN = '850712400406';
export const AKIMAT = '113243000';
export const OTHER_AKIMAT = '113245000';
export const PSC = 'psc-01';

export const officer: Actor = { userId: 'u-akimat', role: 'akimat_officer', kato: AKIMAT, officeId: null };
export const otherOfficer: Actor = {
  userId: 'u-akimat-2',
  role: 'akimat_officer',
  kato: OTHER_AKIMAT,
  officeId: null,
};
export const operator: Actor = { userId: 'u-psc', role: 'psc_operator', kato: null, officeId: PSC };
export const otherOperator: Actor = {
  userId: 'u-psc-2',
  role: 'psc_operator',
  kato: null,
  officeId: 'psc-02',
};
export const citizen: Actor = { userId: 'u-citizen', role: 'citizen', kato: null, officeId: null, iin: IIN };
export const otherCitizen: Actor = {
  userId: 'u-citizen-2',
  role: 'citizen',
  kato: null,
  officeId: null,
  iin: OTHER_IIN,
};

export const calendar: WorkingCalendar = (() => {
  const r = buildCalendar(kzJson);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
})();

export const applicant = { iin: IIN, surname: 'Сейітов', name: 'Бауыржан', patronymic: 'Қанатұлы' };

/** Wed 25 Nov 2026, 10:00 in Almaty. */
export const T0 = Date.parse('2026-11-25T10:00:00+05:00');
export const MINUTE = 60_000;

export const ctx = (actor: Actor, at: number): ActionContext => ({ actor, at, calendar });

export function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

export function received(channel: Channel, options: { identityShown?: boolean } = {}): Application {
  const input =
    channel === 'akimat'
      ? ({
          channel,
          id: 'app-1',
          applicant,
          akimatKato: AKIMAT,
          identityDocumentShown: options.identityShown ?? true,
        } as const)
      : channel === 'psc'
        ? ({ channel, id: 'app-1', applicant, pscOfficeId: PSC } as const)
        : ({ channel, id: 'app-1', applicant } as const);
  const actor = channel === 'akimat' ? officer : channel === 'psc' ? operator : citizen;
  return unwrap(receiveApplication(input, ctx(actor, T0))).application;
}

const COMPLETE = { application: true, identity_copy: true, identity_original: true };
const NO_COPY = { application: true, identity_copy: false, identity_original: true };

/** A command that is valid for `action` on an application that is in the right status. */
export function validCommand(action: ApplicationAction, channel: Channel): ApplicationCommand {
  switch (action) {
    case 'issue_certificate':
      return {
        type: action,
        documentNumber: '113243-2026-000042',
        householdId: 'h-1',
        householdVersion: 3,
        ...(channel === 'online' ? { akimatKato: AKIMAT } : {}),
      };
    case 'refuse':
      return {
        type: action,
        documentNumber: '113243-2026-R000007',
        refusal: { ground: 'no_psf_record', reason: 'NOT_IN_BOOK', facts: {} },
      };
    case 'check_documents':
      return { type: action, documents: COMPLETE };
    case 'refuse_at_intake':
      return { type: action, documentNumber: 'psc-01-2026-R000001' };
    case 'accept':
      return { type: action };
    case 'send_to_akimat':
      return { type: action, akimatKato: AKIMAT };
    case 'decide':
      return {
        type: action,
        decision: {
          outcome: 'certificate',
          documentNumber: '113243-2026-000042',
          householdId: 'h-1',
          householdVersion: 3,
        },
      };
    case 'return_to_psc':
      return { type: action };
    case 'hand_over':
      return { type: action, presentedIin: IIN };
  }
}

/** Who performs `action` in `channel`. */
export function actorFor(action: ApplicationAction, channel: Channel): Actor {
  if (channel === 'online') return citizen;
  if (channel === 'akimat') return officer;
  return action === 'decide' || action === 'return_to_psc' ? officer : operator;
}

const PSC_PATH: readonly ApplicationAction[] = [
  'check_documents',
  'accept',
  'send_to_akimat',
  'decide',
  'return_to_psc',
  'hand_over',
];

/**
 * An application of `channel` driven by valid commands to `status`, one minute per step. For
 * `refused_at_intake`, and with `incomplete`, the PSC's checklist lacks the identity copy.
 */
export function reach(channel: Channel, status: ApplicationStatus, incomplete = false): Application {
  let app = received(channel);
  let at = T0;
  const step = (command: ApplicationCommand, action: ApplicationAction) => {
    at += MINUTE;
    app = unwrap(applyAction(app, command, ctx(actorFor(action, channel), at))).application;
  };
  if (status === 'received') return app;
  if (channel !== 'psc') {
    const action = status === 'certificate_issued' ? 'issue_certificate' : 'refuse';
    step(validCommand(action, channel), action);
    return app;
  }
  if (status === 'refused_at_intake') {
    step({ type: 'check_documents', documents: NO_COPY }, 'check_documents');
    step(validCommand('refuse_at_intake', channel), 'refuse_at_intake');
    return app;
  }
  for (const action of PSC_PATH) {
    const command =
      action === 'check_documents' && incomplete
        ? ({ type: action, documents: NO_COPY } as const)
        : validCommand(action, channel);
    step(command, action);
    if (app.status === status) return app;
  }
  throw new Error(`cannot reach ${channel} ${status}`);
}
