/**
 * Quote marks and sentence punctuation (. ! ?) are rare in prose, and two scanners need them: the quote
 * finder and the sentence splitter. One regex pass finds both kinds (a pass over the text costs about
 * the same for one character class as for two), and each scanner then walks its own list.
 */

/** Every character that can be a quote mark or end a sentence; the regex engine skips the text between them far faster than a loop. */
const MARK = /["'«»‘’“”„.!?]/g;

export interface Marks {
  /** Offsets of every character that can be a quote mark, ascending. */
  readonly quotes: readonly number[];
  /** Offsets of every . ! ?, ascending. */
  readonly sentenceEnds: readonly number[];
}

export function scanMarks(text: string): Marks {
  const quotes: number[] = [];
  const sentenceEnds: number[] = [];
  const mark = MARK; // a local in the hot loop
  mark.lastIndex = 0;
  // test(), not exec(): the match is one character, so lastIndex tells where it is, and nothing is allocated.
  while (mark.test(text)) {
    const at = mark.lastIndex - 1;
    if (isSentenceEnd(text.charCodeAt(at))) sentenceEnds.push(at);
    else quotes.push(at);
  }
  return { quotes, sentenceEnds };
}

export function isSentenceEnd(code: number): boolean {
  return code === 46 || code === 33 || code === 63;
}
