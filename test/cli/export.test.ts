/** `cis-lens export` through the bundle: every format, files and stdout, annotations, damaged annotation files. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseBrat } from '../../server/src/core/annotations/export/brat';
import { CSV_COLUMNS } from '../../server/src/core/annotations/export/csv';
import { createAnnotation, createAnnotationFile, serializeAnnotationFile } from '../../server/src/core/annotations/model';
import { cleanTemp, cli, requireBundle, seedNames, seedPath, seedText, tempDir, writeCorruptAnnotations } from './run';

const SEED = '000_9e14f92e9c3a9cd6.txt';

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function readCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

suite('cli: export', () => {
  let tmp: string | undefined;
  suiteSetup(requireBundle);
  teardown(() => {
    cleanTemp(tmp);
    tmp = undefined;
  });

  test('brat: <name>.ann + <name>.txt per article and annotation.conf; every span re-parses onto the article text', () => {
    tmp = tempDir();
    const out = path.join(tmp, 'brat');
    const r = cli(['export', 'seeds/articles', '--format', 'brat', '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    const written = fs.readdirSync(out).sort();
    assert.ok(written.includes('annotation.conf'));
    for (const name of seedNames) {
      const base = name.replace(/\.txt$/, '');
      assert.ok(written.includes(`${base}.ann`) && written.includes(`${base}.txt`), base);
      const text = fs.readFileSync(path.join(out, `${base}.txt`), 'utf8');
      assert.equal(text, seedText(name), 'the .txt copy is the article');
      const codePoints = Array.from(text);
      const parsed = parseBrat(fs.readFileSync(path.join(out, `${base}.ann`), 'utf8'));
      assert.ok(parsed.textBounds.length > 10, `${base}: text-bound annotations`);
      assert.deepEqual(parsed.other, [], `${base}: every line parses`);
      for (const tb of parsed.textBounds) {
        const pieces = tb.fragments.map((f) => {
          assert.ok(f.start < f.end && f.end <= codePoints.length, `${base} ${tb.id}: fragment in bounds`);
          return codePoints.slice(f.start, f.end).join('');
        });
        assert.equal(pieces.join(' '), tb.text, `${base} ${tb.id}: span text equals the article text at its offsets`);
      }
      const ids = new Set(parsed.textBounds.map((t) => t.id));
      for (const rel of parsed.relations) assert.ok(ids.has(rel.arg1) && ids.has(rel.arg2), `${base} ${rel.id}: arguments exist`);
    }
    const conf = fs.readFileSync(path.join(out, 'annotation.conf'), 'utf8');
    assert.match(conf, /\[entities\][\s\S]*Person[\s\S]*\[relations\][\s\S]*Speaker/);
    assert.ok(parseBrat(fs.readFileSync(path.join(out, '000_9e14f92e9c3a9cd6.ann'), 'utf8')).relations.length > 0, 'speaker relations');
  });

  test('brat: needs --out; two articles with the same name do not overwrite each other', () => {
    const r = cli(['export', 'seeds/articles', '--format', 'brat']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--out/);
    tmp = tempDir();
    for (const dir of ['x', 'y']) {
      fs.mkdirSync(path.join(tmp, dir));
      fs.writeFileSync(path.join(tmp, dir, 'same.md'), `${dir === 'x' ? 'Vladimir Putin' : 'Ilham Aliyev'} spoke in Baku.\n`);
    }
    assert.equal(cli(['export', 'x', 'y', '--format', 'brat', '--out', 'out'], tmp).status, 0);
    assert.deepEqual(fs.readdirSync(path.join(tmp, 'out')).sort(), ['annotation.conf', 'same-2.ann', 'same-2.txt', 'same.ann', 'same.txt']);
    assert.match(fs.readFileSync(path.join(tmp, 'out', 'same-2.ann'), 'utf8'), /Ilham Aliyev/);
  });

  test('csv: a header row, one row per claim and finding, to stdout or to a file', () => {
    const r = cli(['export', 'seeds/articles', '--format', 'csv']);
    assert.equal(r.status, 0, r.stderr);
    const rows = readCsv(r.stdout);
    assert.deepEqual(rows[0], [...CSV_COLUMNS]);
    assert.ok(rows.length > 10);
    for (const row of rows.slice(1)) {
      assert.equal(row.length, CSV_COLUMNS.length);
      assert.ok(seedNames.some((n) => row[0] === seedPath(n)), `file column: ${row[0]}`);
    }
    assert.ok(rows.some((row) => row[3] === 'vague-source' && row[5] === 'Analysts say'));

    tmp = tempDir();
    const file = path.join(tmp, 'report.csv');
    const toFile = cli(['export', 'seeds/articles', '--format', 'csv', '--out', file]);
    assert.equal(toFile.status, 0, toFile.stderr);
    assert.equal(toFile.stdout, '');
    assert.equal(fs.readFileSync(file, 'utf8'), r.stdout);
    assert.equal(cli(['export', 'seeds/articles', '--format', 'csv', '--out', tmp]).status, 0);
    assert.equal(fs.readFileSync(path.join(tmp, 'cis-lens.csv'), 'utf8'), r.stdout, 'an existing folder gets cis-lens.csv');
  });

  test('jsonl: one JSON object per line per article, offsets on the article text', () => {
    const r = cli(['export', 'seeds/articles', '--format', 'jsonl']);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.endsWith('\n'));
    const lines = r.stdout.slice(0, -1).split('\n');
    assert.equal(lines.length, seedNames.length);
    lines.forEach((line, i) => {
      const record = JSON.parse(line) as { path: string; entities: { start: number; end: number; text: string }[]; quotes: unknown[]; claims: unknown[] };
      assert.equal(record.path, seedPath(seedNames[i]!));
      const text = seedText(seedNames[i]!);
      assert.ok(record.entities.length > 0);
      for (const e of record.entities) assert.equal(text.slice(e.start, e.end), e.text);
      assert.ok(Array.isArray(record.quotes) && Array.isArray(record.claims));
    });
  });

  test('w3c: a collection carrying the stored annotations with the article path; a reviewer verdict is exported once', () => {
    tmp = tempDir();
    const article = path.join(tmp, 'seed.txt');
    const text = seedText(SEED);
    fs.writeFileSync(article, text);
    const at = text.indexOf('Analysts say');
    const disputed = createAnnotation(text, { start: at, end: at + 12 }, { status: 'disputed', note: 'no analysts named' }, '2024-01-01T00:00:00Z');
    fs.writeFileSync(`${article}.annotations.json`, serializeAnnotationFile(createAnnotationFile([disputed])));

    const r = cli(['export', 'seed.txt', '--format', 'w3c'], tmp);
    assert.equal(r.status, 0, r.stderr);
    const collection = JSON.parse(r.stdout);
    assert.equal(collection.type, 'AnnotationCollection');
    const items = collection.first.items as { id: string; target: { source: string; selector: { type: string; exact?: string }[] } }[];
    assert.equal(items.length, 1);
    assert.equal(items[0]!.id, disputed.id);
    assert.equal(items[0]!.target.source, pathToFileURL(fs.realpathSync(article)).href, 'target.source is the article as a file: URI');
    assert.equal(items[0]!.target.selector.find((s) => s.type === 'TextQuoteSelector')!.exact, 'Analysts say');

    const csv = readCsv(cli(['export', 'seed.txt', '--format', 'csv'], tmp).stdout);
    assert.equal(csv.filter((row) => row[3] === 'disputed-claim').length, 1, 'the disputed verdict is applied once, not twice');
  });

  test('a damaged annotation file is reported and left byte-identical by every export format', () => {
    tmp = tempDir();
    const article = path.join(tmp, 'seed.txt');
    fs.writeFileSync(article, seedText(SEED));
    const { file, bytes } = writeCorruptAnnotations(article);
    for (const format of ['w3c', 'jsonl', 'csv', 'brat']) {
      const r = cli(['export', 'seed.txt', '--format', format, '--out', path.join(tmp, `out-${format}`)], tmp);
      assert.equal(r.status, 0, `${format}: ${r.stderr}`);
      assert.match(r.stderr, /warning: seed\.txt: annotations not used/);
      assert.ok(fs.readFileSync(file).equals(bytes), `${format}: untouched`);
    }
  });

  test('a missing path is exit 2; the others are still exported', () => {
    const r = cli(['export', 'missing.txt', seedPath(SEED), '--format', 'jsonl']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /missing\.txt: no such file or folder/);
    assert.equal(r.stdout.trim().split('\n').length, 1);
  });
});
