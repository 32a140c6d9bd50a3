/**
 * Finds quotations by their marks: straight and curly doubles, curly and straight singles,
 * «guillemets» and „low-high“ marks. Only top-level quotes are returned; marks nested inside
 * an open quote belong to it. Apostrophes (Putin’s, it’s, St George's) are told apart from
 * single quote marks by the letters around them.
 */
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

type OpenMark = { readonly closers: string; readonly single: boolean; readonly pos: number };

const DOUBLE_OPENERS: Record<string, string> = { '“': '”“', '«': '»', '„': '“”', '"': '"', '”': '”' };
const LETTER = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;

function isLetter(ch: string): boolean {
  return ch !== '' && LETTER.test(ch);
}

const MAX_ELISION = 2;

/** Every character that can be a quote mark; the regex engine skips the text between them far faster than a loop. */
const QUOTE_CHAR = /["'«»‘’“”„]/g;

/** Scans each paragraph for quotations, in one pass over the quote marks of the whole text. */
export function findQuoteMarks(text: string, paragraphs: readonly Span[]): RawQuote[] {
  const quotes: RawQuote[] = [];
  let paragraphIndex = 0;
  let open: OpenMark | null = null;
  const finishParagraph = () => {
    const paragraph = paragraphs[paragraphIndex];
    // An unclosed double quote runs to the end of the paragraph; an unclosed single mark was an apostrophe.
    if (open && !open.single && open.pos + 1 < paragraph.end) {
      quotes.push(makeQuote(open.pos, paragraph.end, paragraph.end, true, paragraph, paragraphIndex));
    }
    open = null;
    paragraphIndex++;
  };
  QUOTE_CHAR.lastIndex = paragraphs.length ? paragraphs[0].start : text.length;
  for (let m = QUOTE_CHAR.exec(text); m; m = QUOTE_CHAR.exec(text)) {
    const i = m.index;
    while (paragraphIndex < paragraphs.length && paragraphs[paragraphIndex].end <= i) finishParagraph();
    if (paragraphIndex >= paragraphs.length) break;
    const paragraph = paragraphs[paragraphIndex];
    if (i < paragraph.start) continue; // between paragraphs: front matter, code fences
    const ch = m[0];
    const prev = i > paragraph.start ? text[i - 1] : '';
    const next = i + 1 < paragraph.end ? text[i + 1] : '';
    if (open) {
      if (closes(open, ch, prev, next)) {
        // 'n' in "rock 'n' roll": single marks around one or two letters are elisions, not a quotation.
        if (!open.single || i - open.pos - 1 > MAX_ELISION) quotes.push(makeQuote(open.pos, i, i + 1, false, paragraph, paragraphIndex));
        open = null;
      }
      continue;
    }
    open = opens(ch, prev, next, i);
  }
  while (paragraphIndex < paragraphs.length) finishParagraph();
  return quotes;
}

function opens(ch: string, prev: string, next: string, pos: number): OpenMark | null {
  if (next === '' || /\s/.test(next)) return null;
  if (ch === '‘' || ch === "'") {
    // An opening single mark follows a space or punctuation and precedes a letter: 'external forces'.
    if (isLetter(prev) || !isLetter(next)) return null;
    return { closers: ch === '‘' ? '’' : "'", single: true, pos };
  }
  if (ch === '’' || ch === '»') return null;
  if (ch === '”' && isLetter(prev)) return null;
  const closers = DOUBLE_OPENERS[ch];
  return closers ? { closers, single: false, pos } : null;
}

function closes(open: OpenMark, ch: string, prev: string, next: string): boolean {
  if (!open.closers.includes(ch)) return false;
  if (!open.single) return ch !== '"' || prev === '' || !/\s/.test(prev) || next === '' || /[\s.,;:!?)]/.test(next);
  // Inside a single quote, ’ followed by a lower-case letter is an apostrophe (leaders’s, it’s);
  // followed by nothing, punctuation or a capital (a run-in heading) it closes the quote.
  if (/\s/.test(prev) || prev === '') return false;
  return !isLetter(next) || UPPER.test(next);
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
