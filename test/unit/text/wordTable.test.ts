/** WordTable: lookups by a scanner's running hash, compared in place, including words whose hashes collide. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { hashOf, hashStep, WordTable } from '../../../server/src/core/text/wordTable';

suite('core/text/wordTable', () => {
  test('hashOf a range is the running hashStep over it', () => {
    let running = 0;
    for (const ch of 'Minsk') running = hashStep(running, ch.charCodeAt(0));
    assert.equal(hashOf('in Minsk today', 3, 8), running);
    assert.equal(hashOf('Minsk'), running);
    assert.notEqual(hashOf('Minsk'), hashOf('Mińsk'));
  });

  test('property: a word added is found at any place in any text, and only there', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 20 }), fc.string(), (words, filler) => {
        const table = new WordTable<number>();
        words.forEach((w, i) => table.add(w, hashOf(w, 0, w.length), i));
        assert.equal(table.size, words.length);
        words.forEach((w, i) => {
          const text = `${filler}${w}${filler}`;
          assert.equal(table.get(text, filler.length, filler.length + w.length, hashOf(text, filler.length, filler.length + w.length)), i);
        });
        const absent = `${words.join('')}#`;
        assert.equal(table.get(absent, 0, absent.length, hashOf(absent, 0, absent.length)), undefined);
      }),
      { numRuns: 300 },
    );
  });

  test('words that share a hash are told apart by their text', () => {
    const table = new WordTable<string>();
    table.add('Moscow', 7, 'city');
    table.add('Minsk', 7, 'capital');
    table.add('Kyiv', 7, 'capital too');
    const text = 'in Minsk and Moscow and Kyiv';
    assert.equal(table.get(text, 3, 8, 7), 'capital');
    assert.equal(table.get(text, 13, 19, 7), 'city');
    assert.equal(table.get(text, 24, 28, 7), 'capital too');
    assert.equal(table.get(text, 24, 28, 8), undefined);
    table.clear();
    assert.equal(table.size, 0);
    assert.equal(table.get(text, 3, 8, 7), undefined);
  });

  test('a table grown to thousands of words still finds each of them, and clear empties it', () => {
    const table = new WordTable<number>();
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}ё`);
    words.forEach((w, i) => table.add(w, hashOf(w, 0, w.length), i));
    assert.equal(table.size, words.length);
    const text = words.join(' ');
    let offset = 0;
    words.forEach((w, i) => {
      assert.equal(table.get(text, offset, offset + w.length, hashOf(text, offset, offset + w.length)), i);
      offset += w.length + 1;
    });
    assert.equal(table.get('w0', 0, 2, hashOf('w0', 0, 2)), undefined);
    table.clear();
    assert.equal(table.size, 0);
    assert.equal(table.get(text, 0, words[0].length, hashOf(text, 0, words[0].length)), undefined);
  });
});
