import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/policy';
import {
  ACTION_TARGET,
  APPLICATION_ACTIONS,
  type Application,
  allowedActions,
  CHANNELS,
  DECIDING_ACTIONS,
} from './application';
import { type ApplicationCommand, applyAction } from './apply-action';
import {
  actorFor,
  citizen,
  ctx,
  IIN,
  MINUTE,
  OTHER_IIN,
  officer,
  operator,
  otherCitizen,
  otherOfficer,
  otherOperator,
  received,
  T0,
  validCommand,
} from './fixtures.test-support';

const actors: readonly Actor[] = [officer, otherOfficer, operator, otherOperator, citizen, otherCitizen];

/** Valid and invalid commands of every kind, in every channel's flavour. */
const commands: readonly ApplicationCommand[] = [
  ...CHANNELS.flatMap((channel) => APPLICATION_ACTIONS.map((action) => validCommand(action, channel))),
  {
    type: 'check_documents',
    documents: { application: true, identity_copy: false, identity_original: true },
  },
  { type: 'hand_over', presentedIin: OTHER_IIN },
  { type: 'hand_over', presentedIin: IIN },
  { type: 'refuse', documentNumber: 'r', refusal: { ground: 'incomplete_documents' } },
  {
    type: 'decide',
    decision: {
      outcome: 'refusal',
      documentNumber: 'r',
      refusal: { ground: 'no_psf_record', reason: 'NOTHING_KEPT', facts: {} },
    },
  },
];

// and the state tables as properties: whatever anyone tries, in any order.
describe('application state machine (properties)', () => {
  it('never decides twice, follows its table, and keeps one event per transition', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHANNELS),
        // Mostly the right person for the action, so that runs get deep into the PSC flow; sometimes anyone.
        fc.array(fc.tuple(fc.constantFrom(...commands), fc.option(fc.constantFrom(...actors), { freq: 3 })), {
          maxLength: 14,
        }),
        (channel, steps) => {
          let app: Application = received(channel);
          let decisions = 0;
          const seen = new Set([app.status]);
          for (const [i, [command, anyone]] of steps.entries()) {
            const before = app;
            const actor = anyone ?? actorFor(command.type, channel);
            const r = applyAction(app, command, ctx(actor, T0 + (i + 1) * MINUTE));
            if (!r.ok) {
              expect(r.error.code).toMatch(/^(APPLICATION|IIN|CALENDAR)\./);
              continue;
            }
            const { application, event } = r.value;
            expect(allowedActions(channel, before.status)).toContain(command.type);
            expect(application.status).toBe(ACTION_TARGET[command.type]);
            expect(event).toMatchObject({
              seq: before.version + 1,
              fromStatus: before.status,
              toStatus: application.status,
            });
            if (before.decision !== null) expect(application.decision).toEqual(before.decision);
            if (DECIDING_ACTIONS.has(command.type)) decisions++;
            // The tables have no cycles: a status is never entered twice.
            expect(seen.has(application.status)).toBe(false);
            seen.add(application.status);
            app = application;
          }
          expect(decisions).toBeLessThanOrEqual(1);
          expect(app.version).toBe(seen.size);
          if (app.decision !== null) expect(app.decidedAt).not.toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });
});
