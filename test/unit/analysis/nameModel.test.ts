/** The learned name model: the shipped weights load, features are deterministic, and the tagger reads regions the way the trainer does. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { activeNameModel, applyNameModel, builtInNameModel, useNameModel } from '../../../server/src/core/analysis/learnedNames';
import { allowed, findRegions, type ModelFile, NameModel, regionAt, TAGS, tokenize, viterbi, wordFeatures } from '../../../server/src/core/analysis/nameModel';
import { builtInGazetteer } from '../../../server/src/core/kb/gazetteer';
import type { EntityMention } from '../../../server/src/core/types';
import { repoRoot } from '../../helpers/kb';

const gazetteer = builtInGazetteer();
const modelPath = path.join(repoRoot, 'server', 'src', 'core', 'data', 'name-model.json');

suite('name model', () => {
  test('the shipped weights load, under 5 MB, with the tagger’s tags', () => {
    const size = fs.statSync(modelPath).size;
    const file = JSON.parse(fs.readFileSync(modelPath, 'utf8')) as ModelFile;
    console.log(`      name-model.json: ${(size / 1e6).toFixed(2)} MB, ${file.features.length} features`);
    assert.ok(size < 5e6, `${size} bytes`);
    assert.deepEqual(file.tags, [...TAGS]);
    assert.ok(file.features.length > 1000);
    assert.equal(Buffer.from(file.weights, 'base64').length, file.features.length * TAGS.length * 2);
    assert.ok(builtInNameModel(gazetteer));
  });

  test('analysis uses the model only when it is turned on (off by default)', () => {
    assert.equal(activeNameModel(gazetteer), null);
    try {
      useNameModel('builtin');
      assert.equal(activeNameModel(gazetteer), builtInNameModel(gazetteer));
    } finally {
      useNameModel(null);
    }
    assert.equal(activeNameModel(gazetteer), null);
  });

  test('features are deterministic and see the evidence lists', () => {
    assert.deepEqual(wordFeatures('Grigoryan', gazetteer), wordFeatures('Grigoryan', gazetteer));
    assert.ok(wordFeatures('Grigoryan', gazetteer).includes('surname'));
    assert.ok(wordFeatures('Armen', gazetteer).includes('given'));
    assert.ok(wordFeatures('Ministry', gazetteer).includes('orgw'));
  });

  test('a region read in place is the region the trainer reads in the whole paragraph', () => {
    const text = 'In Gyumri, Bank of the Ozarks and Fairfax Connector’s drivers met “Li Shimin” (U.S. envoy) on Tuesday.';
    const tokens = tokenize(text, 0, text.length);
    assert.ok(tokens.some((t) => t.text === '’s'), 'the possessive is split off');
    for (const whole of findRegions(tokens, text)) {
      const start = whole.tokens[whole.from].start;
      const here = regionAt(text, start, 0, text.length);
      assert.ok(here, `no region at ${start}`);
      const words = (r: typeof whole) => r.tokens.slice(Math.max(0, r.from - 2), r.to + 2).map((t) => t.text).join(' ');
      assert.equal(words(here), words(whole));
      assert.equal(here.sentenceInitial, whole.sentenceInitial);
    }
    assert.deepEqual(findRegions(tokens, text).map((r) => r.tokens.slice(r.from, r.to).map((t) => t.text).join(' ')), ['In Gyumri', 'Bank of the Ozarks and Fairfax Connector', 'Li Shimin', 'U.S.', 'Tuesday']);
  });

  test('decoding never opens a name with an I- tag and finds the best path', () => {
    const O = TAGS.indexOf('O'), B = TAGS.indexOf('B-person'), I = TAGS.indexOf('I-person');
    const e = (best: number) => Float32Array.from(TAGS, (_, k) => (k === best ? 5 : 0));
    const zero = () => new Float32Array(TAGS.length);
    // The second word prefers I-person, the first O: I after O is not allowed, so B-person wins the second word.
    const { best } = viterbi([e(O), e(I)], () => zero());
    assert.equal(best[0], O);
    assert.notEqual(best[1], I);
    assert.ok(!allowed(O, I) && allowed(B, I));
    assert.deepEqual(viterbi([e(B), e(I)], () => zero()).best, [B, I]);
  });

  test('the model types a name the rules left untyped, says so, and never overrides the knowledge base', () => {
    const file = JSON.parse(fs.readFileSync(modelPath, 'utf8')) as ModelFile;
    const model = new NameModel(file, gazetteer);
    const text = 'Yesterday Marek Hamsik and Putin met in Bratislava.';
    const input = { text, paragraphs: [{ start: 0, end: text.length }], nameStarts: [0, 10, 16, 23, 27, 33, 37, 40], gazetteer };
    const kbPutin: EntityMention = { start: 27, end: 32, text: 'Putin', kind: 'person', id: 'putin', name: 'Vladimir Putin', via: 'name' };
    const untyped: EntityMention = { start: 10, end: 22, text: 'Marek Hamsik', kind: 'other', id: null, name: 'Marek Hamsik', via: 'context', why: 'a capitalised name' };
    const out = applyNameModel(input, [untyped, kbPutin], new Set(), model);
    assert.ok(out.includes(kbPutin), 'the knowledge-base mention stays');
    const hamsik = out.find((m) => m.text === 'Marek Hamsik');
    assert.equal(hamsik?.via, 'model');
    assert.equal(hamsik?.kind, 'person');
    // A firm rule mention is not the model's to change, and with nothing unsure the model reads nothing.
    const firmOut = applyNameModel(input, [untyped, kbPutin], new Set([untyped]), model);
    assert.deepEqual(firmOut, [untyped, kbPutin]);
  });
});
