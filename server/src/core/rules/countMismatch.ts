/** "These eight states" right after a list of seven: the count and the list disagree. */
import cues from '../data/cues.json';
import { joinsList } from '../analysis/lists';
import { asciiInitials, isAsciiDigit, isAsciiLetter, isInitialIn, isWhitespace, isWordChar } from '../text/chars';
import { hashOf, WordTable } from '../text/wordTable';
import { matchBefore, upperBound } from '../text/search';
import { TriggeredPattern } from '../text/triggers';
import type { EntityMention } from '../types';
import type { Rule, RuleFinding } from './types';

const NUMBER_WORDS: Record<string, number> = cues.numberWords;
// The group noun comes first so the regex engine can skip ahead on it (determiners and number words
// are everywhere); "these eight" before it is checked backwards only where a group noun occurs.
const GROUP_NOUNS = cues.groupNouns.map((n) => n.split(' '));
const GROUP_NOUN_WORDS = [...new Set(GROUP_NOUNS.map((w) => w[w.length - 1]))];
const GROUP_NOUN = TriggeredPattern.words(GROUP_NOUN_WORDS, false);
/** Up to three describing words may stand between the count and the noun: "these four Central Asian states". */
const DESCRIBING_WORDS = 3;
const COUNT_BEFORE = new RegExp(
  `\\b(?:[Tt]hese|[Tt]hose|[Tt]he|[Aa]ll|[Aa]ll\\s+the)\\s+(${Object.keys(NUMBER_WORDS).join('|')}|\\d{1,2})\\s+(?:[\\p{L}-]+\\s+){0,${DESCRIBING_WORDS}}$`,
  'u',
);
/** How far back from a group noun the count phrase may start ("all the thirteen former Soviet member "). */
const COUNT_WINDOW = 70;
/** How far back (in characters) a list may stand from the phrase that counts it. */
const LOOKBACK = 600;
/** No entity name is longer than this, so the backward walk can stop. */
const MAX_NAME_LENGTH = 200;

export const countMismatch: Rule = {
  code: 'count-mismatch',
  description: 'A stated count (“these eight states”) differs from the number of items in the list it refers to.',
  defaultSeverity: 'warning',
  examples: [
    { text: 'Armenia, Belarus and Kazakhstan attended. These four states agreed.', expect: 1 },
    { text: 'Armenia, Belarus and Kazakhstan attended. These three states agreed.', expect: 0 },
    { text: 'Armenia, Belarus and Kazakhstan attended. All the four member states agreed.', expect: 1 },
    { text: 'Armenia, Belarus and Kazakhstan — these four former Soviet states — agreed.', expect: 1 },
  ],
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const nounStart of GROUP_NOUN.starts(ctx.triggers)) {
      if (!countWordBefore(ctx.text, nounStart)) continue;
      const count = matchBefore(ctx.text, nounStart, COUNT_BEFORE, COUNT_WINDOW);
      if (!count) continue;
      const start = count.start;
      const end = endOfAsciiWord(ctx.text, nounStart); // group nouns are words of ASCII letters
      const stated = NUMBER_WORDS[count.match[1].toLowerCase()] ?? Number(count.match[1]);
      const list = lastList(ctx.text, ctx.entities, start);
      if (!list || list.length < 2 || list.length === stated) continue;
      findings.push({
        start,
        end,
        message: `“${ctx.text.slice(start, end)}” counts ${stated}, but the list before it names ${list.length}.`,
        related: [{ start: list[0].start, end: list[list.length - 1].end, message: `The list: ${list.map((e) => e.text).join(', ')}` }],
        data: { stated, listed: list.length },
      });
    }
    return findings;
  },
};

/** Number words, looked up where they stand (nearly every word before a group noun is something else). */
const NUMBER_WORD_TABLE = new WordTable<true>();
const NUMBER_WORD_SPELLINGS = [...new Set(Object.keys(NUMBER_WORDS).flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1), w.toUpperCase()]))];
for (const spelled of NUMBER_WORD_SPELLINGS) NUMBER_WORD_TABLE.add(spelled, hashOf(spelled), true);
/** Code units a number word can start with: a word starting otherwise is turned away without hashing it. */
const NUMBER_WORD_INITIAL = asciiInitials(NUMBER_WORD_SPELLINGS);

/** Cheap test before the regex: is one of the few words before the noun a number? */
function countWordBefore(text: string, nounStart: number): boolean {
  let end = nounStart;
  for (let i = 0; i <= DESCRIBING_WORDS; i++) {
    while (end > 0 && isWhitespace(text.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > 0 && isWordChar(text, start - 1)) start--;
    if (start === end) return false;
    if (isCount(text, start, end)) return true;
    end = start;
  }
  return false;
}

function isCount(text: string, start: number, end: number): boolean {
  const length = end - start;
  const first = text.charCodeAt(start);
  if (isAsciiDigit(first)) return length <= 2 && (length === 1 || isAsciiDigit(text.charCodeAt(start + 1)));
  return isInitialIn(NUMBER_WORD_INITIAL, first) && NUMBER_WORD_TABLE.get(text, start, end, hashOf(text, start, end)) === true;
}

function endOfAsciiWord(text: string, start: number): number {
  let end = start;
  while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
  return end;
}

/** The last run of same-kind entities joined by commas/"and" that ends before `offset`. */
function lastList(text: string, entities: readonly EntityMention[], offset: number): EntityMention[] | undefined {
  const list: EntityMention[] = [];
  for (let i = upperBound(entities, offset) - 1; i >= 0; i--) {
    const e = entities[i];
    if (offset - e.start >= LOOKBACK + MAX_NAME_LENGTH) break; // sorted by start: nothing further back ends in reach
    if (e.end > offset || offset - e.end >= LOOKBACK || e.via === 'demonym' || e.via === 'pronoun') continue;
    const next = list[0];
    if (!next) {
      list.unshift(e);
      continue;
    }
    if (e.kind === next.kind && joinsList(text, e.end, next.start)) list.unshift(e);
    else if (list.length >= 2) break;
    else list.splice(0, list.length, e);
  }
  return list.length ? list : undefined;
}
