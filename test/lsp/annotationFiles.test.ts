/** Annotation files as the server reads them: one bad annotation among good ones, and changes made by other programs. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PublishDiagnosticsNotification, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { createAnnotation, createAnnotationFile, serializeAnnotationFile } from '../../server/src/core/annotations/model';
import { startTestServer, type TestServer } from '../helpers/lspClient';

const TEXT = 'Trade reached almost $90 billion in ten months, officials said.\n';
const FIGURE = '$90 billion';

function verifiedFigure(id: string) {
  const start = TEXT.indexOf(FIGURE);
  return createAnnotation(TEXT, { start, end: start + FIGURE.length }, { status: 'verified', rule: 'unverified-claim', note: 'customs data', article: 'article.txt' }, '2024-06-01T00:00:00.000Z', id);
}

suite('LSP: annotation files', function () {
  this.timeout(60000);
  let dir: string;
  let server: TestServer | undefined;
  setup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cis-lens-annotation-files-'));
  });
  teardown(async () => {
    await server?.stop();
    server = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('one annotation with an invalid selector: the valid one is applied, the bad one reported at its line', async () => {
    const file = path.join(dir, 'article.txt');
    fs.writeFileSync(file, TEXT);
    const good = verifiedFigure('urn:uuid:good');
    const bad = { ...verifiedFigure('urn:uuid:bad'), target: { source: 'article.txt', selector: [{ type: 'TextQuoteSelector', exact: '' }] } };
    const json = serializeAnnotationFile(createAnnotationFile([good, bad], 'urn:c'));
    fs.writeFileSync(`${file}.annotations.json`, json);
    server = await startTestServer(dir);
    const { diagnostics } = await server.open(file);
    assert.ok(!diagnostics.some((d) => d.code === 'unverified-claim' && d.message.includes('90 billion')), 'the valid verdict was not applied');
    const problem = diagnostics.find((d) => d.code === 'annotations-file');
    assert.ok(problem, diagnostics.map((d) => d.code).join());
    const line = json.slice(0, json.indexOf('"exact": ""')).split('\n').length;
    assert.match(problem!.message, new RegExp(`article\\.txt\\.annotations\\.json:${line}:\\d+: Annotation 1 is invalid`));
    assert.equal(fs.readFileSync(`${file}.annotations.json`, 'utf8'), json);
  });

  test('an annotation file written by another program is picked up and the article re-published, with no event from the client', async () => {
    const file = path.join(dir, 'article.txt');
    fs.writeFileSync(file, TEXT);
    server = await startTestServer(dir);
    const { uri, diagnostics } = await server.open(file);
    assert.ok(diagnostics.some((d) => d.code === 'unverified-claim'));
    const republished = new Promise<Diagnostic[]>((resolve) => {
      server!.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
        if (p.uri === uri && !p.diagnostics.some((d) => d.code === 'unverified-claim' && d.message.includes('90 billion'))) resolve(p.diagnostics);
      });
    });
    fs.writeFileSync(`${file}.annotations.json`, serializeAnnotationFile(createAnnotationFile([verifiedFigure('urn:uuid:outside')], 'urn:c')));
    const after = await Promise.race([republished, new Promise<null>((resolve) => setTimeout(() => resolve(null), 20000))]);
    assert.ok(after, 'the change on disk was not re-published');
  });
});
