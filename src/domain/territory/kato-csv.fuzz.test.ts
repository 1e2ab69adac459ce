import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import builtin from '../../../data/territory-builtin.json';
import { FUZZ_RUNS, fuzzOptions } from '../shared/fuzz.test-support';
import { parseKatoCsv } from './kato-csv';

// Issue 10 item 3: the KATO import fuzzed — FUZZ_RUNS cases per property (10,000 by default). Files are
// written in the export's own grammar from real nodes (the built-in snapshot): any subset closed under parents,
// either header layout, any delimiter, quoting, line end, BOM and UTF-8 or UTF-16; then damaged.

interface Node {
  readonly code: string;
  readonly parentCode: string | null;
  readonly names: { readonly kk: string; readonly ru: string };
}
const NODES = (builtin as { nodes: Node[] }).nodes;
const CODES = ['KATO.BAD_HEADER', 'KATO.BAD_ROWS', 'KATO.NO_ROWS'];

/** The nodes chosen plus every ancestor, in file order (parents first, as the export writes them). */
function closed(chosen: readonly number[]): Node[] {
  const byCode = new Map(NODES.map((n) => [n.code, n]));
  const keep = new Set<string>();
  for (const i of chosen) {
    for (let n: Node | undefined = NODES[i % NODES.length]; n && !keep.has(n.code); ) {
      keep.add(n.code);
      n = n.parentCode ? byCode.get(n.parentCode) : undefined;
    }
  }
  return NODES.filter((n) => keep.has(n.code));
}

interface Style {
  readonly delimiter: ';' | '\t' | ',';
  readonly eol: '\n' | '\r\n' | '\r';
  readonly bilingual: boolean;
  readonly quoteAll: boolean;
  readonly bom: boolean;
  readonly utf16: boolean;
  readonly rootParent: '0' | '' | 'NULL';
}
const style: fc.Arbitrary<Style> = fc.record({
  delimiter: fc.constantFrom(';', '\t', ','),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  bilingual: fc.boolean(),
  quoteAll: fc.boolean(),
  bom: fc.boolean(),
  utf16: fc.boolean(),
  rootParent: fc.constantFrom('0', '', 'NULL'),
});

function field(value: string, s: Style): string {
  const needs = value.includes(s.delimiter) || value.includes('"') || value.startsWith(' ');
  return s.quoteAll || needs ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A KATO export of `nodes` with ids 1..n; `rename` gives each node's Russian name (quotes, delimiters…). */
function write(nodes: readonly Node[], s: Style, rename: (n: Node, i: number) => string): Uint8Array {
  const id = new Map(nodes.map((n, i) => [n.code, i + 1]));
  const header = s.bilingual
    ? ['id', 'parent_id', 'code', 'name_kk', 'name_ru']
    : ['id', 'parent_id', 'code', 'name'];
  const lines = [header.join(s.delimiter)];
  nodes.forEach((n, i) => {
    const parent = n.parentCode ? String(id.get(n.parentCode)) : s.rootParent;
    const names = s.bilingual ? [n.names.kk, rename(n, i)] : [rename(n, i)];
    lines.push([String(i + 1), parent, n.code, ...names].map((v) => field(v, s)).join(s.delimiter));
  });
  const body = lines.join(s.eol);
  if (!s.utf16) return new TextEncoder().encode((s.bom ? '\uFEFF' : '') + body);
  // UTF-16 little-endian, with its byte-order mark as Excel writes it.
  const bytes = new Uint8Array(2 + body.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    bytes[2 + 2 * i] = c & 0xff;
    bytes[3 + 2 * i] = c >> 8;
  }
  return bytes;
}

/** A name as a clerk might have typed it: the real one, with quotes, delimiters or spaces inside. */
const nameTwist = fc.constantFrom(
  (ru: string) => ru,
  (ru: string) => `«${ru}»`,
  (ru: string) => `${ru} "бывш." `,
  (ru: string) => `${ru}; ${ru}`,
  (ru: string) => `${ru}, с.о.`,
);

describe('parseKatoCsv fuzzed (issue 10 item 3)', () => {
  it(`reads back exactly the nodes an export of real nodes holds (${FUZZ_RUNS} files)`, () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        style,
        nameTwist,
        (chosen, s, twist) => {
          const nodes = closed(chosen);
          const r = parseKatoCsv(write(nodes, s, (n) => twist(n.names.ru).trim()));
          if (!r.ok) throw new Error(`${r.error.code}: ${JSON.stringify(r.error.details).slice(0, 300)}`);
          expect(r.value.nodes.map((n) => [n.code, n.parentCode, n.names.ru, n.names.kk])).toEqual(
            nodes.map((n) => [
              n.code,
              n.parentCode,
              twist(n.names.ru).trim(),
              s.bilingual ? n.names.kk : null,
            ]),
          );
        },
      ),
      fuzzOptions(),
    );
  });

  it(`never throws on damaged exports: cut, lines dropped or repeated, bytes changed (${FUZZ_RUNS} files)`, () => {
    const damage = fc.record({
      cut: fc.option(fc.nat(), { nil: undefined }),
      flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
      dropLine: fc.option(fc.nat(), { nil: undefined }),
      repeatLine: fc.option(fc.nat(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), style, damage, (chosen, s, d) => {
        let text = new TextDecoder().decode(write(closed(chosen), { ...s, utf16: false }, (n) => n.names.ru));
        const lines = text.split(s.eol);
        if (d.dropLine !== undefined) lines.splice(d.dropLine % lines.length, 1);
        if (d.repeatLine !== undefined) lines.push(lines[d.repeatLine % lines.length] ?? '');
        text = lines.join(s.eol);
        let bytes = new TextEncoder().encode(text);
        if (d.cut !== undefined) bytes = bytes.subarray(0, d.cut % (bytes.length + 1));
        for (const [at, b] of d.flips) if (bytes.length) bytes[at % bytes.length] = b;
        const r = parseKatoCsv(bytes);
        if (r.ok) {
          for (const n of r.value.nodes) expect(n.code).toMatch(/^\d{9}$/);
        } else {
          expect(CODES).toContain(r.error.code);
          const problems = (r.error.details?.problems ?? []) as { line: number }[];
          for (const p of problems) expect(p.line).toBeGreaterThanOrEqual(2);
        }
      }),
      fuzzOptions(),
    );
  });

  it(`never throws on byte soup (${FUZZ_RUNS} inputs)`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc
            .string({ unit: 'binary', maxLength: 200 })
            .map((t) => new TextEncoder().encode(`id;parent_id;code;name\n${t}`)),
        ),
        (bytes) => {
          const r = parseKatoCsv(bytes);
          if (!r.ok) expect(CODES).toContain(r.error.code);
        },
      ),
      fuzzOptions(),
    );
  });
});
