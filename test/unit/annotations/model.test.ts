import * as assert from 'assert';
import fc from 'fast-check';
import {
  ANNOTATION_CONTEXT, createAnnotation, createAnnotationFile, parseAnnotationFile, serializeAnnotationFile, updateAnnotation,
  type Annotation,
} from '../../../server/src/core/annotations/model';
import { spanOf } from './fixtures';

const TEXT = 'MINSK — Belarus said exports rose 7 percent in 2023, according to the statistics office.';
const NOW = '2024-03-02T10:00:00.000Z';

function sample(): Annotation {
  return createAnnotation(TEXT, spanOf(TEXT, 'exports rose 7 percent'), {
    status: 'disputed', note: 'Belstat says 4.1%', source: 'https://example.org/belstat', rule: 'claim.unsourced', author: 'A. Reviewer', article: 'minsk.md',
  }, NOW, 'urn:uuid:11111111-1111-4111-8111-111111111111');
}

suite('annotations/model', () => {
  test('createAnnotation fills the W3C fields and the cisLens view with the same facts', () => {
    const a = sample();
    assert.strictEqual(a.type, 'Annotation');
    assert.strictEqual(a.motivation, 'assessing');
    assert.strictEqual(a.created, NOW);
    assert.deepStrictEqual(a.creator, { type: 'Person', name: 'A. Reviewer' });
    assert.deepStrictEqual(a.cisLens, { status: 'disputed', rule: 'claim.unsourced', source: 'https://example.org/belstat', note: 'Belstat says 4.1%', author: 'A. Reviewer' });
    const purposes = a.body.map((b) => `${b['purpose']}=${b['value'] ?? b['source']}`);
    assert.deepStrictEqual(purposes, ['assessing=disputed', 'commenting=Belstat says 4.1%', 'linking=https://example.org/belstat', 'tagging=claim.unsourced']);
    assert.strictEqual(a.target.source, 'minsk.md');
    const [quote, position] = a.target.selector as unknown as [Record<string, unknown>, Record<string, unknown>];
    assert.strictEqual(quote['type'], 'TextQuoteSelector');
    assert.strictEqual(quote['exact'], 'exports rose 7 percent');
    assert.strictEqual(position['type'], 'TextPositionSelector');
  });

  test('motivations: notes comment, speakers identify', () => {
    const note = createAnnotation(TEXT, spanOf(TEXT, 'Belarus'), { status: 'note', note: 'check' }, NOW);
    const speaker = createAnnotation(TEXT, spanOf(TEXT, 'Belarus'), { status: 'speaker', speaker: { id: 'belarus', name: 'Belarus' } }, NOW);
    assert.strictEqual(note.motivation, 'commenting');
    assert.match(note.id, /^urn:uuid:[0-9a-f-]{36}$/);
    assert.strictEqual(speaker.motivation, 'identifying');
    assert.ok(speaker.body.some((b) => b['source'] === 'urn:cis-lens:entity:belarus'));
  });

  test('createAnnotation rejects empty and out-of-range spans', () => {
    assert.throws(() => createAnnotation(TEXT, { start: 3, end: 3 }, { status: 'note' }, NOW), RangeError);
    assert.throws(() => createAnnotation(TEXT, { start: 0, end: TEXT.length + 1 }, { status: 'note' }, NOW), RangeError);
  });

  test('serialize → parse round-trips, in a W3C collection with an embedded page', () => {
    const file = createAnnotationFile([sample()], 'urn:uuid:22222222-2222-4222-8222-222222222222');
    const json = serializeAnnotationFile(file);
    const raw = JSON.parse(json);
    assert.strictEqual(raw['@context'], ANNOTATION_CONTEXT);
    assert.strictEqual(raw.type, 'AnnotationCollection');
    assert.strictEqual(raw.total, 1);
    assert.strictEqual(raw.first.type, 'AnnotationPage');
    const r = parseAnnotationFile(json);
    assert.ok(r.ok);
    assert.strictEqual(r.file.id, file.id);
    assert.deepStrictEqual(r.file.annotations, [sample()]);
    assert.deepStrictEqual(r.warnings, []);
  });

  test('reads `items` directly on the collection too', () => {
    const r = parseAnnotationFile(JSON.stringify({ '@context': ANNOTATION_CONTEXT, type: 'AnnotationCollection', generator: 'cis-lens', items: [sample()] }));
    assert.ok(r.ok);
    assert.strictEqual(r.file.annotations.length, 1);
    assert.strictEqual(r.file.extra['generator'], undefined, 'generator is rewritten, not kept as an unknown field');
  });

  test('syntax errors come back with an offset', () => {
    const json = '{ "type": "AnnotationCollection" "items": [] }';
    const r = parseAnnotationFile(json);
    assert.ok(!r.ok);
    assert.match(r.error.message, /Syntax error: comma expected/);
    assert.strictEqual(r.error.offset, json.indexOf('"items"'));
  });

  test('comments and trailing commas are syntax errors (the file is strict JSON)', () => {
    assert.ok(!parseAnnotationFile('{ "type": "AnnotationCollection", "items": [], }').ok);
    assert.ok(!parseAnnotationFile('// hi\n{ "type": "AnnotationCollection" }').ok);
    assert.ok(!parseAnnotationFile('').ok);
  });

  test('one invalid annotation is reported with the offset of the bad value; the others are still read', () => {
    const file = JSON.parse(serializeAnnotationFile(createAnnotationFile([sample(), { ...sample(), id: 'urn:uuid:second' }], 'urn:x')));
    file.first.items[0].cisLens.status = 'maybe';
    const json = JSON.stringify(file, null, 2);
    const r = parseAnnotationFile(json);
    assert.ok(r.ok);
    assert.deepStrictEqual(r.file.annotations.map((a) => a.id), ['urn:uuid:second']);
    assert.strictEqual(r.warnings.length, 1);
    assert.match(r.warnings[0]!.message, /Annotation 0 is invalid.*first\.items\[0\]\.cisLens\.status/);
    assert.strictEqual(r.warnings[0]!.offset, json.indexOf('"status": "maybe"'));
    // Written back untouched, so nothing in it is lost.
    const again = JSON.parse(serializeAnnotationFile(r.file));
    assert.ok(again.first.items.some((x: { cisLens?: { status?: string } }) => x.cisLens?.status === 'maybe'));
  });

  test('a file that is no annotation collection fails; a bad position or a duplicate id fails only its annotation', () => {
    assert.ok(!parseAnnotationFile('{"type":"Something"}').ok);
    assert.ok(!parseAnnotationFile('42').ok);
    const bad = JSON.parse(serializeAnnotationFile(createAnnotationFile([sample()], 'urn:x')));
    bad.first.items[0].target.selector[1].start = -1;
    const r1 = parseAnnotationFile(JSON.stringify(bad));
    assert.ok(r1.ok);
    assert.strictEqual(r1.file.annotations.length, 0);
    assert.match(r1.warnings[0]!.message, /"start" and "end" must be integers/);
    const dup = createAnnotationFile([sample(), sample()], 'urn:x');
    const r = parseAnnotationFile(serializeAnnotationFile(dup));
    assert.ok(r.ok);
    assert.strictEqual(r.file.annotations.length, 1);
    assert.match(r.warnings[0]!.message, /duplicate/);
  });

  test('an annotation written by another W3C tool gets its view rebuilt from the W3C fields', () => {
    const foreignTool = {
      id: 'https://example.org/anno/9', type: 'Annotation', motivation: 'assessing',
      creator: { type: 'Person', name: 'Olga' },
      body: [
        { type: 'TextualBody', purpose: 'assessing', value: 'false' },
        { type: 'TextualBody', purpose: 'commenting', value: 'Wrong year' },
        { type: 'SpecificResource', purpose: 'linking', source: 'https://example.org/src' },
      ],
      target: { source: 'minsk.md', selector: { type: 'TextQuoteSelector', exact: 'in 2023' } },
      customField: { kept: true },
    };
    const r = parseAnnotationFile(JSON.stringify({ '@context': ANNOTATION_CONTEXT, type: 'AnnotationPage', items: [foreignTool] }));
    assert.ok(r.ok);
    const a = r.file.annotations[0]!;
    assert.deepStrictEqual(a.cisLens, { status: 'false', note: 'Wrong year', source: 'https://example.org/src', author: 'Olga' });
    assert.deepStrictEqual(a['customField'], { kept: true });
  });

  test('items CIS Lens cannot use are kept as foreign, with a warning', () => {
    const json = JSON.stringify({
      '@context': ANNOTATION_CONTEXT, type: 'AnnotationCollection', id: 'urn:c',
      first: { type: 'AnnotationPage', items: [sample(), 'https://example.org/anno/1', { type: 'Annotation', id: 'urn:y', target: 'https://example.org/page' }] },
    });
    const r = parseAnnotationFile(json);
    assert.ok(r.ok);
    assert.strictEqual(r.file.annotations.length, 1);
    assert.strictEqual(r.file.foreign.length, 2);
    assert.strictEqual(r.warnings.length, 2);
    assert.ok(r.warnings.every((w) => typeof w.offset === 'number'));
    const again = parseAnnotationFile(serializeAnnotationFile(r.file));
    assert.ok(again.ok);
    assert.deepStrictEqual(again.file.foreign, r.file.foreign);
  });

  test('updateAnnotation rebuilds the W3C bodies and keeps what it does not own', () => {
    const a = { ...sample(), extraField: 1, body: [...sample().body, { type: 'TextualBody', purpose: 'replying', value: 'ok' }] } as Annotation;
    const b = updateAnnotation(a, { status: 'verified', note: 'Confirmed with Belstat', source: undefined }, '2024-03-03T00:00:00.000Z');
    assert.strictEqual(b['extraField'], 1);
    assert.strictEqual(b.created, NOW);
    assert.strictEqual(b.modified, '2024-03-03T00:00:00.000Z');
    assert.deepStrictEqual(b.cisLens, { status: 'verified', rule: 'claim.unsourced', note: 'Confirmed with Belstat', author: 'A. Reviewer' });
    assert.ok(b.body.some((x) => x['purpose'] === 'replying'));
    assert.ok(!b.body.some((x) => x['purpose'] === 'linking'));
    assert.ok(b.body.some((x) => x['purpose'] === 'assessing' && x['value'] === 'verified'));
  });

  test('parseAnnotationFile never throws', () => {
    const valid = serializeAnnotationFile(createAnnotationFile([sample()], 'urn:x'));
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.nat(), (junk, cut, cut2) => {
        const candidates = [junk, valid.slice(0, cut % valid.length) + junk + valid.slice(cut2 % valid.length)];
        for (const c of candidates) {
          const r = parseAnnotationFile(c);
          assert.ok(typeof r.ok === 'boolean');
          if (!r.ok) assert.ok(r.error.message.length > 0);
        }
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      const r = parseAnnotationFile(JSON.stringify(v) ?? 'null');
      assert.ok(typeof r.ok === 'boolean');
    }), { numRuns: 1000 });
  });
});
