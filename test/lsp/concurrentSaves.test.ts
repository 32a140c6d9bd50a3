/**
 * Two editor windows on one folder (two real server processes) and an outside tool write to one annotations
 * file at once: every annotation a server acknowledged, and every one the tool wrote, is in the file afterwards.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import { startTestServer, type TestServer } from '../helpers/lspClient';

const ARTICLE = 'Trade reached almost $90 billion in ten months, officials said. Analysts say the summit failed.\n';
const PER_SERVER = 100;
const EXTERNAL = 40;

/**
 * An outside tool that follows the documented lock protocol, written here from the protocol alone: create
 * `<file>.lock` exclusively, read the file, add one annotation, write a temporary file and rename it over, remove
 * the lock. Prints how many annotations it wrote.
 */
const EXTERNAL_WRITER = `
const fs = require('fs');
const [file, count] = [process.argv[1], Number(process.argv[2])];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  let written = 0;
  for (let i = 0; i < count; i++) {
    for (;;) {
      try { fs.closeSync(fs.openSync(file + '.lock', 'wx')); break; } catch { await sleep(1 + Math.random() * 5); }
    }
    try {
      const data = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8'))
        : { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [] } };
      data.first.items.push({ id: 'urn:external:' + i, type: 'Annotation', motivation: 'commenting',
        body: [{ type: 'TextualBody', purpose: 'commenting', value: 'external ' + i }],
        target: { source: 'article.txt', selector: [{ type: 'TextQuoteSelector', exact: 'Trade' }] } });
      data.total = data.first.items.length;
      fs.writeFileSync(file + '.ext.tmp', JSON.stringify(data, null, 2));
      fs.renameSync(file + '.ext.tmp', file);
      written++;
    } finally { fs.unlinkSync(file + '.lock'); }
    await sleep(Math.random() * 4);
  }
  process.stdout.write(String(written));
})();
`;

suite('LSP: concurrent annotation saves', function () {
  this.timeout(120000);
  let dir: string;
  let servers: TestServer[] = [];

  setup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cis-lens-concurrent-'));
  });
  teardown(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    servers = [];
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('two servers writing 2 × 100 annotations to one file, and an outside writer: nothing acknowledged is lost', async () => {
    const file = path.join(dir, 'article.txt');
    fs.writeFileSync(file, ARTICLE);
    servers = await Promise.all([startTestServer(dir), startTestServer(dir)]);
    const uris = await Promise.all(servers.map(async (s) => (await s.open(file)).uri));

    const external = spawn(process.execPath, ['-e', EXTERNAL_WRITER, `${file}.annotations.json`, String(EXTERNAL)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let externalOut = '';
    external.stdout!.on('data', (d) => (externalOut += d));
    const externalDone = new Promise<void>((resolve) => external.once('exit', () => resolve()));

    // Every request sent at once, without waiting, from both servers.
    const requests = servers.flatMap((server, s) => Array.from({ length: PER_SERVER }, (_, i) => {
      const note = `server ${s} note ${i}`;
      return server.connection.sendRequest(ExecuteCommandRequest.type, {
        command: 'cisLens.applyAnnotation',
        arguments: [{ uri: uris[s], start: 0, end: 5, status: 'note', note }],
      }).then((ok) => ({ note, ok: ok === true }));
    }));
    const answers = await Promise.all(requests);
    await externalDone;

    const acknowledged = answers.filter((a) => a.ok).map((a) => a.note);
    const saved = JSON.parse(fs.readFileSync(`${file}.annotations.json`, 'utf8'));
    const items: { id: string; cisLens?: { note?: string }; body: { value?: string }[] }[] = saved.first.items;
    const notes = new Set(items.map((a) => a.cisLens?.note ?? a.body[0]?.value));
    const lost = acknowledged.filter((n) => !notes.has(n));
    const externalLost = Array.from({ length: Number(externalOut) }, (_, i) => `external ${i}`).filter((n) => !notes.has(n));
    console.log(`      acknowledged ${acknowledged.length} of ${answers.length}; outside writer wrote ${externalOut}; in the file: ${items.length}; lost: ${lost.length} + ${externalLost.length}`);
    assert.deepEqual(lost, []);
    assert.deepEqual(externalLost, []);
    assert.equal(Number(externalOut), EXTERNAL);
    // With a 5 s lock timeout and short writes, every request should have been saved at once.
    assert.equal(acknowledged.length, answers.length);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['article.txt', 'article.txt.annotations.json']);
  });
});
