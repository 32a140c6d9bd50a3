import * as assert from 'assert';
import { spawnSync } from 'child_process';
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

  test('round trip; target.source is filled with the article file name', async () => {
    const store = new AnnotationStore();
    store.load(articlePath);
    const saved = await store.save(articlePath, { put: [a1(), a2()] });
    assert.ok(saved.ok, !saved.ok ? saved.error : '');
    const r = new AnnotationStore().load(articlePath);
    assert.ok(!isCorrupt(r));
    assert.deepStrictEqual(r.annotations.map((a) => a.id), ['urn:uuid:aaaa', 'urn:uuid:bbbb']);
    assert.deepStrictEqual(r.annotations[0]!.cisLens, a1().cisLens);
    assert.strictEqual(r.annotations[0]!.target.source, 'kyiv.md');
  });

  test('atomic write leaves no temporary files and no lock behind', async () => {
    const store = new AnnotationStore();
    for (let i = 0; i < 5; i++) assert.ok((await store.save(articlePath, { put: [a1(), a2()] })).ok);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['kyiv.md', 'kyiv.md.annotations.json']);
  });

  test('a failed write leaves the old file and no temporary file', async function () {
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip(); // permissions do not bind there
    const store = new AnnotationStore();
    assert.ok((await store.save(articlePath, { put: [a1()] })).ok);
    const before = fs.readFileSync(annotationPathFor(articlePath));
    fs.chmodSync(dir, 0o555);
    try {
      const r = await store.save(articlePath, { put: [a1(), a2()] }, { timeoutMs: 50 });
      assert.ok(!r.ok);
      assert.ok(r.retry);
      assert.match(r.error, /could not be written|permission denied/);
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

  test('a corrupt file is reported with its place, left byte-for-byte untouched, and save refuses', async () => {
    const file = annotationPathFor(articlePath);
    const broken = Buffer.from('{\n  "type": "AnnotationCollection",\n  "first": { "items": [ { "id": "x" ] }\n}\n', 'utf8');
    fs.writeFileSync(file, broken);
    const store = new AnnotationStore();
    const r = store.load(articlePath);
    assert.ok(isCorrupt(r));
    assert.strictEqual(r.offset, broken.toString('utf8').indexOf(']'));
    assert.match(r.error, /kyiv\.md\.annotations\.json:3:/);
    const s = await store.save(articlePath, { put: [a1()] });
    assert.ok(!s.ok);
    assert.ok(!s.retry);
    assert.match(s.error, /not saved.*damaged.*left untouched/);
    assert.deepStrictEqual(fs.readFileSync(file), broken);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['kyiv.md', 'kyiv.md.annotations.json']);
  });

  test('a file that became corrupt after loading is not overwritten either', async () => {
    const store = new AnnotationStore();
    assert.ok((await store.save(articlePath, { put: [a1()] })).ok);
    store.load(articlePath);
    const file = annotationPathFor(articlePath);
    const broken = Buffer.from('{"type": "AnnotationCollection", "first": {"items": [{"cisLens": {"status": "bogus"}}]]}');
    fs.writeFileSync(file, broken);
    assert.ok(!(await store.save(articlePath, { put: [a1(), a2()] })).ok);
    assert.deepStrictEqual(fs.readFileSync(file), broken);
    // Once the file is repaired and reloaded, saving works again.
    fs.unlinkSync(file);
    assert.ok(!isCorrupt(store.load(articlePath)));
    assert.ok((await store.save(articlePath, { put: [a2()] })).ok);
  });

  test('unknown fields, foreign items and annotations added by other tools are preserved', async () => {
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
    assert.ok((await store.save(articlePath, { put: [edited] })).ok);
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

  test('an annotation deleted by the caller is removed, and a stale copy saved later does not bring it back', async () => {
    const store = new AnnotationStore();
    assert.ok((await store.save(articlePath, { put: [a1(), a2()] })).ok);
    assert.ok((await store.save(articlePath, { remove: ['urn:uuid:aaaa'] }, { now: new Date('2024-06-02T00:00:00Z') })).ok);
    const r = new AnnotationStore().load(articlePath);
    assert.ok(!isCorrupt(r));
    assert.deepStrictEqual(r.annotations.map((a) => a.id), ['urn:uuid:bbbb']);
    // Another window that loaded a1 before the deletion saves its (older) copy: the tombstone keeps it deleted.
    assert.ok((await new AnnotationStore().save(articlePath, { put: [a1()] })).ok);
    const again = new AnnotationStore().load(articlePath);
    assert.ok(!isCorrupt(again));
    assert.deepStrictEqual(again.annotations.map((a) => a.id), ['urn:uuid:bbbb']);
    // An edit made after the deletion is newer, and stays.
    const edited = updateAnnotation(a1(), { note: 'reopened' }, '2024-06-03T00:00:00.000Z');
    assert.ok((await store.save(articlePath, { put: [edited] })).ok);
    const third = new AnnotationStore().load(articlePath);
    assert.ok(!isCorrupt(third));
    assert.deepStrictEqual(third.annotations.map((a) => a.id).sort(), ['urn:uuid:aaaa', 'urn:uuid:bbbb']);
  });

  test('tombstones older than 30 days are dropped on the next write; younger ones are kept', async () => {
    const store = new AnnotationStore();
    const file = path.join(dir, 'kyiv.md.annotations.json');
    const tombstones = () => (JSON.parse(fs.readFileSync(file, 'utf8')).cisLensDeleted ?? []) as { id: string; deleted: string }[];
    assert.ok((await store.save(articlePath, { put: [a1(), a2()] }, { now: new Date('2024-06-01T09:00:00Z') })).ok);
    assert.ok((await store.save(articlePath, { remove: ['urn:uuid:aaaa'] }, { now: new Date('2024-06-02T00:00:00Z') })).ok);
    assert.ok((await store.save(articlePath, { remove: ['urn:uuid:bbbb'] }, { now: new Date('2024-06-20T00:00:00Z') })).ok);
    assert.deepStrictEqual(tombstones().map((t) => t.id), ['urn:uuid:aaaa', 'urn:uuid:bbbb']);
    // 30 days after the first deletion, less a second: both are still remembered, and a stale copy stays out.
    assert.ok((await store.save(articlePath, { put: [a1()] }, { now: new Date('2024-07-01T23:59:59Z') })).ok);
    assert.deepStrictEqual(tombstones().map((t) => t.id), ['urn:uuid:aaaa', 'urn:uuid:bbbb']);
    const kept = new AnnotationStore().load(articlePath);
    assert.ok(!isCorrupt(kept));
    assert.deepStrictEqual(kept.annotations.map((a) => a.id), []);
    // A day later the first is forgotten on the next write (of anything); the second, 12 days old, is kept.
    const a3 = createAnnotation(TEXT, spanOf(TEXT, 'overnight'), { status: 'note' }, '2024-07-03T00:00:00.000Z', 'urn:uuid:cccc');
    assert.ok((await store.save(articlePath, { put: [a3] }, { now: new Date('2024-07-03T00:00:00Z') })).ok);
    assert.deepStrictEqual(tombstones(), [{ id: 'urn:uuid:bbbb', deleted: '2024-06-20T00:00:00.000Z' }]);
    const r = new AnnotationStore().load(articlePath);
    assert.ok(!isCorrupt(r));
    assert.deepStrictEqual(r.annotations.map((a) => a.id), ['urn:uuid:cccc']);
  });

  test('of two edits of one annotation the one modified later is kept, whichever is saved last', async () => {
    const newer = updateAnnotation(a1(), { note: 'newer' }, '2024-06-03T00:00:00.000Z');
    const older = updateAnnotation(a1(), { note: 'older' }, '2024-06-02T00:00:00.000Z');
    assert.ok((await new AnnotationStore().save(articlePath, { put: [newer] })).ok);
    assert.ok((await new AnnotationStore().save(articlePath, { put: [older] })).ok);
    const r = new AnnotationStore().load(articlePath);
    assert.ok(!isCorrupt(r));
    assert.strictEqual(r.annotations[0]!.cisLens.note, 'newer');
  });

  test('a save waits for the lock, and one that cannot get it in time fails with a message that names the holder', async () => {
    const lock = annotationPathFor(articlePath) + '.lock';
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), time: '2024-06-01T08:00:00.000Z', token: 'held' }));
    const blocked = await new AnnotationStore().save(articlePath, { put: [a1()] }, { timeoutMs: 100 });
    assert.ok(!blocked.ok);
    assert.ok(blocked.retry);
    assert.match(blocked.error, new RegExp(`being written by someone else \\(process ${process.pid} since 2024-06-01`));
    assert.ok(!fs.existsSync(annotationPathFor(articlePath)));
    // Released while a save waits: the save goes through.
    const waiting = new AnnotationStore().save(articlePath, { put: [a1()] }, { timeoutMs: 5000 });
    setTimeout(() => fs.unlinkSync(lock), 50);
    assert.ok((await waiting).ok);
    assert.ok(!fs.existsSync(lock));
  });

  test('a lock left by a process that no longer exists, or older than the stale limit, is broken', async () => {
    const lock = annotationPathFor(articlePath) + '.lock';
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    fs.writeFileSync(lock, JSON.stringify({ pid: Number(dead.stdout), host: os.hostname(), token: 'dead' }));
    assert.ok((await new AnnotationStore().save(articlePath, { put: [a1()] }, { timeoutMs: 200 })).ok);
    fs.writeFileSync(lock, 'written by another tool');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, old, old);
    assert.ok((await new AnnotationStore().save(articlePath, { put: [a2()] }, { timeoutMs: 200, staleMs: 10_000 })).ok);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['kyiv.md', 'kyiv.md.annotations.json']);
  });

  test('saves racing in one process all land', async () => {
    const text = TEXT;
    const stores = [new AnnotationStore(), new AnnotationStore(), new AnnotationStore()];
    const all = Array.from({ length: 60 }, (_, i) => createAnnotation(text, spanOf(text, 'drones'), { status: 'note', note: `n${i}` }, NOW, `urn:uuid:n${i}`));
    const results = await Promise.all(all.map((a, i) => stores[i % 3]!.save(articlePath, { put: [a] })));
    assert.ok(results.every((r) => r.ok));
    const r = new AnnotationStore().load(articlePath);
    assert.ok(!isCorrupt(r));
    assert.strictEqual(r.annotations.length, 60);
  });

  test('a sidecar with one invalid selector keeps every valid annotation, reports the bad one at its line, and saves keep it', async () => {
    const file = annotationPathFor(articlePath);
    const good = [a1(), a2()].map((a) => ({ ...a, target: { ...a.target, source: 'kyiv.md' } }));
    const broken = { ...a1(), id: 'urn:uuid:broken', target: { source: 'kyiv.md', selector: [{ type: 'TextQuoteSelector', exact: '' }] } };
    const json = JSON.stringify({ type: 'AnnotationCollection', id: 'urn:c', first: { type: 'AnnotationPage', items: [good[0], broken, good[1]] } }, null, 2);
    fs.writeFileSync(file, json);
    const store = new AnnotationStore();
    const r = store.load(articlePath);
    assert.ok(!isCorrupt(r));
    assert.deepStrictEqual(r.annotations.map((a) => a.id), ['urn:uuid:aaaa', 'urn:uuid:bbbb']);
    const line = json.slice(0, json.indexOf('"exact": ""')).split('\n').length;
    assert.strictEqual(r.warnings.length, 1);
    assert.match(r.warnings[0]!, new RegExp(`kyiv\\.md\\.annotations\\.json:${line}:\\d+: Annotation 1 is invalid.*"exact" must be a non-empty string`));
    // A save merges around it: the broken annotation stays in the file as it was, for the reviewer to repair.
    const edited = updateAnnotation(r.annotations[0]!, { note: 'edited' }, '2024-06-05T00:00:00.000Z');
    assert.ok((await store.save(articlePath, { put: [edited] })).ok);
    const out = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.deepStrictEqual(out.first.items.find((x: { id: string }) => x.id === 'urn:uuid:broken'), broken);
    assert.strictEqual(out.first.items.length, 3);
  });

  test('saving nothing when there is no file creates no file', async () => {
    assert.ok((await new AnnotationStore().save(articlePath, {})).ok);
    assert.deepStrictEqual(fs.readdirSync(dir), ['kyiv.md']);
  });
});
