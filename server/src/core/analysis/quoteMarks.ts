/**
 * Finds quotations by their marks: straight and curly doubles, curly and straight singles,
 * «guillemets» and „low-high“ marks. Only top-level quotes are returned; marks nested inside
 * an open quote belong to it. Apostrophes (Putin’s, it’s, St George's) are told apart from
 * single quote marks by the letters around them.
 */
import { isUpperCaseAt, isWhitespace, isWordChar } from '../text/chars';
import { type Marks, scanMarks } from '../text/marks';
import type { Span } from '../types';

export interface RawQuote {
  /** Content span, without the marks. */
  readonly start: number;
  readonly end: number;
  readonly outer: Span;
  readonly unclosed: boolean;
  readonly paragraphIndex: number;
  /** True when the quote opens at the very start of its paragraph (news continuation convention). */
  readonly opensParagraph: boolean;
}

const STRAIGHT_DOUBLE = 0x22;
const STRAIGHT_SINGLE = 0x27;
const LEFT_SINGLE = 0x2018; // ‘
const RIGHT_SINGLE = 0x2019; // ’ (also the apostrophe)
const LEFT_DOUBLE = 0x201c; // “
const RIGHT_DOUBLE = 0x201d; // ”
const LOW_DOUBLE = 0x201e; // „
const LEFT_GUILLEMET = 0xab; // «
const RIGHT_GUILLEMET = 0xbb; // »

/** No mark is open (an offset can never be negative). */
const NONE = -1;
const MAX_ELISION = 2;

/**
 * Scans each paragraph for quotations, in one pass over the quote marks of the whole text (`marks.quotes`,
 * found by the shared marks scan). Marks are handled as character codes: an article has hundreds of them
 * (every apostrophe is one), and a string per mark or a regex per neighbour was most of this scan's time.
 */
export function findQuoteMarks(text: string, paragraphs: readonly Span[], marks: Marks = scanMarks(text)): RawQuote[] {
  const quotes: RawQuote[] = [];
  let openPos = NONE;
  let openMark = 0;
  let nestedStraight = false; // a straight "…" pair opened inside a curly quotation
  let paragraphIndex = 0;
  const positions = marks.quotes;
  const from = paragraphs.length ? paragraphs[0].start : text.length;
  for (let k = 0; k < positions.length; k++) {
    const i = positions[k];
    if (i < from) continue;
    while (paragraphIndex < paragraphs.length && paragraphs[paragraphIndex].end <= i) {
      if (openPos !== NONE) pushUnclosed(quotes, openPos, openMark, paragraphs[paragraphIndex], paragraphIndex);
      openPos = NONE;
      paragraphIndex++;
    }
    if (paragraphIndex >= paragraphs.length) break;
    const paragraph = paragraphs[paragraphIndex];
    if (i < paragraph.start) continue; // between paragraphs: front matter, code fences
    const mark = text.charCodeAt(i);
    if (openPos !== NONE) {
      // Scraped copy mixes marks: “…" closes with a straight mark, unless a straight pair is nested inside.
      if (openMark === LEFT_DOUBLE && mark === STRAIGHT_DOUBLE) {
        const opening = i > paragraph.start && isWhitespace(text.charCodeAt(i - 1));
        if (opening || nestedStraight) {
          nestedStraight = opening;
          continue;
        }
      }
      if (closes(text, openMark, mark, i, paragraph)) {
        // 'n' in "rock 'n' roll": single marks around one or two letters are elisions, not a quotation.
        if (!isSingle(openMark) || i - openPos - 1 > MAX_ELISION) quotes.push(makeQuote(openPos, i, i + 1, false, paragraph, paragraphIndex));
        openPos = NONE;
      }
      continue;
    }
    if (opens(text, mark, i, paragraph)) {
      openPos = i;
      openMark = mark;
      nestedStraight = false;
    }
  }
  for (; paragraphIndex < paragraphs.length; paragraphIndex++) {
    if (openPos !== NONE) pushUnclosed(quotes, openPos, openMark, paragraphs[paragraphIndex], paragraphIndex);
    openPos = NONE;
  }
  return quotes;
}

/** An unclosed double quote runs to the end of its paragraph; an unclosed single mark was an apostrophe. */
function pushUnclosed(quotes: RawQuote[], openPos: number, openMark: number, paragraph: Span, paragraphIndex: number): void {
  if (!isSingle(openMark) && openPos + 1 < paragraph.end) quotes.push(makeQuote(openPos, paragraph.end, paragraph.end, true, paragraph, paragraphIndex));
}

function isSingle(mark: number): boolean {
  return mark === LEFT_SINGLE || mark === STRAIGHT_SINGLE;
}

/** A letter or digit at `i`, inside the paragraph. */
function isLetterAt(text: string, i: number, paragraph: Span): boolean {
  return i >= paragraph.start && i < paragraph.end && isWordChar(text, i);
}

function opens(text: string, mark: number, i: number, paragraph: Span): boolean {
  if (i + 1 >= paragraph.end || isWhitespace(text.charCodeAt(i + 1))) return false;
  // An opening single mark follows a space or punctuation and precedes a letter: 'external forces'.
  if (isSingle(mark)) return !isLetterAt(text, i - 1, paragraph) && isLetterAt(text, i + 1, paragraph);
  if (mark === RIGHT_SINGLE || mark === RIGHT_GUILLEMET) return false;
  if (mark === RIGHT_DOUBLE) return !isLetterAt(text, i - 1, paragraph);
  return true; // “ « „ "
}

/** Whether `mark` can close a quote opened by `openMark`. */
function isCloserOf(openMark: number, mark: number): boolean {
  switch (openMark) {
    case LEFT_DOUBLE:
      return mark === RIGHT_DOUBLE || mark === LEFT_DOUBLE || mark === STRAIGHT_DOUBLE;
    case STRAIGHT_DOUBLE:
      return mark === STRAIGHT_DOUBLE || mark === RIGHT_DOUBLE;
    case LOW_DOUBLE:
      return mark === LEFT_DOUBLE || mark === RIGHT_DOUBLE;
    case LEFT_GUILLEMET:
      return mark === RIGHT_GUILLEMET;
    case LEFT_SINGLE:
      return mark === RIGHT_SINGLE;
    default: // " ' ” close themselves
      return mark === openMark;
  }
}

function closes(text: string, openMark: number, mark: number, i: number, paragraph: Span): boolean {
  if (!isCloserOf(openMark, mark)) return false;
  const hasPrev = i > paragraph.start;
  const hasNext = i + 1 < paragraph.end;
  if (!isSingle(openMark)) {
    return mark !== STRAIGHT_DOUBLE || !hasPrev || !isWhitespace(text.charCodeAt(i - 1)) || !hasNext || endsQuotation(text.charCodeAt(i + 1));
  }
  // Inside a single quote, ’ followed by a lower-case letter is an apostrophe (leaders’s, it’s);
  // followed by nothing, punctuation or a capital (a run-in heading) it closes the quote.
  if (!hasPrev || isWhitespace(text.charCodeAt(i - 1))) return false;
  return !isLetterAt(text, i + 1, paragraph) || isUpperCaseAt(text, i + 1);
}

/** White space or the punctuation that may follow a closing straight quote: . , ; : ! ? ) */
function endsQuotation(code: number): boolean {
  return isWhitespace(code) || code === 46 || code === 44 || code === 59 || code === 58 || code === 33 || code === 63 || code === 41;
}

function makeQuote(openPos: number, contentEnd: number, outerEnd: number, unclosed: boolean, paragraph: Span, paragraphIndex: number): RawQuote {
  return {
    start: openPos + 1,
    end: contentEnd,
    outer: { start: openPos, end: outerEnd },
    unclosed,
    paragraphIndex,
    opensParagraph: openPos === paragraph.start,
  };
}
