/**
 * TriggeredPattern's contract: tried only where one of its first words starts, it finds exactly the
 * matches a global scan of its regex finds. Checked for every pattern the analysis declares, on random
 * text made of those patterns' own words, cue phrases, capitals, digits and punctuation.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import '../../../server/src/core/analysis/analyze'; // declares every pattern the analysis uses
import { registeredPatterns, scanTriggers, trieAlternation, TriggeredPattern } from '../../../server/src/core/text/triggers';

function globalMatches(re: RegExp, text: string): [number, string][] {
  const global = new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}g`);
  const found: [number, string][] = [];
  for (let m = global.exec(text); m; m = global.exec(text)) {
    found.push([m.index, m[0]]);
    if (m[0].length === 0) global.lastIndex++;
  }
  return found;
}

const patterns = registeredPatterns();
const FILLER = [' ', ' ', '  ', ', ', '. ', '\n', '\r\n', '“', '”', '’s ', '-', 'The ', 'Russian ', 'Moscow ', 'TASS ', 'news agency ', 'by ', 'as ',
  'saying ', 'in ', 'an ', 'interview ', 'with ', 'these ', 'four ', '1991 ', 'was ', 'say ', 'said ', 'told ', 'matter ', 'familiar ', 'to ', 'of ',
  'state ', 'minister ', 'government ', 'Putin ', 'é', '😀', 'x'];
const WORDS = [...new Set(patterns.flatMap((p) => p.firstWords))];
const token = fc.oneof(
  fc.constantFrom(...FILLER),
  fc.constantFrom(...WORDS),
  fc.constantFrom(...WORDS).map((w) => w.charAt(0).toUpperCase() + w.slice(1)),
  fc.constantFrom(...WORDS).map((w) => w.toUpperCase()),
);
const textArb = fc.array(token, { maxLength: 80 }).map((parts) => parts.join(''));

suite('core/text/triggers', () => {
  test('the analysis declares its phrase patterns (the test below is not vacuous)', () => {
    assert.ok(patterns.length >= 10, `${patterns.length} patterns`);
  });

  test('property: every declared pattern finds what a global scan of its regex finds (matches and starts)', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const scan = scanTriggers(text);
        for (const p of patterns) {
          const anchored = p.matches(scan).map((m): [number, string] => [m.index, m[0]]);
          const global = globalMatches(p.pattern, text);
          assert.deepEqual(anchored, global, `${p.pattern.source.slice(0, 60)} on ${JSON.stringify(text)}`);
          assert.deepEqual(p.starts(scan), global.map(([index]) => index), `starts of ${p.pattern.source.slice(0, 60)} on ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('property: the trie-shaped alternation matches exactly its words', () => {
    const word = fc.stringMatching(/^[a-d]{0,5}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 12 }), fc.array(word, { maxLength: 20 }), (words, probes) => {
        const whole = new RegExp(`^${trieAlternation(words)}$`);
        for (const w of [...words, ...probes]) assert.equal(whole.test(w), words.includes(w), `${JSON.stringify(w)} against ${JSON.stringify(words)}`);
      }),
      { numRuns: 500 },
    );
  });

  test('a pattern registered after a scan is found by the next scan; words are matched case-insensitively', () => {
    const late = new TriggeredPattern(/\b[Zz]ephyr\s+winds\b/u, ['zephyr']);
    const text = 'ZEPHYR winds, zephyr winds and Zephyr  winds.';
    assert.deepEqual(late.matches(scanTriggers(text)).map((m) => m.index), [14, 31]);
  });

  test('a trigger word that is not plain lower-case ASCII is refused at declaration', () => {
    assert.throws(() => new TriggeredPattern(/x/u, ['Prime Minister']), /lower-case ASCII/);
  });
});
