import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findEmailCandidates, repairEmail, SANE_EMAIL } from './email-repair';

// the broken addresses of the seed, repaired only where the repair is certain.
describe('repairEmail (R-20)', () => {
  it.each([
    ['economy_cx@mail.ru', 'economy_cx@mail.ru'],
    ['atbasar_oko@ma l.ru', 'atbasar_oko@mail.ru'], // a letter lost where the space is; only mail.ru fits
    ['aralkalasy@mail ru', 'aralkalasy@mail.ru'], // the dot lost
    ['economica-bor2007@ mail.kz', 'economica-bor2007@mail.kz'],
    ['dsh-zem@ kostanay.kz', 'dsh-zem@kostanay.kz'],
    ['Kyzylzhar-akimat@sko/kz', 'Kyzylzhar-akimat@sko.kz'],
    ['kense.amr.@pavlodar.gov.kz', 'kense.amr@pavlodar.gov.kz'], // a local part never ends with a dot
    ['аitekebi_akimat@mail.ru', 'aitekebi_akimat@mail.ru'], // Cyrillic а
    ['аtirauagro@mail.ru', 'atirauagro@mail.ru'],
    ['есо@ridder.kz', 'eco@ridder.kz'], // Cyrillic е, с, о
    ['Tokaev@maіl.ru', 'Tokaev@mail.ru'], // Kazakh і
    ['social_sfera_@mail.ru', 'social_sfera_@mail.ru'],
  ])('%s → %s', (raw, email) => {
    expect(repairEmail(raw)).toEqual({ ok: true, email });
  });

  it.each([
    ['tarbag_econ@mail.', 'EMAIL_TRUNCATED'],
    ['org_acim@mail.', 'EMAIL_TRUNCATED'],
    ['someone@localhost', 'EMAIL_TRUNCATED'],
    ['x@qq zz.ru', 'EMAIL_INVALID'], // no known provider fits the gap
    ['@mail.ru', 'EMAIL_INVALID'],
    ['дом@mail.ru', 'EMAIL_INVALID'], // Cyrillic that is no look-alike of a Latin letter
  ])('%s is reported as %s', (raw, code) => {
    const r = repairEmail(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
  });

  it('whatever it returns as repaired is a sane address', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        const r = repairEmail(raw);
        if (r.ok) expect(r.email).toMatch(SANE_EMAIL);
      }),
      { numRuns: 300 },
    );
  });
});

describe('findEmailCandidates (R-20)', () => {
  it.each([
    ['E-mail:bukharfarhad@topmail.kz,gasik@topmail.kz', ['bukharfarhad@topmail.kz', 'gasik@topmail.kz']],
    ['92-135; Berik-63@mail.ru', ['Berik-63@mail.ru']],
    ['E- mail: aralkalasy@mail ru, aral_akimat@mail.ru', ['aralkalasy@mail ru', 'aral_akimat@mail.ru']],
    ['Е-mail: atbasar_oko@ma l.ru', ['atbasar_oko@ma l.ru']],
    ['E-mail: economica-bor2007@ mail.kz', ['economica-bor2007@ mail.kz']],
    ['E-mail: tarbag_econ@mail.', ['tarbag_econ@mail.']],
    ['тел. 8 (7162) 25-79-22', []],
  ])('%s', (text, raws) => {
    expect(findEmailCandidates(text).map((c) => c.raw)).toEqual(raws);
  });
});
