/**
 * Check-worthy figures: money, percentages, scaled or large numbers, counts of people and things,
 * and relative dates ("25 years ago"). Bare years, ordinals and small numbers are not claims.
 */
import cues from '../data/cues.json';
import type { Claim, ClaimKind, Span } from '../types';

const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[$€£¥₽]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
const NUMBER = '\\d{1,3}(?:[,\u202f]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const SCALE = `(?:\\s*(?:${alt(cues.scaleWords)})\\b)`;
const CURRENCY_WORDS = cues.currencies.filter((c) => /\p{L}/u.test(c));
const CLAIM_RE = new RegExp(
  [
    `(?<money>[$€£¥₽]\\s?(?:${NUMBER})${SCALE}?|(?:${NUMBER})${SCALE}?\\s+(?:${alt(CURRENCY_WORDS)})\\b)`,
    `(?<percentage>(?:${NUMBER})\\s?(?:%|per\\s?cent\\b|percent\\b))`,
    `(?<date>\\b(?:${NUMBER})\\s+(?:years?|months?|decades?)\\s+ago\\b)`,
    `(?<number>\\b(?:${NUMBER})\\s+(?:thousand|million|billion|trillion)\\b)`,
    `(?<count>\\b(?:${NUMBER})\\s+(?:(?:\\p{Ll}+\\s+){0,1})(?:${alt(cues.countNouns)})\\b)`,
  ].join('|'),
  'gu',
);

export function findClaims(text: string, sentenceOf: (offset: number) => Span): Claim[] {
  const claims: Claim[] = [];
  CLAIM_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAIM_RE.exec(text))) {
    const groups = m.groups ?? {};
    const kind = (Object.keys(groups).find((k) => groups[k] !== undefined) ?? 'number') as ClaimKind;
    if (kind === 'count' && !isCheckworthyCount(m[0])) continue;
    claims.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind, sentence: sentenceOf(m.index) });
  }
  return claims;
}

/** "2 documents" is rarely worth checking and "1991 two documents" is a year; "1,500 troops" is a count. */
function isCheckworthyCount(matched: string): boolean {
  const digits = /^[\d,\u202f.]+/.exec(matched)?.[0] ?? '';
  const value = Number(digits.replace(/[,\u202f]/g, ''));
  const looksLikeYear = /^(1[89]|20)\d\d$/.test(digits);
  return Number.isFinite(value) && value >= 10 && !looksLikeYear;
}
