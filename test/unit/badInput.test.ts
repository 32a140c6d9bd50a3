/**
 * Hostile and unusual input: the core must never throw, and every range it returns must lie inside the text
 * with start <= end and, for entities, slice to exactly the entity text. Also the CLI's refusal of binary and
 * oversized files. No timing assertions: big inputs only have to finish.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle, resolveConfig, type ArticleModel, type Span } from '../../server/src/core';
import { cleanTemp, cli, requireBundle, seedNames, seedText, tempDir } from '../cli/run';
import { builtInKb } from '../helpers/kb';

const config = resolveConfig({ fallbackDate: '2024-06-01' });
const analyze = (text: string) => analyzeArticle(text, builtInKb().kb, config);
const seeds = seedNames.map(seedText);

/** Every span of the model within [0, text.length], start <= end, integers; texts equal their slices. */
function assertWellFormed(text: string, model: ArticleModel, label: string): void {
  const problems: string[] = [];
  const check = (span: Span | undefined, what: string) => {
    if (!span) return;
    if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length)) {
      problems.push(`${what} ${span.start}..${span.end} (text length ${text.length})`);
    }
  };
  for (const p of model.paragraphs) {
    check(p, 'paragraph');
    for (const s of p.sentences) check(s, 'sentence');
  }
  for (const e of model.entities) {
    check(e, `entity ${JSON.stringify(e.text)}`);
    if (text.slice(e.start, e.end) !== e.text) problems.push(`entity ${JSON.stringify(e.text)} at ${e.start} slices to ${JSON.stringify(text.slice(e.start, e.end))}`);
  }
  for (const q of model.quotes) {
    check(q, 'quote');
    check(q.outer, 'quote outer');
    check(q.speaker ?? undefined, 'speaker');
    check(q.cueSpan, 'cue');
    if (q.outer.start > q.start || q.outer.end < q.end) problems.push(`quote ${q.start}..${q.end} outside its marks ${q.outer.start}..${q.outer.end}`);
  }
  for (const c of model.claims) {
    check(c, 'claim');
    check(c.sentence, 'claim sentence');
    if (text.slice(c.start, c.end) !== c.text) problems.push(`claim ${JSON.stringify(c.text)} slices differently`);
  }
  for (const d of model.diagnostics) {
    check(d, `finding ${d.code}`);
    for (const r of d.related ?? []) check(r, `related of ${d.code}`);
    if (d.code === 'internal-error') problems.push(`internal error: ${d.message}`);
  }
  check(model.date.span, 'date');
  assert.deepEqual(problems.slice(0, 10), [], `${label}: ${problems.length} bad ranges`);
}

function repeatSeeds(minLength: number, separator = '\n\n'): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < minLength; i++) {
    const s = seeds[i % seeds.length]!;
    parts.push(s);
    length += s.length + separator.length;
  }
  return parts.join(separator);
}

suite('bad input: the core', () => {
  test('empty and blank text', () => {
    for (const text of ['', ' ', '\n', '\r\n\r\n', '\t\t\n  \n']) {
      const model = analyze(text);
      assertWellFormed(text, model, JSON.stringify(text));
      assert.equal(model.entities.length, 0);
      assert.equal(model.quotes.length, 0);
    }
  });

  test('binary-ish text: NUL and control characters around real names', () => {
    const text = '\0\0\x01\x02Vladimir Putin said \0 "we\x07 are ready".\x1b[31m Kassym-Jomart Tokayev\x7f\x00\f\v\x08 met in Astana.\u0085\u2028Lukashenko\u2029';
    const model = analyze(text);
    assertWellFormed(text, model, 'control characters');
    assert.ok(model.entities.some((e) => e.id === 'vladimir-putin'));
    let noise = '';
    for (let i = 0; i < 4096; i++) noise += String.fromCharCode((i * 7919) % 0x10000);
    assertWellFormed(noise, analyze(noise), 'pseudo-random code units');
  });

  test('a 20 MB text (seed articles repeated) completes with every range in bounds', function () {
    this.timeout(30 * 60 * 1000); // completion only; no timing assertion
    const text = repeatSeeds(20_000_000);
    const model = analyze(text);
    assertWellFormed(text, model, '20 MB');
    assert.ok(model.entities.length > 100_000);
  });

  test('a single 1 MB line', function () {
    this.timeout(5 * 60 * 1000);
    const line = repeatSeeds(1_000_000, ' ').replace(/\r?\n/g, ' ');
    assert.ok(!line.includes('\n') && line.length >= 1_000_000);
    const model = analyze(line);
    assertWellFormed(line, model, '1 MB line');
    assert.ok(model.entities.some((e) => e.id === 'vladimir-putin'));
  });

  test('unbalanced and mismatched quotation marks', () => {
    const texts = [
      'Putin said “we will never stop. And then Tokayev left.',
      'Tokayev said "this one never closes\n\nNew paragraph ” with a stray closer” and » and ’ too "',
      '«««««« Lukashenko »»',
      '"""" "" " Putin " "',
      '„Aliyev said‟ ‹ › ‘unclosed single',
      '”backwards“ Putin said ”so”.',
    ];
    for (const text of texts) assertWellFormed(text, analyze(text), text);
  });

  test('Cyrillic text and guillemets', () => {
    const text = 'Путин сказал «Мы готовы к переговорам». Vladimir Putin said «We are ready to talk». Токаев ответил: «Да, — сказал он, — готовы».';
    const model = analyze(text);
    assertWellFormed(text, model, 'Cyrillic');
    assert.ok(model.entities.some((e) => e.id === 'vladimir-putin' && e.text === 'Vladimir Putin'));
    assert.ok(model.quotes.some((q) => q.text === 'We are ready to talk'), 'guillemets delimit a quote');
  });

  test('CRLF line endings: the same entities and quotes as with LF, shifted by one per earlier line break, never containing \\r', () => {
    for (const seed of seeds) {
      const lf = seed.replace(/\r\n/g, '\n');
      const crlf = lf.replace(/\n/g, '\r\n');
      const a = analyze(lf);
      const b = analyze(crlf);
      assertWellFormed(crlf, b, 'CRLF');
      const breaksBefore = (offset: number) => {
        let n = 0;
        for (let i = lf.indexOf('\n'); i >= 0 && i < offset; i = lf.indexOf('\n', i + 1)) n++;
        return n;
      };
      const shift = (s: Span) => ({ start: s.start + breaksBefore(s.start), end: s.end + breaksBefore(s.end) });
      assert.deepEqual(b.entities.map((e) => ({ start: e.start, end: e.end, text: e.text, id: e.id })), a.entities.map((e) => ({ ...shift(e), text: e.text, id: e.id })));
      for (const e of b.entities) {
        assert.equal(crlf.slice(e.start, e.end), e.text);
        assert.ok(!e.text.includes('\r'), `entity ${JSON.stringify(e.text)} contains \\r`);
      }
      assert.deepEqual(b.quotes.map((q) => ({ start: q.start, end: q.end, speaker: q.speaker?.id })), a.quotes.map((q) => ({ ...shift(q), speaker: q.speaker?.id })));
      assert.deepEqual(b.diagnostics.map((d) => ({ code: d.code, start: d.start, end: d.end })), a.diagnostics.map((d) => ({ code: d.code, ...shift(d) })));
    }
  });

  test('emoji and other astral characters before entities: offsets stay exactly on the names', () => {
    for (const seed of seeds) {
      const prefixed = seed.split('\n').map((line) => (line.trim() ? `😀🇷🇺 𝐀 𝒳 ${line}` : line)).join('\n');
      const model = analyze(prefixed);
      assertWellFormed(prefixed, model, 'astral prefix');
      const plain = analyze(seed);
      const ids = new Set(model.entities.map((e) => e.id));
      for (const e of plain.entities) if (e.id) assert.ok(ids.has(e.id), `${e.id} still found`);
    }
    const text = '👍🏽 Vladimir Putin met 🤝 Ilham Aliyev. 𝕏 said Lukashenko.';
    const model = analyze(text);
    assertWellFormed(text, model, 'inline emoji');
    for (const name of ['Vladimir Putin', 'Ilham Aliyev']) {
      const e = model.entities.find((x) => x.text === name);
      assert.ok(e, name);
      assert.equal(text.slice(e.start, e.end), name);
      assert.equal(e.start, text.indexOf(name));
    }
  });

  test('lone surrogates', () => {
    const text = '\ud800Vladimir Putin said "x\udc00". \udc00Tokayev \ud83d. Lavrov\udfff said “\ud800”. \ud800';
    const model = analyze(text);
    assertWellFormed(text, model, 'lone surrogates');
    assert.ok(model.entities.some((e) => e.text === 'Vladimir Putin' && e.start === 1));
  });
});

suite('bad input: the CLI', () => {
  let tmp: string | undefined;
  suiteSetup(requireBundle);
  teardown(() => {
    cleanTemp(tmp);
    tmp = undefined;
  });

  test('a file over --max-size is skipped with one information line (a "skipped" entry in json), others still checked', () => {
    tmp = tempDir();
    fs.writeFileSync(path.join(tmp, 'big.txt'), 'Vladimir Putin spoke. '.repeat(100));
    fs.writeFileSync(path.join(tmp, 'small.txt'), 'Ilham Aliyev spoke.');
    const text = cli(['check', '--max-size', '1000', '.'], tmp);
    assert.equal(text.status, 0, text.stderr);
    const skipLines = text.stdout.split('\n').filter((l) => l.includes(': skipped:'));
    assert.equal(skipLines.length, 1);
    assert.match(skipLines[0]!, /^big\.txt: skipped: larger than --max-size \(2200 characters, limit 1000\)$/);
    assert.match(text.stdout, /^small\.txt$/m);
    assert.match(text.stdout, /1 file checked, 1 skipped/);

    const json = cli(['check', '--format', 'json', '--max-size', '1000', '.'], tmp);
    assert.equal(json.status, 0);
    const report = JSON.parse(json.stdout);
    assert.equal(report.files[0].path, 'big.txt');
    assert.match(report.files[0].skipped, /larger than --max-size/);
    assert.deepEqual([report.files[0].entities, report.files[0].quotes, report.files[0].diagnostics], [[], [], []]);
    assert.equal(json.stderr.trim().split('\n').filter((l) => l.includes('skipped')).length, 1, 'one information line on stderr');
    assert.ok(report.files[1].entities.length > 0);

    const sarif = JSON.parse(cli(['check', '--format', 'sarif', '--max-size', '1000', 'big.txt'], tmp).stdout);
    assert.match(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /big\.txt: skipped/);
  });

  test('a binary file is skipped, whether named or found in a folder; export skips it too', () => {
    tmp = tempDir();
    const binary = Buffer.concat([Buffer.from('Vladimir Putin\n'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0]), Buffer.alloc(20000, 7)]);
    fs.writeFileSync(path.join(tmp, 'image.txt'), binary);
    fs.writeFileSync(path.join(tmp, 'ok.md'), 'Ilham Aliyev spoke.');
    for (const args of [['image.txt'], ['.']]) {
      const r = cli(['check', ...args], tmp);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^image\.txt: skipped: binary file/m);
    }
    const json = JSON.parse(cli(['check', '--format', 'json', '.'], tmp).stdout);
    assert.deepEqual(json.files.map((f: { path: string; skipped?: string }) => [f.path, !!f.skipped]), [['image.txt', true], ['ok.md', false]]);
    const exported = cli(['export', '.', '--format', 'jsonl'], tmp);
    assert.equal(exported.status, 0);
    assert.equal(exported.stdout.trim().split('\n').length, 1);
    assert.match(exported.stderr, /image\.txt: skipped: binary file/);
  });

  test('CRLF, a byte-order mark and astral characters on disk: json offsets slice to the entity text', () => {
    tmp = tempDir();
    const text = '😀 Vladimir Putin said “we are ready”.\r\n\r\n🇰🇿 Kassym-Jomart Tokayev replied.\r\n';
    fs.writeFileSync(path.join(tmp, 'a.txt'), '\ufeff' + text);
    const report = JSON.parse(cli(['check', '--format', 'json', 'a.txt'], tmp).stdout);
    const entities = report.files[0].entities as { start: number; end: number; text: string }[];
    assert.ok(entities.length >= 2);
    for (const e of entities) assert.equal(text.slice(e.start, e.end), e.text);
  });
});
