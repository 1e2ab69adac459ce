/**
 * e-mail addresses as the PDF extraction left them, and the repairs that are certain.
 * What cannot be repaired with certainty is returned as a failure for the caller to report.
 */

/** A plain, deliverable-looking address: dot-separated local part, a domain with a letter TLD. */
export const SANE_EMAIL =
  /^[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/u;

/**
 * Mail providers the seed's offices use. A domain broken by a space (`mail ru`, `ma l.ru`) is repaired only
 * when exactly one of these fits — the space then stood for a lost dot or a lost letter.
 */
export const KNOWN_MAIL_DOMAINS: readonly string[] = [
  'mail.ru',
  'mail.kz',
  'inbox.ru',
  'list.ru',
  'bk.ru',
  'rambler.ru',
  'gmail.com',
  'topmail.kz',
  'host.kz',
];

/**
 * Cyrillic letters typed in place of the Latin ones they look like (`аitekebi_akimat@`, `есо@ridder.kz`,
 * `Tokaev@maіl.ru`). An e-mail address in this seed is ASCII, so inside one the swap is certain.
 */
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
};

export type EmailRepair =
  | { readonly ok: true; readonly email: string }
  | { readonly ok: false; readonly code: 'EMAIL_TRUNCATED' | 'EMAIL_INVALID'; readonly reason: string };

export interface EmailCandidate {
  /** Offset in the searched text where the candidate starts and ends. */
  readonly start: number;
  readonly end: number;
  readonly raw: string;
}

const CANDIDATE = /[^\s,;:@]+ ?@ ?[^\s,;:@]*/gu;
const HAS_TLD = /\.[A-Za-z]{2,}$/u;
/** After a domain with no TLD yet, a short tail like ` ru` or ` l.ru` is the rest of that domain. */
const DOMAIN_TAIL = /^ ((?:[A-Za-z]{1,3}\.)?(?:ru|kz|com))(?=$|[\s,;])/u;

/** Every stretch of text that looks like an (possibly broken) e-mail address. */
export function findEmailCandidates(text: string): EmailCandidate[] {
  const found: EmailCandidate[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index;
    let end = start + match[0].length;
    const domain = match[0].slice(match[0].indexOf('@') + 1).trim();
    if (!HAS_TLD.test(domain) && !domain.endsWith('.')) {
      const tail = DOMAIN_TAIL.exec(text.slice(end));
      if (tail) end += tail[0].length;
    }
    found.push({ start, end, raw: text.slice(start, end) });
  }
  return found;
}

function repairSpacedDomain(domain: string): string | undefined {
  const parts = domain.split(' ');
  if (parts.length !== 2) return undefined;
  const [a = '', b = ''] = parts;
  const options = new Set([a + b, `${a}.${b}`]);
  for (const letter of 'abcdefghijklmnopqrstuvwxyz') options.add(a + letter + b);
  const fits = KNOWN_MAIL_DOMAINS.filter((known) => options.has(known));
  return fits.length === 1 ? fits[0] : undefined;
}

/** Repair one candidate. Each step is a repair that cannot change which mailbox was meant. */
export function repairEmail(raw: string): EmailRepair {
  const swapped = [...raw.trim().replace(/\s*@\s*/u, '@')].map((ch) => HOMOGLYPHS[ch] ?? ch).join('');
  const at = swapped.indexOf('@');
  if (at <= 0 || swapped.indexOf('@', at + 1) !== -1) {
    return { ok: false, code: 'EMAIL_INVALID', reason: 'not exactly one @ with a name before it' };
  }
  // A local part cannot end with a dot (`kense.amr.@`): the dot is a typo.
  const local = swapped.slice(0, at).replace(/\.+$/u, '');
  let domain = swapped.slice(at + 1);
  if (domain.includes(' ')) {
    const repaired = repairSpacedDomain(domain);
    if (!repaired) return { ok: false, code: 'EMAIL_INVALID', reason: `domain "${domain}" is broken` };
    domain = repaired;
  }
  // `sko/kz`: a slash is never part of a domain; it stands for the dot.
  domain = domain.replace(/\//gu, '.');
  if (domain.endsWith('.')) {
    const trimmed = domain.replace(/\.+$/u, '');
    if (!HAS_TLD.test(trimmed)) {
      return { ok: false, code: 'EMAIL_TRUNCATED', reason: `cut after "@${domain}"` };
    }
    domain = trimmed;
  }
  if (!HAS_TLD.test(domain)) {
    return { ok: false, code: 'EMAIL_TRUNCATED', reason: `domain "${domain}" has no top-level part` };
  }
  const email = `${local}@${domain}`;
  if (!SANE_EMAIL.test(email)) return { ok: false, code: 'EMAIL_INVALID', reason: `"${email}" is not valid` };
  return { ok: true, email };
}
