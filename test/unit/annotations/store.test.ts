import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { annotationPathFor, AnnotationStore, isCorrupt, writeFileAtomic } from '../../../server/src/annotationStore';
import { createAnnotation, updateAnnotation } from '../../../server/src/core/annotations/model';
import { spanOf } from './fixtures';

const TEXT = 'KYIV — The ministry said 40 drones were shot down overnight.';
const NOW = '2024-06-01T08:00:00.000Z';

suite('annotations/store', () => {
  let dir: string;
  let articlePath: string;

  setup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cis-lens-store-'));
    articlePath = path.join(dir, 'kyiv.md');
    fs.writeFileSync(articlePath, TEXT);
  });

  teardown(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const a1 = () => createAnnotation(TEXT, spanOf(TEXT, '40 drones'), { status: 'disputed', note: 'Air force says 38', author: 'Ira' }, NOW, 'urn:uuid:aaaa');
  const a2 = () => createAnnotation(TEXT, spanOf(TEXT, 'The ministry'), { status: 'note', note: 'which ministry?' }, NOW, 'urn:uuid:bbbb');

  test('the file sits beside the article', () => {
    assert.strictEqual(annotationPathFor(articlePath), articlePath + '.annotations.json');
  });

  test('a missing file loads as no annotations', () => {
    const r = new AnnotationStore().load(articlePath);
    assert.ok(!isCorrupt(r));
    assert.deepStrictEqual(r, { annotations: [], exists: false, warnings: [] });
  });

  test('round trip; target.source is filled with the article file name', () => {
    const store = new AnnotationStore();
    store.load(articlePath);
    const saved = store.save(articlePath, [a1(), a2()]);
    assert.ok(saved.ok, !saved.ok ? saved.error : '');
    const r = new AnnotationStore().load(articlePath);
    assert.ok(!isCorrupt(r));
    assert.deepStrictEqual(r.annotations.map((a) => a.id), ['urn:uuid:aaaa', 'urn:uuid:bbbb']);
    assert.deepStrictEqual(r.annotations[0]!.cisLens, a1().cisLens);
    assert.strictEqual(r.annotations[0]!.target.source, 'kyiv.md');
  });

  test('atomic write leaves no temporary files behind', () => {
    const store = new AnnotationStore();
    for (let i = 0; i < 5; i++) assert.ok(store.save(articlePath, [a1(), a2()]).ok);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['kyiv.md', 'kyiv.md.annotations.json']);
  });

  test('a failed write leaves the old file and no temporary file', function () {
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip(); // permissions do not bind there
    const store = new AnnotationStore();
    assert.ok(store.save(articlePath, [a1()]).ok);
    const before = fs.readFileSync(annotationPathFor(articlePath));
    fs.chmodSync(dir, 0o555);
    try {
      const r = store.save(articlePath, [a1(), a2()]);
      assert.ok(!r.ok);
      assert.match(r.error, /could not be written/);
    } finally {
      fs.chmodSync(dir, 0o755);
    }
    assert.deepStrictEqual(fs.readFileSync(annotationPathFor(articlePath)), before);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['kyiv.md', 'kyiv.md.annotations.json']);
  });

  test('writeFileAtomic removes its temporary file when the rename fails', () => {
    const target = path.join(dir, 'occupied');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside'), 'x');
    assert.throws(() => writeFileAtomic(target, 'data'));
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['kyiv.md', 'occupied']);
  });

  test('a corrupt file is reported with its place, left byte-for-byte untouched, and save refuses', () => {
    const file = annotationPathFor(articlePath);
    const broken = Buffer.from('{\n  "type": "AnnotationCollection",\n  "first": { "items": [ { "id": "x" ] }\n}\n', 'utf8');
    fs.writeFileSync(file, broken);
    const store = new AnnotationStore();
    const r = store.load(articlePath);
    assert.ok(isCorrupt(r));
    assert.strictEqual(r.offset, broken.toString('utf8').indexOf(']'));
    assert.match(r.error, /kyiv\.md\.annotations\.json:3:/);
    const s = store.save(articlePath, [a1()]);
    assert.ok(!s.ok);
    assert.match(s.error, /not saved.*damaged.*left untouched/);
    assert.deepStrictEqual(fs.readFileSync(file), broken);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['kyiv.md', 'kyiv.md.annotations.json']);
  });

  test('a file that became corrupt after loading is not overwritten either', () => {
    const store = new AnnotationStore();
    assert.ok(store.save(articlePath, [a1()]).ok);
    store.load(articlePath);
    const file = annotationPathFor(articlePath);
    const broken = Buffer.from('{"type": "AnnotationCollection", "first": {"items": [{"cisLens": {"status": "bogus"}}]}}');
    fs.writeFileSync(file, broken);
    assert.ok(!store.save(articlePath, [a1(), a2()]).ok);
    assert.deepStrictEqual(fs.readFileSync(file), broken);
    // Once the file is repaired and reloaded, saving works again.
    fs.unlinkSync(file);
    assert.ok(!isCorrupt(store.load(articlePath)));
    assert.ok(store.save(articlePath, [a2()]).ok);
  });

  test('unknown fields, foreign items and annotations added by other tools are preserved', () => {
    const file = annotationPathFor(articlePath);
    const mine = { ...a1(), target: { ...a1().target, source: 'kyiv.md' }, reviewRound: 2 };
    fs.writeFileSync(file, JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:uuid:coll', type: 'AnnotationCollection',
      rights: 'https://creativecommons.org/licenses/by/4.0/',
      first: { type: 'AnnotationPage', items: [mine, 'https://example.org/anno/remote'], pageNote: 'kept' },
    }, null, 2));
    const store = new AnnotationStore();
    const loaded = store.load(articlePath);
    assert.ok(!isCorrupt(loaded));
    assert.strictEqual(loaded.warnings.length, 1);

    // Another tool appends an annotation after we loaded.
    const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    raw.first.items.push({ ...a2(), id: 'urn:uuid:other-tool', target: { ...a2().target, source: 'kyiv.md' } });
    fs.writeFileSync(file, JSON.stringify(raw));

    const edited = updateAnnotation(loaded.annotations[0]!, { status: 'verified', note: 'Confirmed: 40' }, '2024-06-02T00:00:00.000Z');
    assert.ok(store.save(articlePath, [edited]).ok);
    const out = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.strictEqual(out.id, 'urn:uuid:coll');
    assert.strictEqual(out.rights, 'https://creativecommons.org/licenses/by/4.0/');
    assert.strictEqual(out.first.pageNote, 'kept');
    const ids = out.first.items.map((x: { id?: string } | string) => (typeof x === 'string' ? x : x.id));
    assert.deepStrictEqual(ids, ['urn:uuid:aaaa', 'urn:uuid:other-tool', 'https://example.org/anno/remote']);
    assert.strictEqual(out.first.items[0].reviewRound, 2);
    assert.strictEqual(out.first.items[0].cisLens.status, 'verified');
    assert.strictEqual(out.total, 3);
  });

  test('an annotation deleted by the caller is removed', () => {
    const store = new AnnotationStore();
    store.load(articlePath);
    assert.ok(store.save(articlePath, [a1(), a2()]).ok);
    assert.ok(store.save(articlePath, [a2()]).ok);
    const r = new AnnotationStore().load(articlePath);
    assert.ok(!isCorrupt(r));
    assert.deepStrictEqual(r.annotations.map((a) => a.id), ['urn:uuid:bbbb']);
  });

  test('saving nothing when there is no file creates no file', () => {
    assert.ok(new AnnotationStore().save(articlePath, []).ok);
    assert.deepStrictEqual(fs.readdirSync(dir), ['kyiv.md']);
  });
});
