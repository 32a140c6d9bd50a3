/**
 * Property: analysis with an incremental state (paragraph-local results kept between versions,
 * `analysis/incremental.ts`) gives the same model as a fresh analysis, after any sequence of edits to real
 * articles (the seeds and the dev set): insertions, deletions and replacements anywhere, of words, names,
 * quote marks, line breaks, fences and whole stretches copied from elsewhere in the article. This guards every
 * stage declared paragraph-local (`analysis/paragraphStages.ts`): one that reads outside its paragraph, or
 * whose declared context misses something it reads, fails here; and speaker attribution kept quote by quote
 * (`analysis/attributionCache.ts`), on long documents where most quotes are far from an edit.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeArticle } from '../../../server/src/core/analysis/analyze';
import { IncrementalState } from '../../../server/src/core/analysis/incremental';
import { resolveConfig } from '../../../server/src/core/config';
import type { ArticleModel } from '../../../server/src/core/types';
import { scanMarks } from '../../../server/src/core/text/marks';
import { scanTriggers } from '../../../server/src/core/text/triggers';
import { loadDevSet } from '../../dev/devset';
import { builtInKb, repoRoot } from '../../helpers/kb';

const { kb } = builtInKb();
const config = resolveConfig({ fallbackDate: '2024-06-01' });
const seedsDir = path.join(repoRoot, 'seeds', 'articles');
const articles = [
  ...fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8')),
  ...loadDevSet(path.join(repoRoot, 'test', 'fixtures', 'dev')).map((a) => a.text),
];

/** Words that change what stages find: KB names (shared ones too), unknown names, titles, cues, quote marks, line structure. */
const INSERTS = [
  '', ' ', 'Putin', 'Vladimir ', 'Tokayev said', 'the Russian president', 'President ', 'Aliyev', 'Ilham Aliyev', 'MOSCOW, ',
  'Armen Grigoryan', 'Grigoryan', 'TASS', 'Commonwealth', 'according to ', 'analysts say', ' $1.5 billion', '12%', '"', '“', '”',
  '‘', '’', "'", '«', '»', '\n', '\n\n', '\r\n', '.', ',', ' he said.', 'She ', 'Bank of Georgia', 'Sughd region', 'Kazakhstan',
  'Russian', 'CIS', 'Commonwealth of Independent States', 'Foreign Ministry spokeswoman ', 'these three states', 'Путин', '😀',
  'A', 'z', '\n```\n', '---\n', 'Stan Smith', 'Smith said', 'Gazprom CEO ', '-Zapad', 'RT', 'GUAM', 'Petersburg', 'Anadolu',
  'RT reported', '\nThe Commonwealth said\n', 'RT reported that the Supreme Court of France ruled.',
];

/**
 * One edit: at a fraction of the text, or near the last edit (so that an edit lands in the paragraphs around
 * another: a cue beside a name that needs one), delete up to `remove` characters and insert a word or a copy
 * of another stretch.
 */
const editArb = fc.record({
  at: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.record({ near: fc.integer({ min: -600, max: 600 }) })),
  remove: fc.oneof(fc.constant(0), fc.nat(12), fc.nat(400)),
  insert: fc.oneof(fc.constantFrom(...INSERTS), fc.record({ from: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(300) })),
});

type Edit = { at: number | { near: number }; remove: number; insert: string | { from: number; length: number } };

/** The text after `edit`, and where it was made. */
function apply(text: string, edit: Edit, lastAt: number): { text: string; at: number } {
  const at = typeof edit.at === 'number' ? Math.floor(edit.at * text.length) : Math.max(0, Math.min(text.length, lastAt + edit.at.near));
  const from = Math.floor(typeof edit.insert === 'string' ? 0 : edit.insert.from * text.length);
  const inserted = typeof edit.insert === 'string' ? edit.insert : text.slice(from, from + edit.insert.length);
  return { text: text.slice(0, at) + inserted + text.slice(Math.min(text.length, at + edit.remove)), at };
}

/**
 * Applies the edits one by one to `start`, analysing each version with one incremental state, and asserts every
 * model equals a fresh analysis of the same text; `each` sees each incremental model and the state after it.
 */
function assertEditsMatchFresh(start: string, sequence: readonly Edit[], each: (incremental: ArticleModel, state: IncrementalState) => void): void {
  const state = new IncrementalState();
  let text = start;
  let at = Math.floor(text.length / 2);
  analyzeArticle(text, kb, config, state);
  for (const edit of sequence) {
    ({ text, at } = apply(text, edit, at));
    const incremental = analyzeArticle(text, kb, config, state);
    assert.deepStrictEqual(incremental, analyzeArticle(text, kb, config));
    each(incremental, state);
  }
}

suite('Incremental analysis', () => {
  test('equals a fresh analysis after any sequence of edits to real articles (2,000 sequences)', function () {
    this.timeout(300_000); // about 10 s of CPU; several times that on a loaded machine
    let edits = 0;
    let kept = 0;
    let paragraphs = 0;
    fc.assert(
      fc.property(fc.nat(articles.length - 1), fc.array(editArb, { minLength: 1, maxLength: 4 }), (which, sequence) => {
        assertEditsMatchFresh(articles[which], sequence, (incremental, state) => {
          edits++;
          kept += state.kept;
          paragraphs += incremental.paragraphs.length;
        });
      }),
      { numRuns: 2000 },
    );
    console.log(`      ${edits.toLocaleString('en-US')} edits in 2,000 sequences on ${articles.length} articles: incremental = fresh; ${((100 * kept) / paragraphs).toFixed(1)}% of paragraphs kept`);
  });

  test('equals a fresh analysis on long documents (three articles joined), where quotes far from an edit keep their speakers (600 sequences)', function () {
    // Attribution keeps a quote's speaker when nothing within a few thousand characters of it changed
    // (`attributionCache.ts`): single articles are too short for that to happen often, so this joins three.
    this.timeout(300_000);
    let quotes = 0;
    let reattributed = 0;
    fc.assert(
      fc.property(fc.array(fc.nat(articles.length - 1), { minLength: 3, maxLength: 3 }), fc.array(editArb, { minLength: 1, maxLength: 3 }), (which, sequence) => {
        assertEditsMatchFresh(which.map((i) => articles[i]).join('\n\n'), sequence, (incremental, state) => {
          quotes += incremental.quotes.length;
          reattributed += state.reattributed;
        });
      }),
      { numRuns: 600 },
    );
    console.log(`      quotes attributed again after an edit: ${((100 * reattributed) / quotes).toFixed(1)}% (the rest kept)`);
  });

  test('a quote far from an edit keeps its speaker; one whose speaker is named differently by an edit elsewhere is attributed again', () => {
    const filler = Array.from({ length: 10 }, () => 'The talks went on for hours and nothing else was said. '.repeat(8)).join('\n');
    const text = `Pashinyan said: “We will sign the treaty soon.”\n${filler}\nLater, “nothing was agreed,” Vardanyan said.\n`;
    const state = new IncrementalState();
    analyzeArticle(text, kb, config, state);
    const far = text.replace('Later,', 'Later that day,');
    const kept = analyzeArticle(far, kb, config, state);
    assert.deepStrictEqual(kept, analyzeArticle(far, kb, config));
    assert.equal(state.reattributed, 1, 'only the quote near the edit');
    // Naming "Kristine Vardanyan" in full at the top changes the name of the speaker 4,000 characters below.
    const named = far.replace('Pashinyan said:', 'MP Kristine Vardanyan spoke first. Pashinyan said:');
    const renamed = analyzeArticle(named, kb, config, state);
    assert.deepStrictEqual(renamed, analyzeArticle(named, kb, config));
    assert.equal(state.reattributed, 2);
    assert.equal(renamed.quotes[1].speaker?.name, 'Kristine Vardanyan');
  });

  test('marks and trigger words: re-scanning only the lines an edit touched gives what a whole scan gives (2,000 sequences)', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(fc.nat(articles.length - 1), fc.array(editArb, { minLength: 1, maxLength: 6 }), (which, sequence) => {
        const state = new IncrementalState();
        let text = articles[which];
        let at = Math.floor(text.length / 2);
        state.begin(text, kb);
        state.marks(text);
        state.triggers(text);
        for (const edit of sequence) {
          ({ text, at } = apply(text, edit, at));
          state.begin(text, kb);
          assert.deepStrictEqual(state.marks(text), scanMarks(text));
          assert.deepStrictEqual(state.triggers(text).hits, scanTriggers(text).hits);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('a small edit re-runs only the paragraph it touched, in every cached stage', () => {
    const state = new IncrementalState();
    const text = articles[0];
    const first = analyzeArticle(text, kb, config, state);
    assert.equal(state.rerunIn('entities'), first.paragraphs.length);
    const at = first.paragraphs[2].start;
    analyzeArticle(`${text.slice(0, at)}Tokayev ${text.slice(at)}`, kb, config, state);
    assert.equal(state.kept, first.paragraphs.length - 1);
    assert.ok(state.rescanned < 2 * (first.paragraphs[2].end - first.paragraphs[2].start) + 20, `re-scanned ${state.rescanned} characters for marks`);
    assert.equal(state.rerunIn('entities'), 1);
    assert.equal(state.rerunIn('sentences'), 1);
    assert.ok(state.rerunIn('names')! >= 1 && state.rerunIn('names')! < first.paragraphs.length / 2, `names re-ran ${state.rerunIn('names')} paragraphs`);
  });

  test('an edit in one paragraph that changes which KB names link in another re-runs that one too', () => {
    // "RT" needs a CIS cue near it to be the outlet; the cue comes in the paragraph before, by an edit. The
    // name recognizer's results for the second paragraph depend on it ("France" is taken into the court's name).
    const text = 'The weather was fine.\nRT reported that the Supreme Court of France ruled.\n';
    const state = new IncrementalState();
    analyzeArticle(text, kb, config, state);
    const edited = text.replace('fine.', 'fine in Kazakhstan.');
    const incremental = analyzeArticle(edited, kb, config, state);
    assert.deepStrictEqual(incremental, analyzeArticle(edited, kb, config));
    assert.ok(incremental.entities.some((e) => e.text === 'RT' && e.id !== null), 'RT links once the cue is near');
  });

  test('a different knowledge base keeps nothing', () => {
    const state = new IncrementalState();
    const first = analyzeArticle(articles[0], kb, config, state);
    const other = Object.create(kb) as typeof kb;
    analyzeArticle(articles[0], other, config, state);
    assert.equal(state.kept, 0);
    assert.equal(state.rerunIn('entities'), first.paragraphs.length);
  });
});
