/** `qosalqy audit verify`: seals what is waiting, walks the whole chain in batches and compares its end with the recorded head. */
import { type ChainVerdict, verifyChain } from '../../domain/audit/chain';
import type { Deps } from '../ports';

export async function verifyAuditChain(deps: Pick<Deps, 'auditReader' | 'hasher'>): Promise<ChainVerdict> {
  // Everything committed so far is chained first, so the verdict covers it (ADR 0008).
  await deps.auditReader.seal();
  const sha = (t: string) => deps.hasher.sha256(t);
  let state: Parameters<typeof verifyChain>[2];
  for await (const batch of deps.auditReader.scan(5000)) {
    const verdict = verifyChain(batch, sha, state);
    if (!verdict.ok) return { ok: false, rows: verdict.rows, problem: verdict.problem };
    state = verdict.state;
  }
  const rows = state?.count ?? 0;
  const lastSeq = (state?.expectedSeq ?? 1) - 1;
  const head = await deps.auditReader.head();
  // Rows cut from the end leave the head ahead of the last row; rows appended behind the application's back
  // leave it behind.
  if (head.seq > lastSeq) return { ok: false, rows, problem: { kind: 'deleted', seq: lastSeq + 1 } };
  if (head.seq < lastSeq || (lastSeq > 0 && head.hash !== state?.prevHash)) {
    return { ok: false, rows, problem: { kind: 'inserted', seq: head.seq + 1 } };
  }
  return { ok: true, rows };
}
