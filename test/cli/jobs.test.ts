/** `cis-lens check`: compact and --pretty JSON, and the worker pool (--jobs) keeping the report identical and in order. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanTemp, cli, requireBundle, seedNames, seedText, tempDir, writeCorruptAnnotations } from './run';

/**
 * A batch with everything a report can hold, in an order that sorting would change: seed articles of different
 * lengths (so workers finish out of order), a binary file, a file over --max-size, a damaged annotation file,
 * and a path that does not exist.
 */
function mixedBatch(dir: string): string[] {
  const paths: string[] = [];
  for (let i = 0; i < 12; i++) {
    const name = seedNames[(i * 7) % seedNames.length]!;
    // Long and short articles alternate, so a later short one is done before an earlier long one.
    const text = i % 3 === 0 ? Array.from({ length: 6 }, () => seedText(name)).join('\n\n') : seedText(name);
    const file = path.join(dir, `${String(99 - i).padStart(3, '0')}-article.txt`);
    fs.writeFileSync(file, `${text}\n\nCopy ${i}.\n`);
    paths.push(file);
  }
  fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x41, 0, 0x42]));
  fs.writeFileSync(path.join(dir, 'huge.txt'), 'Vladimir Putin said “yes”. '.repeat(4000));
  writeCorruptAnnotations(paths[5]!);
  paths.splice(3, 0, path.join(dir, 'binary.txt'));
  paths.splice(9, 0, path.join(dir, 'huge.txt'));
  paths.splice(12, 0, path.join(dir, 'no-such-file.txt'));
  return paths;
}

suite('cli: json layout and --jobs', () => {
  let tmp: string | undefined;
  suiteSetup(requireBundle);
  teardown(() => {
    cleanTemp(tmp);
    tmp = undefined;
  });

  test('json is compact, one article per line; --pretty is the same document indented', () => {
    const compact = cli(['check', '--format', 'json', 'seeds/articles']);
    const pretty = cli(['check', '--format', 'json', '--pretty', 'seeds/articles']);
    assert.equal(compact.status, 0, compact.stderr);
    const lines = compact.stdout.trimEnd().split('\n');
    assert.equal(lines.length, seedNames.length + 2, 'a header line, one line per article, a closing line');
    assert.match(lines[0]!, /^\{"tool":\{"name":"cis-lens","version":"[^"]+"\},"files":\[$/);
    for (const [i, line] of lines.slice(1, -1).entries()) {
      const record = JSON.parse(line.replace(/,$/, '')) as { path: string };
      assert.equal(path.basename(record.path), seedNames[i], 'articles in folder order');
    }
    assert.match(lines.at(-1)!, /^\],"errors":\[\],"summary":\{.*\}\}$/);
    assert.ok(pretty.stdout.includes('\n    {\n      "path": '), 'articles indented inside "files"');
    assert.ok(pretty.stdout.length > compact.stdout.length * 1.5, 'the pretty form is indented');
    assert.deepEqual(JSON.parse(pretty.stdout), JSON.parse(compact.stdout));
  });

  test('an empty batch is still one JSON document, compact or pretty', () => {
    tmp = tempDir();
    for (const extra of [[], ['--pretty']]) {
      const r = cli(['check', '--format', 'json', ...extra, '.'], tmp);
      assert.deepEqual(JSON.parse(r.stdout).files, []);
    }
  });

  test('--jobs 3 writes exactly what --jobs 1 writes (json, sarif, text), in command-line order, with the same exit status and messages', function () {
    this.timeout(180_000); // seven runs of the CLI, some starting three threads, on a shared machine
    tmp = tempDir();
    const batch = mixedBatch(tmp);
    for (const format of ['json', 'sarif', 'text']) {
      const args = ['check', '--format', format, '--max-size', '60000', '--date', '2020-01-01', ...batch];
      const one = cli([...args, '--jobs', '1']);
      const three = cli([...args, '--jobs', '3']);
      assert.equal(one.status, 2, `${format}: a missing path is exit status 2\n${one.stderr}`);
      assert.equal(three.status, one.status, format);
      assert.equal(three.stdout, one.stdout, `${format}: same report`);
      assert.equal(three.stderr, one.stderr, `${format}: same messages in the same order`);
    }
    const report = JSON.parse(cli(['check', '--format', 'json', '--jobs', '3', '--max-size', '60000', ...batch]).stdout) as { files: { path: string; skipped?: string; warning?: string }[]; errors: { path: string }[] };
    const expected = batch.filter((p) => !p.endsWith('no-such-file.txt'));
    assert.deepEqual(report.files.map((f) => f.path), expected, 'the order of the command line');
    assert.ok(report.files.find((f) => f.path.endsWith('binary.txt'))?.skipped);
    assert.ok(report.files.find((f) => f.path.endsWith('huge.txt'))?.skipped);
    assert.ok(report.files[expected.indexOf(batch[6]!)]?.warning, 'the damaged annotation file is reported on its article');
    assert.deepEqual(report.errors.map((e) => path.basename(e.path)), ['no-such-file.txt']);
  });

  test('--jobs: a knowledge-base path that cannot be read is reported once, and the batch still runs', function () {
    this.timeout(60_000);
    tmp = tempDir();
    const batch = mixedBatch(tmp).filter((p) => !p.endsWith('no-such-file.txt'));
    const r = cli(['check', '--format', 'json', '--jobs', '2', '--kb', path.join(tmp, 'missing-kb'), ...batch]);
    assert.equal(r.status, 2);
    assert.equal(r.stderr.split('missing-kb').length - 1, 1, r.stderr);
    assert.equal(JSON.parse(r.stdout).files.length, batch.length);
  });

  test('bad values are usage errors', () => {
    for (const args of [['--jobs', '0'], ['--jobs', 'many'], ['--jobs=1.5'], ['--pretty']]) {
      const r = cli(['check', 'seeds/articles', ...args]);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /--jobs must be|--pretty indents/);
    }
    assert.equal(cli(['export', 'seeds/articles', '--format', 'jsonl', '--jobs', '2']).status, 2);
  });
});
