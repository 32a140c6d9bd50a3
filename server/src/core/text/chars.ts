/**
 * Character classes by UTF-16 code unit, without allocating: the scanners call these for every
 * character they step over, so ASCII is decided by comparisons and other BMP characters by a table
 * filled on first sight (a regex per character would dominate the scanners' time).
 */

const NON_ASCII_WORD = /^[\p{L}\p{N}]$/u;

const UNKNOWN = 0;
const WORD = 1;
const NOT_WORD = 2;
/** Word-character class of each BMP code unit, learned lazily so start-up pays nothing. */
const bmpClass = new Uint8Array(0x10000);

function isBmpWordChar(code: number): boolean {
  let cls = bmpClass[code];
  if (cls === UNKNOWN) {
    cls = NON_ASCII_WORD.test(String.fromCharCode(code)) ? WORD : NOT_WORD;
    bmpClass[code] = cls;
  }
  return cls === WORD;
}

/** Letters and digits; both halves of an astral letter count, a lone surrogate does not. */
export function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c < 0xd800 || c > 0xdfff) return isBmpWordChar(c);
  const pairStart = c >= 0xdc00 ? i - 1 : i;
  const high = text.charCodeAt(pairStart);
  const low = text.charCodeAt(pairStart + 1);
  if (!(high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff)) return false;
  return NON_ASCII_WORD.test(String.fromCharCode(high, low));
}

/** What `\s` matches, by code unit. */
export function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12 || code === 0xa0 ||
    code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f ||
    code === 0x205f || code === 0x3000 || code === 0xfeff;
}
