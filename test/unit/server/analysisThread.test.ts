/**
 * The analysis worker thread (issue 16): what comes back equals an analysis on this thread; a failed analysis
 * is reported and the worker goes on; a worker that dies is reported once, everything waiting is rejected and
 * it is never used again; and a server whose worker dies analyses on its own thread and still publishes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import type { KbFiles } from '../../../server/src/analysisMessages';
import { runQuery, type QueryName, type QueryParams } from '../../../server/src/articleQueries';
import { AnalysisThread } from '../../../server/src/analysisThread';
import type { AnalysisInput } from '../../../server/src/documentAnalysis';
import { resolveConfig } from '../../../server/src/core';
import { reviewArticle } from '../../../server/src/core/review';
import { createAnnotation } from '../../../server/src/core/annotations/model';
import { listKbFiles, loadKnowledgeBase } from '../../../server/src/kbLoader';
import { startServer } from '../../../server/src/server';
import { repoRoot } from '../../helpers/kb';

const workerScript = path.join(repoRoot, 'out', 'server', 'src', 'analysisWorker.js');
const files: KbFiles = { builtIn: listKbFiles(path.join(repoRoot, 'seeds', 'kb')), user: [] };
const seedsDir = path.join(repoRoot, 'seeds', 'articles');
const seedText = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8')).join('\n\n');

function scriptFile(name: string, source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cis-worker-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, source);
  return file;
}

function inputOf(text: string, annotations: AnalysisInput['annotations'] = []): AnalysisInput {
  return { uri: 'file:///t/a.txt', version: 1, text, config: resolveConfig({ today: '2024-05-01' }), annotations };
}

suite('Analysis worker thread', function () {
  this.timeout(60000);
  const threads: AnalysisThread[] = [];
  teardown(async () => {
    await Promise.all(threads.map((t) => t.stop()));
    threads.length = 0;
  });
  const thread = (script: string, log: (m: string) => void = () => undefined) => {
    const t = new AnalysisThread(script, files, log);
    threads.push(t);
    return t;
  };

  test("a result from the worker, and its answers to every query, equal the same analysis on this thread (with annotations)", async () => {
    const text = seedText;
    const at = text.indexOf('Putin');
    const annotation = createAnnotation(text, { start: at, end: at + 5 }, { status: 'verified' }, '2024-05-01T00:00:00.000Z', 'urn:uuid:t1');
    const input = inputOf(text, [annotation]);
    const worker = thread(workerScript);
    const result = await worker.analyse(input);
    const kb = loadKnowledgeBase(files.builtIn).kb;
    const here = reviewArticle(text, kb, input.config, input.annotations);
    assert.ok(here.model.entities.length > 0 && here.entries.length === 1);
    assert.deepStrictEqual(result, { findings: here.model.diagnostics, entries: here.entries });
    const doc = TextDocument.create(input.uri, 'plaintext', input.version, text);
    const mention = here.model.entities.find((e) => e.id !== null)!;
    const quote = here.model.quotes[0]!;
    const whole = { start: doc.positionAt(0), end: doc.positionAt(text.length) };
    const diagnostics = here.model.diagnostics.slice(0, 20).map((f) => ({ range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) }, message: f.message, source: 'cis-lens', code: f.code, data: { start: f.start, end: f.end } }));
    const queries: { [N in QueryName]: QueryParams<N>[] } = {
      documentSymbols: [undefined],
      semanticTokens: [undefined],
      hover: [{ offset: mention.start }, { offset: quote.start + 1 }, { offset: at }, { offset: 0 }],
      definition: [{ offset: mention.start }, { offset: 0 }],
      references: [{ offset: mention.start, includeDeclaration: true }, { offset: mention.start, includeDeclaration: false }],
      codeActions: [{ range: whole, diagnostics }],
    };
    let answers = 0;
    for (const name of Object.keys(queries) as QueryName[]) {
      for (const params of queries[name]) {
        const there = await worker.query(input.uri, input.version, name, params as never);
        assert.deepStrictEqual(there, { answer: runQuery(name, { doc, article: here, kb }, params as never) }, `${name} ${JSON.stringify(params)}`);
        answers++;
      }
    }
    console.log(`      ${answers} answers from the worker equal this thread's`);
    assert.equal(worker.completed, 1);
  });

  test("the worker answers queries on each document's last analysis only, and forgets a closed document", async () => {
    const worker = thread(workerScript);
    const first = inputOf('President Vladimir Putin said “we will see” on Monday.');
    const second = { ...first, version: 2, text: `${first.text} Then he left.` };
    await worker.analyse(first);
    const symbols = await worker.query(first.uri, 1, 'documentSymbols', undefined);
    assert.ok(symbols && symbols.answer.length > 0);
    await worker.analyse(second);
    assert.equal(await worker.query(first.uri, 1, 'documentSymbols', undefined), undefined);
    assert.ok((await worker.query(first.uri, 2, 'semanticTokens', undefined))?.answer.length);
    assert.equal(await worker.query('file:///t/other.txt', 2, 'hover', { offset: 3 }), undefined);
    worker.forget(first.uri);
    assert.equal(await worker.query(first.uri, 2, 'documentSymbols', undefined), undefined);
    assert.equal(worker.completed, 2);
    assert.equal(worker.inFlight, 0);
  });

  test('a query that throws on the worker rejects, and the worker goes on', async () => {
    const worker = thread(workerScript);
    const input = inputOf('President Vladimir Putin said “we will see” on Monday.');
    await worker.analyse(input);
    await assert.rejects(worker.query(input.uri, 1, 'codeActions', { range: null, diagnostics: null } as never), /TypeError/);
    assert.ok((await worker.query(input.uri, 1, 'hover', { offset: input.text.indexOf('Putin') }))?.answer);
  });

  test('a failed analysis rejects its promise and the worker goes on', async () => {
    const script = scriptFile('fails.js', `
      const { parentPort } = require('node:worker_threads');
      parentPort.on('message', (m) => { if (m.type === 'analyse') parentPort.postMessage({ type: 'failed', id: m.id, error: 'no luck ' + m.input.text }); });`);
    const worker = thread(script);
    await assert.rejects(worker.analyse(inputOf('one')), /no luck one/);
    await assert.rejects(worker.analyse(inputOf('two')), /no luck two/);
    assert.equal(worker.usable, true);
    assert.equal(worker.running, true);
  });

  test('a worker that dies rejects everything waiting, says so once, and is never started again', async () => {
    const script = scriptFile('dies.js', `
      const { parentPort } = require('node:worker_threads');
      parentPort.on('message', () => process.exit(3));`);
    const logged: string[] = [];
    const worker = thread(script, (m) => logged.push(m));
    const first = worker.analyse(inputOf('one'));
    const second = worker.analyse(inputOf('two'));
    await assert.rejects(first, /exited with code 3/);
    await assert.rejects(second, /exited with code 3/);
    assert.equal(worker.usable, false);
    assert.equal(worker.running, false);
    await assert.rejects(worker.analyse(inputOf('three')), /own thread/);
    assert.equal(logged.length, 1, logged.join('\n'));
  });

  test('a worker script that throws as it starts counts as dead', async () => {
    const worker = thread(scriptFile('throws.js', `throw new Error('broken bundle');`));
    await assert.rejects(worker.analyse(inputOf('one')), /broken bundle/);
    assert.equal(worker.usable, false);
  });

  test('stop rejects what is waiting; the next analysis starts the worker again', async () => {
    const worker = thread(workerScript);
    const waiting = assert.rejects(worker.analyse(inputOf(seedText)), /stopped/);
    await worker.stop();
    await waiting;
    assert.equal(worker.running, false);
    const result = await worker.analyse(inputOf('President Vladimir Putin said “we will see” on Monday.'));
    assert.ok(result.findings !== undefined && worker.running && worker.usable);
  });

  test('a server whose worker dies analyses the long document on its own thread and publishes the same diagnostics', async () => {
    const dies = scriptFile('dies.js', `require('node:worker_threads').parentPort.on('message', () => process.exit(7));`);
    const text = seedText.repeat(Math.ceil(300_000 / seedText.length));
    const run = async (options: { workerScript?: string }, initializationOptions: object) => {
      const toServer = new PassThrough();
      const fromServer = new PassThrough();
      const server = createConnection(toServer, fromServer);
      startServer(server, options);
      const client = createProtocolConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
      const logs: string[] = [];
      client.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
      const published = new Promise<Diagnostic[]>((resolve) => client.onNotification(PublishDiagnosticsNotification.type, (p) => resolve(p.diagnostics)));
      client.listen();
      await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, workspaceFolders: null, capabilities: {}, initializationOptions });
      await client.sendNotification(InitializedNotification.type, {});
      const uri = 'file:///t/long.txt';
      await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
      const diagnostics = await published;
      const hover = await client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } });
      const status = await client.sendRequest<{ worker: { usable: boolean; analyses: number } }>('cisLens/status');
      client.dispose();
      server.dispose();
      return { diagnostics, hover, status, logs };
    };
    const broken = await run({ workerScript: dies }, {});
    const inThread = await run({}, { workerThreshold: 1e15 });
    console.log(`      worker died: ${broken.diagnostics.length} diagnostics published from the server's thread; logged: ${broken.logs.filter((l) => /worker/.test(l)).length} lines`);
    assert.equal(broken.status.worker.usable, false);
    assert.ok(broken.logs.some((l) => /analysis worker stopped \(it exited with code 7\)/.test(l)), broken.logs.join('\n'));
    assert.ok(broken.diagnostics.length > 0);
    assert.deepEqual(broken.diagnostics, inThread.diagnostics);
    assert.deepEqual(broken.hover, inThread.hover);
  });
});
