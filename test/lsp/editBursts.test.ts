/**
 * Edit bursts over stdio: a client that sends hundreds of edits without waiting gets a few analyses, not one
 * per version, and the final diagnostics are those of the final text; a 2 MB document under 500 edits stays
 * within a 512 MB heap.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repoRoot } from '../helpers/kb';
import { startTestServer, type TestServer } from '../helpers/lspClient';

const seedsDir = path.join(repoRoot, 'seeds', 'articles');
const seedText = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8')).join('\n\n');

interface Status {
  analyses: number;
  openDocuments: number;
  cachedArticles: number;
}

function articleOf(chars: number): string {
  return seedText.repeat(Math.ceil(chars / seedText.length)).slice(0, chars);
}

/** Edit `i` of a burst: alternately insert a word somewhere and replace one character with itself. */
function editAt(doc: TextDocument, i: number): TextDocumentContentChangeEvent {
  const text = doc.getText();
  const at = text.indexOf(' ', Math.floor((((i * 7919) % 997) / 997) * text.length));
  const offset = at < 0 ? 0 : at;
  const start = doc.positionAt(offset);
  if (i % 2 === 0) return { range: { start, end: start }, text: ' Tass' };
  const end = doc.positionAt(offset + 1);
  return { range: { start, end }, text: text.charAt(offset) };
}

/** Sends `count` edits to the document without waiting; returns the document the server should now hold. */
async function burst(server: TestServer, start: TextDocument, count: number): Promise<TextDocument> {
  let doc = start;
  const uri = doc.uri;
  const sent: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const change = editAt(doc, i);
    doc = TextDocument.update(doc, [change], doc.version + 1);
    sent.push(server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: [change] }));
  }
  await Promise.all(sent);
  return doc;
}

suite('LSP: edit bursts', function () {
  this.timeout(400000);
  let server: TestServer | undefined;
  teardown(async () => {
    await server?.stop();
    server = undefined;
  });

  test('500 edits without waiting: a few dozen analyses at most, and the final diagnostics are a fresh analysis of the final text', async () => {
    server = await startTestServer();
    const uri = 'file:///burst/article.txt';
    const text = articleOf(100_000);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await server.diagnostics(uri, 1);
    const before = await server.connection.sendRequest<Status>('cisLens/status');
    const hoverDuring = server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } });
    const final = await burst(server, TextDocument.create(uri, 'plaintext', 1, text), 500);
    const diagnostics = await server.diagnostics(uri, final.version, 60000);
    await hoverDuring;
    const after = await server.connection.sendRequest<Status>('cisLens/status');
    const ran = after.analyses - before.analyses;

    const freshUri = 'file:///burst/fresh.txt';
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: freshUri, languageId: 'plaintext', version: 1, text: final.getText() } });
    const fresh = await server.diagnostics(freshUri, 1);
    console.log(`      500 edits: ${ran} analyses; final diagnostics: ${diagnostics.length}`);
    assert.ok(ran <= 36, `${ran} analyses for 500 edits`);
    // Related information points into the document itself: compare with the uri left out.
    assert.equal(JSON.stringify(diagnostics).replaceAll(uri, 'doc'), JSON.stringify(fresh).replaceAll(freshUri, 'doc'));
    assert.ok(diagnostics.length > 0);
  });

  test('a 2 MB document under 500 edits stays within a 512 MB heap, and closing it drops its analysis', async () => {
    server = await startTestServer(null, undefined, ['--max-old-space-size=512']);
    const uri = 'file:///burst/big.txt';
    const text = articleOf(2_000_000);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await server.diagnostics(uri, 1, 170000);
    const doc = await burst(server, TextDocument.create(uri, 'plaintext', 1, text), 500);
    await server.diagnostics(uri, doc.version, 170000);
    const open = await server.connection.sendRequest<Status>('cisLens/status');
    assert.equal(server.child.exitCode, null, 'the server died');
    assert.equal(open.cachedArticles, 1);
    await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    const closed = await server.connection.sendRequest<Status>('cisLens/status');
    console.log(`      2 MB, 500 edits under --max-old-space-size=512: ${open.analyses} analyses; cached after close: ${closed.cachedArticles}`);
    assert.equal(closed.cachedArticles, 0);
    assert.equal(closed.openDocuments, 0);
  });
});
