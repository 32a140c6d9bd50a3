/** SortedNameList: a sorted, newline-joined list of names searched by bisection answers as a Set would. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { SortedNameList } from '../../../server/src/core/text/sortedNames';
import wideNames from '../../../server/src/core/data/wide-names.json';

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

suite('core/text/sortedNames', () => {
  test('property: has() answers as a Set of the same names, for names in the list, their prefixes and extensions', () => {
    const name = fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !s.includes('\n'));
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 40 }), fc.array(name, { maxLength: 20 }), (names, probes) => {
        const list = new SortedNameList([...names].sort(byCodeUnits).join('\n'));
        const set = new Set(names);
        assert.equal(list.size, names.length);
        for (const p of [...names, ...probes, ...names.map((n) => n.slice(0, -1)), ...names.map((n) => `${n}a`)]) {
          assert.equal(list.has(p), set.has(p), JSON.stringify(p));
        }
      }),
      { numRuns: 300 },
    );
  });

  test('an empty list holds nothing; a name never matches across the separator', () => {
    assert.equal(new SortedNameList('').has('A'), false);
    assert.equal(new SortedNameList('').size, 0);
    const list = new SortedNameList('Ann\nAnna\nBo');
    assert.equal(list.has('Ann\nAnna'), false);
    assert.equal(list.has(''), false);
    assert.deepEqual(['Ann', 'Anna', 'Bo', 'An', 'Annab'].map((n) => list.has(n)), [true, true, true, false, false]);
  });

  test('the generated wide lists are sorted by code units, without duplicates, and large', () => {
    for (const joined of [wideNames.givenNames, wideNames.towns]) {
      const names = joined.split('\n');
      for (let i = 1; i < names.length; i++) assert.ok(names[i - 1] < names[i], `${names[i - 1]} before ${names[i]}`);
      assert.ok(names.length > 10000, `${names.length} names`);
    }
    console.log(`      wide lists: ${wideNames.counts.givenNames} given names, ${wideNames.counts.towns} towns`);
  });
});
