/**
 * scanMarks finds four kinds of position in one regex pass, stepping over words and digit runs as it goes;
 * each list must still be exactly what its plain definition gives, for any text. The claim finder tries
 * its regex only at the figure starts, and must find what a global scan of that regex finds; the article
 * date finds its years among them.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isYearAt } from '../../../server/src/core/analysis/articleDate';
import { CLAIM_RE, findClaims, isCheckworthyCount } from '../../../server/src/core/analysis/claims';
import { isWordChar, isWordCodeAt } from '../../../server/src/core/text/chars';
import { scanMarks } from '../../../server/src/core/text/marks';

function offsetsOf(re: RegExp, text: string): number[] {
  const found: number[] = [];
  for (const m of text.matchAll(re)) found.push(m.index!);
  return found;
}

/** Where a capitalised word may start, by definition: a candidate character that is a word character with none before it. */
function nameStartsByDefinition(text: string): number[] {
  return offsetsOf(/[A-Z\u00c0-\u1fff\u2100-\u218f\u2c00-\ud7ff\uf900-\uffff\ud800-\udbff]/g, text).filter(
    (i) => isWordCodeAt(text, i, text.charCodeAt(i)) && (i === 0 || !isWordChar(text, i - 1)),
  );
}

function figureStartsByDefinition(text: string): number[] {
  return offsetsOf(/[$£¥€₽]|(?<![0-9])[0-9]/g, text);
}

/** The claim finder as it was: one global scan of CLAIM_RE, small counts and years dropped. */
function claimsByGlobalScan(text: string): [number, number, string][] {
  const found: [number, number, string][] = [];
  const global = new RegExp(CLAIM_RE.source, 'gu');
  for (let m = global.exec(text); m; m = global.exec(text)) {
    const kind = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)![0];
    if (kind === 'count' && !isCheckworthyCount(m[0])) continue;
    found.push([m.index, m.index + m[0].length, kind]);
  }
  return found;
}

const PIECES = [' ', '  ', '\n', '\r\n', '.', '!', '?', ',', '"', "'", '«', '»', '‘', '’', '“', '”', '„', '‚', '#', '¤', '—', '-', '%', '$', '£', '¥', '€', '₽',
  '1', '12', '1234', ',567', '1,500', '2024', '3.5', '07', ' percent', ' per cent', ' million', ' billion', ' dollars', ' rubles', ' troops', ' people', ' years ago',
  'the', 'said', 'Putin', 'MOSCOW', 'McDonald', 'iPhone', 'A380', 'Москва', 'Путин', 'в2024', 'Ελλάδα', 'é', 'É', 'ß', '😀', '𝐀', '\ud800', '\udc00', '_', 'x'];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));

suite('core/text/marks', () => {
  test('property: each list is exactly what its definition gives', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const marks = scanMarks(text);
        const where = JSON.stringify(text);
        assert.deepEqual(marks.quotes, offsetsOf(/["'«»‘’“”„]/g, text), `quotes in ${where}`);
        assert.deepEqual(marks.sentenceEnds, offsetsOf(/[.!?]/g, text), `sentence ends in ${where}`);
        assert.deepEqual(marks.nameStarts, nameStartsByDefinition(text), `name starts in ${where}`);
        assert.deepEqual(marks.figureStarts, figureStartsByDefinition(text), `figure starts in ${where}`);
      }),
      { numRuns: 1000 },
    );
  });

  test('names, figures and marks side by side', () => {
    const text = 'Путин2024 said “€5 million” to MOSCOW’s McDonald 12.5% #1.';
    const marks = scanMarks(text);
    assert.deepEqual(marks.nameStarts.map((i) => text.slice(i, i + 3)), ['Пут', 'MOS', 'McD']);
    assert.deepEqual(marks.figureStarts.map((i) => text.charAt(i)), ['2', '€', '5', '1', '5', '1']);
    assert.deepEqual(marks.quotes.map((i) => text.charAt(i)), ['“', '”', '’']);
    assert.deepEqual(marks.sentenceEnds.map((i) => text.charAt(i)), ['.', '.']);
  });

  test('property: claims tried at figure starts are the claims of a global scan', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const claims = findClaims(text, () => ({ start: 0, end: 0 })).map((c): [number, number, string] => [c.start, c.end, c.kind]);
        assert.deepEqual(claims, claimsByGlobalScan(text), JSON.stringify(text));
      }),
      { numRuns: 1000 },
    );
  });

  test('property: the same on text made mostly of figures (runs, separators, signs and the words after them)', () => {
    const FIGURE_PIECES = [' ', '\u202f', ',', '.', '%', '$', '€', '₽', '£', '1', '12', '123', '1234', ',567', ',5678', '1,500', '2024', '3.5', '07',
      ' percent', 'per cent', ' million', ' billion', ' dollars', ' rubles', ' troops', ' people', ' years ago', 'the', 'x', 'é', '😀', '\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FIGURE_PIECES), { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        const claims = findClaims(text, () => ({ start: 0, end: 0 })).map((c): [number, number, string] => [c.start, c.end, c.kind]);
        assert.deepEqual(claims, claimsByGlobalScan(text), JSON.stringify(text));
      }),
      { numRuns: 2000 },
    );
  });

  test('property: the years among the figure starts are what a year regex finds', () => {
    const YEAR_PIECES = ['1991', '2024', '2099', '1899', '19', '20', '199', '20245', '_', 'x', 'é', ' ', '-', '.', ',', '$', '1', '😀'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...YEAR_PIECES), { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
        const years = scanMarks(text).figureStarts.filter((start) => isYearAt(text, start));
        assert.deepEqual(years, offsetsOf(/\b(?:19|20)\d{2}\b/g, text), JSON.stringify(text));
      }),
      { numRuns: 1000 },
    );
  });

  test('a claim can begin inside a run of digits', () => {
    const text = 'It cost 1234,567 dollars.';
    assert.deepEqual(findClaims(text, () => ({ start: 0, end: 0 })).map((c) => c.text), claimsByGlobalScan(text).map(([s, e]) => text.slice(s, e)));
    assert.equal(claimsByGlobalScan(text).length, 1);
  });
});
