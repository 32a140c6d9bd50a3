/** Which documents keep their whole analysis: the one opened last, and those in use up to a count and a length. */
import * as assert from 'node:assert/strict';
import { RecentDocuments } from '../../../server/src/recentDocuments';

suite('RecentDocuments', () => {
  test('a document opened and never used keeps its analysis only until the next one opens', () => {
    const recent = new RecentDocuments(3, 1_000);
    assert.deepEqual(recent.opened('a'), []);
    assert.deepEqual(recent.opened('b'), ['a']);
    assert.deepEqual(recent.opened('c'), ['b']);
    assert.equal(recent.size, 1);
  });

  test('a document used after opening stays when others open', () => {
    const recent = new RecentDocuments(3, 1_000);
    recent.opened('a');
    assert.deepEqual(recent.use('a', 10), []);
    assert.deepEqual(recent.opened('b'), []);
    assert.deepEqual(recent.opened('c'), ['b']);
    assert.deepEqual(recent.opened('a'), [], 'a document in use analysed again (settings changed) stays in use');
    assert.equal(recent.size, 2);
  });

  test('documents in use: the least recently used go first, past the count or the characters', () => {
    const recent = new RecentDocuments(2, 100);
    assert.deepEqual(recent.use('a', 10), []);
    assert.deepEqual(recent.use('b', 10), []);
    assert.deepEqual(recent.use('a', 10), [], 'using a again makes b the least recent');
    assert.deepEqual(recent.use('c', 10), ['b']);
    assert.deepEqual(recent.use('d', 85), ['a'], '10 + 85 fits, 10 + 10 + 85 does not');
    assert.deepEqual(recent.use('e', 500), ['c', 'd'], 'the one just used stays however long');
    assert.equal(recent.size, 1);
  });

  test('forget: a closed document no longer counts', () => {
    const recent = new RecentDocuments(2, 100);
    recent.use('a', 60);
    recent.forget('a');
    assert.deepEqual(recent.use('b', 60), []);
    recent.opened('c');
    recent.forget('c');
    assert.deepEqual(recent.opened('d'), []);
    assert.equal(recent.size, 2);
  });
});
