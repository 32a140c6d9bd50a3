/**
 * Character classes by UTF-16 code unit, without allocating: the scanners call these for every
 * character they step over, so ASCII is decided by comparisons and other BMP characters by tables
 * filled on first sight (a regex per character would dominate the scanners' time).
 */

const NON_ASCII_WORD = /^[\p{L}\p{N}]$/u;
const UPPER = /^\p{Lu}$/u;

const UNKNOWN = 0;
const YES = 1;
const NO = 2;
/** Per BMP code unit: UNKNOWN until first asked, then YES or NO. Start-up pays nothing. */
const bmpWord = new Uint8Array(0x10000);
const bmpUpper = new Uint8Array(0x10000);

function inClass(table: Uint8Array, re: RegExp, code: number): boolean {
  let answer = table[code];
  if (answer === UNKNOWN) {
    answer = re.test(String.fromCharCode(code)) ? YES : NO;
    table[code] = answer;
  }
  return answer === YES;
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** The first half of an astral character's UTF-16 pair. */
export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The second half of an astral character's UTF-16 pair. */
export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Letters and digits; both halves of an astral letter count, a lone surrogate does not. */
export function isWordChar(text: string, i: number): boolean {
  return isWordCodeAt(text, i, text.charCodeAt(i));
}

/** `isWordChar` when the caller has already read the code unit at `i` (loops over every character read each once). */
export function isWordCodeAt(text: string, i: number, c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (!isSurrogate(c)) return inClass(bmpWord, NON_ASCII_WORD, c);
  const pairStart = c >= 0xdc00 ? i - 1 : i;
  const high = text.charCodeAt(pairStart);
  const low = text.charCodeAt(pairStart + 1);
  if (!isHighSurrogate(high) || !isLowSurrogate(low)) return false;
  return NON_ASCII_WORD.test(String.fromCharCode(high, low));
}

/** Whether the character starting at `i` is an upper-case letter (\p{Lu}); false on the second half of a pair. */
export function isUpperCaseAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  if (!isSurrogate(c)) return inClass(bmpUpper, UPPER, c);
  return isHighSurrogate(c) && UPPER.test(String.fromCodePoint(text.codePointAt(i)!));
}

/**
 * Whether `literal` stands in `text` at `at`, compared code unit by code unit. Cheaper than
 * `startsWith(literal, at)` here for the short names and words the scanners compare, and most
 * comparisons that fail do so at the first or second unit.
 */
export function matchesAt(text: string, at: number, literal: string): boolean {
  if (at + literal.length > text.length) return false;
  for (let i = 0; i < literal.length; i++) if (text.charCodeAt(at + i) !== literal.charCodeAt(i)) return false;
  return true;
}

/** Whether text at `start` spells `lowerWord` (lower-case ASCII) in any ASCII case. */
export function equalsIgnoringAsciiCase(text: string, start: number, lowerWord: string): boolean {
  for (let i = 0; i < lowerWord.length; i++) if ((text.charCodeAt(start + i) | 32) !== lowerWord.charCodeAt(i)) return false;
  return true;
}

/** Whether text[start, end) has more than `limit` runs of non-white-space characters (stops counting there). */
export function hasMoreWordsThan(text: string, start: number, end: number, limit: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const blank = isWhitespace(text.charCodeAt(i));
    if (!blank && !inWord && ++words > limit) return true;
    inWord = !blank;
  }
  return false;
}

/** 0-9 (what a regex's \d matches). */
export function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** What the non-Unicode regex `\w` (and so `\b`) counts as a word character; false for NaN (outside the text). */
export function isAsciiWordCode(code: number): boolean {
  return isAsciiLetter(code) || isAsciiDigit(code) || code === 95;
}

/** An ASCII letter, either case. */
export function isAsciiLetter(code: number): boolean {
  return ((code | 32) - 97) >>> 0 < 26;
}

/**
 * The ASCII code units `words` begin with, as a table (1 = some word begins so), so a scanner can turn
 * away a word that cannot be one of them before comparing or hashing it.
 */
export function asciiInitials(words: Iterable<string>): Uint8Array {
  const initials = new Uint8Array(128);
  for (const word of words) if (word.charCodeAt(0) < 128) initials[word.charCodeAt(0)] = 1;
  return initials;
}

/** Whether `code` is in an `asciiInitials` table. */
export function isInitialIn(initials: Uint8Array, code: number): boolean {
  return code < 128 && initials[code] === 1;
}

/** What `\s` matches, by code unit. */
export function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12 || code === 0xa0 ||
    code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f ||
    code === 0x205f || code === 0x3000 || code === 0xfeff;
}
