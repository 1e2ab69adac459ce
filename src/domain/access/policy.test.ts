import { describe, expect, it } from 'vitest';
import { ACCESS, ACTIONS, type Actor, can, decide } from './policy';
import { ROLES } from './roles';

// one policy decides every access. Territory: Akmola oblast 11…, Akkol district 1132…, Kenes rural district 113243….
const actors: Record<string, Actor> = {
  akimat: { userId: 'u1', role: 'akimat_officer', kato: '113243000', officeId: null },
  psc: { userId: 'u2', role: 'psc_operator', kato: null, officeId: 'psc-03' },
  director: { userId: 'u3', role: 'psc_director', kato: null, officeId: 'psc-03' },
  district: { userId: 'u4', role: 'district_akim', kato: '113200000', officeId: null },
  oblast: { userId: 'u5', role: 'oblast_akim', kato: '110000000', officeId: null },
  ministry: { userId: 'u6', role: 'ministry_analyst', kato: null, officeId: null },
  admin: { userId: 'u7', role: 'admin', kato: null, officeId: null },
  auditor: { userId: 'u8', role: 'auditor', kato: null, officeId: null },
  citizen: { userId: 'u9', role: 'citizen', kato: null, officeId: null, iin: '900101300017' },
};

describe('decide (R-14)', () => {
  it.each([
    // actor, action, resource, allowed
    ['akimat', 'household.read', { kato: '113243100' }, true], // a village of own rural district
    ['akimat', 'household.read', { kato: '113241100' }, false], // neighbouring rural district
    ['akimat', 'household.write', { kato: '113243000' }, true],
    ['akimat', 'kpi.read', {}, false],
    ['district', 'household.read', { kato: '113241100' }, true], // any akimat of Akkol district
    ['district', 'household.read', { kato: '111833000' }, false], // Stepnogorsk, another district
    ['district', 'household.write', { kato: '113241100' }, false], // read-only for district akims
    ['oblast', 'household.read', { kato: '111833000' }, true],
    ['oblast', 'household.read', { kato: '191033000' }, false], // another oblast
    ['psc', 'application.psc.intake', { officeId: 'psc-03' }, true],
    ['psc', 'application.psc.intake', { officeId: 'psc-04' }, false],
    ['psc', 'household.read', { kato: '113243000' }, false],
    ['director', 'kpi.read', { officeId: 'psc-03' }, true],
    ['ministry', 'kpi.read', { kato: '191033000' }, true],
    ['ministry', 'household.read', { kato: '113243000' }, false], // reports only
    ['admin', 'users.manage', {}, true],
    ['admin', 'household.read', { kato: '113243000' }, false],
    ['auditor', 'audit.read', {}, true],
    ['auditor', 'users.manage', {}, false],
    ['citizen', 'application.read', { ownerIin: '900101300017' }, true],
    ['citizen', 'application.read', { ownerIin: '850315400025' }, false],
    ['akimat', 'household.read', { kato: null }, false], // unknown territory is never "inside"
    // Issue 5: corrections and revocations by the issuing akimat only.
    ['akimat', 'document.correct', { kato: '113243000' }, true],
    ['akimat', 'document.revoke', { kato: '113243000' }, true],
    ['akimat', 'document.revoke', { kato: '113241000' }, false], // another akimat's certificate
    ['psc', 'document.revoke', { officeId: 'psc-03' }, false],
    ['district', 'document.correct', { kato: '113243000' }, false], // reads, never changes
    ['citizen', 'document.revoke', { ownerIin: '900101300017' }, false],
    ['akimat', 'application.akimat.decide', { kato: '113241000' }, false], // another akimat's application
    // R-8, R-9 (issue 6): operators act on their own office's queue; the director supervises it
    ['psc', 'queue.operate', { officeId: 'psc-03' }, true],
    ['psc', 'queue.operate', { officeId: 'psc-04' }, false], // a desk of another office
    ['psc', 'queue.supervise', { officeId: 'psc-03' }, false],
    ['akimat', 'queue.operate', { kato: '113243000' }, true], // the queue of own rural akimat
    ['akimat', 'queue.operate', { kato: '113241000' }, false],
    ['director', 'queue.supervise', { officeId: 'psc-03' }, true],
    ['director', 'queue.supervise', { officeId: 'psc-04' }, false],
    ['director', 'queue.operate', { officeId: 'psc-03' }, false], // the director watches, operators call
    ['district', 'queue.operate', { kato: '113243000' }, false],
    ['citizen', 'queue.operate', { officeId: 'psc-03' }, false],
    // R-16…R-18: complaints — intake at one's own office, online by the citizen, review by the addressee.
    ['akimat', 'complaint.intake', { kato: '113243000' }, true],
    ['akimat', 'complaint.intake', { kato: '113241000' }, false],
    ['psc', 'complaint.intake', { officeId: 'psc-03' }, true],
    ['psc', 'complaint.intake', { officeId: 'psc-04' }, false],
    ['psc', 'complaint.review', { officeId: 'psc-03' }, false], // the operator accepts, the director reviews
    ['director', 'complaint.review', { officeId: 'psc-03' }, true],
    ['district', 'complaint.review', { kato: '113200000' }, true],
    ['district', 'complaint.review', { kato: '111800000' }, false],
    ['oblast', 'complaint.review', { kato: '110000000' }, true],
    ['oblast', 'complaint.escalate', { kato: '113200000' }, true],
    ['citizen', 'complaint.online.create', { ownerIin: '900101300017' }, true],
    ['citizen', 'complaint.online.create', { ownerIin: '850315400025' }, false],
    ['citizen', 'complaint.read', { ownerIin: '900101300017' }, true],
    ['citizen', 'complaint.review', { ownerIin: '900101300017' }, false],
    ['admin', 'complaint.escalate', {}, true],
    ['admin', 'complaint.read', { kato: '113243000' }, false],
    // follow-up tasks of low scores go to the director, never to the official rated.
    ['director', 'followup.read', { officeId: 'psc-03' }, true],
    ['district', 'followup.read', { kato: '113243000' }, true],
    ['psc', 'followup.read', { officeId: 'psc-03' }, false],
    ['akimat', 'followup.read', { kato: '113243000' }, false],
  ] as const)('%s × %s × %j → %s', (who, action, resource, allowed) => {
    expect(can(actors[who]!, action, resource)).toBe(allowed);
  });

  it('every role can read its own session and nothing it has no cell for', () => {
    for (const role of ROLES) {
      const actor: Actor = { userId: 'x', role, kato: '113243000', officeId: 'psc-03', iin: '900101300017' };
      expect(can(actor, 'session.read')).toBe(true);
      for (const action of ACTIONS) {
        if (ACCESS[role][action] === undefined) expect(decide(actor, action).allowed).toBe(false);
      }
    }
  });
});
