/**
 * RunReader hands out the tail of the run it read last when asked about a capitalised word inside it, and
 * nothing for the words of a headline-length run; a tail must be exactly the run a fresh read from that word
 * gives (the matcher's results depend on it).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { capitalisedRun, MAX_NAME_WORDS, RunReader, walked, walkRun, wholeWordOccurrences } from '../../../server/src/core/analysis/entities';

const WORDS = ['EV', 'Prices', 'and', 'of', 'the', 'Charging', 'Infrastructure', 'Putin’s', 'Agency', 'St.', 'Al-Hayat', 'STORY', 'news', 'Ölüm', '😀', 'Inc.', 'on'];
const SEPARATORS = [' ', ' ', ' ', '  ', ', ', '\n', '. '];

const mixedText = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 30 }).map((parts) => parts.map(([w, sep]) => w + sep).join(''));
/** Title-case lines, often longer than any name, sometimes broken by punctuation. */
const titleCaseText = fc
  .array(fc.tuple(fc.constantFrom('EV', 'Prices', 'Charging', 'Agency', 'STORY', 'Ölüm', 'and', 'of'), fc.constantFrom(' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ', ')), { minLength: 5, maxLength: 40 })
  .map((parts) => parts.map(([w, sep]) => w + sep).join(''));

/** Offsets where a capitalised word starts, in text order (where the matcher asks). */
function capitalStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) if (/\p{Lu}/u.test(text[i]) && !(i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]))) starts.push(i);
  return starts;
}

suite('core/analysis/entities: capitalised runs', () => {
  test('property: asked in text order, a word gets the run a fresh read gives, or nothing inside a headline-length run', () => {
    fc.assert(
      fc.property(fc.oneof(mixedText, titleCaseText), (text) => {
        const limit = text.length;
        const reader = new RunReader(text);
        const starts = capitalStarts(text);
        for (const i of starts) {
          const got = reader.at(i, limit);
          // A headline-length run read fresh from an earlier capitalised word that reaches past `i`.
          const inHeadline = starts.some((j) => j <= i && capitalisedRun(text, j, limit).capitalised > MAX_NAME_WORDS && capitalisedRun(text, j, limit).end > i);
          if (inHeadline) assert.equal(got, undefined, `at ${i} in ${JSON.stringify(text)}`);
          else assert.deepEqual(got, capitalisedRun(text, i, limit), `at ${i} in ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('property: walking a run describes the run a read builds (capitalised words up to the bound, words, last word)', () => {
    fc.assert(
      fc.property(fc.oneof(mixedText, titleCaseText), fc.integer({ min: 1, max: 14 }), (text, atMost) => {
        for (const i of capitalStarts(text)) {
          const run = capitalisedRun(text, i, text.length);
          const where = `at ${i} in ${JSON.stringify(text)}`;
          walkRun(text, i, text.length, Infinity);
          assert.equal(walked.capitalised, run.capitalised, where);
          assert.equal(walked.words, run.words.length, where);
          const last = run.words.length ? [run.starts[run.starts.length - 1], run.words[run.words.length - 1]] : [-1, undefined];
          assert.deepEqual([walked.lastStart, walked.lastStart < 0 ? undefined : text.slice(walked.lastStart, walked.lastEnd)], last, where);
          walkRun(text, i, text.length, atMost);
          assert.equal(walked.capitalised, Math.min(run.capitalised, atMost), `${where}, counting up to ${atMost}`);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('property: asking only about the words that start a headline-length run (and any others) changes no answer', () => {
    // What the entity matcher relies on when it skips reading runs it does not need.
    fc.assert(
      fc.property(fc.oneof(mixedText, titleCaseText), fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), (text, askPattern) => {
        const limit = text.length;
        const everyWord = new RunReader(text);
        const someWords = new RunReader(text);
        capitalStarts(text).forEach((i, n) => {
          const expected = everyWord.at(i, limit);
          walkRun(text, i, limit, MAX_NAME_WORDS + 1);
          if (walked.capitalised > MAX_NAME_WORDS || askPattern[n % askPattern.length]) {
            assert.deepEqual(someWords.at(i, limit), expected, `at ${i} in ${JSON.stringify(text)} asking ${JSON.stringify(askPattern)}`);
          }
        });
      }),
      { numRuns: 1000 },
    );
  });

  test('a title-case headline: the run from its third capitalised word is the tail of the first read', () => {
    const text = 'EV Prices and Charging Infrastructure Highlight Car Idling';
    const reader = new RunReader(text);
    assert.deepEqual(reader.at(0, text.length)!.words, ['EV', 'Prices', 'and', 'Charging', 'Infrastructure', 'Highlight', 'Car', 'Idling']);
    const tail = reader.at(text.indexOf('Charging'), text.length)!;
    assert.deepEqual(tail.words, ['Charging', 'Infrastructure', 'Highlight', 'Car', 'Idling']);
    assert.equal(tail.capitalised, 5);
    assert.equal(tail.end, text.length);
  });

  test('a title-case line longer than any name is read once and starts no unknown name', () => {
    const line = 'Alpha Beta Gamma Delta '.repeat(2000).trim();
    const reader = new RunReader(line);
    assert.equal(reader.at(0, line.length), undefined);
    assert.equal(reader.at(line.indexOf('Beta'), line.length), undefined);
    assert.equal(reader.at(line.lastIndexOf('Alpha'), line.length), undefined);
  });
});

suite('core/analysis/entities: later surnames', () => {
  const escape = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  /** The definition: one alternation of the words, as whole Unicode words, leftmost and non-overlapping. */
  function byRegex(text: string, words: readonly string[]): { start: number; word: string }[] {
    const alternation = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    return [...text.matchAll(alternation)].map((m) => ({ start: m.index!, word: m[0] }));
  }

  test('property: the literal searches find what one alternation of the surnames finds', () => {
    const piece = fc.constantFrom('Ivan', 'Ivanov', 'Ivanova', 'Al-Hayat', 'Al', 'Hayat', 'Łukasz', ' ', '. ', '-', 'x', 'é', '😀', '\n', 'ov');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }).map((p) => p.join('')), fc.uniqueArray(fc.constantFrom('Ivan', 'Ivanov', 'Ivanova', 'Al-Hayat', 'Al', 'Hayat', 'Łukasz'), { minLength: 1, maxLength: 5 }), (text, words) => {
        assert.deepEqual(wholeWordOccurrences(text, words), byRegex(text, words), `${JSON.stringify(words)} in ${JSON.stringify(text)}`);
      }),
      { numRuns: 1000 },
    );
  });
});
