/**
 * where Appendix 1 and Appendix 2 are in the seed. Each starts after its marker line `N-қосымша` and
 * ends at the next appendix's marker; the running caption the PDF prints above every marker
 * («Жеке қосалқы … стандартына») is dropped wherever it appears.
 */
import type { SourceLine } from './normalise-text';

export interface AppendixSection {
  /** Line number of the `N-қосымша` marker. */
  readonly markerLine: number;
  /** The appendix's own lines (blank ones kept: they separate the table's cells). */
  readonly lines: readonly SourceLine[];
}

const MARKER = /^(\d+)-қосымша$/u;
const CAPTION_START = /^«\s?Жеке қосалқы шаруашылықтың/u;
const CAPTION_END = /стандартына$/u;
const CAPTION_MAX_LINES = 4;

function withoutCaptions(lines: readonly SourceLine[]): SourceLine[] {
  const kept: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (CAPTION_START.test(line.text)) {
      const end = lines.slice(i, i + CAPTION_MAX_LINES).findIndex((l) => CAPTION_END.test(l.text));
      if (end !== -1) {
        i += end;
        continue;
      }
    }
    kept.push(line);
  }
  return kept;
}

export function findAppendix(lines: readonly SourceLine[], number: number): AppendixSection | undefined {
  const start = lines.findIndex((l) => MARKER.exec(l.text)?.[1] === String(number));
  if (start === -1) return undefined;
  const after = lines.slice(start + 1);
  const next = after.findIndex((l) => {
    const n = MARKER.exec(l.text)?.[1];
    return n !== undefined && Number(n) > number;
  });
  return {
    markerLine: lines[start]!.line,
    lines: withoutCaptions(next === -1 ? after : after.slice(0, next)),
  };
}
