/**
 * Where analysis of a document over the size limit stops: at a line break at or before the limit, so the
 * analysed part is whole lines (whole paragraphs) and every offset in it is the same as in the full text.
 * A paragraph break (a blank line) is preferred when there is one in the last tenth before the limit, so
 * a quotation or a list is less often cut from what introduces it.
 */
import { isHighSurrogate } from './chars';

/** The length of the analysed prefix of `text` under `limit` characters (`text.length` when it fits). */
export function analysedLength(text: string, limit: number): number {
  if (text.length <= limit) return text.length;
  const floor = Math.max(0, limit - Math.ceil(limit / 10));
  const blank = text.lastIndexOf('\n\n', limit - 2);
  if (blank >= floor) return blank + 1;
  const line = text.lastIndexOf('\n', limit - 1);
  if (line >= 0) return line + 1;
  // One line longer than the limit: stop at the limit, never between the halves of a surrogate pair.
  return limit > 0 && isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
}
