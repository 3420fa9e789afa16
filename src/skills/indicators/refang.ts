/**
 * Undoes the usual ways analysts defang indicators (`hxxp://`, `evil[.]com`, `name[at]host`) so
 * they can be recognised, and remembers where the text changed so callers can map positions
 * back to the original text and tell whether an indicator was written defanged.
 */

/** One replacement: original `[inStart, inEnd)` became output `[outStart, outEnd)`. */
interface Edit {
  inStart: number;
  inEnd: number;
  outStart: number;
  outEnd: number;
}

export interface RefangedText {
  original: string;
  text: string;
  edits: readonly Edit[];
}

const DEFANGED_PIECE = new RegExp(
  [
    String.raw`\bhxxp(s?)(?=\[?:)`,
    String.raw`\[:\/\/\]`,
    String.raw`\[:\]`,
    String.raw` ?[\[({](?:\.|dot)[\])}] ?`,
    String.raw` ?[\[(](?:@|at)[\])] ?`,
  ].join('|'),
  'gi',
);

function replacementFor(piece: string, secure: string | undefined): string {
  if (secure !== undefined) return secure === '' ? 'http' : 'https';
  if (piece === '[://]') return '://';
  if (piece === '[:]') return ':';
  return /\.|dot/i.test(piece) ? '.' : '@';
}

export function refang(original: string): RefangedText {
  const edits: Edit[] = [];
  let text = '';
  let copiedUpTo = 0;

  for (const match of original.matchAll(DEFANGED_PIECE)) {
    const inStart = match.index;
    const replacement = replacementFor(match[0], match[1]);
    text += original.slice(copiedUpTo, inStart);
    const outStart = text.length;
    text += replacement;
    copiedUpTo = inStart + match[0].length;
    edits.push({ inStart, inEnd: copiedUpTo, outStart, outEnd: text.length });
  }
  text += original.slice(copiedUpTo);

  return { original, text, edits };
}

/** True when any replacement falls inside `[start, end)` of the refanged text. */
export function wasDefanged(refanged: RefangedText, start: number, end: number): boolean {
  return refanged.edits.some((edit) => edit.outStart < end && edit.outEnd > start);
}

/** Maps a refanged range back to the range of the original text it came from. */
export function originalRange(
  refanged: RefangedText,
  start: number,
  end: number,
): { start: number; end: number } {
  return { start: mapStart(refanged.edits, start), end: mapEnd(refanged.edits, end) };
}

function mapStart(edits: readonly Edit[], position: number): number {
  let shift = 0;
  for (const edit of edits) {
    if (edit.outEnd <= position) {
      shift = edit.inEnd - edit.outEnd;
    } else if (edit.outStart <= position) {
      return edit.inStart;
    } else {
      break;
    }
  }
  return position + shift;
}

function mapEnd(edits: readonly Edit[], position: number): number {
  let shift = 0;
  for (const edit of edits) {
    if (edit.outEnd <= position) {
      shift = edit.inEnd - edit.outEnd;
    } else if (edit.outStart < position) {
      return edit.inEnd;
    } else {
      break;
    }
  }
  return position + shift;
}
