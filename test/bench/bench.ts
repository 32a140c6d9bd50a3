/**
 * `npm run bench`: prints a markdown table of
 *   (a) core throughput on a corpus built by repeating the seed articles, as separate articles and as one document:
 *       the first pass (what a one-shot CLI run sees) and the median of five more (a warm server or batch job),
 *       with the slowest and fastest of those five, because this shared machine's speed drifts;
 *   (b) p50/p95 latency from didChange to the publishDiagnostics of that version (after warm-up edits, whose worst is
 *       reported too), over stdio against the bundled
 *       server, for a 100 KB and a 1 MB article (full-text changes, each a small edit);
 *   (b') a 1 MB article as an editor uses it: Outline, semantic tokens (full/delta) and hover after each of 50 edits,
 *       the Outline's reply size, the slowest request, and the server's memory over the edits;
 *   (b'') a short article's hover and diagnostics while a 2 MB article is analysed after an edit, on the server's thread
 *       (worker disabled) and on the analysis worker thread, interleaved in one run (issue 16);
 *   (c) the server's resident memory after opening 1,000 distinct articles.
 *   (d) the TextMate grammar's slowest pathological line, and (e) re-anchoring an annotation in a 1 MB article
 *       (what the grammar and anchoring tests used to time).
 *   (f) a quote-mark storm at N and 4N marks, with the scaling ratio (attribution must stay linear).
 *   (h) issue 16 (reliability.ts): CSV export of N and 4N annotations, and a 500-edit burst's last edit → diagnostics.
 *   (g) the CLI as a whole process (start cost, MB/s with and without worker threads; see cli.ts).
 * Options: --corpus-mb <n> (default 10), --storm-marks <n> (default 100000),
 *          --only core|names|storm|kb|lsp|editor|requests|latency|worker|grammar|anchoring|cli|reliability, --cli-before <older dist/cli.js>,
 *          --server-before <older dist/server.js> (the latency and editor rows run that build's server too, edits interleaved)
 * (editor: the latency rows and the 1 MB article with editor requests, without cold start and memory; requests: that
 * article alone; latency: the
 * two latency rows alone; worker: (b'') alone),
 * --worker-threshold <characters> (the latency and editor rows' servers analyse documents above it on the worker
 * thread; 1e15 for none, as before issue 16).
 * Measures; asserts nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vsctm from 'vscode-textmate';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  HoverRequest,
  SemanticTokensDeltaRequest,
  type Position,
  SemanticTokensRequest,
} from 'vscode-languageserver-protocol/node';
import { analyzeArticle, resolveConfig } from '../../server/src/core';
import { isOrphan, reanchor } from '../../server/src/core/annotations/anchoring';
import { createAnnotation } from '../../server/src/core/annotations/model';
import { loadGrammar, PATHOLOGICAL_LINES } from '../helpers/grammar';
import { bigArticle } from '../unit/annotations/fixtures';
import { benchCli } from './cli';
import { benchBurst, benchExport, serverBuilt } from './reliability';
import { type BenchServer, startServer, withServer } from './benchServer';
import { builtInKb, repoRoot } from '../helpers/kb';
import { buildKnowledgeBase, listKbFiles, loadKnowledgeBase } from '../../server/src/kbLoader';

const seedsDir = path.join(repoRoot, 'seeds', 'articles');
const seeds = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));
const serverJs = path.join(repoRoot, 'dist', 'server.js');

interface Row {
  readonly measure: string;
  readonly value: string;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const mb = (chars: string | number) => (typeof chars === 'string' ? Buffer.byteLength(chars, 'utf8') : chars) / 1e6;
const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** Seed articles repeated (each copy numbered, so no two are identical) until `bytes` of UTF-8. */
function corpus(bytes: number): string[] {
  const articles: string[] = [];
  let total = 0;
  for (let i = 0; total < bytes; i++) {
    // Decoded from bytes, as the CLI's file reads and the server's JSON messages deliver text (one flat string).
    const text = Buffer.from(`${seeds[i % seeds.length]!}\n\nCopy ${i + 1}.\n`, 'utf8').toString('utf8');
    articles.push(text);
    total += Buffer.byteLength(text, 'utf8') + 2;
  }
  return articles;
}

/** An article of about `bytes`: seed articles joined as paragraphs. */
function articleOf(bytes: number): string {
  return corpus(bytes).join('\n\n');
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

// ----------------------------------------------------------------------------------------------- (a)

/** Seconds each of `passes` runs of `work` took, in run order. */
function timePasses(passes: number, work: () => void): number[] {
  const seconds: number[] = [];
  for (let i = 0; i < passes; i++) {
    const started = performance.now();
    work();
    seconds.push((performance.now() - started) / 1000);
  }
  return seconds;
}

/** Passes after the first; the median of these is the steady figure. */
const STEADY_PASSES = 5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Throughput as a one-shot CLI run sees it (the first pass, JIT still warming up) and as a long-running
 * server or batch job sees it (median of the passes after that first one, with their range).
 */
function throughputRow(label: string, bytes: number, work: () => void): Row {
  const [first, ...steady] = timePasses(1 + STEADY_PASSES, work);
  const mbytes = mb(bytes);
  return {
    measure: label,
    value: `${fmt(mbytes / median(steady), 2)} MB/s steady (median of ${STEADY_PASSES} passes, range ${fmt(mbytes / Math.max(...steady), 1)}–${fmt(mbytes / Math.min(...steady), 1)}); ${fmt(mbytes / first!, 2)} MB/s first pass (${fmt(first!, 2)} s)`,
  };
}

function benchCore(corpusMb: number): Row[] {
  const kb = builtInKb().kb;
  const config = resolveConfig({ fallbackDate: '2024-06-01' });
  for (const s of seeds) analyzeArticle(s, kb, config); // load the KB indexes and compile the regexes

  const articles = corpus(corpusMb * 1e6);
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a, 'utf8'), 0);
  log(`core: ${articles.length} separate articles, ${fmt(mb(bytes))} MB, ${1 + STEADY_PASSES} passes`);
  const separate = throughputRow(`Core throughput, ${fmt(mb(bytes))} MB as ${articles.length.toLocaleString('en-US')} separate articles`, bytes, () => {
    for (const a of articles) analyzeArticle(a, kb, config);
  });
  const whole = articles.join('\n\n');
  log(`core: one document of ${fmt(mb(whole))} MB, ${1 + STEADY_PASSES} passes`);
  let entities = 0;
  const single = throughputRow(`Core throughput, one ${fmt(mb(whole))} MB document`, Buffer.byteLength(whole, 'utf8'), () => {
    entities = analyzeArticle(whole, kb, config).entities.length;
  });
  log(`core: ${entities.toLocaleString('en-US')} entities in the single document`);
  return [separate, single];
}

/**
 * Inputs that stress the name recognizer (issue 12): a 5 MB title-case line, 100,000 distinct capitalised
 * words, an ALL-CAPS article, Cyrillic and mixed-script names. One pass each; the figure to watch is that
 * time grows with the size, not faster.
 */
function benchNames(): Row[] {
  const kb = builtInKb().kb;
  const config = resolveConfig({ fallbackDate: '2024-06-01' });
  const rows: Row[] = [];
  const time = (label: string, text: string) => {
    const start = performance.now();
    const model = analyzeArticle(text, kb, config);
    const ms = performance.now() - start;
    rows.push({ measure: `Names: ${label}`, value: `${fmt(ms, 0)} ms for ${fmt(mb(text), 2)} MB (${fmt(mb(text) / (ms / 1000), 1)} MB/s), ${model.entities.length.toLocaleString('en-US')} mentions` });
  };
  const titleWords = ['Minister', 'Grigoryan', 'Says', 'Talks', 'With', 'Baku', 'Will', 'Resume', 'After', 'Summit'];
  const titleLine = (chars: number) => { let t = ''; for (let i = 0; t.length < chars; i++) t += titleWords[i % titleWords.length] + ' '; return t; };
  time('a 1 MB title-case line', titleLine(1e6));
  time('a 5 MB title-case line', titleLine(5e6));
  const distinct = (n: number) => { const w: string[] = []; for (let i = 0; i < n; i++) w.push(`Zq${i.toString(36)}vo`); return w; };
  time('25,000 distinct capitalised words in prose', distinct(25_000).map((w, i) => `${i % 7 === 0 ? 'In' : 'Then'} ${w} said so.`).join(' '));
  time('100,000 distinct capitalised words in prose', distinct(100_000).map((w, i) => `${i % 7 === 0 ? 'In' : 'Then'} ${w} said so.`).join(' '));
  const caps = seeds.join('\n\n').toUpperCase();
  time('the seeds in capitals', caps.repeat(Math.ceil(1e6 / caps.length)));
  const cyrillic = 'Президент Владимир Путин и Ильхам Алиев встретились в Москве. “Мы договорились,” сказал Путин. Armen Grigoryan и Никол Пашинян 🇦🇲 said. ';
  time('Cyrillic and mixed-script prose', cyrillic.repeat(Math.ceil(1e6 / cyrillic.length)));
  return rows;
}

/**
 * A quote-mark storm: N and 4N quote marks in one paragraph with no sentence end (every quote in one
 * sentence), as short quotations and as bare straight marks. Attribution must stay linear: the ratio is
 * the 4N time over the N time (linear is about 4; the budget is under 6). Interleaved, median of three.
 */
function benchQuoteStorm(): Row[] {
  const kb = builtInKb().kb;
  const config = resolveConfig({ fallbackDate: '2024-06-01' });
  const shapes: [string, (marks: number) => string][] = [
    ['“a” “a” …', (marks) => '“a” '.repeat(marks / 2)],
    ['straight marks """…', (marks) => '"'.repeat(marks)],
  ];
  const n = Number(arg('--storm-marks') ?? 100_000);
  const rows: Row[] = [];
  for (const [label, make] of shapes) {
    const small = make(n);
    const large = make(4 * n);
    analyzeArticle(make(2_000), kb, config); // warm-up
    const times: [number[], number[]] = [[], []];
    let quotes = 0;
    for (let round = 0; round < 3; round++) {
      [small, large].forEach((text, k) => {
        const started = performance.now();
        quotes = analyzeArticle(text, kb, config).quotes.length;
        times[k].push(performance.now() - started);
      });
    }
    const [a, b] = [median(times[0]), median(times[1])];
    rows.push({
      measure: `Quote-mark storm (${label}): ${n.toLocaleString('en-US')} → ${(4 * n).toLocaleString('en-US')} marks`,
      value: `${fmt(a, 0)} ms → ${fmt(b, 0)} ms (${quotes.toLocaleString('en-US')} quotes); 4× input costs ${fmt(b / a, 1)}× time (budget < 6×)`,
    });
  }
  return rows;
}

/**
 * Knowledge-base loading (issues 14 and 16): the built-in KB from disk, and a user KB file of 5,000 and of
 * 20,000 entities (written as a person writes one: an entity over several lines, with and without a trailing
 * comma, which takes the tolerant parser), each with every entity's location read as F12 would. The figure to
 * watch is the ratio: four times the entities must cost well under six times the time (linear, not quadratic).
 */
function benchKb(): Row[] {
  const builtIn = () => loadKnowledgeBase(listKbFiles(path.join(repoRoot, 'seeds', 'kb')));
  const loaded = builtIn();
  const builtInMs = median(timePasses(5, builtIn)) * 1000;
  const userFile = (count: number, trailingComma: boolean) => {
    const entities = Array.from({ length: count }, (_, i) => ({
      id: `user-entity-${i}`, kind: i % 2 ? 'person' : 'organization', name: `User Entity ${i}`, aliases: [`UE${i}`],
      wikidata: null, description: 'A test entity.', sources: ['https://example.org/'],
    }));
    const text = JSON.stringify({ entities }, null, 2);
    return { uri: `file:///bench/user-${count}.cis.json`, text: trailingComma ? text.replace(/\n  \]\n\}$/, ',\n  ]\n}') : text };
  };
  const timeUser = (count: number, trailingComma: boolean) => {
    const source = userFile(count, trailingComma);
    return median(timePasses(3, () => {
      const { kb } = buildKnowledgeBase([source]);
      for (const { entity } of kb.entities()) kb.location(entity.id)?.line;
    })) * 1000;
  };
  const rows: Row[] = [{ measure: `Built-in KB load (${loaded.kb.size.toLocaleString('en-US')} entities, ${listKbFiles(path.join(repoRoot, 'seeds', 'kb')).length} files)`, value: `${fmt(builtInMs, 0)} ms (median of 5)` }];
  for (const trailingComma of [false, true]) {
    const small = timeUser(5_000, trailingComma);
    const large = timeUser(20_000, trailingComma);
    rows.push({
      measure: `User KB, 5,000 vs 20,000 entities with every location${trailingComma ? ' (trailing comma: tolerant parser)' : ''}`,
      value: `${fmt(small, 0)} ms vs ${fmt(large, 0)} ms: ${fmt(large / small, 1)}× for 4× the entities (budget < 6×)`,
    });
  }
  return rows;
}

// ----------------------------------------------------------------------------------------------- (b), (c)

/** The text after the `i`-th benchmark edit: one word inserted or removed at a line end, at a different place each time. */
function editedText(text: string, i: number): string {
  return benchEdit(text, i).text;
}

/**
 * The `i`-th benchmark edit as an editor sends it with incremental sync: the range it replaced (in the old
 * text) and what it put there, plus the whole new text.
 */
function benchEdit(text: string, i: number): { text: string; range: { start: Position; end: Position }; inserted: string } {
  if (i % 2 === 0) {
    const found = text.indexOf('\n', Math.floor((((i * 7919) % 997) / 997) * text.length));
    const at = found < 0 ? text.length : found;
    const where = positionAt(text, at);
    return { text: `${text.slice(0, at)} Tass${text.slice(at)}`, range: { start: where, end: where }, inserted: ' Tass' };
  }
  const at = text.indexOf(' Tass\n');
  if (at < 0) return { text, range: { start: positionAt(text, 0), end: positionAt(text, 0) }, inserted: '' };
  return { text: text.slice(0, at) + text.slice(at + 5), range: { start: positionAt(text, at), end: positionAt(text, at + 5) }, inserted: '' };
}

/** LSP position of a UTF-16 offset (line breaks are "\n" in the bench's texts). */
function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** Spawning the server to the first diagnostics of a seed article: what a user waits for on opening VS Code. Best of three. */
async function benchColdStart(): Promise<Row> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    log(`lsp: cold start ${i + 1} of 3`);
    const start = performance.now();
    await withServer(serverJs, log, async (server) => {
      const uri = `file:///bench/cold-${i}.txt`;
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text: seeds[0] } });
      await server.published(uri, 1);
      times.push(performance.now() - start);
    });
  }
  return { measure: 'Cold start: spawn the server → first diagnostics of a seed article', value: `${fmt(Math.min(...times), 0)} ms best of 3 (slowest ${fmt(Math.max(...times), 0)} ms)` };
}

/**
 * Opens an article of `bytes`, then sends `warmup + edits` full-text changes, each a small edit, one at a
 * time. The first `warmup` edits let the JIT settle (a long-running server is warm after its first
 * minutes) and are reported apart, as the worst cold edit, so nothing is hidden.
 */
/**
 * Keystroke → diagnostics. `sync` is how the change travels: 'incremental' is what VS Code sends a server
 * that asks for incremental sync (the range and the typed text); 'full' sends the whole text each time, which
 * adds serialising 1 MB on both sides and is kept to compare with earlier figures.
 */
async function benchLatency(server: BenchServer, bytes: number, warmup: number, edits: number, sync: 'full' | 'incremental' = 'full'): Promise<Row> {
  const uri = `file:///bench/latency-${bytes}.txt`;
  let text = articleOf(bytes);
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  await server.published(uri, 1);
  const times: number[] = [];
  let worstCold = 0;
  for (let i = 0; i < warmup + edits; i++) {
    const version = i + 2;
    const edit = benchEdit(text, i);
    text = edit.text;
    const contentChanges = sync === 'full' ? [{ text }] : [{ range: edit.range, text: edit.inserted }];
    const started = performance.now();
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
    await server.published(uri, version);
    const elapsed = performance.now() - started;
    if (process.env.BENCH_TRACE) log(`edit ${i}: ${fmt(elapsed)} ms`);
    if (i < warmup) worstCold = Math.max(worstCold, elapsed);
    else times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  const label = bytes >= 1e6 ? `${fmt(bytes / 1e6, 0)} MB` : `${fmt(bytes / 1e3, 0)} KB`;
  return {
    measure: `didChange → publishDiagnostics, ${label} article (${edits} ${sync === 'full' ? 'full-text' : 'incremental (as VS Code sends them)'} edits after ${warmup} warm-up edits)`,
    value: `p50 ${fmt(percentile(times, 50))} ms, p95 ${fmt(percentile(times, 95))} ms, max ${fmt(times[times.length - 1] ?? NaN)} ms (worst warm-up edit ${fmt(worstCold)} ms)`,
  };
}

/**
 * `benchLatency` for two servers at once, an older build (`--server-before`) and this one: the same edits,
 * each sent to one server and then the other (which goes first alternates), so both see the same load on a
 * shared machine. Reports both rows and the median of the paired ratios (this build / before).
 */
async function benchLatencyPair(old: BenchServer, server: BenchServer, bytes: number, warmup: number, edits: number): Promise<Row[]> {
  const uri = `file:///bench/latency-${bytes}.txt`;
  let text = articleOf(bytes);
  for (const s of [old, server]) {
    await s.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await s.published(uri, 1);
  }
  const timed = async (s: BenchServer, version: number): Promise<number> => {
    const started = performance.now();
    await s.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    await s.published(uri, version);
    return performance.now() - started;
  };
  const times: [number[], number[]] = [[], []];
  const ratios: number[] = [];
  for (let i = 0; i < warmup + edits; i++) {
    text = editedText(text, i);
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    const pair = [0, 0];
    for (const which of order) pair[which] = await timed(which === 0 ? old : server, i + 2);
    if (i < warmup) continue;
    times[0].push(pair[0]);
    times[1].push(pair[1]);
    ratios.push(pair[1] / pair[0]);
  }
  const label = bytes >= 1e6 ? `${fmt(bytes / 1e6, 0)} MB` : `${fmt(bytes / 1e3, 0)} KB`;
  const summary = (list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return `p50 ${fmt(percentile(sorted, 50))} ms, p95 ${fmt(percentile(sorted, 95))} ms, max ${fmt(sorted[sorted.length - 1] ?? NaN)} ms`;
  };
  return [
    { measure: `didChange → publishDiagnostics, ${label} article (${edits} full-text edits after ${warmup} warm-up), --server-before build`, value: summary(times[0]) },
    { measure: `didChange → publishDiagnostics, ${label} article (${edits} full-text edits after ${warmup} warm-up), this build`, value: summary(times[1]) },
    { measure: `this build / --server-before, ${label}, the same edit (median of paired ratios)`, value: fmt(median(ratios), 2) },
  ];
}

/**
 * A 1 MB article as an editor uses it: after each of `edits` small edits, the requests VS Code sends (the
 * Outline, semantic tokens as a delta, a hover), timed from send to reply, with the Outline's reply size and
 * the server's memory before and after. With two servers (an older build first, `--server-before`), each edit
 * and its requests go to one and then the other (which goes first alternates), so both see the same load.
 */
async function benchLongDocument(servers: readonly { label: string; server: BenchServer }[], bytes: number, edits: number): Promise<Row[]> {
  const uri = `file:///bench/editor-${bytes}.txt`;
  let text = articleOf(bytes);
  const timed = async <T>(times: number[], request: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await request();
    times.push(performance.now() - started);
    return result;
  };
  const countRows = (list: readonly { children?: unknown[] }[]): number => list.reduce((n, s) => n + 1 + countRows((s.children ?? []) as { children?: unknown[] }[]), 0);
  const runs = await Promise.all(servers.map(async ({ label, server }) => {
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await server.published(uri, 1);
    return { label, server, outline: [] as number[], tokensFull: [] as number[], tokensDelta: [] as number[], hover: [] as number[], diagnostics: [] as number[], outlineBytes: 0, outlineRows: 0, previous: '', rssBefore: 0, rssAfter: 0 };
  }));
  for (const run of runs) {
    const symbols = await timed(run.outline, () => run.server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }));
    run.outlineBytes = JSON.stringify(symbols).length;
    run.outlineRows = countRows((symbols ?? []) as { children?: unknown[] }[]);
    run.previous = (await timed(run.tokensFull, () => run.server.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } })))?.resultId ?? '';
    run.rssBefore = rssMb(run.server.child.pid!);
  }
  for (let i = 0; i < edits; i++) {
    const version = i + 2;
    const edit = benchEdit(text, i);
    text = edit.text;
    // Each edit travels as VS Code sends it to a server with incremental sync.
    const contentChanges = [{ range: edit.range, text: edit.inserted }];
    for (const run of i % 2 === 0 ? runs : [...runs].reverse()) {
      const { server } = run;
      const started = performance.now();
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
      await server.published(uri, version);
      run.diagnostics.push(performance.now() - started);
      await timed(run.outline, () => server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }));
      const delta = await timed(run.tokensDelta, () => server.connection.sendRequest(SemanticTokensDeltaRequest.type, { textDocument: { uri }, previousResultId: run.previous }));
      run.previous = delta?.resultId ?? run.previous;
      const line = Math.floor((i * 7919) % 5000);
      await timed(run.hover, () => server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 3 } }));
    }
  }
  for (const run of runs) run.rssAfter = rssMb(run.server.child.pid!);
  const spread = (times: number[]) => {
    const sorted = [...times].sort((a, b) => a - b);
    return `p50 ${fmt(percentile(sorted, 50))} ms, p95 ${fmt(percentile(sorted, 95))} ms, max ${fmt(sorted[sorted.length - 1] ?? NaN)} ms`;
  };
  return runs.flatMap((run) => {
    const label = `${fmt(bytes / 1e6, 0)} MB article, ${edits} incremental edits${run.label}`;
    return [
      { measure: `documentSymbol (Outline) after each edit, ${label}`, value: `${spread(run.outline)}; reply ${fmt(run.outlineBytes / 1e3, 0)} KB, ${run.outlineRows} rows` },
      { measure: `semanticTokens: first full request, then full/delta after each edit, ${label}`, value: `full ${fmt(run.tokensFull[0] ?? NaN)} ms; delta ${spread(run.tokensDelta)}` },
      { measure: `hover after each edit, ${label}`, value: spread(run.hover) },
      { measure: `didChange → publishDiagnostics with those requests between edits, ${label}`, value: spread(run.diagnostics) },
      { measure: `Slowest request of any kind, ${label}`, value: `${fmt(Math.max(...run.outline, ...run.tokensFull, ...run.tokensDelta, ...run.hover), 0)} ms` },
      { measure: `Server RSS over ${edits} edits, ${label}`, value: `${fmt(run.rssBefore, 0)} MB after opening → ${fmt(run.rssAfter, 0)} MB after the edits` },
    ];
  });
}

/**
 * Issue 16: a short document's requests while a long one is being analysed after an edit, with the long one's
 * analysis on the server's thread (before: worker disabled) and on the worker thread (after), the two servers
 * taking turns edit by edit so both see the same machine. Each round edits the 2 MB article, lets its analysis
 * start (a 20 ms pause; the analysis takes hundreds), then sends a hover on the short article and an edit of it
 * together, times the hover's reply and the edit's diagnostics, and waits for the long article's diagnostics
 * before the next round.
 */
async function benchLongAndShort(bytes: number, rounds: number): Promise<Row[]> {
  const modes = [{ name: 'server thread (before)', options: { workerThreshold: 1e15 } }, { name: 'worker thread (after)', options: {} }] as const;
  const servers = await Promise.all(modes.map((m) => startServer(serverJs, log, m.options)));
  try {
    const big = 'file:///bench/long.txt';
    const small = 'file:///bench/short.txt';
    const texts = servers.map(() => ({ big: articleOf(bytes), small: seeds[0]! }));
    await Promise.all(servers.map(async (server, i) => {
      for (const [uri, text] of [[big, texts[i]!.big], [small, texts[i]!.small]] as const) {
        await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
        await server.published(uri, 1);
      }
    }));
    const hover = modes.map((): number[] => []);
    const diagnostics = modes.map((): number[] => []);
    const longEdit = modes.map((): number[] => []);
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < servers.length; k++) {
        const i = (round + k) % servers.length; // alternate which server goes first
        const server = servers[i]!;
        const version = round + 2;
        texts[i]!.big = editedText(texts[i]!.big, round);
        texts[i]!.small = editedText(texts[i]!.small, round);
        const started = performance.now();
        const longDone = server.published(big, version).then(() => performance.now() - started);
        await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: big, version }, contentChanges: [{ text: texts[i]!.big }] });
        await new Promise((resolve) => setTimeout(resolve, 20));
        // The hover and the edit are sent together, each timed from its own sending.
        const sent = performance.now();
        const hovered = server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line: 0, character: 2 } }).then(() => performance.now() - sent);
        const changed = performance.now();
        const published = server.published(small, version).then(() => performance.now() - changed);
        await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: small, version }, contentChanges: [{ text: texts[i]!.small }] });
        hover[i]!.push(await hovered);
        diagnostics[i]!.push(await published);
        longEdit[i]!.push(await longDone);
      }
    }
    const spread = (times: number[]) => {
      const sorted = [...times].sort((a, b) => a - b);
      return `p50 ${fmt(percentile(sorted, 50))} ms, p95 ${fmt(percentile(sorted, 95))} ms, max ${fmt(sorted[sorted.length - 1] ?? NaN)} ms`;
    };
    const label = `${fmt(bytes / 1e6, 0)} MB article being analysed, ${rounds} rounds, interleaved`;
    return modes.flatMap((m, i) => [
      { measure: `Short article's hover while a ${label}: ${m.name}`, value: spread(hover[i]!) },
      { measure: `Short article's didChange → publishDiagnostics while a ${label}: ${m.name}`, value: spread(diagnostics[i]!) },
      { measure: `The long article's own didChange → publishDiagnostics in those rounds: ${m.name}`, value: spread(longEdit[i]!) },
    ]);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/** `--worker-threshold <characters>` for the latency and editor rows (1e15: every analysis on the server's thread, as before issue 16). */
function serverOptions(): object | undefined {
  const threshold = arg('--worker-threshold');
  return threshold === undefined ? undefined : { workerThreshold: Number(threshold) };
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return kb ? Number(kb[1]) / 1024 : NaN;
}

async function benchMemory(server: BenchServer, count: number): Promise<Row> {
  const pid = server.child.pid!;
  const before = rssMb(pid);
  const opened: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const uri = `file:///bench/open/article-${String(i + 1).padStart(4, '0')}.txt`;
    const text = `${seeds[i % seeds.length]!}\n\nArticle ${i + 1}.\n`;
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    opened.push(server.published(uri, 1));
  }
  await Promise.all(opened);
  const after = rssMb(pid);
  return { measure: `Server RSS after opening ${count.toLocaleString('en-US')} articles`, value: `${fmt(after, 0)} MB (${fmt(before, 0)} MB before opening)` };
}

/** `only`: 'editor' stops after the editor rows, 'latency' after the two latency rows. */
async function benchLsp(only?: 'editor' | 'latency' | 'requests'): Promise<Row[]> {
  if (!fs.existsSync(serverJs)) {
    log('dist/server.js is missing: run `npm run build` (LSP rows skipped)');
    return [{ measure: 'LSP latency and memory', value: 'skipped: dist/server.js not built' }];
  }
  const rows: Row[] = [];
  const before = arg('--server-before');
  for (const [bytes, warmup, edits] of only === 'requests' ? [] : ([[100_000, 30, 100], [1_000_000, 5, 20]] as const)) {
    log(`lsp: latency on ${bytes} bytes, ${warmup} + ${edits} edits${before ? `, interleaved with ${before}` : ''}`);
    if (before) rows.push(...(await withServer(before, log, (old) => withServer(serverJs, log, (server) => benchLatencyPair(old, server, bytes, warmup, edits), serverOptions()), serverOptions())));
    else {
      for (const sync of ['incremental', 'full'] as const) rows.push(await withServer(serverJs, log, (server) => benchLatency(server, bytes, warmup, edits, sync), serverOptions()));
    }
  }
  if (only === 'latency') return rows;
  if (process.platform === 'linux') {
    log(`lsp: a 1 MB article with editor requests, 50 edits${before ? `, interleaved with ${before}` : ''}`);
    const editor = (servers: { label: string; server: BenchServer }[]) => benchLongDocument(servers, 1_000_000, 50);
    if (before) rows.push(...(await withServer(before, log, (old) => withServer(serverJs, log, (server) => editor([{ label: ', --server-before build', server: old }, { label: ', this build', server }]), serverOptions()), serverOptions())));
    else rows.push(...(await withServer(serverJs, log, (server) => editor([{ label: '', server }]), serverOptions())));
  }
  if (only === 'editor' || only === 'requests') return rows;
  log('lsp: a short article while a 2 MB article is analysed, server thread vs worker thread');
  rows.push(...(await benchLongAndShort(2_000_000, 20)));
  rows.push(await benchColdStart());
  if (process.platform === 'linux') {
    log('lsp: opening 1,000 articles');
    rows.push(await withServer(serverJs, log, (server) => benchMemory(server, 1000)));
  } else rows.push({ measure: 'Server RSS after opening 1,000 articles', value: 'skipped: needs /proc (Linux)' });
  return rows;
}

// ----------------------------------------------------------------------------------------------- (d)

/** The TextMate grammar on lines built to make a careless grammar backtrack: the slowest of them, best of three. */
async function benchGrammar(): Promise<Row[]> {
  log(`grammar: ${PATHOLOGICAL_LINES.length} pathological lines`);
  const grammar = await loadGrammar('text.cis-article');
  let slowest = 0;
  let slowestLine = '';
  for (const line of PATHOLOGICAL_LINES) {
    const ms = Math.min(...[0, 1, 2].map(() => {
      const started = performance.now();
      grammar.tokenizeLine(line, vsctm.INITIAL);
      return performance.now() - started;
    }));
    if (ms > slowest) [slowest, slowestLine] = [ms, line];
  }
  return [{ measure: `Grammar: slowest of ${PATHOLOGICAL_LINES.length} pathological lines (${fmt(Math.max(...PATHOLOGICAL_LINES.map((l) => l.length)), 0)} characters at most)`, value: `${fmt(slowest)} ms (${JSON.stringify(slowestLine.slice(0, 12))}…)` }];
}

// ----------------------------------------------------------------------------------------------- (e)

/** Re-anchoring one annotation in a 1 MB article (what the anchoring tests no longer time): best of three each. */
function benchReanchor(): Row[] {
  log('anchoring: one annotation in a 1 MB article');
  const NOW = '2024-03-02T10:00:00.000Z';
  const big = bigArticle(1_000_000, 7);
  const at = big.indexOf(' ', 500_000) + 1;
  const span = { start: at, end: at + 150 };
  const annotation = createAnnotation(big, span, { status: 'verified' }, NOW, 'urn:uuid:bench');
  const exact = big.slice(span.start, span.end);
  const edited = `Lead paragraph added.\n${big.slice(0, span.start)}${exact.slice(0, 40)}XYZ${exact.slice(43)}${big.slice(span.end)}`;
  const vanished = big.slice(0, span.start) + big.slice(span.end);
  const best = (text: string) => Math.min(...[0, 1, 2].map(() => {
    const started = performance.now();
    reanchor(text, annotation);
    return performance.now() - started;
  }));
  const orphan = isOrphan(reanchor(vanished, annotation)) ? 'orphaned' : 'anchored nearby';
  return [{ measure: 'Re-anchoring one annotation in a 1 MB article', value: `after an edit inside it (fuzzy) ${fmt(best(edited))} ms; passage deleted (${orphan}) ${fmt(best(vanished))} ms` }];
}

async function main(): Promise<void> {
  const only = arg('--only');
  const corpusMb = Number(arg('--corpus-mb') ?? 10);
  const rows: Row[] = [];
  if (only === undefined || only === 'core') rows.push(...benchCore(corpusMb));
  if (only === undefined || only === 'names') rows.push(...benchNames());
  if (only === undefined || only === 'storm') rows.push(...benchQuoteStorm());
  if (only === undefined || only === 'kb') rows.push(...benchKb());
  if (only === undefined || only === 'lsp') rows.push(...(await benchLsp()));
  if (only === 'editor' || only === 'latency' || only === 'requests') rows.push(...(await benchLsp(only)));
  if (only === 'worker') rows.push(...(await benchLongAndShort(2_000_000, 20)));
  if (only === undefined || only === 'grammar') rows.push(...(await benchGrammar()));
  if (only === undefined || only === 'anchoring') rows.push(...benchReanchor());
  if (only === undefined || only === 'reliability') {
    log('reliability: CSV export scaling, 500-edit burst');
    rows.push(...benchExport());
    if (serverBuilt(serverJs)) rows.push(...(await withServer(serverJs, log, (server) => benchBurst(server, articleOf(100_000)))));
  }
  if (only === undefined || only === 'cli') rows.push(...benchCli(corpus(corpusMb * 1e6), arg('--cli-before')));
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    `CIS Lens benchmark — Node ${process.version}, ${cpu} (${os.cpus().length} threads), ${new Date().toISOString().slice(0, 10)}`,
    '',
    '| Measure | Result |',
    '| --- | --- |',
    ...rows.map((r) => `| ${r.measure} | ${r.value} |`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error) => {
  process.stderr.write(`bench: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exitCode = 1;
});
