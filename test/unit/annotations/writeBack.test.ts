/** Re-anchored write-back: what a save puts into the annotations file. */
import * as assert from 'assert';
import { reanchorAll } from '../../../server/src/core/annotations/anchoring';
import { createAnnotation, positionSelectorOf, quoteSelectorOf } from '../../../server/src/core/annotations/model';
import { reanchoredForSave } from '../../../server/src/core/annotations/writeBack';
import { spanOf } from './fixtures';

const NOW = '2024-05-01T00:00:00.000Z';
const TEXT = 'Analysts say trade grew 15 percent.\nThe minister said talks will resume in May.\n';
const NEW_PARAGRAPH = 'A new first paragraph, inserted above everything else.\n\n';

suite('annotations/writeBack', () => {
  const note = createAnnotation(TEXT, spanOf(TEXT, 'talks will resume'), { status: 'note', note: 'check' }, NOW, 'urn:uuid:n');
  const dispute = createAnnotation(TEXT, spanOf(TEXT, 'Analysts say'), { status: 'disputed', rule: 'vague-source' }, NOW, 'urn:uuid:d');

  test('after a paragraph is inserted above, positions move with the words; exact is unchanged; modified is untouched', () => {
    const edited = NEW_PARAGRAPH + TEXT;
    const r = reanchoredForSave(edited, [note, dispute]);
    assert.strictEqual(r.changed, 2);
    assert.strictEqual(r.orphans, 0);
    for (const [before, after] of [[note, r.annotations[0]!], [dispute, r.annotations[1]!]] as const) {
      const pos = positionSelectorOf(after)!;
      assert.strictEqual(edited.slice(pos.start, pos.end), quoteSelectorOf(before)!.exact);
      assert.strictEqual(pos.start, positionSelectorOf(before)!.start + NEW_PARAGRAPH.length);
      assert.strictEqual(quoteSelectorOf(after)!.exact, quoteSelectorOf(before)!.exact);
      assert.strictEqual(after.modified, before.modified);
      assert.strictEqual(after.id, before.id);
    }
    // The prefix now describes the new text (the first annotation's context reaches into the new paragraph).
    assert.ok(quoteSelectorOf(r.annotations[1]!)!.prefix!.endsWith('\n\n'), JSON.stringify(quoteSelectorOf(r.annotations[1]!)));
  });

  test('nothing moved: the same objects come back and nothing counts as changed', () => {
    const r = reanchoredForSave(TEXT, [note, dispute]);
    assert.strictEqual(r.changed, 0);
    assert.strictEqual(r.annotations[0], note);
    assert.strictEqual(r.annotations[1], dispute);
  });

  test('an edit after the words changes only the suffix, and that is written too', () => {
    const edited = TEXT.replace('in May', 'in June');
    const r = reanchoredForSave(edited, [note]);
    assert.strictEqual(r.changed, 1);
    assert.deepStrictEqual(positionSelectorOf(r.annotations[0]!), positionSelectorOf(note));
    assert.notStrictEqual(quoteSelectorOf(r.annotations[0]!)!.suffix, quoteSelectorOf(note)!.suffix);
  });

  test('orphans are kept exactly as stored, in their place in the list', () => {
    const edited = 'Analysts say trade grew 15 percent.\nNothing else remains.\n';
    const r = reanchoredForSave(edited, [note, dispute]);
    assert.strictEqual(r.orphans, 1);
    assert.strictEqual(r.annotations[0], note);
    assert.strictEqual(reanchorAll(edited, r.annotations).orphans[0], note);
  });

  test('a fuzzy match keeps the old wording as exact and points the position at the new words', () => {
    const long = createAnnotation(TEXT, spanOf(TEXT, 'The minister said talks will resume in May'), { status: 'note' }, NOW, 'urn:uuid:l');
    const edited = NEW_PARAGRAPH + TEXT.replace('The minister said', 'The minister says');
    const r = reanchoredForSave(edited, [long]);
    assert.strictEqual(r.changed, 1);
    assert.strictEqual(quoteSelectorOf(r.annotations[0]!)!.exact, 'The minister said talks will resume in May');
    const pos = positionSelectorOf(r.annotations[0]!)!;
    assert.strictEqual(edited.slice(pos.start, pos.end), 'The minister says talks will resume in May');
  });
});
