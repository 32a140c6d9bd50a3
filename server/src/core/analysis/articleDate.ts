/**
 * Finds the date an article speaks from, so title resolution and KB checks use the facts of that day.
 * Order: front matter `date:`, a wire-service id (MENAFN22122025…), a full date in the text, then the
 * caller's fallback (a setting, or today).
 */
import type { ArticleDate } from '../types';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
// Both written forms end with the year, so they are matched only in a short window ending at each
// four-digit year: years are rare, and a month-name alternation tried at every position is not cheap.
const MONTH_FIRST_RE = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2}),?\\s+((?:19|20)\\d{2})$`);
const DAY_FIRST_RE = new RegExp(`\\b(\\d{1,2})\\s+${MONTH_RE}\\s+((?:19|20)\\d{2})$`);
const YEAR_RE = /\b(?:19|20)\d{2}\b/g;
/** Longest "September 30, " or "30 September " before a year, with room for extra spaces. */
const BEFORE_YEAR = 32;

export function findArticleDate(text: string, fallback: string, fallbackSource: ArticleDate['source'] = 'default'): ArticleDate {
  const head = text.slice(0, 4000);
  const front = text.startsWith('---') ? /^---\r?\n[\s\S]*?^date:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(head) : null;
  if (front) return at(front[1], 'front-matter', front.index + front[0].length - 10);
  const wireId = /\bMENAFN(\d{2})(\d{2})(\d{4})\d/.exec(text);
  if (wireId && validDate(+wireId[3], +wireId[2], +wireId[1])) {
    return at(`${wireId[3]}-${wireId[2]}-${wireId[1]}`, 'id', wireId.index, wireId[0].length);
  }
  const iso = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/.exec(head);
  if (iso && validDate(+iso[1], +iso[2], +iso[3])) return at(iso[0], 'text', iso.index, iso[0].length);
  return writtenDate(head) ?? { date: fallback, source: fallbackSource };
}

/** The first "April 5, 2024" in `head`, else the first "5 April 2024". */
function writtenDate(head: string): ArticleDate | undefined {
  let dayFirst: ArticleDate | undefined;
  YEAR_RE.lastIndex = 0;
  for (let year = YEAR_RE.exec(head); year; year = YEAR_RE.exec(head)) {
    const windowStart = Math.max(0, year.index - BEFORE_YEAR);
    const window = head.slice(windowStart, year.index + year[0].length);
    const monthFirst = MONTH_FIRST_RE.exec(window);
    const monthFirstDate = monthFirst && startsWord(head, windowStart + monthFirst.index)
      ? fromParts(windowStart + monthFirst.index, monthFirst[0].length, monthFirst[1], +monthFirst[2], +monthFirst[3])
      : undefined;
    if (monthFirstDate) return monthFirstDate;
    const written = dayFirst ? undefined : DAY_FIRST_RE.exec(window);
    if (written && startsWord(head, windowStart + written.index)) {
      dayFirst = fromParts(windowStart + written.index, written[0].length, written[2], +written[1], +written[3]);
    }
  }
  return dayFirst;
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
