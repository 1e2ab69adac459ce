import { describe, expect, it } from 'vitest';
import {
  ACTION_TARGET,
  AKIMAT_TRANSITIONS,
  allowedActions,
  DECIDING_ACTIONS,
  DEFAULT_DEADLINE_RULES,
  isFinal,
  ONLINE_TRANSITIONS,
  PSC_TRANSITIONS,
} from './application';
import { CHANNEL_DOCUMENTS, missingDocuments } from './documents-checklist';

// The tables are the specification: they are restated here literally, so a change to either is deliberate.
describe('state tables', () => {
  it('akimat (R-7 §7: served in the same visit)', () => {
    expect(AKIMAT_TRANSITIONS).toEqual({
      received: ['issue_certificate', 'refuse'],
      certificate_issued: [],
      refused: [],
    });
  });

  it('PSC (R-11..R-13, R-2)', () => {
    expect(PSC_TRANSITIONS).toEqual({
      received: ['check_documents'],
      documents_checked: ['refuse_at_intake', 'accept'],
      refused_at_intake: [],
      accepted: ['send_to_akimat'],
      sent_to_akimat: ['decide'],
      decided: ['return_to_psc'],
      returned_to_psc: ['hand_over'],
      handed_over: [],
    });
  });

  it('online (R-22: at once)', () => {
    expect(ONLINE_TRANSITIONS).toEqual({
      received: ['issue_certificate', 'refuse'],
      certificate_issued: [],
      refused: [],
    });
  });

  it('every action has one target status', () => {
    expect(ACTION_TARGET).toEqual({
      issue_certificate: 'certificate_issued',
      refuse: 'refused',
      check_documents: 'documents_checked',
      refuse_at_intake: 'refused_at_intake',
      accept: 'accepted',
      send_to_akimat: 'sent_to_akimat',
      decide: 'decided',
      return_to_psc: 'returned_to_psc',
      hand_over: 'handed_over',
    });
    expect([...DECIDING_ACTIONS].sort()).toEqual([
      'decide',
      'issue_certificate',
      'refuse',
      'refuse_at_intake',
    ]);
  });

  it.each([
    ['akimat', 'received', false],
    ['akimat', 'certificate_issued', true],
    ['akimat', 'refused', true],
    ['psc', 'decided', false],
    ['psc', 'refused_at_intake', true],
    ['psc', 'handed_over', true],
    ['online', 'refused', true],
  ] as const)('%s %s final: %s', (channel, status, final) => {
    expect(isFinal(channel, status)).toBe(final);
  });

  it('a status of another channel allows nothing', () => {
    expect(allowedActions('akimat', 'accepted')).toEqual([]);
    expect(allowedActions('online', 'documents_checked')).toEqual([]);
  });

  // 2 working days at a PSC, the same day at the akimat, at once online.
  it('default deadlines per channel', () => {
    expect(DEFAULT_DEADLINE_RULES).toEqual({
      akimat: { unit: 'working_days', amount: 0 },
      psc: { unit: 'working_days', amount: 2 },
      online: { unit: 'minutes', amount: 0 },
    });
  });
});

// R-11 (§11): the documents each channel requires.
describe('documents checklist', () => {
  it('lists the documents of §11 per channel', () => {
    expect(CHANNEL_DOCUMENTS).toEqual({
      akimat: ['identity_document'],
      psc: ['application', 'identity_copy', 'identity_original'],
      online: [],
    });
  });

  it.each([
    ['psc', null, ['application', 'identity_copy', 'identity_original']],
    ['psc', { application: true, identity_copy: true, identity_original: true }, []],
    ['psc', { application: true, identity_copy: false, identity_original: true }, ['identity_copy']],
    ['psc', { application: true, identity_copy: true }, ['identity_original']],
    ['akimat', { identity_document: false }, ['identity_document']],
    ['akimat', { identity_document: true }, []],
    ['online', null, []],
  ] as const)('%s %j → missing %j', (channel, checklist, missing) => {
    expect(missingDocuments(channel, checklist)).toEqual(missing);
  });
});
