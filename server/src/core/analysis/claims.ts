/**
 * Check-worthy figures: money, percentages, scaled or large numbers, counts of people and things,
 * and relative dates ("25 years ago"). Bare years, ordinals and small numbers are not claims.
 */
import cues from '../data/cues.json';
import type { Claim, ClaimKind, Span } from '../types';
import { isAsciiDigit } from '../text/chars';
import { digitRunEnd, scanMarks } from '../text/marks';

const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[$€£¥₽]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
const NUMBER = '\\d{1,3}(?:[,\u202f]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const SCALE = `(?:\\s*(?:${alt(cues.scaleWords)})\\b)`;
const CURRENCY_WORDS = cues.currencies.filter((c) => /\p{L}/u.test(c));
/**
 * What a check-worthy figure looks like. Every match begins with a digit or one of the currency signs
 * `scanMarks` reports as figure starts (keep the two in step). Exported for its test.
 */
export const CLAIM_RE = new RegExp(
  [
    `(?<money>[$€£¥₽]\\s?(?:${NUMBER})${SCALE}?|(?:${NUMBER})${SCALE}?\\s+(?:${alt(CURRENCY_WORDS)})\\b)`,
    `(?<percentage>(?:${NUMBER})\\s?(?:%|per\\s?cent\\b|percent\\b))`,
    `(?<date>\\b(?:${NUMBER})\\s+(?:years?|months?|decades?)\\s+ago\\b)`,
    `(?<number>\\b(?:${NUMBER})\\s+(?:thousand|million|billion|trillion)\\b)`,
    `(?<count>\\b(?:${NUMBER})\\s+(?:(?:\\p{Ll}+\\s+){0,1})(?:${alt(cues.countNouns)})\\b)`,
  ].join('|'),
  'gu',
);

/** CLAIM_RE tried at one position. */
const CLAIM_AT = new RegExp(CLAIM_RE.source, 'uy');

/**
 * The matches a global scan of CLAIM_RE would find, tried only where one can begin: at the currency signs
 * and digit runs `scanMarks` found (`figureStarts`), so this costs nothing in text without figures.
 */
export function findClaims(text: string, sentenceOf: (offset: number) => Span, figureStarts: readonly number[] = scanMarks(text).figureStarts): Claim[] {
  const claims: Claim[] = [];
  let end = 0; // matches do not overlap: the scan goes on where the last one ended
  for (const first of figureStarts) {
    const runEnd = isAsciiDigit(text.charCodeAt(first)) ? digitRunEnd(text, first) : first + 1;
    let at = Math.max(first, end);
    while (at < runEnd) {
      CLAIM_AT.lastIndex = at;
      const m = CLAIM_AT.exec(text);
      if (!m) {
        at = laterStartInRun(text, at, runEnd);
        continue;
      }
      const claim = claimOf(m, sentenceOf);
      if (claim) claims.push(claim);
      end = at + m[0].length;
      at = end; // a match may end inside the run ("$1,5001234 dollars"), where the next can begin
    }
  }
  return claims;
}

/**
 * After no match at `at`, inside the digit run that ends at `runEnd`, the next offset of the run where one
 * can begin. A later start reads a shorter number and fails where the longer one failed, except in the
 * thousands form ("1234,567 dollars" matches from the 2): its first group is the last one to three digits
 * before a comma or narrow space.
 */
function laterStartInRun(text: string, at: number, runEnd: number): number {
  const separator = text.charCodeAt(runEnd);
  if (separator !== 44 && separator !== 0x202f) return runEnd;
  return Math.max(at + 1, runEnd - 3);
}

function claimOf(m: RegExpExecArray, sentenceOf: (offset: number) => Span): Claim | undefined {
  const start = m.index;
  const groups = m.groups ?? {};
  const kind = (Object.keys(groups).find((k) => groups[k] !== undefined) ?? 'number') as ClaimKind;
  if (kind === 'count' && !isCheckworthyCount(m[0])) return undefined;
  return { start, end: start + m[0].length, text: m[0], kind, sentence: sentenceOf(start) };
}

/** "2 documents" is rarely worth checking and "1991 two documents" is a year; "1,500 troops" is a count. Exported for its test. */
export function isCheckworthyCount(matched: string): boolean {
  const digits = /^[\d,\u202f.]+/.exec(matched)?.[0] ?? '';
  const value = Number(digits.replace(/[,\u202f]/g, ''));
  const looksLikeYear = /^(1[89]|20)\d\d$/.test(digits);
  return Number.isFinite(value) && value >= 10 && !looksLikeYear;
}
