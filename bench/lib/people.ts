/**
 * Who the HTTP scenarios act as: applicants drawn from the loaded book, officers and operators signed in
 * over HTTP (the session and CSRF token kept by ApiClient), and certificates to verify.
 */
import { sql } from 'kysely';
import { addUser } from '../../src/app/users/add-user';
import type { Role } from '../../src/domain/access/roles';
import { ApiClient } from '../../test/support/http-client';
import type { BenchContext } from './scenario';

export const BENCH_PASSWORD = 'bench-user-password';

export interface Applicant {
  iin: string;
  surname: string;
  name: string;
  akimat_kato: string;
}

/** Current members of open households in the `akimats` akimats with the most people, `perAkimat` each. */
export async function applicantsByAkimat(
  ctx: BenchContext,
  akimats: number,
  perAkimat: number,
): Promise<Map<string, Applicant[]>> {
  const rows = await sql<Applicant>`
    with busiest as (
      select akimat_kato from household_members
      where left_on is null and household_open
      group by akimat_kato order by count(*) desc, akimat_kato limit ${akimats}
    ), numbered as (
      select m.iin, m.surname, m.name, m.akimat_kato,
             row_number() over (partition by m.akimat_kato order by m.iin) as k
      from household_members m join busiest b using (akimat_kato)
      where m.left_on is null and m.household_open
    )
    select iin, surname, name, akimat_kato from numbered where k <= ${perAkimat}`.execute(ctx.db.kysely);
  const byAkimat = new Map<string, Applicant[]>();
  for (const r of rows.rows) {
    const list = byAkimat.get(r.akimat_kato) ?? [];
    list.push(r);
    byAkimat.set(r.akimat_kato, list);
  }
  return byAkimat;
}

/** A user of the role (made once; kept across runs on a kept database), signed in at `baseUrl`. */
export async function signedIn(
  ctx: BenchContext,
  baseUrl: string,
  user: { username: string; role: Role; territoryKato?: string; officeId?: string },
): Promise<ApiClient> {
  const made = await addUser(ctx.deps, {
    username: user.username,
    password: BENCH_PASSWORD,
    displayName: user.username,
    role: user.role,
    ...(user.territoryKato ? { territoryKato: user.territoryKato } : {}),
    ...(user.officeId ? { officeId: user.officeId } : {}),
  });
  if (!made.ok && made.error.code !== 'USER.EXISTS') throw new Error(`${user.username}: ${made.error.code}`);
  const client = new ApiClient(baseUrl);
  const r = await client.login(user.username, BENCH_PASSWORD);
  if (r.status !== 200) throw new Error(`sign-in ${user.username}: ${r.status} ${r.text.slice(0, 200)}`);
  return client;
}

export const akimatOfficer = (ctx: BenchContext, baseUrl: string, kato: string) =>
  signedIn(ctx, baseUrl, { username: `bench.akimat.${kato}`, role: 'akimat_officer', territoryKato: kato });

/** The session's headers for a load generator that sends them itself. */
export function sessionHeaders(client: ApiClient): Record<string, string> {
  return {
    cookie: client.cookieHeader(),
    ...(client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
  };
}

/**
 * QR texts of certificates issued in this database: those already there, else `wanted` issued now at the
 * busiest akimat's counter (over HTTP at `baseUrl`).
 */
export async function certificateQrTexts(
  ctx: BenchContext,
  baseUrl: string,
  wanted: number,
): Promise<string[]> {
  const have = await sql<{ qr_text: string }>`
    select qr_text from issued_documents where kind = 'certificate' and qr_text is not null
    order by issued_at desc limit ${wanted}`.execute(ctx.db.kysely);
  const texts = have.rows.map((r) => r.qr_text);
  if (texts.length >= wanted) return texts;
  const [kato, people] = [...(await applicantsByAkimat(ctx, 1, wanted - texts.length))][0] ?? [];
  if (!kato || !people) throw new Error('no household members to issue certificates to');
  const officer = await akimatOfficer(ctx, baseUrl, kato);
  for (const p of people) {
    const r = await officer.request('POST', '/api/v1/akimat/applications', {
      applicant: { iin: p.iin, surname: p.surname, name: p.name },
      identityDocumentShown: true,
    });
    if (r.status !== 201) throw new Error(`issue ${r.status}: ${r.text.slice(0, 200)}`);
  }
  const after = await sql<{ qr_text: string }>`
    select qr_text from issued_documents where kind = 'certificate' and qr_text is not null
    order by issued_at desc limit ${wanted}`.execute(ctx.db.kysely);
  if (after.rows.length === 0) throw new Error('no certificate to verify');
  return after.rows.map((r) => r.qr_text);
}
