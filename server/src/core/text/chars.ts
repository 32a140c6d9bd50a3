/**
 * Character classes by UTF-16 code unit, without allocating: the scanners call these for every
 * character they step over, so ASCII is decided by comparisons and only other characters reach a regex.
 */

const NON_ASCII_WORD = /^[\p{L}\p{N}]$/u;

/** Letters and digits; both halves of an astral letter count, a lone surrogate does not. */
export function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0xdc00 && c <= 0xdfff) {
    const high = i > 0 ? text.charCodeAt(i - 1) : 0;
    return high >= 0xd800 && high <= 0xdbff && NON_ASCII_WORD.test(String.fromCodePoint(text.codePointAt(i - 1)!));
  }
  return NON_ASCII_WORD.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** What `\s` matches, by code unit. */
export function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12 || code === 0xa0 ||
    code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f ||
    code === 0x205f || code === 0x3000 || code === 0xfeff;
}
