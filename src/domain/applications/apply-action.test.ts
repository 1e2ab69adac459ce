import { describe, expect, it } from 'vitest';
import type { Application, ApplicationEvent } from './application';
import { type ApplicationCommand, applyAction, receiveApplication } from './apply-action';
import {
  AKIMAT,
  actorFor,
  applicant,
  calendar,
  citizen,
  ctx,
  IIN,
  MINUTE,
  OTHER_AKIMAT,
  OTHER_IIN,
  officer,
  operator,
  otherCitizen,
  otherOfficer,
  otherOperator,
  PSC,
  reach,
  received,
  T0,
  unwrap,
  validCommand,
} from './fixtures.test-support';

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

// Every allowed transition of the three tables, with a valid command (R-7, R-11..R-13, R-22).
describe('every allowed transition', () => {
  it.each([
    ['akimat', 'received', 'issue_certificate', 'certificate_issued'],
    ['akimat', 'received', 'refuse', 'refused'],
    ['psc', 'received', 'check_documents', 'documents_checked'],
    ['psc', 'documents_checked', 'refuse_at_intake', 'refused_at_intake'],
    ['psc', 'documents_checked', 'accept', 'accepted'],
    ['psc', 'accepted', 'send_to_akimat', 'sent_to_akimat'],
    ['psc', 'sent_to_akimat', 'decide', 'decided'],
    ['psc', 'decided', 'return_to_psc', 'returned_to_psc'],
    ['psc', 'returned_to_psc', 'hand_over', 'handed_over'],
    ['online', 'received', 'issue_certificate', 'certificate_issued'],
    ['online', 'received', 'refuse', 'refused'],
  ] as const)('%s: %s --%s--> %s', (channel, from, action, to) => {
    const app = reach(channel, from, action === 'refuse_at_intake');
    const actor = actorFor(action, channel);
    const at = T0 + 60 * MINUTE;
    const before = structuredClone(app);
    const { application, event } = unwrap(applyAction(app, validCommand(action, channel), ctx(actor, at)));
    expect(application.status).toBe(to);
    expect(application.version).toBe(app.version + 1);
    expect(app).toEqual(before); // values, never mutated
    expect(event).toMatchObject({
      applicationId: 'app-1',
      seq: app.version + 1,
      action,
      fromStatus: from,
      toStatus: to,
      at: '2026-11-25T11:00:00+05:00',
      actorId: actor.userId,
      actorRole: actor.role,
      officeId: actor.officeId ?? actor.kato ?? null,
    });
    expect(JSON.stringify(event)).not.toContain(IIN); // no IIN in clear in the audit trail
  });
});

// A sample of forbidden ones: deciding twice is 409 ALREADY_DECIDED, anything else off the table INVALID_TRANSITION.
describe('forbidden transitions', () => {
  it.each([
    ['akimat', 'received', 'accept', 'APPLICATION.INVALID_TRANSITION'],
    ['akimat', 'received', 'decide', 'APPLICATION.INVALID_TRANSITION'],
    ['akimat', 'certificate_issued', 'refuse', 'APPLICATION.ALREADY_DECIDED'],
    ['akimat', 'refused', 'issue_certificate', 'APPLICATION.ALREADY_DECIDED'],
    ['akimat', 'certificate_issued', 'hand_over', 'APPLICATION.INVALID_TRANSITION'],
    ['psc', 'received', 'decide', 'APPLICATION.INVALID_TRANSITION'],
    ['psc', 'received', 'accept', 'APPLICATION.INVALID_TRANSITION'],
    ['psc', 'received', 'hand_over', 'APPLICATION.INVALID_TRANSITION'],
    ['psc', 'documents_checked', 'send_to_akimat', 'APPLICATION.INVALID_TRANSITION'],
    ['psc', 'documents_checked', 'check_documents', 'APPLICATION.INVALID_TRANSITION'],
    ['psc', 'accepted', 'hand_over', 'APPLICATION.INVALID_TRANSITION'],
    ['psc', 'accepted', 'decide', 'APPLICATION.INVALID_TRANSITION'],
    ['psc', 'sent_to_akimat', 'issue_certificate', 'APPLICATION.INVALID_TRANSITION'],
    ['psc', 'sent_to_akimat', 'return_to_psc', 'APPLICATION.INVALID_TRANSITION'],
    ['psc', 'decided', 'decide', 'APPLICATION.ALREADY_DECIDED'],
    ['psc', 'decided', 'hand_over', 'APPLICATION.INVALID_TRANSITION'],
    ['psc', 'returned_to_psc', 'refuse', 'APPLICATION.ALREADY_DECIDED'],
    ['psc', 'handed_over', 'return_to_psc', 'APPLICATION.INVALID_TRANSITION'],
    ['psc', 'handed_over', 'hand_over', 'APPLICATION.INVALID_TRANSITION'],
    ['psc', 'refused_at_intake', 'accept', 'APPLICATION.INVALID_TRANSITION'],
    ['psc', 'refused_at_intake', 'decide', 'APPLICATION.ALREADY_DECIDED'],
    ['online', 'received', 'check_documents', 'APPLICATION.INVALID_TRANSITION'],
    ['online', 'certificate_issued', 'issue_certificate', 'APPLICATION.ALREADY_DECIDED'],
  ] as const)('%s: %s --%s--> %s', (channel, from, action, code) => {
    const app = reach(channel, from);
    const r = applyAction(
      app,
      validCommand(action, channel),
      ctx(actorFor(action, channel), T0 + 60 * MINUTE),
    );
    expect(codeOf(r)).toBe(code);
  });

  it('an unknown action is an invalid transition', () => {
    const r = applyAction(
      received('akimat'),
      { type: 'approve' } as unknown as ApplicationCommand,
      ctx(officer, T0),
    );
    expect(codeOf(r)).toBe('APPLICATION.INVALID_TRANSITION');
  });
});

describe('receiving (R-3, R-11, R-22)', () => {
  it('records the channel, office, documents and the same-day deadline at the akimat', () => {
    const { application, event } = unwrap(
      receiveApplication(
        { channel: 'akimat', id: 'a-1', applicant, akimatKato: AKIMAT, identityDocumentShown: true },
        ctx(officer, T0),
      ),
    );
    expect(application).toMatchObject({
      status: 'received',
      channel: 'akimat',
      akimatKato: AKIMAT,
      pscOfficeId: null,
      documents: { identity_document: true },
      receivedAt: '2026-11-25T10:00:00+05:00',
      version: 1,
      decision: null,
    });
    // at the akimat the service is given within the visit — by the closing time of the same day.
    expect(application.deadline?.dueAt).toBe('2026-11-25T18:00:00+05:00');
    expect(event).toEqual({
      applicationId: 'a-1',
      seq: 1,
      action: 'receive',
      fromStatus: null,
      toStatus: 'received',
      at: '2026-11-25T10:00:00+05:00',
      actorId: 'u-akimat',
      actorRole: 'akimat_officer',
      officeId: AKIMAT,
      details: {
        channel: 'akimat',
        applicantIin: '********0017',
        akimatKato: AKIMAT,
        documents: { identity_document: true },
        dueAt: '2026-11-25T18:00:00+05:00',
      },
    });
  });

  it('starts no clock at a PSC until the documents are accepted', () => {
    const app = received('psc');
    expect(app.deadline).toBeNull();
    expect(app.documents).toBeNull();
  });

  it('online, the deadline is the moment of the request', () => {
    const app = received('online');
    expect(app.deadline).toMatchObject({
      dueAt: '2026-11-25T10:00:00+05:00',
      rule: { unit: 'minutes', amount: 0 },
    });
  });

  it.each([
    [
      'a bad check digit',
      {
        channel: 'akimat',
        id: 'a',
        applicant: { ...applicant, iin: '900101300018' },
        akimatKato: AKIMAT,
        identityDocumentShown: true,
      },
      officer,
      'IIN.BAD_CHECK_DIGIT',
    ],
    [
      'no name',
      { channel: 'psc', id: 'a', applicant: { ...applicant, name: ' ' }, pscOfficeId: PSC },
      operator,
      'APPLICATION.BAD_INPUT',
    ],
    ['no id', { channel: 'online', id: '', applicant }, citizen, 'APPLICATION.BAD_INPUT'],
    [
      'another akimat',
      { channel: 'akimat', id: 'a', applicant, akimatKato: AKIMAT, identityDocumentShown: true },
      otherOfficer,
      'APPLICATION.WRONG_OFFICE',
    ],
    [
      'another PSC',
      { channel: 'psc', id: 'a', applicant, pscOfficeId: PSC },
      otherOperator,
      'APPLICATION.WRONG_OFFICE',
    ],
    [
      'someone else online (R-2)',
      { channel: 'online', id: 'a', applicant },
      otherCitizen,
      'APPLICATION.NOT_OWN_APPLICATION',
    ],
    [
      'a KATO that is not nine digits',
      { channel: 'akimat', id: 'a', applicant, akimatKato: '113243', identityDocumentShown: true },
      officer,
      'APPLICATION.BAD_INPUT',
    ],
  ] as const)('refuses to receive with %s', (_, input, actor, code) => {
    expect(codeOf(receiveApplication(input, ctx(actor, T0)))).toBe(code);
  });

  it('needs the calendar for a working-day deadline', () => {
    const r = receiveApplication(
      { channel: 'akimat', id: 'a', applicant, akimatKato: AKIMAT, identityDocumentShown: true },
      { actor: officer, at: T0 },
    );
    expect(codeOf(r)).toBe('APPLICATION.CALENDAR_REQUIRED');
  });
});

// documents first — with one missing only ground 1 applies, with all present only ground 2.
describe('grounds against documents', () => {
  const shownNone = () => received('akimat', { identityShown: false });

  it('at the akimat without the identity card: refusal on ground 1, never a certificate', () => {
    expect(
      codeOf(applyAction(shownNone(), validCommand('issue_certificate', 'akimat'), ctx(officer, T0))),
    ).toBe('APPLICATION.DOCUMENTS_INCOMPLETE');
    expect(codeOf(applyAction(shownNone(), validCommand('refuse', 'akimat'), ctx(officer, T0)))).toBe(
      'APPLICATION.DOCUMENTS_INCOMPLETE',
    );
    const { application } = unwrap(
      applyAction(
        shownNone(),
        {
          type: 'refuse',
          documentNumber: '113243-2026-R000001',
          refusal: { ground: 'incomplete_documents' },
        },
        ctx(officer, T0 + MINUTE),
      ),
    );
    expect(application.decision).toEqual({
      outcome: 'refusal',
      documentNumber: '113243-2026-R000001',
      refusal: { ground: 'incomplete_documents', missing: ['identity_document'] },
    });
  });

  it('with the identity card shown, ground 1 does not apply', () => {
    const r = applyAction(
      received('akimat'),
      { type: 'refuse', documentNumber: 'x', refusal: { ground: 'incomplete_documents' } },
      ctx(officer, T0),
    );
    expect(codeOf(r)).toBe('APPLICATION.DOCUMENTS_COMPLETE');
  });

  it('ground 2 carries the lookup facts and the day the book was read', () => {
    const { application } = unwrap(
      applyAction(
        received('akimat'),
        {
          type: 'refuse',
          documentNumber: '113243-2026-R000002',
          refusal: {
            ground: 'no_psf_record',
            reason: 'HOUSEHOLD_CLOSED',
            facts: {
              householdId: 'h-9',
              bookNumber: '3',
              accountNumber: '117',
              closedOn: '2025-06-01' as never,
            },
          },
        },
        ctx(officer, T0 + MINUTE),
      ),
    );
    expect(application.decision).toEqual({
      outcome: 'refusal',
      documentNumber: '113243-2026-R000002',
      refusal: {
        ground: 'no_psf_record',
        reason: 'HOUSEHOLD_CLOSED',
        facts: { householdId: 'h-9', bookNumber: '3', accountNumber: '117', closedOn: '2025-06-01' },
        akimatKato: AKIMAT,
        asOf: '2026-11-25',
      },
    });
    expect(application.completedAt).toBe('2026-11-25T10:01:00+05:00');
  });

  it('ground 2 needs a reason of the lookup', () => {
    const r = applyAction(
      received('akimat'),
      {
        type: 'refuse',
        documentNumber: 'x',
        refusal: { ground: 'no_psf_record', reason: 'MOON' as never, facts: {} },
      },
      ctx(officer, T0),
    );
    expect(codeOf(r)).toBe('APPLICATION.BAD_INPUT');
  });

  it('a third ground does not exist', () => {
    const r = applyAction(
      received('akimat'),
      { type: 'refuse', documentNumber: 'x', refusal: { ground: 'arrears' } as never },
      ctx(officer, T0),
    );
    expect(codeOf(r)).toBe('APPLICATION.BAD_INPUT');
  });
});

describe('the PSC flow (R-11..R-13, R-2)', () => {
  it('goes intake → acceptance with the due date → akimat → decision → back → hand-over, one event each', () => {
    const events: ApplicationEvent[] = [];
    let app: Application = received('psc');
    const run = (command: ApplicationCommand, actor = operator, minutes = 1) => {
      const t = unwrap(applyAction(app, command, ctx(actor, T0 + minutes * MINUTE)));
      app = t.application;
      events.push(t.event);
      return t.event;
    };
    expect(
      run({
        type: 'check_documents',
        documents: { application: true, identity_copy: true, identity_original: true },
      }),
    ).toMatchObject({ details: { missing: [] } });
    const accepted = run({ type: 'accept' }, operator, 2);
    // 2 working days, Wed 25 Nov not counted → Fri 27 Nov at the PSC's closing time (20:00).
    expect(accepted.details).toEqual({
      rule: { unit: 'working_days', amount: 2 },
      dueAt: '2026-11-27T20:00:00+05:00',
      dueDate: '2026-11-27',
    });
    expect(app.deadline).toMatchObject({
      startAt: '2026-11-25T10:02:00+05:00',
      dueAt: '2026-11-27T20:00:00+05:00',
    });
    run({ type: 'send_to_akimat', akimatKato: AKIMAT }, operator, 3);
    expect(app.akimatKato).toBe(AKIMAT);
    run(validCommand('decide', 'psc'), officer, 60);
    expect(app.decidedAt).toBe('2026-11-25T11:00:00+05:00');
    expect(app.completedAt).toBeNull(); // the result is not yet where the applicant collects it
    run({ type: 'return_to_psc' }, officer, 61);
    expect(app.completedAt).toBe('2026-11-25T11:01:00+05:00');
    expect(
      codeOf(
        applyAction(app, { type: 'hand_over', presentedIin: OTHER_IIN }, ctx(operator, T0 + 100 * MINUTE)),
      ),
    ).toBe('APPLICATION.HANDOVER_WRONG_PERSON');
    const handed = run({ type: 'hand_over', presentedIin: IIN }, operator, 120);
    expect(handed.details).toEqual({ presentedIin: '********0017' });
    expect(app.status).toBe('handed_over');
    expect(app.handedOverAt).toBe('2026-11-25T12:00:00+05:00');
    expect(events.map((e) => [e.seq, e.action, e.officeId])).toEqual([
      [2, 'check_documents', PSC],
      [3, 'accept', PSC],
      [4, 'send_to_akimat', PSC],
      [5, 'decide', AKIMAT],
      [6, 'return_to_psc', AKIMAT],
      [7, 'hand_over', PSC],
    ]);
  });

  it.each([
    ['a different person (R-2)', OTHER_IIN, 'APPLICATION.HANDOVER_WRONG_PERSON'],
    ['a mistyped IIN', '900101300018', 'IIN.BAD_CHECK_DIGIT'],
    ['nothing', '', 'IIN.BAD_FORMAT'],
  ] as const)('hands over to %s: %s', (_, presentedIin, code) => {
    const app = reach('psc', 'returned_to_psc');
    const r = applyAction(app, { type: 'hand_over', presentedIin }, ctx(operator, T0 + 100 * MINUTE));
    expect(codeOf(r)).toBe(code);
    if (!r.ok && code === 'APPLICATION.HANDOVER_WRONG_PERSON') {
      expect(JSON.stringify(r.error)).not.toContain(OTHER_IIN);
    }
  });

  it('cannot accept an incomplete package, and refuses it at intake on ground 1 at once', () => {
    const checked = reach('psc', 'documents_checked', true);
    const accept = applyAction(checked, { type: 'accept' }, ctx(operator, T0 + 5 * MINUTE));
    expect(accept.ok ? undefined : accept.error).toMatchObject({
      code: 'APPLICATION.DOCUMENTS_INCOMPLETE',
      details: { missing: ['identity_copy'] },
    });
    const { application } = unwrap(
      applyAction(
        checked,
        { type: 'refuse_at_intake', documentNumber: 'psc-01-2026-R000003' },
        ctx(operator, T0 + 5 * MINUTE),
      ),
    );
    expect(application).toMatchObject({
      status: 'refused_at_intake',
      deadline: null,
      completedAt: '2026-11-25T10:05:00+05:00',
      decision: {
        outcome: 'refusal',
        documentNumber: 'psc-01-2026-R000003',
        refusal: { ground: 'incomplete_documents', missing: ['identity_copy'] },
      },
    });
  });

  it('does not refuse a complete package at intake', () => {
    const r = applyAction(
      reach('psc', 'documents_checked'),
      { type: 'refuse_at_intake', documentNumber: 'x' },
      ctx(operator, T0 + 5 * MINUTE),
    );
    expect(codeOf(r)).toBe('APPLICATION.DOCUMENTS_COMPLETE');
  });

  it('records every document as present or absent (R-11)', () => {
    const r = applyAction(
      received('psc'),
      { type: 'check_documents', documents: { application: true } },
      ctx(operator, T0 + MINUTE),
    );
    expect(r.ok ? undefined : r.error).toMatchObject({
      code: 'APPLICATION.BAD_INPUT',
      details: { unanswered: ['identity_copy', 'identity_original'] },
    });
  });

  it('the akimat refuses on ground 2 only (the PSC checked the documents)', () => {
    const app = reach('psc', 'sent_to_akimat');
    const ground1 = applyAction(
      app,
      {
        type: 'decide',
        decision: { outcome: 'refusal', documentNumber: 'x', refusal: { ground: 'incomplete_documents' } },
      },
      ctx(officer, T0 + 60 * MINUTE),
    );
    expect(codeOf(ground1)).toBe('APPLICATION.DOCUMENTS_COMPLETE');
    const ground2 = applyAction(
      app,
      {
        type: 'decide',
        decision: {
          outcome: 'refusal',
          documentNumber: '113243-2026-R000004',
          refusal: { ground: 'no_psf_record', reason: 'NOT_IN_BOOK', facts: {} },
        },
      },
      ctx(officer, T0 + 60 * MINUTE),
    );
    expect(unwrap(ground2).application.decision).toMatchObject({
      outcome: 'refusal',
      refusal: { ground: 'no_psf_record' },
    });
  });

  it.each([
    ['another PSC checks documents', 'received', { type: 'check_documents', documents: {} }, otherOperator],
    ['another PSC accepts', 'documents_checked', { type: 'accept' }, otherOperator],
    ['an akimat officer accepts', 'documents_checked', { type: 'accept' }, officer],
    ['another akimat decides', 'sent_to_akimat', validCommand('decide', 'psc'), otherOfficer],
    ['a PSC operator decides', 'sent_to_akimat', validCommand('decide', 'psc'), operator],
    ['another PSC hands over', 'returned_to_psc', { type: 'hand_over', presentedIin: IIN }, otherOperator],
    ['another office returns it', 'decided', { type: 'return_to_psc' }, otherOperator],
  ] as const)('%s: APPLICATION.WRONG_OFFICE', (_, status, command, actor) => {
    const r = applyAction(reach('psc', status), command as ApplicationCommand, ctx(actor, T0 + 60 * MINUTE));
    expect(codeOf(r)).toBe('APPLICATION.WRONG_OFFICE');
  });

  it('the PSC itself may record that the result came back', () => {
    const r = applyAction(
      reach('psc', 'decided'),
      { type: 'return_to_psc' },
      ctx(operator, T0 + 60 * MINUTE),
    );
    expect(unwrap(r).event.officeId).toBe(PSC);
  });

  it('sends only to an akimat given by its KATO', () => {
    const r = applyAction(
      reach('psc', 'accepted'),
      { type: 'send_to_akimat', akimatKato: 'akimat' },
      ctx(operator, T0),
    );
    expect(codeOf(r)).toBe('APPLICATION.BAD_INPUT');
  });

  it('needs the calendar to accept, and fails loudly outside its coverage', () => {
    const checked = reach('psc', 'documents_checked');
    expect(codeOf(applyAction(checked, { type: 'accept' }, { actor: operator, at: T0 }))).toBe(
      'APPLICATION.CALENDAR_REQUIRED',
    );
    const late = Date.parse('2027-12-30T10:00:00+05:00');
    expect(codeOf(applyAction(checked, { type: 'accept' }, { actor: operator, at: late, calendar }))).toBe(
      'CALENDAR.OUT_OF_COVERAGE',
    );
  });

  it('takes a configured rule and the branch schedule (R-7, R-10)', () => {
    const checked = reach('psc', 'documents_checked');
    const { application } = unwrap(
      applyAction(
        checked,
        { type: 'accept' },
        {
          actor: operator,
          at: T0,
          calendar,
          schedule: 'psc_branch',
          deadlineRules: { psc: { unit: 'working_days', amount: 3 } },
        },
      ),
    );
    expect(application.deadline?.dueAt).toBe('2026-11-30T19:00:00+05:00');
  });
});

describe('online (R-22)', () => {
  it('issues at once on behalf of the akimat that keeps the book', () => {
    const { application, event } = unwrap(
      applyAction(received('online'), validCommand('issue_certificate', 'online'), ctx(citizen, T0 + 1000)),
    );
    expect(application).toMatchObject({
      status: 'certificate_issued',
      akimatKato: AKIMAT,
      decision: { outcome: 'certificate', akimatKato: AKIMAT, householdId: 'h-1', householdVersion: 3 },
    });
    expect(event.officeId).toBeNull();
  });

  it('needs the akimat of the book', () => {
    const r = applyAction(
      received('online'),
      { type: 'issue_certificate', documentNumber: 'n', householdId: 'h', householdVersion: 1 },
      ctx(citizen, T0),
    );
    expect(codeOf(r)).toBe('APPLICATION.BAD_INPUT');
  });

  it('refuses on ground 2 with no akimat when the applicant is in no book', () => {
    const { application } = unwrap(
      applyAction(
        received('online'),
        {
          type: 'refuse',
          documentNumber: 'online-2026-R000001',
          refusal: { ground: 'no_psf_record', reason: 'NOT_IN_BOOK', facts: {}, akimatKato: null },
        },
        ctx(citizen, T0),
      ),
    );
    expect(application.decision).toMatchObject({ refusal: { akimatKato: null, reason: 'NOT_IN_BOOK' } });
  });

  it('only for the signed-in applicant', () => {
    const r = applyAction(
      received('online'),
      validCommand('issue_certificate', 'online'),
      ctx(otherCitizen, T0),
    );
    expect(codeOf(r)).toBe('APPLICATION.NOT_OWN_APPLICATION');
  });

  it('ground 1 never applies online', () => {
    const r = applyAction(
      received('online'),
      { type: 'refuse', documentNumber: 'x', refusal: { ground: 'incomplete_documents' } },
      ctx(citizen, T0),
    );
    expect(codeOf(r)).toBe('APPLICATION.DOCUMENTS_COMPLETE');
  });
});

describe('the akimat counter', () => {
  it('issues only by its own akimat', () => {
    const own = received('akimat');
    expect(codeOf(applyAction(own, validCommand('issue_certificate', 'akimat'), ctx(otherOfficer, T0)))).toBe(
      'APPLICATION.WRONG_OFFICE',
    );
    const foreign = applyAction(
      own,
      { ...validCommand('issue_certificate', 'akimat'), akimatKato: OTHER_AKIMAT } as ApplicationCommand,
      ctx(officer, T0),
    );
    expect(codeOf(foreign)).toBe('APPLICATION.BAD_INPUT');
  });

  it.each([
    ['no number', { type: 'issue_certificate', documentNumber: '', householdId: 'h', householdVersion: 1 }],
    [
      'no household',
      { type: 'issue_certificate', documentNumber: 'n', householdId: '', householdVersion: 1 },
    ],
    ['version 0', { type: 'issue_certificate', documentNumber: 'n', householdId: 'h', householdVersion: 0 }],
    [
      'a refusal without number',
      {
        type: 'refuse',
        documentNumber: ' ',
        refusal: { ground: 'no_psf_record', reason: 'NOT_IN_BOOK', facts: {} },
      },
    ],
  ] as const)('rejects %s', (_, command) => {
    expect(codeOf(applyAction(received('akimat'), command as ApplicationCommand, ctx(officer, T0)))).toBe(
      'APPLICATION.BAD_INPUT',
    );
  });
});
