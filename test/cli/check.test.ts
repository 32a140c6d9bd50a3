/** `cis-lens check` through the bundle: formats, exit statuses, folders, annotation files. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import packageJson from '../../package.json';
import { allRules } from '../../server/src/core';
import { createAnnotation, createAnnotationFile, serializeAnnotationFile } from '../../server/src/core/annotations/model';
import { parseArgs } from '../../server/src/cli/args';
import { runCheck } from '../../server/src/cli/check';
import { cleanTemp, cli, lineCol, requireBundle, seedNames, seedPath, seedText, tempDir, writeCorruptAnnotations } from './run';

const SEED = '000_9e14f92e9c3a9cd6.txt';
const VARIANT_SEED = '004_0a569aa48f4bb4b4.txt';

interface JsonReport {
  tool: { name: string; version: string };
  files: {
    path: string;
    skipped?: string;
    entities: { start: number; end: number; text: string; kind: string; id: string | null; name: string; via: string }[];
    quotes: { start: number; end: number; speaker: { name: string; id: string | null; start: number; end: number } | null; cue: string | null }[];
    diagnostics: { code: string; severity: string; start: number; end: number; message: string }[];
  }[];
}

function json(args: readonly string[], cwd?: string): JsonReport {
  const r = cli(['check', '--format', 'json', ...args], cwd);
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as JsonReport;
}

suite('cli: check', () => {
  let tmp: string | undefined;
  suiteSetup(requireBundle);
  teardown(() => {
    cleanTemp(tmp);
    tmp = undefined;
  });

  test('--help and --version', () => {
    const help = cli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /cis-lens check <files or folders>/);
    assert.match(help.stdout, /cis-lens export <files or folders> --format w3c\|brat\|jsonl\|csv/);
    for (const rule of allRules) assert.ok(help.stdout.includes(rule.code), `help lists ${rule.code}`);
    assert.equal(cli(['check', '--help']).status, 0);
    const version = cli(['--version']);
    assert.equal(version.status, 0);
    assert.equal(version.stdout.trim(), packageJson.version);
  });

  test('text: a known finding at its line:column, a summary per file, a total; exit 0 and no colour in a pipe', () => {
    const r = cli(['check', 'seeds/articles']);
    assert.equal(r.status, 0, r.stderr);
    const text = seedText(SEED);
    const at = text.indexOf('Analysts say');
    const { line, column } = lineCol(text, at);
    assert.ok(r.stdout.includes(`${seedPath(SEED)}:${line}:${column} warning vague-source Vague source: “Analysts say”`), r.stdout);
    for (const name of seedNames) assert.ok(r.stdout.includes(`${seedPath(name)}\n`), `${name} has a section`);
    assert.match(r.stdout, /^ {2}.*; \d+ entities \((?:[a-z]+ \d+, )*person \d+(?:, [a-z]+ \d+)*\); \d+ quotes; speakers: Vladimir Putin ×\d+/m);
    assert.match(r.stdout, /^Total: 5 files checked; \d+ entities, \d+ quotes; findings: 0 errors, \d+ warnings, \d+ information, 0 hints$/m);
    assert.ok(!r.stdout.includes('\x1b['), 'no ANSI codes when stdout is not a terminal');
  });

  test('json: the documented shape, field by field, on a seed', () => {
    const report = json([seedPath(SEED)]);
    assert.deepEqual(report.tool, { name: 'cis-lens', version: packageJson.version });
    assert.equal(report.files.length, 1);
    const file = report.files[0]!;
    assert.equal(file.path, seedPath(SEED));
    const text = seedText(SEED);

    const putin = file.entities.find((e) => e.text === 'Putin');
    assert.ok(putin, 'an entity "Putin"');
    assert.equal(putin.id, 'vladimir-putin');
    assert.equal(putin.kind, 'person');
    assert.equal(putin.name, 'Vladimir Putin');
    assert.equal(typeof putin.via, 'string');
    for (const e of file.entities) {
      assert.deepEqual(Object.keys(e).sort(), ['end', 'id', 'kind', 'name', 'start', 'text', 'via']);
      assert.equal(text.slice(e.start, e.end), e.text, `entity offsets are UTF-16, end exclusive: ${e.text}`);
      assert.ok(e.id === null || typeof e.id === 'string');
    }

    const spoken = file.quotes.find((q) => q.speaker?.name === 'Vladimir Putin');
    assert.ok(spoken, 'a quote with speaker Vladimir Putin');
    assert.equal(spoken.speaker!.id, 'vladimir-putin');
    assert.equal(typeof spoken.cue, 'string');
    assert.ok(spoken.speaker!.start < spoken.speaker!.end && spoken.speaker!.end <= text.length);
    for (const q of file.quotes) {
      for (const key of ['start', 'end', 'speaker', 'cue']) assert.ok(key in q, `quote has ${key}`);
      assert.ok(q.start <= q.end && q.end <= text.length);
      if (q.speaker) assert.deepEqual(['end', 'id', 'name', 'start'].filter((k) => k in q.speaker!), ['end', 'id', 'name', 'start']);
    }

    const vague = file.diagnostics.find((d) => d.code === 'vague-source');
    assert.ok(vague);
    assert.equal(vague.severity, 'warning');
    assert.equal(text.slice(vague.start, vague.end), 'Analysts say');
    assert.match(vague.message, /Vague source/);
    for (const d of file.diagnostics) for (const key of ['code', 'severity', 'start', 'end', 'message']) assert.ok(key in d, `diagnostic has ${key}`);
  });

  test('sarif: 2.1.0, rule metadata from allRules, UTF-16 regions computed from the text, related locations', () => {
    const r = cli(['check', '--format', 'sarif', 'seeds/articles']);
    assert.equal(r.status, 0, r.stderr);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    const driver = run.tool.driver;
    assert.equal(driver.name, 'cis-lens');
    assert.equal(driver.version, packageJson.version);
    assert.equal(typeof driver.informationUri, 'string');
    const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
    assert.deepEqual(
      driver.rules.map((x: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }) => [x.id, x.shortDescription.text, x.defaultConfiguration.level]),
      allRules.map((rule) => [rule.code, rule.description, level[rule.defaultSeverity]]),
    );

    const text = seedText(SEED);
    const start = text.indexOf('Analysts say');
    const end = start + 'Analysts say'.length;
    const result = run.results.find((x: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
      x.ruleId === 'vague-source' && x.locations[0]!.physicalLocation.artifactLocation.uri === `seeds/articles/${SEED}`);
    assert.ok(result, 'the vague-source result of the seed');
    assert.equal(result.level, 'warning');
    assert.equal(driver.rules[result.ruleIndex].id, 'vague-source');
    assert.match(result.message.text, /Vague source/);
    const region = result.locations[0].physicalLocation.region;
    const from = lineCol(text, start);
    const to = lineCol(text, end);
    assert.deepEqual(
      { startLine: region.startLine, startColumn: region.startColumn, endLine: region.endLine, endColumn: region.endColumn, charOffset: region.charOffset, charLength: region.charLength },
      { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column, charOffset: start, charLength: end - start },
    );
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');

    const variant = run.results.find((x: { ruleId: string }) => x.ruleId === 'quote-variant');
    assert.ok(variant?.relatedLocations?.length, 'quote-variant carries its related location');
    const related = variant.relatedLocations[0].physicalLocation.region;
    const variantText = seedText(VARIANT_SEED);
    assert.deepEqual([related.startLine, related.startColumn], Object.values(lineCol(variantText, related.charOffset)));

    const total = json(['seeds/articles']).files.reduce((n, f) => n + f.diagnostics.length, 0);
    assert.equal(run.results.length, total, 'one SARIF result per diagnostic');
  });

  test('exit 1 when a finding has severity error (--rule override), 0 otherwise', () => {
    assert.equal(cli(['check', seedPath(SEED)]).status, 0);
    const r = cli(['check', seedPath(SEED), '--rule', 'vague-source=error']);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /:\d+:\d+ error vague-source /);
    assert.equal(cli(['check', seedPath(SEED), '--rule=vague-source=off', '--rule', 'secondhand-source=off', '--format', 'json']).status, 0);
    const off = json([seedPath(SEED), '--rule', 'vague-source=off']);
    assert.ok(!off.files[0]!.diagnostics.some((d) => d.code === 'vague-source'));
  });

  test('--kb adds a folder of user entities; a missing --kb path is exit 2', () => {
    tmp = tempDir();
    const kbDir = path.join(tmp, 'kb');
    fs.mkdirSync(kbDir);
    fs.writeFileSync(path.join(kbDir, 'people.json'), JSON.stringify({ entities: [{ id: 'ivan-testov', kind: 'person', name: 'Ivan Testov', wikidata: 'Q1', sources: ['https://example.org'] }] }));
    const article = path.join(tmp, 'a.txt');
    fs.writeFileSync(article, 'Ivan Testov said: “We will sign the treaty.”\n');
    const report = json([article, '--kb', kbDir]);
    assert.ok(report.files[0]!.entities.some((e) => e.id === 'ivan-testov'), 'the entity from --kb is recognised');
    const missing = cli(['check', article, '--kb', path.join(tmp, 'no-such-kb')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no-such-kb: knowledge base: no such file or folder/);
  });

  test('exit 1 from a reviewer annotation marking a claim false; a verified annotation removes its finding', () => {
    tmp = tempDir();
    const article = path.join(tmp, 'seed.txt');
    const text = seedText(SEED);
    fs.writeFileSync(article, text);
    const at = text.indexOf('Analysts say');
    const verified = createAnnotation(text, { start: at, end: at + 12 }, { status: 'verified', rule: 'vague-source', note: 'named later' }, '2024-01-01T00:00:00Z');
    const tass = text.indexOf('Tass');
    const falsified = createAnnotation(text, { start: tass, end: tass + 4 }, { status: 'false', note: 'not TASS' }, '2024-01-01T00:00:00Z');
    fs.writeFileSync(`${article}.annotations.json`, serializeAnnotationFile(createAnnotationFile([verified])));
    const report = json([article]);
    assert.ok(!report.files[0]!.diagnostics.some((d) => d.code === 'vague-source'), 'the verified finding is gone');
    assert.equal(cli(['check', article]).status, 0);

    fs.writeFileSync(`${article}.annotations.json`, serializeAnnotationFile(createAnnotationFile([verified, falsified])));
    const r = cli(['check', article]);
    assert.equal(r.status, 1, r.stdout);
    assert.match(r.stdout, / error false-claim /);
  });

  test('exit 2 for missing and unreadable paths, with a message, while the other files are still checked', function () {
    tmp = tempDir();
    const locked = path.join(tmp, 'locked.txt');
    fs.writeFileSync(locked, 'Putin spoke.');
    fs.chmodSync(locked, 0o000);
    const canTestPermissions = (() => {
      try {
        fs.readFileSync(locked);
        return false; // running as root: permissions are not enforced
      } catch {
        return true;
      }
    })();
    const r = cli(['check', 'no/such/file.txt', seedPath(SEED), ...(canTestPermissions ? [locked] : [])]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no\/such\/file\.txt: no such file or folder/);
    if (canTestPermissions) assert.match(r.stderr, /locked\.txt: permission denied/);
    assert.ok(r.stdout.includes(`${seedPath(SEED)}:`), 'the readable file was still checked');
    assert.match(r.stdout, /1 path could not be read|2 paths could not be read/);

    const j = cli(['check', '--format', 'json', 'no/such/file.txt', seedPath(SEED)]);
    assert.equal(j.status, 2);
    const report = JSON.parse(j.stdout);
    assert.equal(report.files.length, 1);
    assert.deepEqual(report.errors, [{ path: 'no/such/file.txt', message: 'no such file or folder' }]);

    // exit 2 wins over exit 1
    assert.equal(cli(['check', 'no/such/file.txt', seedPath(SEED), '--rule', 'vague-source=error']).status, 2);
    fs.chmodSync(locked, 0o600);
  });

  test('command-line mistakes exit 2 with a pointer to --help', () => {
    for (const args of [[], ['check'], ['frobnicate', 'x'], ['check', 'x', '--format', 'xml'], ['check', 'x', '--rule', 'nope=error'], ['check', 'x', '--rule', 'vague-source=loud'], ['check', 'x', '--date', '2024-02-30'], ['check', 'x', '--max-size', '-1'], ['check', 'x', '--bogus']]) {
      const r = cli(args);
      if (args.length === 0) {
        assert.equal(r.status, 0, 'no arguments prints the help');
        continue;
      }
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /cis-lens --help/, args.join(' '));
    }
  });

  test('folders: *.txt, *.md, *.markdown, *.article found recursively; node_modules, dot-folders and annotation files skipped', () => {
    tmp = tempDir();
    const files = ['a.txt', 'b.md', 'c.markdown', 'd.article', 'e.json', 'f.html', 'a.txt.annotations.json', 'node_modules/n.txt', '.git/g.txt', '.hidden/h.md', 'sub/deeper/s.txt'];
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(tmp, f)), { recursive: true });
      fs.writeFileSync(path.join(tmp, f), f.endsWith('.annotations.json') ? '{}' : 'Kassym-Jomart Tokayev visited Moscow.');
    }
    const report = json(['.'], tmp);
    assert.deepEqual(report.files.map((f) => f.path), ['a.txt', 'b.md', 'c.markdown', 'd.article', path.join('sub', 'deeper', 's.txt')]);
    const explicit = json([path.join(tmp, 'f.html')]);
    assert.equal(explicit.files.length, 1, 'a file named on the command line is checked whatever its extension');
  });

  test('a damaged annotation file: a warning, the article checked without annotations, the file left byte-identical', () => {
    tmp = tempDir();
    const article = path.join(tmp, 'seed.txt');
    fs.writeFileSync(article, seedText(SEED));
    const { file, bytes } = writeCorruptAnnotations(article);
    const before = fs.statSync(file).mtimeMs;
    for (const format of ['text', 'json', 'sarif']) {
      const r = cli(['check', '--format', format, article]);
      assert.equal(r.status, 0, `${format}: ${r.stderr}`);
      assert.match(r.stderr, /warning: .*seed\.txt: annotations not used: .*seed\.txt\.annotations\.json/);
      assert.ok(fs.readFileSync(file).equals(bytes), `${format}: the annotation file is untouched`);
    }
    assert.equal(fs.statSync(file).mtimeMs, before);
    assert.deepEqual(fs.readdirSync(tmp).sort(), ['seed.txt', 'seed.txt.annotations.json'], 'no temporary files left behind');
    const report = json([article]);
    assert.ok(report.files[0]!.diagnostics.some((d) => d.code === 'vague-source'));
  });

  test('--date overrides a dateline but not front matter; an unknown date is null with today assumed', () => {
    tmp = tempDir();
    const undated = path.join(tmp, 'undated.txt');
    fs.writeFileSync(undated, 'MOSCOW, April 5. /TASS/. Vladimir Putin met Alexander Lukashenko in Minsk.\n');
    const dated = path.join(tmp, 'dated.txt');
    fs.writeFileSync(dated, 'MOSCOW, April 5, 2017 (TASS) - Vladimir Putin met Alexander Lukashenko in Minsk.\n');
    const front = path.join(tmp, 'front.md');
    fs.writeFileSync(front, '---\ndate: 2016-03-01\n---\nMOSCOW, April 5, 2017 (TASS) - Putin met Lukashenko.\n');
    const dates = (args: string[]) => JSON.parse(cli(['check', '--format', 'json', ...args, undated, dated, front]).stdout).files.map((f: Record<string, unknown>) => [f.date, f.dateSource, f.assumedDate]);
    const today = new Date().toISOString().slice(0, 10);
    const [, , assumedToday] = dates([])[0];
    assert.ok(assumedToday === today || assumedToday > today, 'today is assumed');
    assert.deepEqual(dates([]), [[null, 'none', assumedToday], ['2017-04-05', 'dateline', '2017-04-05'], ['2016-03-01', 'front-matter', '2016-03-01']]);
    assert.deepEqual(dates(['--date', '2019-06-01']), [['2019-06-01', 'setting', '2019-06-01'], ['2019-06-01', 'setting', '2019-06-01'], ['2016-03-01', 'front-matter', '2016-03-01']]);
  });

  test('progress: reported before each file and once at the end, for a terminal to draw', async () => {
    const calls: [number, number][] = [];
    const messages = { info: () => undefined, warn: () => undefined, error: () => undefined, progress: (done: number, total: number) => void calls.push([done, total]) };
    const status = await runCheck(parseArgs(['check', '--format', 'json', path.dirname(seedPath(SEED))]), { write: () => undefined, version: '0', color: false, cwd: process.cwd(), informationUri: '' }, messages);
    assert.ok(status === 0 || status === 1);
    const total = seedNames.length;
    assert.deepEqual(calls, [...Array.from({ length: total }, (_, i): [number, number] => [i, total]), [total, total]]);
  });
});
