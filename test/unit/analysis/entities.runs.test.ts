/**
 * RunReader hands out the tail of the run it read last when asked about a capitalised word inside it;
 * that tail must be exactly the run a fresh read from that word gives (the matcher's results depend on it).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { capitalisedRun, RunReader, wholeWordOccurrences } from '../../../server/src/core/analysis/entities';

const WORDS = ['EV', 'Prices', 'and', 'of', 'the', 'Charging', 'Infrastructure', 'Putin’s', 'Agency', 'St.', 'Al-Hayat', 'STORY', 'news', 'Ölüm', '😀', 'Inc.', 'on'];
const SEPARATORS = [' ', '  ', ', ', '\n', '. '];

suite('core/analysis/entities: capitalised runs', () => {
  test('property: asked in text order, every capitalised word gets exactly the run a fresh read gives', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 14 }), (parts) => {
        const text = parts.map(([w, sep]) => w + sep).join('');
        const limit = text.length;
        const reader = new RunReader(text);
        for (let i = 0; i < limit; i++) {
          if (!/\p{Lu}/u.test(text[i]) || (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]))) continue;
          assert.deepEqual(reader.at(i, limit), capitalisedRun(text, i, limit), `at ${i} in ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('a title-case headline: the run from its third capitalised word is the tail of the first read', () => {
    const text = 'EV Prices and Charging Infrastructure Highlight Car Idling';
    const reader = new RunReader(text);
    assert.deepEqual(reader.at(0, text.length).words, ['EV', 'Prices', 'and', 'Charging', 'Infrastructure', 'Highlight', 'Car', 'Idling']);
    const tail = reader.at(text.indexOf('Charging'), text.length);
    assert.deepEqual(tail.words, ['Charging', 'Infrastructure', 'Highlight', 'Car', 'Idling']);
    assert.equal(tail.end, text.length);
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
