/** Lists of names in running text: "Armenia, Belarus and Kazakhstan". */

const LIST_SEPARATOR = /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)$/;

/** True when `gap`, the text between two mentions, joins them as items of one list. */
export function isListSeparator(gap: string): boolean {
  return LIST_SEPARATOR.test(gap);
}
