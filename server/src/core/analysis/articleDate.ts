/**
 * Finds the date an article speaks from, so title resolution and KB checks use the facts of that day.
 * Order: front matter `date:`, a wire-service id (MENAFN22122025…), a full date in the text, then the
 * caller's fallback (a setting, or today).
 */
import type { ArticleDate } from '../types';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
const MONTH_FIRST_RE = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2}),?\\s+((?:19|20)\\d{2})\\b`);
const DAY_FIRST_RE = new RegExp(`\\b(\\d{1,2})\\s+${MONTH_RE}\\s+((?:19|20)\\d{2})\\b`);

export function findArticleDate(text: string, fallback: string, fallbackSource: ArticleDate['source'] = 'default'): ArticleDate {
  const head = text.slice(0, 4000);
  const front = /^---\r?\n[\s\S]*?^date:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(head);
  if (front && text.startsWith('---')) return at(front[1], 'front-matter', front.index + front[0].length - 10);
  const wireId = /\bMENAFN(\d{2})(\d{2})(\d{4})\d/.exec(text);
  if (wireId && validDate(+wireId[3], +wireId[2], +wireId[1])) {
    return at(`${wireId[3]}-${wireId[2]}-${wireId[1]}`, 'id', wireId.index, wireId[0].length);
  }
  const iso = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/.exec(head);
  if (iso && validDate(+iso[1], +iso[2], +iso[3])) return at(iso[0], 'text', iso.index, iso[0].length);
  const monthFirst = MONTH_FIRST_RE.exec(head);
  if (monthFirst) return fromParts(monthFirst, monthFirst[1], +monthFirst[2], +monthFirst[3]);
  const dayFirst = DAY_FIRST_RE.exec(head);
  if (dayFirst) return fromParts(dayFirst, dayFirst[2], +dayFirst[1], +dayFirst[3]);
  return { date: fallback, source: fallbackSource };
}

function fromParts(m: RegExpExecArray, month: string, day: number, year: number): ArticleDate {
  const monthIndex = MONTHS.findIndex((name) => name.startsWith(month.toLowerCase().replace('.', '').slice(0, 3))) + 1;
  if (!validDate(year, monthIndex, day)) return { date: '', source: 'default' };
  return at(`${year}-${pad(monthIndex)}-${pad(day)}`, 'text', m.index, m[0].length);
}

function at(date: string, source: ArticleDate['source'], start: number, length = 10): ArticleDate {
  return { date, source, span: { start, end: start + length } };
}

function validDate(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
