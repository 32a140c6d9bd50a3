/** A document over cisLens.maxFileSize is analysed up to the limit, with one message saying what was and was not. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidChangeTextDocumentNotification, DocumentSymbolRequest, type Diagnostic, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { analysedLength } from '../../server/src/core/text/limit';
import { repoRoot } from '../helpers/kb';
import { startTestServer, type TestServer } from '../helpers/lspClient';

const seedsDir = path.join(repoRoot, 'seeds', 'articles');
const seeds = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));

suite('Size limit', () => {
  test('the analysed prefix ends at a line break at or before the limit, at a blank line when one is near', () => {
    assert.equal(analysedLength('short', 10), 5);
    assert.equal(analysedLength('one\ntwo\nthree', 10), 8);
    assert.equal(analysedLength('para one\n\nline two\nline three', 26), 10 + 9); // the blank line is too far back: the last line break
    assert.equal(analysedLength(`${'a'.repeat(95)}\n\nb\nccccc`, 100), 96); // a blank line within the last tenth
    assert.equal(analysedLength('x'.repeat(20), 10), 10); // one long line: cut at the limit
    assert.equal(analysedLength(`${'x'.repeat(9)}😀`, 10), 9); // never between the halves of a surrogate pair
  });

  let server: TestServer | undefined;
  suiteTeardown(async () => server?.stop());

  test('over the limit: findings up to the limit, none after, one message on the first line not analysed', async () => {
    const text = `${seeds[0]}\n\n${seeds[1]}`;
    const limit = seeds[0].length + 5;
    server = await startTestServer(null, { maxFileSize: limit });
    const file = path.join(os.tmpdir(), 'cis-lens-size-limit.txt');
    const { uri } = await server.open(file, 'plaintext', text);
    // The settings arrive just after the server starts: edit until they are in effect (the first publish may predate them).
    let diagnostics: Diagnostic[] = [];
    for (let version = 2; version < 8 && !diagnostics.some((d) => d.code === 'file-too-large'); version++) {
      const next = server.diagnostics(uri, version);
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
      diagnostics = await next;
    }
    const notices = diagnostics.filter((d) => d.code === 'file-too-large');
    assert.equal(notices.length, 1);
    const stopLine = text.slice(0, analysedLength(text, limit)).split('\n').length - 1;
    assert.equal(notices[0].range.start.line, stopLine);
    assert.match(notices[0].message, new RegExp(`analysed lines 1–${stopLine} .* and not lines ${stopLine + 1}–`));
    const findings = diagnostics.filter((d) => d.code !== 'file-too-large');
    assert.ok(findings.length > 0, 'the first article is analysed');
    assert.ok(findings.every((d) => d.range.end.line < stopLine), 'nothing after the limit');
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.ok(symbols.some((s) => s.name === 'People'));
  });
});
