import * as assert from 'assert';
import { anchorQuote, isOrphan, reanchor, reanchorAll, FUZZY_THRESHOLD, type AnchorResult } from '../../../server/src/core/annotations/anchoring';
import { createAnnotation, retarget, selectorsFor } from '../../../server/src/core/annotations/model';
import { bigArticle, editDistance, spanOf } from './fixtures';

const NOW = '2024-03-02T10:00:00.000Z';

function annotate(text: string, needle: string, occurrence = 0) {
  return createAnnotation(text, spanOf(text, needle, occurrence), { status: 'verified', article: 'a.md' }, NOW, 'urn:uuid:00000000-0000-4000-8000-000000000001');
}

function anchored(r: AnchorResult) {
  assert.ok(!isOrphan(r), 'expected an anchor, got an orphan');
  return r;
}

suite('annotations/anchoring', () => {
  const article = 'ASTANA, March 1 — Kazakhstan will raise gas prices by 12 percent, the energy minister said on Tuesday. '
    + 'Russia supplies most of the gas. "We expect stable deliveries," he added. Officials in Russia disagreed.';

  test('selectorsFor keeps 32 characters of context on each side', () => {
    const span = spanOf(article, 'by 12 percent');
    const [quote, position] = selectorsFor(article, span);
    assert.strictEqual(quote.exact, 'by 12 percent');
    assert.strictEqual(quote.prefix, article.slice(span.start - 32, span.start));
    assert.strictEqual(quote.suffix, article.slice(span.end, span.end + 32));
    assert.deepStrictEqual({ start: position.start, end: position.end }, span);
  });

  test('selectorsFor never splits a surrogate pair in the context', () => {
    const text = '😀'.repeat(40) + 'target' + '😀'.repeat(40);
    const [quote] = selectorsFor(text, spanOf(text, 'target'));
    assert.ok(!/^[\udc00-\udfff]/.test(quote.prefix!));
    assert.ok(!/[\ud800-\udbff]$/.test(quote.suffix!));
  });

  test('a stored place left half-way through an emoji by an edit is not reused; the match ends on whole characters', () => {
    // Found by the anchoring property test: the annotation's stored position ended just after a flag's first
    // half once a replacement earlier in the line shifted the text by one unit.
    const text = 'the the the Казахстан the 🇰🇿';
    const a = createAnnotation(text, { start: 0, end: text.length }, { status: 'verified' }, NOW, 'urn:uuid:00000000-0000-4000-8000-000000000002');
    const moved = retarget('x ' + text, a, { start: 2, end: 2 + text.length });
    const edited = 'x said bhe the Казахстан the 🇰🇿';
    const r = anchored(reanchor(edited, moved));
    const found = edited.slice(r.span.start, r.span.end);
    assert.ok(!/^[\udc00-\udfff]/.test(found) && !/[\ud800-\udbff]$/.test(found), `the match splits a surrogate pair: ${JSON.stringify(found)}`);
    assert.ok(found.endsWith('🇰🇿'));
  });

  suite('position', () => {
    test('unchanged text anchors by position', () => {
      const r = anchored(reanchor(article, annotate(article, 'by 12 percent')));
      assert.strictEqual(r.method, 'position');
      assert.deepStrictEqual(r.span, spanOf(article, 'by 12 percent'));
      assert.strictEqual(r.similarity, 1);
    });

    test('an edit after the span keeps the position', () => {
      const a = annotate(article, 'by 12 percent');
      const edited = article + ' More follows.';
      const r = anchored(reanchor(edited, a));
      assert.strictEqual(r.method, 'position');
    });

    test('a changed neighbour word does not move a unique quote', () => {
      const a = annotate(article, 'by 12 percent');
      const edited = article.replace('gas prices', 'oil prices');
      const r = anchored(reanchor(edited, a));
      assert.strictEqual(r.method, 'position');
      assert.strictEqual(edited.slice(r.span.start, r.span.end), 'by 12 percent');
    });
  });

  suite('quote', () => {
    test('an insertion before the span is followed by the exact quote', () => {
      const a = annotate(article, 'by 12 percent');
      const edited = 'UPDATED: ' + article;
      const r = anchored(reanchor(edited, a));
      assert.strictEqual(r.method, 'quote');
      assert.deepStrictEqual(r.span, spanOf(edited, 'by 12 percent'));
    });

    test('context picks the right one of several occurrences', () => {
      const a = annotate(article, 'Russia', 1); // "Officials in Russia disagreed."
      const edited = 'Russia and Russia again. ' + article.replace('Russia supplies', 'Moscow supplies');
      const r = anchored(reanchor(edited, a));
      assert.strictEqual(r.method, 'quote');
      assert.strictEqual(edited.slice(r.span.start - 13, r.span.end), 'Officials in Russia');
    });

    test('a different occurrence landing on the old position does not capture the annotation', () => {
      const text = 'aaaaaaaaaa Russia bbb Russia ccc';
      const a = annotate(text, 'Russia', 1);
      const edited = 'zzzzzzzzzzz' + text; // the first "Russia" now sits where the second one was
      assert.strictEqual(edited.slice(22, 28), 'Russia');
      const r = anchored(reanchor(edited, a));
      assert.strictEqual(r.method, 'quote');
      assert.strictEqual(r.span.start, 33);
    });

    test('without context, ties go to the occurrence nearest the old position', () => {
      const r = anchored(anchorQuote('x ab x ab x ab x', { exact: 'ab', position: { start: 11, end: 13 } }));
      assert.strictEqual(r.span.start, 12);
    });
  });

  suite('fuzzy', () => {
    const sentence = 'The ministry said 3.5 million people were displaced by the floods';

    test('a small edit inside the quote is found fuzzily', () => {
      const text = `Intro paragraph. ${sentence}, officials added.`;
      const a = annotate(text, sentence);
      const edited = text.replace('3.5 million', '3.6 million').replace('were displaced', 'had been displaced');
      const r = anchored(reanchor(edited, a));
      assert.strictEqual(r.method, 'fuzzy');
      const found = edited.slice(r.span.start, r.span.end);
      assert.strictEqual(found, 'The ministry said 3.6 million people had been displaced by the floods');
      assert.ok(r.similarity >= FUZZY_THRESHOLD);
      assert.strictEqual(r.similarity, 1 - editDistance(sentence, found) / sentence.length);
    });

    test('a fuzzy match also works after the text moved far away', () => {
      const text = `Intro. ${sentence}. End.`;
      const a = annotate(text, sentence);
      const edited = 'x'.repeat(5000) + `Intro. ${sentence.replace('floods', 'flood')}. End.`;
      const r = anchored(reanchor(edited, a));
      assert.strictEqual(r.method, 'fuzzy');
      assert.strictEqual(edited.slice(r.span.start, r.span.end), sentence.replace('floods', 'flood'));
    });

    test('too many changes make an orphan, not a bad match', () => {
      const text = `Intro. ${sentence}. End.`;
      const a = annotate(text, sentence);
      const edited = 'Intro. The agency reported that four million residents left because of the rain. End.';
      assert.ok(isOrphan(reanchor(edited, a)));
    });
  });

  suite('orphan', () => {
    test('an annotation whose text was deleted is an orphan', () => {
      const a = annotate(article, 'by 12 percent');
      assert.ok(isOrphan(reanchor(article.replace(' by 12 percent', ''), a)));
    });

    test('reanchorAll reports orphans and never drops an annotation', () => {
      const a1 = createAnnotation(article, spanOf(article, 'Kazakhstan'), { status: 'note', note: 'n' }, NOW, 'urn:uuid:1');
      const a2 = createAnnotation(article, spanOf(article, 'by 12 percent'), { status: 'disputed' }, NOW, 'urn:uuid:2');
      const a3 = createAnnotation(article, spanOf(article, 'on Tuesday'), { status: 'verified' }, NOW, 'urn:uuid:3');
      const edited = article.replace(' by 12 percent', '');
      const r = reanchorAll(edited, [a1, a2, a3]);
      assert.deepStrictEqual(r.anchored.map((x) => x.annotation.id), ['urn:uuid:1', 'urn:uuid:3']);
      assert.deepStrictEqual(r.orphans.map((x) => x.id), ['urn:uuid:2']);
    });
  });

  suite('on a 1 MB article (how long these take is measured by `npm run bench`)', () => {
    const big = bigArticle(1_000_000, 7);
    const mid = 500_000;
    const span = { start: big.indexOf(' ', mid) + 1, end: big.indexOf(' ', mid) + 1 + 150 };

    test('fuzzy match after an edit and a shift', () => {
      const a = createAnnotation(big, span, { status: 'verified' }, NOW, 'urn:uuid:big');
      const exact = big.slice(span.start, span.end);
      const changed = exact.slice(0, 40) + 'XYZ' + exact.slice(43);
      const edited = 'Lead paragraph added.\n' + big.slice(0, span.start) + changed + big.slice(span.end);
      const hit = anchored(reanchor(edited, a));
      assert.strictEqual(hit.method, 'fuzzy');
      assert.strictEqual(edited.slice(hit.span.start, hit.span.end), changed);
    });

    test('a vanished long quote becomes an orphan, or anchors only where the text is really close', () => {
      const a = createAnnotation(big, span, { status: 'verified' }, NOW, 'urn:uuid:big2');
      const edited = big.slice(0, span.start) + big.slice(span.end);
      const r = reanchor(edited, a);
      if (!isOrphan(r)) {
        // A common-word article may hold a close-enough passage elsewhere; then it must really be close.
        const found = edited.slice(r.span.start, r.span.end);
        assert.ok(editDistance(big.slice(span.start, span.end), found) <= 30);
      }
    });

    test('a vanished short name becomes an orphan', () => {
      const text = big + ' Zhaksybekov said.';
      const a = createAnnotation(text, spanOf(text, 'Zhaksybekov'), { status: 'verified' }, NOW, 'urn:uuid:big3');
      assert.ok(isOrphan(reanchor(big + ' He said.', a)));
    });
  });
});
