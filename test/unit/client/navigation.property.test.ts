/**
 * Next/Previous Finding (client/src/navigation.ts), as properties over random findings and cursor positions:
 * the step goes to the nearest place in text order, wraps, never returns the place that is selected when
 * another exists, and walking visits every place once.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { placesInOrder, stepFrom, type Place } from '../../../client/src/navigation';

const placeArb = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 30 })).map(([start, length]): Place => ({ start, end: start + length }));
const placesArb = fc.array(placeArb, { minLength: 1, maxLength: 25 });
const cursorArb = fc.tuple(fc.integer({ min: 0, max: 240 }), fc.integer({ min: 0, max: 20 })).map(([start, length]): Place => ({ start, end: start + length }));
const cmp = (a: Place, b: Place) => a.start - b.start || a.end - b.end;
const same = (a: Place, b: Place) => cmp(a, b) === 0;

suite('client/navigation (property)', () => {
  test('next is the first place after the selection (wrapping); previous the last before it', () => {
    fc.assert(fc.property(placesArb, cursorArb, (places, sel) => {
      const ordered = placesInOrder(places);
      const next = stepFrom(places, sel, 1)!;
      const after = ordered.filter((p) => cmp(p, sel) > 0);
      assert.ok(same(next, after[0] ?? ordered[0]!));
      const prev = stepFrom(places, sel, -1)!;
      const before = ordered.filter((p) => cmp(p, sel) < 0);
      assert.ok(same(prev, before[before.length - 1] ?? ordered[ordered.length - 1]!));
    }), { numRuns: 5000 });
  });

  test('from a selected finding, neither direction returns it while another place exists', () => {
    fc.assert(fc.property(placesArb, fc.nat(), (places, pick) => {
      const ordered = placesInOrder(places);
      fc.pre(ordered.length >= 2);
      const current = ordered[pick % ordered.length]!;
      assert.ok(!same(stepFrom(places, current, 1)!, current));
      assert.ok(!same(stepFrom(places, current, -1)!, current));
      // Previous after next comes back (the reported bug: it stayed on the same claim).
      assert.ok(same(stepFrom(places, stepFrom(places, current, 1)!, -1)!, current));
    }), { numRuns: 5000 });
  });

  test('pressing next (or previous) as often as there are places visits each place exactly once, from any cursor', () => {
    fc.assert(fc.property(placesArb, cursorArb, fc.constantFrom<1 | -1>(1, -1), (places, cursor, direction) => {
      const ordered = placesInOrder(places);
      const seen: Place[] = [];
      let sel = cursor;
      for (let i = 0; i < ordered.length; i++) {
        sel = stepFrom(places, sel, direction)!;
        assert.ok(!seen.some((p) => same(p, sel)), `visited ${JSON.stringify(sel)} twice`);
        seen.push(sel);
      }
      assert.strictEqual(seen.length, ordered.length);
    }), { numRuns: 5000 });
  });

  test('no findings: nowhere to go', () => {
    assert.strictEqual(stepFrom([], { start: 3, end: 3 }, 1), undefined);
  });
});
