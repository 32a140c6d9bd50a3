/**
 * The server keeps whole analyses only for the documents in use (recentDocuments.ts): a document opened and not
 * asked about gives its analysis up when the next one opens, and a request or an edit on it afterwards gets the
 * same answers as one whose analysis was kept.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidChangeTextDocumentNotification, DocumentSymbolRequest, HoverRequest, SemanticTokensRequest } from 'vscode-languageserver-protocol/node';
import { repoRoot } from '../helpers/kb';
import { positionOf, startTestServer, type TestServer } from '../helpers/lspClient';

const seedsDir = path.join(repoRoot, 'seeds', 'articles');
const seeds = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));
const status = (server: TestServer) => server.connection.sendRequest('cisLens/status') as Promise<{ keptAnalyses: number; analyses: number }>;

suite('LSP: analyses kept for the documents in use', () => {
  let server: TestServer;
  suiteSetup(async () => {
    server = await startTestServer(null, undefined, [], { keptAnalyses: { documents: 2, characters: 1e9 } });
  });
  suiteTeardown(async () => server?.stop());

  const file = (name: string) => path.join(os.tmpdir(), `cis-lens-kept-${name}.txt`);
  async function answers(uri: string, text: string) {
    return {
      outline: await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }),
      hover: await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, 'Putin') }),
      tokens: (await server.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }))!.data,
    };
  }

  test('opened and never asked about: one analysis kept; asked about later: the same answers as right after opening', async () => {
    const fresh = await server.open(file('fresh'), 'plaintext', seeds[0]);
    const kept = await answers(fresh.uri, fresh.text);
    assert.ok(kept.hover && kept.tokens.length > 0, 'a hover on Putin and some tokens');
    const opened = await server.open(file('first'), 'plaintext', seeds[0]);
    for (let i = 1; i < seeds.length; i++) await server.open(file(`other-${i}`), 'plaintext', seeds[i]);
    const before = await status(server);
    assert.equal(before.keptAnalyses, 2, `the document asked about and the one opened last: ${JSON.stringify(before)}`);
    assert.deepEqual(await answers(opened.uri, opened.text), kept);
    assert.equal((await status(server)).analyses, before.analyses + 1, 'analysed again once for the three requests');
  });

  test('an edit after the analysis was given up publishes what a fresh document with that text gets', async () => {
    const edited = `${seeds[1]}\nUnnamed officials said exports grew by 40 percent in 2023.\n`;
    const document = await server.open(file('edited'), 'plaintext', seeds[1]);
    for (let i = 2; i < seeds.length; i++) await server.open(file(`more-${i}`), 'plaintext', seeds[i]);
    const next = server.diagnostics(document.uri, 2);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: document.uri, version: 2 }, contentChanges: [{ text: edited }] });
    const after = await next;
    const fresh = await server.open(file('edited-fresh'), 'plaintext', edited);
    assert.deepEqual(after, fresh.diagnostics);
    assert.notDeepEqual(after, document.diagnostics, 'the edit changed the findings');
  });
});
