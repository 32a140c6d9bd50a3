/** A FIFO in the workspace named like a knowledge-base file does not block the server: it is reported and skipped. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../helpers/kb';
import { startTestServer, type TestServer } from '../helpers/lspClient';

suite('LSP: special files in the workspace', function () {
  this.timeout(60000);
  let server: TestServer | undefined;
  let dir: string | undefined;
  teardown(async () => {
    await server?.stop();
    server = undefined;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a FIFO named x.cis.json: the server starts, reports it on the file, and analyses articles', async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cis-lens-fifo-kb-'));
    const fifo = path.join(dir, 'people.cis.json');
    if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
    server = await startTestServer(dir);
    const kbProblem = server.diagnostics(pathToFileURL(fifo).toString());
    const seeds = path.join(repoRoot, 'seeds', 'articles');
    const article = path.join(dir, 'article.txt');
    fs.copyFileSync(path.join(seeds, fs.readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()[0]!), article);
    const opened = await server.open(article);
    const problems = await kbProblem;
    assert.ok(opened.diagnostics.length > 0, 'the article was analysed');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /Cannot read knowledge-base file: .*people\.cis\.json is a FIFO \(named pipe\), not a regular file/);
  });
});
