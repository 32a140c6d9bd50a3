/**
 * Long documents are analysed on a worker thread (issue 16): while one is analysed, requests on another
 * document are answered; the results are those of an analysis on the server's own thread; the worker runs only
 * while a long document is open. Proven by the order of events and the server's status, never by timing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  HoverRequest,
  ReferencesRequest,
  SemanticTokensRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repoRoot } from '../helpers/kb';
import { startTestServer, type TestServer } from '../helpers/lspClient';

const seedsDir = path.join(repoRoot, 'seeds', 'articles');
const seeds = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));
const seedText = seeds.join('\n\n');

interface Status {
  analyses: number;
  worker: { running: boolean; usable: boolean; analyses: number; inFlight: number };
}

function articleOf(chars: number): string {
  return seedText.repeat(Math.ceil(chars / seedText.length)).slice(0, chars);
}

const status = (server: TestServer) => server.connection.sendRequest<Status>('cisLens/status');

/** Asks for the status until `ready` holds, or `over` (each answer is an event; nothing here waits on a clock). */
async function statusWhen(server: TestServer, ready: (s: Status) => boolean, over: () => boolean): Promise<Status> {
  for (;;) {
    const s = await status(server);
    if (ready(s) || over()) return s;
  }
}

function open(server: TestServer, uri: string, text: string, version = 1): Promise<void> {
  return server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version, text } });
}

suite('LSP: long documents on the analysis worker thread', function () {
  this.timeout(300000);
  const servers: TestServer[] = [];
  teardown(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    servers.length = 0;
  });

  test("a short document's hover and diagnostics are answered while a 2 MB document's analysis is in flight", async () => {
    const server = await startTestServer();
    servers.push(server);
    const small = 'file:///worker/small.txt';
    const big = 'file:///worker/big.txt';
    await open(server, small, seeds[0]!);
    await server.diagnostics(small, 1);
    assert.equal((await status(server)).worker.running, false, 'no long document yet: no worker');

    const events: string[] = [];
    void server.diagnostics(big, 1, 200000).then(() => events.push('big diagnostics'));
    await open(server, big, articleOf(2_000_000));
    // The long document's analysis has been posted to the worker and has not come back.
    const posted = await statusWhen(server, (s) => s.worker.inFlight === 1, () => events.length > 0);
    assert.equal(posted.worker.inFlight, 1, `the long document's analysis was never seen on the worker (events: ${events.join(', ') || 'none'})`);

    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line: 0, character: 2 } });
    events.push('small hover');
    const edited = `${seeds[0]!}\nPutin said the talks would resume.\n`;
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: small, version: 2 }, contentChanges: [{ text: edited }] });
    const smallDiagnostics = await server.diagnostics(small, 2);
    events.push('small diagnostics');
    const during = await status(server);
    events.push(`status: ${during.worker.inFlight} in flight`);

    await server.diagnostics(big, 1, 200000);
    const after = await status(server);
    console.log(`      events in order: ${events.join(' → ')}; hover ${hover ? 'answered' : 'empty'}, ${smallDiagnostics.length} diagnostics on the short document`);
    assert.equal(during.worker.inFlight, 1, 'the short document was answered while the long one was still being analysed');
    assert.deepEqual(events.slice(0, 3), ['small hover', 'small diagnostics', 'status: 1 in flight']);
    assert.equal(events[3], 'big diagnostics');
    assert.equal(after.worker.analyses, 1, 'the long document was analysed on the worker');
    assert.equal(after.worker.inFlight, 0);
  });

  test('results from the worker equal an analysis on the server thread: diagnostics, hover, Outline, tokens, F12, references, code actions, before and after an edit', async () => {
    const [onWorker, onThread] = await Promise.all([startTestServer(), startTestServer(null, undefined, [], { workerThreshold: 1e15 })]);
    servers.push(onWorker, onThread);
    const uri = 'file:///worker/same.txt';
    let doc = TextDocument.create(uri, 'plaintext', 1, articleOf(1_000_000));
    const results = async (server: TestServer, version: number) => {
      const diagnostics: Diagnostic[] = await server.diagnostics(uri, version, 200000);
      const line = doc.positionAt(doc.getText().indexOf('Putin', 600_000)).line;
      const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 0 } });
      const hovers = await Promise.all([0, 1, 2].map((i) => server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(doc.getText().indexOf('Putin', 300_000 * i) + 1) })));
      const symbols = await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      const tokens = await server.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
      const putin = doc.positionAt(doc.getText().indexOf('Putin', 700_000) + 1);
      const definition = await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: putin });
      const references = await server.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: putin, context: { includeDeclaration: true } });
      const near = diagnostics.filter((d) => d.range.start.line >= putin.line - 40 && d.range.start.line <= putin.line + 40);
      const actions = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: putin.line - 40, character: 0 }, end: { line: putin.line + 40, character: 0 } }, context: { diagnostics: near } });
      return { diagnostics, hover, hovers, symbols, tokens: tokens?.data, definition, references, actions };
    };
    await Promise.all([open(onWorker, uri, doc.getText()), open(onThread, uri, doc.getText())]);
    const [a1, b1] = await Promise.all([results(onWorker, 1), results(onThread, 1)]);
    const change = { range: { start: doc.positionAt(500_000), end: doc.positionAt(500_010) }, text: '“We will not give up,” Putin said.' };
    doc = TextDocument.update(doc, [change], 2);
    for (const server of [onWorker, onThread]) await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [change] });
    const [a2, b2] = await Promise.all([results(onWorker, 2), results(onThread, 2)]);
    const [sa, sb] = await Promise.all([status(onWorker), status(onThread)]);
    console.log(`      1 MB: ${a1.diagnostics.length} / ${a2.diagnostics.length} diagnostics, ${a1.symbols?.length} Outline groups; worker analyses ${sa.worker.analyses} vs ${sb.worker.analyses}`);
    assert.ok(a1.diagnostics.length > 0 && a1.hovers.some((h) => h !== null));
    assert.ok(a1.definition && (a1.references?.length ?? 0) > 1 && (a1.actions?.length ?? 0) > 0, 'F12, references and code actions answered');
    assert.deepEqual(a1, b1);
    assert.deepEqual(a2, b2);
    assert.notDeepEqual(a1.diagnostics, a2.diagnostics, 'the edit changed the findings');
    assert.equal(sa.worker.analyses, 2);
    assert.equal(sb.worker.analyses, 0);
    assert.equal(sb.worker.running, false);
  });

  test('the worker runs only while a long document is open; a later one starts it again', async () => {
    const server = await startTestServer();
    servers.push(server);
    const big = 'file:///worker/one.txt';
    await open(server, big, articleOf(400_000));
    await server.diagnostics(big, 1, 200000);
    assert.equal((await status(server)).worker.running, true);
    await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: big } });
    assert.equal((await status(server)).worker.running, false, 'stopped when the last long document closed');
    const again = 'file:///worker/two.txt';
    await open(server, again, articleOf(300_000));
    const diagnostics = await server.diagnostics(again, 1, 200000);
    const s = await status(server);
    assert.ok(diagnostics.length > 0);
    assert.equal(s.worker.running, true);
    assert.equal(s.worker.analyses, 2);
  });
});
