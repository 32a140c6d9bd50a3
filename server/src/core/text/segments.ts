/**
 * Splits an article into paragraphs and sentences. News copy puts one paragraph per line
 * (sometimes with blank lines between), so every non-blank line is a paragraph; Markdown
 * front matter and fenced code are left out so they are never analysed as prose.
 */
import type { Span } from '../types';
import { isHighSurrogate, isUpperCaseAt, isWhitespace } from './chars';
import { isSentenceEnd, scanMarks } from './marks';
import { firstIndexWhere } from './search';

/** Abbreviations whose trailing period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'St', 'Mr', 'Mrs', 'Ms', 'Dr', 'Gen', 'Col', 'Lt', 'Sgt', 'Prof', 'Jr', 'Sr', 'vs', 'etc', 'Inc', 'Ltd', 'Co', 'Corp',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'No', 'Nos', 'approx', 'e.g', 'i.e',
  'U.S', 'U.K', 'U.N', 'E.U', 'a.m', 'p.m', 'Rep', 'Sen', 'Gov', 'Amb', 'Adm', 'Capt', 'Maj', 'Fig', 'Vol',
]);

/** Non-blank lines, excluding Markdown front matter and fenced code blocks. */
export function findParagraphs(text: string): Span[] {
  const paragraphs: Span[] = [];
  let offset = 0;
  let inFence = false;
  let lineIndex = 0;
  let inFrontMatter = false;
  while (offset <= text.length) {
    let lineEnd = text.indexOf('\n', offset);
    if (lineEnd < 0) lineEnd = text.length;
    let contentEnd = lineEnd > offset && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    // The line's content without surrounding white space, found in place (no slice per line).
    let first = offset;
    while (first < contentEnd && isWhitespace(text.charCodeAt(first))) first++;
    let last = contentEnd;
    while (last > first && isWhitespace(text.charCodeAt(last - 1))) last--;
    if (lineIndex === 0 && spells(text, first, last, '---')) inFrontMatter = true;
    else if (inFrontMatter) {
      if (spells(text, first, last, '---') || spells(text, first, last, '...')) inFrontMatter = false;
    } else if (last - first >= 3 && (text.startsWith('```', first) || text.startsWith('~~~', first))) inFence = !inFence;
    else if (!inFence && last > first) {
      let start = offset;
      while (start < contentEnd && isSpace(text.charCodeAt(start))) start++;
      while (contentEnd > start && isSpace(text.charCodeAt(contentEnd - 1))) contentEnd--;
      paragraphs.push({ start, end: contentEnd });
    }
    lineIndex++;
    if (lineEnd >= text.length) break;
    offset = lineEnd + 1;
  }
  return paragraphs;
}

/** Whether text[first, last) is exactly `marker`. */
function spells(text: string, first: number, last: number, marker: string): boolean {
  return last - first === marker.length && text.startsWith(marker, first);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 0xa0 || code === 0x2009 || code === 0x202f;
}

/**
 * Sentence spans inside a paragraph. `masked` spans (quotations) are never split, so a quote of
 * several sentences stays inside the one sentence that carries its attribution.
 */
export function findSentences(text: string, paragraph: Span, masked: readonly Span[]): Span[] {
  return appendSentences(text, paragraph, masked, []);
}

/**
 * The next . ! ? at or after an offset in one text, from the shared marks scan (`Marks.sentenceEnds`).
 * Paragraphs ask in text order, so the answer is found by stepping forward from the last one; an offset
 * before the last one asked is answered by a binary search.
 */
export class PunctuationCursor {
  private next = 0;

  constructor(private readonly text: string, private readonly ends: readonly number[] = scanMarks(text).sentenceEnds) {}

  /** The offset of the first sentence punctuation at or after `offset`, or the text's length. */
  nextAt(offset: number): number {
    const ends = this.ends;
    let k = this.next;
    if (k > 0 && ends[k - 1] >= offset) k = firstIndexWhere(ends.length, (e) => ends[e] >= offset); // rare: an earlier offset
    while (k < ends.length && ends[k] < offset) k++;
    this.next = k;
    return k < ends.length ? ends[k] : this.text.length;
  }
}

/**
 * `findSentences`, appending to `sentences` (one list for a whole article, rather than one per paragraph).
 * Paragraphs of one text are best given in order with one `cursor`.
 */
export function appendSentences(text: string, paragraph: Span, masked: readonly Span[], sentences: Span[], cursor = new PunctuationCursor(text)): Span[] {
  let start = paragraph.start;
  let maskIndex = 0;
  let i = paragraph.start;
  while (i < paragraph.end) {
    const p = Math.min(cursor.nextAt(i), paragraph.end);
    while (maskIndex < masked.length && masked[maskIndex].end <= i) maskIndex++;
    const mask = masked[maskIndex];
    if (mask && mask.start <= p && mask.start < paragraph.end) {
      i = Math.max(i, mask.end);
      // A quotation that ends its own sentence (“… over.” Then …) closes the sentence around it too.
      const closesSentence = isSentenceEnd(text.charCodeAt(mask.end - 2)) && isWhitespace(text.charCodeAt(mask.end));
      let after = mask.end;
      while (after < paragraph.end && isSpace(text.charCodeAt(after))) after++;
      if (closesSentence && after < paragraph.end && isUpperCaseAt(text, after)) {
        sentences.push({ start, end: mask.end });
        start = after;
        i = after;
      }
      continue;
    }
    if (p >= paragraph.end) break;
    i = p + 1;
    const ch = text.charCodeAt(p);
    let next = p + 1;
    while (next < paragraph.end && isClosingPunct(text.charCodeAt(next))) next++;
    if (next < paragraph.end && !isSpace(text.charCodeAt(next))) continue;
    let after = next;
    while (after < paragraph.end && isSpace(text.charCodeAt(after))) after++;
    if (after < paragraph.end && !startsSentence(text.charCodeAt(after))) continue;
    if (ch === 46 && isAbbreviation(text, p)) continue;
    sentences.push({ start, end: next });
    start = after;
    i = after;
  }
  if (start < paragraph.end) sentences.push({ start, end: paragraph.end });
  return sentences;
}

function isClosingPunct(code: number): boolean {
  // closing quote marks and brackets that may follow a full stop
  return code === 0x22 || code === 0x27 || code === 0x201d || code === 0x2019 || code === 0xbb || code === 0x29 || code === 0x5d;
}

const SENTENCE_OPENER = /[\p{Lu}\p{N}“‘«„]/u;

function startsSentence(code: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 34 || code === 39 || code === 40 || code === 91;
  return SENTENCE_OPENER.test(String.fromCharCode(code));
}

const LETTER_OR_DOT = /[\p{L}.]/u;

function isLetterOrDot(code: number, text: string, i: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 46;
  return LETTER_OR_DOT.test(text.charAt(i));
}

/** No abbreviation is longer than this; a longer word without a dot in it is not cut out of the text. */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  let hasDot = false;
  while (s > 0 && isLetterOrDot(text.charCodeAt(s - 1), text, s - 1)) {
    s--;
    if (text.charCodeAt(s) === 46) hasDot = true;
  }
  if (!hasDot && dot - s > LONGEST_ABBREVIATION) return false;
  const word = text.slice(s, dot);
  if (ABBREVIATIONS.has(word)) return true;
  // Single capital initials ("V. Putin") and dotted acronyms ("U.S.") do not end sentences.
  if (word.length === 1 || (word.length === 2 && isHighSurrogate(word.charCodeAt(0)))) return isUpperCaseAt(word, 0);
  return word.includes('.') && /^(\p{L}\.)+\p{L}$/u.test(word);
}
