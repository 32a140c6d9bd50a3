/** Lists of names in running text: "Armenia, Belarus and Kazakhstan". */
import { isWhitespace } from '../text/chars';

/**
 * True when text[start, end), the gap between two mentions, joins them as items of one list: a comma (with
 * an optional "and" after it), "and", or "&", with white space around. Read in place: rules ask this for
 * every neighbouring pair of names, and a slice plus a regex each time showed in profiles.
 */
export function joinsList(text: string, start: number, end: number): boolean {
  let i = skipWhitespace(text, start, end);
  if (i >= end) return false;
  const code = text.charCodeAt(i);
  if (code === 44 /* , */) {
    i = skipWhitespace(text, i + 1, end);
    return i >= end || isAndThenSpace(text, i, end);
  }
  if (code === 38 /* & */) return skipWhitespace(text, i + 1, end) >= end;
  return isAndThenSpace(text, i, end);
}

/** "and" at `i`, then at least one white-space character, then nothing else before `end`. */
function isAndThenSpace(text: string, i: number, end: number): boolean {
  return end - i >= 4 && text.startsWith('and', i) && isWhitespace(text.charCodeAt(i + 3)) && skipWhitespace(text, i + 4, end) >= end;
}

function skipWhitespace(text: string, i: number, end: number): number {
  while (i < end && isWhitespace(text.charCodeAt(i))) i++;
  return i;
}
