/**
 * Quote marks, sentence punctuation (. ! ?), capitalised words and figures are rare in prose, and four
 * scanners need them: the quote finder, the sentence splitter, the entity matcher and the claim finder. One
 * regex pass finds all four kinds (a pass over the text costs about the same for one character class as for
 * several, and each pass was a measurable share of the analysis), and each scanner then walks its own list.
 */

import { isAsciiDigit, isAsciiLetter, isWordChar, isWordCodeAt } from './chars';

/**
 * Every character that can be a quote mark, end a sentence, start a figure (a digit or currency sign) or
 * start a capitalised word: an ASCII capital, or a non-ASCII character in a block that has capitals (checked
 * properly by the entity matcher). General punctuation (curly quotes aside, dashes) is left out of the letter
 * ranges on purpose: news copy is full of it. The regex engine skips the text between these characters far
 * faster than a loop, but only while the class has few ranges: with € and ₽ in it as well this scan ran
 * three to four times slower, so those two are found with `indexOf`, and neighbours are joined into one
 * range (!-$ takes in #, £-¥ takes in ¤; the loop passes over both).
 */
const MARK = /[!-$'.0-9?£-¥«»‘’“-„A-Z\u00c0-\u1fff\u2100-\u218f\u2c00-\ud7ff\uf900-\uffff\ud800-\udbff]/g;
/** Currency signs outside MARK. With $ £ ¥ in MARK, these are the signs a claim can begin with (`CLAIM_RE`). */
const RARE_CURRENCY_SIGNS = ['€', '₽'];

export interface Marks {
  /** Offsets of every character that can be a quote mark, ascending. */
  readonly quotes: readonly number[];
  /** Offsets of every . ! ?, ascending. */
  readonly sentenceEnds: readonly number[];
  /**
   * Offsets where a word starts (no letter or digit before it) with an ASCII capital or a non-ASCII word
   * character of a block with capitals, ascending: where the entity matcher looks for names.
   */
  readonly nameStarts: readonly number[];
  /** Offsets of every currency sign ($ £ ¥ € ₽) and of the first digit of every run of ASCII digits, ascending. */
  readonly figureStarts: readonly number[];
}

export function scanMarks(text: string): Marks {
  return scanMarksIn(text, 0, text.length);
}

/**
 * The marks in text[from, to), where `from` starts a line and `to` ends one (a line break or the end of the
 * text). Every mark depends on its own line only: the scan's steps over a word or a digit run stop at a line
 * break, and the character before a line's first word is the break. So an incremental analysis re-scans only
 * the lines an edit touched (`incremental.ts`).
 */
export function scanMarksIn(text: string, from: number, to: number): Marks {
  const quotes: number[] = [];
  const sentenceEnds: number[] = [];
  const nameStarts: number[] = [];
  const figureStarts: number[] = [];
  const mark = MARK; // a local in the hot loop
  mark.lastIndex = from;
  // test(), not exec(): the match is one character, so lastIndex tells where it is, and nothing is allocated.
  while (mark.test(text)) {
    const at = mark.lastIndex - 1;
    if (at >= to) break;
    const code = text.charCodeAt(at);
    if (isSentenceEnd(code)) sentenceEnds.push(at);
    else if (isQuoteMarkCode(code)) quotes.push(at);
    else if (isAsciiDigit(code)) {
      figureStarts.push(at);
      mark.lastIndex = digitRunEnd(text, at);
    } else if (isCurrencySign(code)) figureStarts.push(at);
    else if (code < 128) {
      // Later capitals of an ASCII word ("McDonald", "MOSCOW") have a letter before them and are passed over.
      if (isAsciiLetter(code) && (at === 0 || !isWordChar(text, at - 1))) nameStarts.push(at);
    } else if (isWordCodeAt(text, at, code)) {
      if (at === 0 || !isWordChar(text, at - 1)) nameStarts.push(at);
      // Step over the rest of the word (in Cyrillic or Greek text every letter is in the class above), up
      // to a digit, which may start a figure.
      let end = at + 1;
      while (end < text.length) {
        const next = text.charCodeAt(end);
        if (isAsciiDigit(next) || !isWordCodeAt(text, end, next)) break;
        end++;
      }
      mark.lastIndex = end;
    }
  }
  return { quotes, sentenceEnds, nameStarts, figureStarts: withRareCurrencySigns(text, figureStarts, from, to) };
}

/** `figureStarts` with the offsets in [from, to) of the signs MARK leaves out, in order. */
function withRareCurrencySigns(text: string, figureStarts: number[], from: number, to: number): number[] {
  const signs: number[] = [];
  for (const sign of RARE_CURRENCY_SIGNS) for (let at = text.indexOf(sign, from); at >= 0 && at < to; at = text.indexOf(sign, at + 1)) signs.push(at);
  if (signs.length === 0) return figureStarts;
  return [...figureStarts, ...signs].sort((a, b) => a - b);
}

/** The end of the run of ASCII digits that includes `start`. */
export function digitRunEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && isAsciiDigit(text.charCodeAt(end))) end++;
  return end;
}

function isCurrencySign(code: number): boolean {
  return code === 36 || code === 0xa3 || code === 0xa5 || code === 0x20ac || code === 0x20bd;
}

export function isSentenceEnd(code: number): boolean {
  return code === 46 || code === 33 || code === 63;
}

/** " ' « » and the curly marks ‘ ’ “ ” „ (the only characters of U+2018–U+201E the scan can meet). */
function isQuoteMarkCode(code: number): boolean {
  return code === 34 || code === 39 || code === 171 || code === 187 || (code >= 0x2018 && code <= 0x201e);
}
