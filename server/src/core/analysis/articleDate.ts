/**
 * Finds the date an article speaks from, so title resolution and KB checks use the facts of that day.
 * Order: front matter `date:`, a wire-service id (MENAFN22122025…), a full date in the text, then the
 * caller's fallback (a setting, or today).
 */
import type { ArticleDate } from '../types';
import { isAsciiDigit, isAsciiWordCode } from '../text/chars';
import { scanMarks } from '../text/marks';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
// Both written forms end with the year, so they are matched only in a short window ending at each
// four-digit year: years are rare, and a month-name alternation tried at every position is not cheap.
const MONTH_FIRST_RE = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2}),?\\s+((?:19|20)\\d{2})$`);
const DAY_FIRST_RE = new RegExp(`\\b(\\d{1,2})\\s+${MONTH_RE}\\s+((?:19|20)\\d{2})$`);
/** Only the start of an article is searched for its date. */
const HEAD = 4000;
/** What turns a year into an ISO date: "-04-05", then a word boundary. */
const ISO_AFTER_YEAR = /-(\d{2})-(\d{2})\b/y;
/** Longest "September 30, " or "30 September " before a year, with room for extra spaces. */
const BEFORE_YEAR = 32;

/** `figureStarts`: where digit runs start, as `scanMarks` finds them (computed here when not given). */
export function findArticleDate(
  text: string,
  fallback: string,
  fallbackSource: ArticleDate['source'] = 'default',
  figureStarts: readonly number[] = scanMarks(text).figureStarts,
): ArticleDate {
  const head = text.slice(0, HEAD);
  const front = text.startsWith('---') ? /^---\r?\n[\s\S]*?^date:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(head) : null;
  if (front) return at(front[1], 'front-matter', front.index + front[0].length - 10);
  const wireId = findWireId(text);
  if (wireId && validDate(+wireId[3], +wireId[2], +wireId[1])) {
    return at(`${wireId[3]}-${wireId[2]}-${wireId[1]}`, 'id', wireId.index, wireId[0].length);
  }
  return dateInText(head, figureStarts) ?? { date: fallback, source: fallbackSource };
}

/** A MENAFN id at one position. */
const WIRE_ID_AT = /\bMENAFN(\d{2})(\d{2})(\d{4})\d/y;

/** The first MENAFN id in the text: `indexOf` skips to each "MENAFN", where a regex would be tried at every position. */
function findWireId(text: string): RegExpExecArray | null {
  for (let at = text.indexOf('MENAFN'); at >= 0; at = text.indexOf('MENAFN', at + 1)) {
    WIRE_ID_AT.lastIndex = at;
    const id = WIRE_ID_AT.exec(text);
    if (id) return id;
  }
  return null;
}

/**
 * The first ISO date (2024-04-05) in `head` if that one is a calendar date, else the first "April 5, 2024",
 * else the first "5 April 2024". Every form contains a year, so one pass over the years finds all three.
 */
function dateInText(head: string, figureStarts: readonly number[]): ArticleDate | undefined {
  let dayFirst: ArticleDate | undefined;
  let monthFirst: ArticleDate | undefined;
  let isoSeen = false;
  for (const yearStart of figureStarts) {
    if (yearStart >= head.length) break;
    if (!isYearAt(head, yearStart)) continue;
    const yearEnd = yearStart + 4;
    if (!isoSeen) {
      ISO_AFTER_YEAR.lastIndex = yearEnd;
      const iso = ISO_AFTER_YEAR.exec(head);
      if (iso) {
        // Only the first ISO date counts, as written; an impossible one (2024-13-45) is no date at all.
        isoSeen = true;
        if (validDate(+head.slice(yearStart, yearEnd), +iso[1], +iso[2])) return at(head.slice(yearStart, ISO_AFTER_YEAR.lastIndex), 'text', yearStart, 10);
      }
    }
    if (monthFirst) continue; // still looking for an ISO date, which would win
    const windowStart = Math.max(0, yearStart - BEFORE_YEAR);
    const window = head.slice(windowStart, yearEnd);
    const written = MONTH_FIRST_RE.exec(window);
    if (written && startsWord(head, windowStart + written.index)) {
      monthFirst = fromParts(windowStart + written.index, written[0].length, written[1], +written[2], +written[3]);
      if (monthFirst) continue;
    }
    const dayWritten = dayFirst ? undefined : DAY_FIRST_RE.exec(window);
    if (dayWritten && startsWord(head, windowStart + dayWritten.index)) {
      dayFirst = fromParts(windowStart + dayWritten.index, dayWritten[0].length, dayWritten[2], +dayWritten[1], +dayWritten[3]);
    }
  }
  return monthFirst ?? dayFirst;
}

/**
 * Whether a year (19xx or 20xx, as the whole word: what /\b(?:19|20)\d{2}\b/ finds) starts at `start`, the
 * start of a run of digits. The digit runs come from the marks scan, so no regex walks the text for years.
 * Exported for its test.
 */
export function isYearAt(head: string, start: number): boolean {
  const century = head.slice(start, start + 2);
  return (
    (century === '19' || century === '20') &&
    isAsciiDigit(head.charCodeAt(start + 2)) &&
    isAsciiDigit(head.charCodeAt(start + 3)) &&
    !isAsciiWordCode(head.charCodeAt(start + 4)) &&
    !isAsciiWordCode(head.charCodeAt(start - 1))
  );
}

/** A window may cut a word: "xApril 5, 2024" is no date. */
function startsWord(text: string, index: number): boolean {
  return index === 0 || !/[\p{L}\p{N}]/u.test(text.charAt(index - 1));
}

/** The date written at `index`, or undefined when it is no calendar date ("April 31, 2024"). */
function fromParts(index: number, length: number, month: string, day: number, year: number): ArticleDate | undefined {
  const monthIndex = MONTHS.findIndex((name) => name.startsWith(month.toLowerCase().replace('.', '').slice(0, 3))) + 1;
  if (!validDate(year, monthIndex, day)) return undefined;
  return at(`${year}-${pad(monthIndex)}-${pad(day)}`, 'text', index, length);
}

function at(date: string, source: ArticleDate['source'], start: number, length = 10): ArticleDate {
  return { date, source, span: { start, end: start + length } };
}

function validDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate(); // day 0 of the next month = last day of this one
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
