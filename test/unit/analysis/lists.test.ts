/** joinsList: what may stand between two items of a list, read in place, held to the regex that defines it. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { joinsList } from '../../../server/src/core/analysis/lists';

/** The definition, as a regex over the gap alone. */
const LIST_SEPARATOR = /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)$/;

suite('core/analysis/lists', () => {
  test('commas, "and", ", and" and "&" join; other words and empty gaps do not', () => {
    for (const gap of [', ', ',', ' and ', ', and ', ' & ', '&', ',\u00a0and\n']) assert.equal(joinsList(`A${gap}B`, 1, 1 + gap.length), true, JSON.stringify(gap));
    for (const gap of ['', ' ', ' or ', ' and', 'and ', ' And ', ', but ', ' ; ', ', and the ']) {
      const expected = LIST_SEPARATOR.test(gap);
      assert.equal(joinsList(`A${gap}B`, 1, 1 + gap.length), expected, JSON.stringify(gap));
    }
    assert.equal(joinsList('Armenia, Belarus', 7, 5), false); // overlapping mentions: no gap
  });

  test('property: agrees with the defining regex on any gap inside any text', () => {
    const piece = fc.constantFrom(',', ' ', '  ', '\t', '\n', '\u00a0', 'and', 'And', 'an', 'd', '&', ';', 'x', '“');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }).map((p) => p.join('')), fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), (gap, before, after) => {
        const text = before + gap + after;
        assert.equal(joinsList(text, before.length, before.length + gap.length), LIST_SEPARATOR.test(gap), JSON.stringify(gap));
      }),
      { numRuns: 2000 },
    );
  });
});
