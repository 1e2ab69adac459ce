/**
 * the seed is a PDF text extraction. Before any parsing, undo what the extraction did to the text
 * itself: words printed letter by letter (`т а қ ы р ы б ы н д а`, `@ m a i l . r u`), stray invisible
 * characters, and runs of spaces. Lines keep their 1-based number so that every issue can point at the seed.
 */

export interface SourceLine {
  /** 1-based line number in the seed text. */
  readonly line: number;
  /** Normalised: letter spacing collapsed, white space collapsed and trimmed ('' for a blank line). */
  readonly text: string;
}

/** Soft hyphen, zero-width characters and BOM: invisible in the PDF, noise in the text. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
/** Tabs, no-break and other Unicode spaces become a plain space. */
const ODD_SPACE = /[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/gu;
/** A run needs this many one-character tokens to count as a letter-spaced word; two is too often real text. */
const MIN_SPACED_RUN = 3;

const isSingleChar = (token: string): boolean => [...token].length === 1;

/**
 * Letter-spaced text puts one space between letters and two or more between words, so: split on two or
 * more spaces, and inside each piece join every run of at least three one-character tokens.
 */
export function collapseLetterSpacing(line: string): string {
  return line
    .split(/ {2,}/u)
    .map((piece) => {
      const tokens = piece.split(' ');
      const out: string[] = [];
      let run: string[] = [];
      const flush = () => {
        if (run.length >= MIN_SPACED_RUN) out.push(run.join(''));
        else out.push(...run);
        run = [];
      };
      for (const token of tokens) {
        if (isSingleChar(token)) run.push(token);
        else {
          flush();
          out.push(token);
        }
      }
      flush();
      return out.join(' ');
    })
    .join('  ');
}

export function collapseSpaces(text: string): string {
  return text.replace(/ +/gu, ' ').trim();
}

/** Split the seed into numbered, normalised lines. Never throws. */
export function normaliseSeedText(text: string): SourceLine[] {
  return text
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((raw, index) => {
      const cleaned = raw.replace(INVISIBLE, '').replace(ODD_SPACE, ' ');
      return { line: index + 1, text: collapseSpaces(collapseLetterSpacing(cleaned)) };
    });
}

/** Text made of several source lines, with a way back from a character offset to its line. */
export interface JoinedText {
  readonly text: string;
  readonly lineAt: (offset: number) => number;
}

/** A line break before these characters was not a word break: `Абай к` + `., 83.`, `trkoo` + `@mail.ru`. */
const GLUES_TO_PREVIOUS = /^[,.;:)»@-]/u;
/** …nor after these: `56-49-` + `07`, `8 (` + `72934)`, `lieve@` + `kokshetau.online.kz`, `Zur_` + `Economica`. */
const GLUES_TO_NEXT = /[(/@_-]$/u;

/**
 * Join the lines of one cell of the PDF table. A line break becomes a space unless the break was plainly
 * inside a token (see the two patterns above).
 */
export function joinBrokenLines(lines: readonly SourceLine[]): JoinedText {
  let text = '';
  const starts: { offset: number; line: number }[] = [];
  for (const { line, text: part } of lines) {
    if (part === '') continue;
    if (text !== '' && !GLUES_TO_NEXT.test(text) && !GLUES_TO_PREVIOUS.test(part)) text += ' ';
    starts.push({ offset: text.length, line });
    text += part;
  }
  const lineAt = (offset: number): number => {
    let found = starts[0]?.line ?? 0;
    for (const start of starts) {
      if (start.offset > offset) break;
      found = start.line;
    }
    return found;
  };
  return { text, lineAt };
}
