/**
 * The date an article speaks from, found as a reader finds it, so title resolution and KB checks use the
 * facts of that day. In order:
 *   1. front matter `date:` (the author's own word: nothing overrides it);
 *   2. the user's date (the `cisLens.articleDate` setting or `--date`), which overrides every guess below;
 *   3. a dateline or publication line near the top ("MOSCOW, March 13, 2015 (Interfax) -", "KIEV, 27 October
 *      2003 (RFE/RL) --", "(6/2/2022)", "Published: Oct. 5, 2024", a line that is only "28 September 2002");
 *   4. a wire-service id (MENAFN22122025…);
 *   5. a full date in the first paragraphs of the text, the first one not announced for the future
 *      ("the next summit will be held on October 16, 2016" is no article date), not naming an event ("the
 *      December 16, 1986 demonstrations" is an anniversary's date) and not after today.
 * A day and month without a year ("MOSCOW, April 5. /TASS/.") give no year: the date stays unknown (and a
 * full date in the text counts only when it is that same day). When nothing gives a date, `date` is null,
 * `source` is "none", and `assumed` is today: time-aware checks then say that they assumed it.
 */
import type { ArticleDate } from '../types';
import { isAsciiDigit, isAsciiWordCode } from '../text/chars';
import { scanMarks } from '../text/marks';

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
/** Datelines and publication lines stand in the first lines of an article (after a headline, byline, lede). */
const DATELINE_ZONE = 1500;
/** Dates in running text count only this near the top: further down they are the dates of what is reported. */
const TEXT_ZONE = 2000;
/**
 * What may stand on a line before a dateline's date: a publication word ("Published:", "Updated on"), up to
 * three capitalised place or outlet words with commas or full stops ("MOSCOW,", "TBILISI, Georgia,",
 * "CHISINAU.", "INFOTAG,"), and an opening parenthesis ("(6/2/2022)").
 */
const DATELINE_PREFIX = /^\s*(?:(?:Published|Updated|Posted|Last updated|Dated?|Modified)\s*[:,]*\s*(?:on\s+)?)?(?:\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){0,3}\s*[,.]\s*){0,3}(?:(?:\p{Lu}[\p{L}’'.-]*\s+){1,3})?\(\s*$|^\s*(?:(?:Published|Updated|Posted|Last updated|Dated?|Modified)\s*[:,]*\s*(?:on\s+)?)?(?:\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){0,3}\s*[,.]\s*){0,3}$/u;
/** A time of day in a publication line: "19:24", "12:30 pm", "09:15 GMT". */
const TIME_OF_DAY = /\s*\b\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:GMT|UTC|MSK|[A-Z]{3,4}))?\s*,?/g;
/** The longest prefix a dateline's date may have on its line. */
const DATELINE_PREFIX_LENGTH = 60;
/** Words before a date in its sentence that announce it for the future. */
const FUTURE_BEFORE = /\b(?:will|shall|next|upcoming|forthcoming|scheduled|slated|planned|plans to|is due|are due|expected|to be held|set for|deadline)\b|\b(?:by|until|till|before|through)\s+(?:the\s+)?$/i;
/** Words right after a date that announce it for the future ("On October 16, 2016, the leaders will meet"). */
const FUTURE_AFTER = /^[^.!?\n]{0,40}?\b(?:will|shall|is scheduled|are scheduled|is due|are due|is expected|are expected|is set|are set)\b/i;
const MONTH_ABBREVIATION_BEFORE = /\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$/;
/** How far back in its sentence a date's future cue is looked for. */
const CUE_WINDOW = 100;

/** A date written in the text: its span, and a year only when the text gives one. */
interface WrittenDate {
  readonly start: number;
  readonly end: number;
  readonly year: number | undefined;
  readonly month: number;
  readonly day: number;
}

export interface DateOptions {
  /** The user's date (setting or flag), YYYY-MM-DD; overrides anything found except front matter. */
  readonly setting?: string;
  /** Today, YYYY-MM-DD: what is assumed when nothing gives a date, and the latest date an article can have. */
  readonly today: string;
}

/** `figureStarts`: where digit runs start, as `scanMarks` finds them (computed here when not given). */
export function findArticleDate(text: string, options: DateOptions, figureStarts: readonly number[] = scanMarks(text).figureStarts): ArticleDate {
  const front = text.startsWith('---') ? /^---\r?\n(?:(?!^---)[\s\S])*?^date:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(text.slice(0, DATELINE_ZONE)) : null;
  if (front && isCalendarDate(front[1])) return found(front[1], 'front-matter', front.index + front[0].length - 10, 10);
  if (options.setting) return { date: options.setting, assumed: options.setting, source: 'setting' };
  return guessDate(text, options.today, figureStarts) ?? { date: null, assumed: options.today, source: 'none' };
}

/** Steps 3–5: the date the article's own words give, or undefined. */
function guessDate(text: string, today: string, figureStarts: readonly number[]): ArticleDate | undefined {
  const written = writtenDates(text, figureStarts, TEXT_ZONE);
  let yearless: WrittenDate | undefined; // a dateline with no year: only a full date of that day may complete it
  for (const d of written) {
    if (d.start >= DATELINE_ZONE) break;
    if (!isDateline(text, d.start)) continue;
    if (d.year === undefined) {
      yearless ??= d;
      continue;
    }
    const iso = isoOf(d);
    if (iso && iso <= today && (!yearless || sameDay(yearless, d))) return found(iso, 'dateline', d.start, d.end - d.start);
  }
  if (!yearless) {
    const wire = findWireId(text);
    if (wire && wire.date <= today) return found(wire.date, 'wire-id', wire.start, wire.length);
  }
  for (const d of written) {
    if (d.year === undefined) continue;
    const iso = isoOf(d);
    if (!iso || iso > today || (yearless && !sameDay(yearless, d)) || isAnnouncedForFuture(text, d) || namesAnEvent(text, d)) continue;
    return found(iso, yearless ? 'dateline' : 'text', d.start, d.end - d.start);
  }
  return undefined;
}

function found(date: string, source: ArticleDate['source'], start: number, length: number): ArticleDate {
  return { date, assumed: date, source, span: { start, end: start + length } };
}

function sameDay(a: WrittenDate, b: WrittenDate): boolean {
  return a.month === b.month && a.day === b.day;
}

/** Whether the date at `start` opens its line after no more than a dateline's place and outlet words. */
function isDateline(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return start - lineStart <= DATELINE_PREFIX_LENGTH && DATELINE_PREFIX.test(withoutTimesAndBars(text.slice(lineStart, start)));
}

/**
 * A publication line's times and separators read as commas: "Published 12:30, 5 March 2024", "By Ann Lee |
 * Oct. 5, 2024" are then place-and-outlet-shaped prefixes ("Published, ", "By Ann Lee, ").
 */
function withoutTimesAndBars(prefix: string): string {
  return prefix
    .replace(TIME_OF_DAY, ',')
    .replace(/\s*[|·•]\s*/g, ', ')
    .replace(/\s*,(?:\s*,)+/g, ',')
    .replace(/^\s*,\s*/, '');
}

/** Whether the date's own sentence announces it for the future. */
function isAnnouncedForFuture(text: string, d: WrittenDate): boolean {
  let from = Math.max(0, d.start - CUE_WINDOW);
  for (let i = d.start - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    // A sentence ends at a line break or at . ! ? and a space, but not after a month's abbreviation ("Nov. 2").
    if (c === 10 || ((c === 46 || c === 33 || c === 63) && text.charCodeAt(i + 1) === 32 && !MONTH_ABBREVIATION_BEFORE.test(text.slice(Math.max(0, i - 5), i)))) {
      from = i + 1;
      break;
    }
  }
  return FUTURE_BEFORE.test(text.slice(from, d.start)) || FUTURE_AFTER.test(text.slice(d.end, d.end + 60));
}

/**
 * Whether the date stands before a noun as the name of an event: "the December 16, 1986 demonstrations", "the
 * 27 October 2003 arrest". Such a date is when the event happened, which a reader never takes for the day the
 * article was written.
 */
function namesAnEvent(text: string, d: WrittenDate): boolean {
  return /\bthe\s+$/i.test(text.slice(Math.max(0, d.start - 5), d.start)) && /^\s+\p{Ll}/u.test(text.slice(d.end, d.end + 3));
}

/**
 * Every date written in text[0, limit) in text order: "March 13", "Nov. 2, 2007", "27 October 2003",
 * "2024-06-01", "(6/2/2022)", "13.03.2024". Found from the digit runs the marks scan already has (a day or a
 * year starts one), so no regex walks the text. Exported for its test.
 */
export function writtenDates(text: string, figureStarts: readonly number[], limit = TEXT_ZONE): WrittenDate[] {
  const dates: WrittenDate[] = [];
  let resumeAt = 0;
  for (const start of figureStarts) {
    if (start >= limit) break;
    if (start < resumeAt || isAsciiWordCode(text.charCodeAt(start - 1))) continue;
    const date = isoAt(text, start) ?? numericAt(text, start) ?? dayMonthAt(text, start);
    if (date) {
      dates.push(date);
      resumeAt = date.end;
    }
  }
  return dates;
}

/** The digits at `at` (at most `max` of them, the run ending there), or undefined. */
function digitsAt(text: string, at: number, max: number): { value: number; end: number } | undefined {
  let end = at;
  while (end < text.length && isAsciiDigit(text.charCodeAt(end))) end++;
  if (end === at || end - at > max) return undefined;
  return { value: +text.slice(at, end), end };
}

function isoAt(text: string, start: number): WrittenDate | undefined {
  const m = /(\d{4})-(\d{2})-(\d{2})(?![\w-])/y;
  m.lastIndex = start;
  const iso = m.exec(text);
  return iso ? checked(start, m.lastIndex, +iso[1], +iso[2], +iso[3]) : undefined;
}

/** "6/2/2022", "(6/2/2022)", "13.03.2024": dots are day.month (the region's usage); slashes only when one reading is impossible. */
function numericAt(text: string, start: number): WrittenDate | undefined {
  const m = /(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d{2})(?!\w|[./]\d)/y;
  m.lastIndex = start;
  const n = m.exec(text);
  if (!n) return undefined;
  const [a, b, year] = [+n[1], +n[3], +n[4]];
  if (n[2] === '.') return checked(start, m.lastIndex, year, b, a);
  if (a > 12) return checked(start, m.lastIndex, year, b, a); // 13/03/2024: day first
  if (b > 12) return checked(start, m.lastIndex, year, a, b); // 3/13/2024: month first
  // 6/2/2022 is 2 June or 6 February: a month name for one of them elsewhere in the text decides.
  const monthFirst = mentionsDay(text, a, b);
  const dayFirst = mentionsDay(text, b, a);
  if (monthFirst === dayFirst) return undefined;
  return monthFirst ? checked(start, m.lastIndex, year, a, b) : checked(start, m.lastIndex, year, b, a);
}

/** Whether the text names the day in words ("June 2", "2 June"), with any month spelling. */
function mentionsDay(text: string, month: number, day: number): boolean {
  const names = Object.keys(MONTHS).filter((name) => MONTHS[name] === month).map((name) => name[0].toUpperCase() + name.slice(1));
  return names.some((name) => new RegExp(`\\b${name}\\.?\\s+${day}\\b|\\b${day}\\s+${name}\\b`).test(text.slice(0, DATELINE_ZONE * 2)));
}

/** A day with a month name before or after it, and a year when one follows: "Nov. 2", "Oct. 5, 2024", "27 October 2003". */
function dayMonthAt(text: string, start: number): WrittenDate | undefined {
  const day = digitsAt(text, start, 2);
  if (!day) return undefined;
  let end = day.end;
  const ordinal = /(?:st|nd|rd|th)\b/y;
  ordinal.lastIndex = end;
  if (ordinal.test(text)) end = ordinal.lastIndex;
  else if (isAsciiWordCode(text.charCodeAt(end))) return undefined;
  const before = /(\p{L}+)\.?\s+$/u.exec(text.slice(Math.max(0, start - 12), start));
  const monthBefore = before ? MONTHS[before[1].toLowerCase()] : undefined;
  if (monthBefore && /^\p{Lu}/u.test(before![1])) {
    const from = start - before![0].length;
    return withYear(text, from, end, monthBefore, day.value, /,?\s+/y);
  }
  const after = /\s+(\p{Lu}\p{L}+)\b\.?/uy;
  after.lastIndex = end;
  const monthWord = after.exec(text);
  const monthAfter = monthWord ? MONTHS[monthWord[1].toLowerCase()] : undefined;
  if (monthAfter) return withYear(text, start, after.lastIndex, monthAfter, day.value, /,?\s+/y);
  return undefined;
}

/** The date from `from`, with the year that follows `end` when there is one ("…, 2024"). */
function withYear(text: string, from: number, end: number, month: number, day: number, gap: RegExp): WrittenDate | undefined {
  gap.lastIndex = end;
  if (gap.test(text) && isYearAt(text, gap.lastIndex)) return checked(from, gap.lastIndex + 4, +text.slice(gap.lastIndex, gap.lastIndex + 4), month, day);
  return day >= 1 && day <= 31 ? { start: from, end, year: undefined, month, day } : undefined;
}

function checked(start: number, end: number, year: number, month: number, day: number): WrittenDate | undefined {
  return validDate(year, month, day) ? { start, end, year, month, day } : undefined;
}

function isoOf(d: WrittenDate): string | undefined {
  return d.year === undefined ? undefined : `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** A MENAFN id at one position. */
const WIRE_ID_AT = /\bMENAFN(\d{2})(\d{2})(\d{4})\d/y;

/** The first MENAFN id in the text that holds a calendar date: `indexOf` skips to each "MENAFN". */
function findWireId(text: string): { date: string; start: number; length: number } | undefined {
  for (let at = text.indexOf('MENAFN'); at >= 0; at = text.indexOf('MENAFN', at + 1)) {
    WIRE_ID_AT.lastIndex = at;
    const id = WIRE_ID_AT.exec(text);
    if (id && validDate(+id[3], +id[2], +id[1])) return { date: `${id[3]}-${id[2]}-${id[1]}`, start: at, length: id[0].length };
  }
  return undefined;
}

/**
 * Whether a year (19xx or 20xx, as the whole word: what /\b(?:19|20)\d{2}\b/ finds) starts at `start`, the
 * start of a run of digits. Exported for its test.
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

/** Whether a YYYY-MM-DD string is a real calendar date. */
export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return !!m && validDate(+m[1], +m[2], +m[3]);
}

function validDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate(); // day 0 of the next month = last day of this one
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
