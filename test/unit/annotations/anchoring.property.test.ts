/**
 * Property: random edit sequences never lose an annotation. Every annotation comes back either anchored to
 * text equal to its `exact` (position/quote), fuzzily anchored to text whose similarity really is ≥ the
 * threshold, or reported as an orphan — and never an orphan while its exact text is still in the article.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { FUZZY_THRESHOLD, isOrphan, reanchor, reanchorAll } from '../../../server/src/core/annotations/anchoring';
import { createAnnotation, createAnnotationFile, exactOf, parseAnnotationFile, positionSelectorOf, retarget, serializeAnnotationFile, type Annotation } from '../../../server/src/core/annotations/model';
import { reanchoredForSave } from '../../../server/src/core/annotations/writeBack';
import { editDistance } from './fixtures';

const TOKENS = ['the ', 'minister ', 'said ', 'Путин ', 'Казахстан ', 'Tokayev', '😀', '🇰🇿', '\r\n', '\n', '"', '—', 'é', 'a', 'b', 'ab', ' ', '.', '3.5', 'million'];

const textArb = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 30 }).map((t) => t.join(''));

interface Edit {
  readonly kind: 'insert' | 'delete' | 'replace';
  /** Where, as a fraction of the text (or of the annotated span when `inSpan`). */
  readonly at: number;
  readonly length: number;
  readonly insert: string;
  readonly inSpan: boolean;
}

const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 1, max: 8 }),
  insert: fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 3 }).map((t) => t.join('')),
  inSpan: fc.boolean(),
});

const caseArb = fc.record({
  text: textArb,
  spans: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 3 }),
  edits: fc.array(editArb, { minLength: 1, maxLength: 6 }),
  refresh: fc.boolean(),
});

/** Snaps an offset so it does not split a surrogate pair. */
function snap(text: string, o: number): number {
  const c = text.charCodeAt(o);
  return o > 0 && o < text.length && c >= 0xdc00 && c <= 0xdfff ? o - 1 : o;
}

function applyEdit(text: string, e: Edit, focus: { start: number; end: number } | undefined): string {
  const lo = e.inSpan && focus ? focus.start : 0;
  const hi = e.inSpan && focus ? focus.end : text.length;
  const at = snap(text, Math.min(text.length, lo + Math.floor(e.at * (hi - lo + 1))));
  const end = snap(text, Math.min(text.length, at + e.length));
  if (e.kind === 'insert') return text.slice(0, at) + e.insert + text.slice(at);
  if (e.kind === 'delete') return text.slice(0, at) + text.slice(end);
  return text.slice(0, at) + e.insert + text.slice(end);
}

const seen: Record<string, number> = { position: 0, quote: 0, fuzzy: 0, orphan: 0 };

function check(text: string, annotation: Annotation): void {
  const exact = exactOf(annotation);
  const r = reanchor(text, annotation);
  seen[isOrphan(r) ? 'orphan' : r.method]!++;
  if (isOrphan(r)) {
    assert.strictEqual(text.indexOf(exact), -1, `orphaned although "${exact}" is still in the text`);
    return;
  }
  const { start, end } = r.span;
  assert.ok(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length, `bad span ${start}..${end}`);
  const found = text.slice(start, end);
  if (r.method === 'fuzzy') {
    const sim = 1 - editDistance(exact, found) / exact.length;
    assert.ok(sim >= FUZZY_THRESHOLD - 1e-12, `fuzzy match "${found}" for "${exact}" has similarity ${sim}`);
    assert.ok(Math.abs(sim - r.similarity) < 1e-9, 'reported similarity is not the real one');
    assert.ok(!/^[\udc00-\udfff]/.test(found) && !/[\ud800-\udbff]$/.test(found), 'fuzzy match splits a surrogate pair');
  } else {
    assert.strictEqual(found, exact, `${r.method} match is not the exact text`);
    assert.strictEqual(r.similarity, 1);
  }
}

const saves = { moved: 0, orphansKept: 0 };

/**
 * The reviewer saves: re-anchored selectors are written (through the file format, as the store does) and the
 * file is reopened on the same text. Every annotation must land on the same words it was shown on before the
 * save, keep its `exact`, and an orphan stays an orphan with its selectors as stored.
 */
function saveAndReopen(text: string, annotations: readonly Annotation[], before: ReturnType<typeof reanchorAll>): void {
  const written = reanchoredForSave(text, annotations);
  saves.moved += written.changed;
  const parsed = parseAnnotationFile(serializeAnnotationFile(createAnnotationFile(written.annotations, 'urn:uuid:file')));
  assert.ok(parsed.ok, 'the written file does not parse');
  const reopened = parsed.file.annotations;
  const after = reanchorAll(text, reopened);
  const spanOf = new Map(after.anchored.map((a) => [a.annotation.id, a]));
  for (const a of before.anchored) {
    const again = spanOf.get(a.annotation.id);
    assert.ok(again, `"${exactOf(a.annotation)}" anchored before the save and is an orphan after it`);
    assert.deepStrictEqual(again.span, a.span, `"${exactOf(a.annotation)}" moved from ${text.slice(a.span.start, a.span.end)} to ${text.slice(again.span.start, again.span.end)} on reopening`);
    assert.strictEqual(exactOf(again.annotation), exactOf(a.annotation), 'the saved quote changed');
    if (a.method !== 'fuzzy') assert.deepStrictEqual(positionSelectorOf(again.annotation), { type: 'TextPositionSelector', ...a.span }, 'the saved position is not where it anchored');
  }
  for (const o of before.orphans) {
    const kept = reopened.find((r) => r.id === o.id);
    assert.ok(kept, 'an orphan was dropped by the save');
    assert.deepStrictEqual(kept.target.selector, o.target.selector, 'an orphan\'s selectors were rewritten');
    saves.orphansKept++;
  }
}

suite('annotations/anchoring (property)', () => {
  test('10,000 random edit sequences never lose an annotation', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(caseArb, ({ text, spans, edits, refresh }) => {
        let annotations: Annotation[] = [];
        spans.forEach(([a, b], i) => {
          let start = snap(text, Math.floor(Math.min(a, b) * text.length));
          let end = snap(text, Math.ceil(Math.max(a, b) * text.length));
          if (end <= start) end = snap(text, Math.min(text.length, start + 2)) || text.length;
          if (end <= start) {
            start = 0;
            end = text.length;
          }
          annotations.push(createAnnotation(text, { start, end }, { status: 'verified' }, '2024-01-01T00:00:00Z', `urn:uuid:${i}`));
        });
        let current = text;
        for (const e of edits) {
          // Aim span-targeted edits at the first annotation's current place.
          const first = reanchor(current, annotations[0]!);
          current = applyEdit(current, e, isOrphan(first) ? undefined : first.span);
          for (const a of annotations) check(current, a);
          if (refresh) {
            // What the editor does after each change: re-point anchored annotations at their new place.
            annotations = annotations.map((a) => {
              const r = reanchor(current, a);
              return isOrphan(r) ? a : retarget(current, a, r.span);
            });
          }
        }
        const all = reanchorAll(current, annotations);
        assert.strictEqual(all.anchored.length + all.orphans.length, annotations.length);
        assert.deepStrictEqual(
          [...all.anchored.map((x) => x.annotation.id), ...all.orphans.map((x) => x.id)].sort(),
          annotations.map((a) => a.id).sort(),
        );
        saveAndReopen(current, annotations, all);
      }),
      { numRuns: 10_000 },
    );
    // The generator must reach every outcome, or the property proves little.
    for (const [outcome, count] of Object.entries(seen)) assert.ok(count > 100, `only ${count} ${outcome} outcomes: ${JSON.stringify(seen)}`);
    console.log(`      anchoring outcomes ${JSON.stringify(seen)}; saves: ${saves.moved} annotations re-pointed, ${saves.orphansKept} orphans kept`);
    assert.ok(saves.moved > 1000 && saves.orphansKept > 100, `the save step was rarely exercised: ${JSON.stringify(saves)}`);
  });

  test('a one-character change inside a long span is always found again (fuzzy completeness)', () => {
    fc.assert(
      fc.property(textArb, textArb, fc.array(fc.constantFrom(...TOKENS), { minLength: 8, maxLength: 20 }), fc.double({ min: 0, max: 1, noNaN: true }), (before, after, middle, where) => {
        const body = middle.join('');
        fc.pre(body.length >= 25);
        const text = before + body + after;
        const span = { start: before.length, end: before.length + body.length };
        const a = createAnnotation(text, span, { status: 'disputed' }, '2024-01-01T00:00:00Z', 'urn:uuid:x');
        const at = snap(text, span.start + Math.floor(where * body.length));
        const width = text.codePointAt(at)! > 0xffff ? 2 : 1;
        const edited = text.slice(0, at) + '#' + text.slice(at + width);
        const r = reanchor(edited, a);
        assert.ok(!isOrphan(r), `lost "${body}" after one change`);
        check(edited, a);
      }),
      { numRuns: 2000 },
    );
  });
});
