/**
 * QR signature verification throughput (issue 5 item 5: at least 5,000 verifications a second). Standalone:
 *
 *   npx tsx bench/verify.bench.ts [--seconds 3] [--certificates 200] [--use-case 1000] [--json]
 *
 * `signature`: what `POST /api/v1/verify/qr` does before it touches the database — parse the scanned text
 * (`verifyQrText`: base64url, fields, canonical form) and check the Ed25519 signature with the production key
 * ring (node:crypto), over a set of distinct certificates signed by two keys (one retired by a rotation), on
 * one core, for `--seconds`. `use case`: the whole `verifyQr` (signature, the document looked up in an
 * in-memory PGlite, the audit row appended in the same transaction), sequentially — for scale only.
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/adapters/db/database';
import { migrate } from '../src/adapters/db/migrate';
import { makeDeps } from '../src/adapters/runtime';
import { loadKeyRing, rotateSigningKey } from '../src/adapters/system/signing-keys';
import { verifyQr } from '../src/app/verification/verify-qr';
import { formatCertificateNumber } from '../src/domain/certificates/document-number';
import {
  buildQrText,
  encodeQrPayload,
  makeQrFields,
  parseQrText,
  verifyQrText,
} from '../src/domain/certificates/qr-payload';
import { makeIin } from '../src/domain/iin/iin';
import type { PlainDate } from '../src/domain/shared/plain-date';
import { summarize } from './lib/stats';

export interface VerifyBenchResult {
  readonly signature: {
    readonly verifications: number;
    readonly seconds: number;
    readonly perSecond: number;
  };
  /** node:crypto's Ed25519 verify alone, measured right after: what parsing costs on top. */
  readonly ed25519OnlyPerSecond: number;
  readonly useCase?: {
    readonly verifications: number;
    readonly perSecond: number;
    readonly p50Ms: number;
    readonly p95Ms: number;
  };
  readonly budgetPerSecond: 5000;
  readonly machine: { cpuModel: string; cpuCount: number; node: string; loadAverage: number[] };
}

export async function runVerifyBench(
  options: { seconds?: number; certificates?: number; useCase?: number } = {},
): Promise<VerifyBenchResult> {
  const seconds = options.seconds ?? 3;
  const count = options.certificates ?? 200;
  const useCaseRuns = options.useCase ?? 1000;
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(db);
    const first = await loadKeyRing(db.kysely);
    await rotateSigningKey(db.kysely);
    const second = await loadKeyRing(db.kysely);
    const texts: string[] = [];
    const rows: { number: string; iin: string; qr: string; seq: number }[] = [];
    for (let i = 1; i <= count; i++) {
      const ring = i % 2 === 0 ? first : second;
      const birth = { year: 1960 + (i % 40), month: 1 + (i % 12), day: 1 + (i % 28) };
      // Some serials give a check digit of 10, which is never issued: take the next one.
      let serial = i;
      while (makeIin(birth, 'female', serial) === undefined) serial++;
      const iin = makeIin(birth, 'female', serial)!;
      const number = formatCertificateNumber('113243000', 2026, i);
      const fields = makeQrFields({
        number,
        iin,
        person: { surname: 'Сәрсенбаева', name: 'Бибігүл', patronymic: 'Қайратқызы' },
        issuer: '113243000',
        issuedOn: '2026-11-25' as PlainDate,
        keyId: ring.activeKeyId,
      });
      if (!fields.ok) throw new Error(fields.error.message);
      const qr = buildQrText(fields.value, ring.sign(encodeQrPayload(fields.value)), 'https://qosalqy.kz');
      texts.push(qr);
      rows.push({ number, iin, qr, seq: i });
    }
    // The server's ring knows every key (it reloads on an unknown key id); `second` was loaded after rotation.
    const verify = second.verify.bind(second);
    const check = (text: string) => {
      const r = verifyQrText(text, verify);
      if (!r.ok) throw new Error(`did not verify: ${r.error.code}`);
    };
    for (let i = 0; i < 2000; i++) check(texts[i % texts.length]!); // warm-up

    let done = 0;
    const start = performance.now();
    const until = start + seconds * 1000;
    while (performance.now() < until) {
      for (let k = 0; k < 100; k++) check(texts[(done + k) % texts.length]!);
      done += 100;
    }
    const elapsed = (performance.now() - start) / 1000;
    const signature = { verifications: done, seconds: elapsed, perSecond: Math.round(done / elapsed) };

    // The floor under it: node:crypto's Ed25519 verify alone on the same bytes, for as long, right after.
    const parsed = texts.map((t) => {
      const r = parseQrText(t);
      if (!r.ok) throw new Error('unparsable');
      return r.value;
    });
    let raw = 0;
    const rawStart = performance.now();
    const rawUntil = rawStart + seconds * 1000;
    while (performance.now() < rawUntil) {
      for (let k = 0; k < 100; k++) {
        const p = parsed[(raw + k) % parsed.length]!;
        if (!verify(p.signedBytes, p.signature, p.fields.keyId)) throw new Error('raw verify failed');
      }
      raw += 100;
    }
    const ed25519Only = Math.round(raw / ((performance.now() - rawStart) / 1000));

    let useCase: VerifyBenchResult['useCase'];
    if (useCaseRuns > 0) {
      for (const r of rows) {
        const app = crypto.randomUUID();
        await sql`insert into applications (id, channel, status, applicant_iin, applicant_name, akimat_kato,
                    received_at, state)
                  values (${app}, 'akimat', 'certificate_issued', ${r.iin}, 'Сәрсенбаева Бибігүл Қайратқызы',
                    '113243000', now(), '{}'::jsonb)`.execute(db.kysely);
        await sql`insert into issued_documents (id, kind, number, issuer, year, seq, application_id, applicant_iin,
                    issued_at, issued_by, content, qr_text)
                  values (${crypto.randomUUID()}, 'certificate', ${r.number}, '113243000', 2026, ${r.seq}, ${app},
                    ${r.iin}, '2026-11-25T10:00:00+05:00', 'bench', '{}'::jsonb, ${r.qr})`.execute(db.kysely);
      }
      const deps = await makeDeps(db);
      const who = { userId: null, role: null, ip: '203.0.113.1' };
      const samples: number[] = [];
      const t0 = performance.now();
      for (let i = 0; i < useCaseRuns; i++) {
        const s = performance.now();
        const r = await verifyQr(deps, { text: texts[i % texts.length], who });
        if (!r.ok || r.value.status !== 'valid') throw new Error('use case did not answer valid');
        samples.push(performance.now() - s);
      }
      const total = (performance.now() - t0) / 1000;
      const stats = summarize(samples);
      useCase = {
        verifications: useCaseRuns,
        perSecond: Math.round(useCaseRuns / total),
        p50Ms: Math.round(stats.p50 * 100) / 100,
        p95Ms: Math.round(stats.p95 * 100) / 100,
      };
    }
    return {
      signature,
      ed25519OnlyPerSecond: ed25519Only,
      ...(useCase ? { useCase } : {}),
      budgetPerSecond: 5000,
      machine: {
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        cpuCount: os.cpus().length,
        node: process.version,
        loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
      },
    };
  } finally {
    await db.close();
  }
}

function report(r: VerifyBenchResult): string {
  const lines = [
    `QR signature verification (parse + Ed25519, one core): ${r.signature.perSecond.toLocaleString('en')}/s ` +
      `(${r.signature.verifications.toLocaleString('en')} in ${r.signature.seconds.toFixed(2)} s) — budget ≥ ` +
      `${r.budgetPerSecond.toLocaleString('en')}/s: ${r.signature.perSecond >= r.budgetPerSecond ? 'MET' : 'MISSED'}`,
  ];
  lines.push(`node:crypto Ed25519 verify alone, same run: ${r.ed25519OnlyPerSecond.toLocaleString('en')}/s`);
  if (r.useCase) {
    lines.push(
      `verifyQr use case on in-memory PGlite (lookup + audit row), sequential: ${r.useCase.perSecond}/s, ` +
        `p50 ${r.useCase.p50Ms} ms, p95 ${r.useCase.p95Ms} ms`,
    );
  }
  lines.push(
    `machine: ${r.machine.cpuModel} × ${r.machine.cpuCount}, node ${r.machine.node}, ` +
      `load average ${r.machine.loadAverage.join(' ')}`,
  );
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '3' },
      certificates: { type: 'string', default: '200' },
      'use-case': { type: 'string', default: '1000' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const result = await runVerifyBench({
    seconds: Number(values.seconds),
    certificates: Number(values.certificates),
    useCase: Number(values['use-case']),
  });
  console.log(values.json ? JSON.stringify(result, null, 2) : report(result));
}
